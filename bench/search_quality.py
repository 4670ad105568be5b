"""Search quality on real pages: recall, precision@10 and nDCG@10 against a hand-made key.

    .venv/bin/python bench/search_quality.py [--key bench/search_key.json] [--database-url URL]
                                            [--show N] [--dump DIR]

Imports the seed pages and the 61 pages of the dev corpus (``../shared/corpus/dev``, or
``IMPORT_QUALITY_CORPUS``) into a fresh database through the importer (``document_import``),
publishes every document with what was drawn from it, and runs each query of the key
through the site's search service (``apps.search.services.documents_search``, what /search/
shows, nearest matches included when nothing matches in full) over the published documents.

The database is a new SQLite file in a temporary folder, or ``--database-url``: a PostgreSQL
database that is dropped and created again (its name must start with ``pt`` and contain
``quality``, so that no other database can be emptied by mistake).

The key (``bench/search_key.json``) holds queries and file names only, decided by reading
the pages; no page text is in the repository. Per query, ``relevant`` are the pages about
what is asked (grade 2) and ``partial`` pages that treat it in passing but in the asked
sense (grade 1); every other page is not relevant (a word in a list, another meaning).

- recall: relevant pages (grade 2) found anywhere in the results / relevant pages;
- precision@10: pages of grade 1 or 2 among the first ten results / results shown (at
  most ten), so a page of results that are about something else scores low however few
  the relevant pages are; 1.0 for a query with nothing relevant and nothing shown;
- nDCG@10: DCG of the first ten by grade (gain 2^grade - 1), divided by the DCG of the
  ideal order of the key's pages;
- about@R: of the first R results (R the number of relevant pages, at most ten), how many
  are relevant (grade 2): pages about the subject above pages that mention it.
A query with relevant pages and no results is listed as a zero-result query.
"""
import argparse
import io
import json
import math
import os
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_KEY = Path(__file__).with_name("search_key.json")
TOP = 10


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", type=Path, default=DEFAULT_KEY, help="the key (default bench/search_key.json)")
    parser.add_argument("--database-url", default="", help="a PostgreSQL database to drop and fill (default: SQLite)")
    parser.add_argument("--show", type=int, default=0, help="also print the first N results of each query")
    parser.add_argument("--dump", type=Path, help="write each page's imported title and clean text into DIR")
    return parser.parse_args()


def database_prepare(url: str) -> str:
    """The DATABASE_URL to use: a new SQLite file, or ``url`` dropped and created again."""
    if not url:
        folder = tempfile.mkdtemp(prefix="search-quality-")
        return f"sqlite:///{folder}/quality.sqlite3"
    name = urlsplit(url).path.lstrip("/")
    if not (name.startswith("pt") and "quality" in name):
        sys.exit(f"refusing to drop {name!r}: the name must start with 'pt' and contain 'quality'")
    import psycopg2

    admin = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()
    return url


def django_setup(database_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policytracker.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_regions", verbosity=0, stdout=io.StringIO())


def corpus_pages() -> list[Path]:
    """The seed pages, then the dev corpus's pages, by file name."""
    from apps.demo.seeds.schema import RAW_DIR
    from apps.ingest.quality.key import dev_corpus_dir

    pages = sorted(RAW_DIR.glob("*.txt"))
    pages += sorted((dev_corpus_dir() / "pages").glob("*.txt"))
    if len(pages) <= 5:
        sys.exit(f"no dev corpus at {dev_corpus_dir()}: set IMPORT_QUALITY_CORPUS")
    return pages


def pages_import(pages: list[Path]) -> dict[int, str]:
    """Import and publish every page; document id → file name."""
    from apps.documents.models import Document
    from apps.documents.publishing import documents_set_status
    from apps.ingest.services import document_import, import_reader

    reader = import_reader()
    names = {}
    for path in pages:
        result = document_import(raw=path.read_bytes(), filename=path.name, reader=reader)
        if result.document is None:
            print(f"not imported: {path.name} ({result.status})", file=sys.stderr)
            continue
        names[result.document.pk] = path.name
    documents_set_status(documents=Document.objects.filter(pk__in=names), status="published", user=None)
    return names


def dcg(grades: list[int]) -> float:
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades))


def scores(ranked: list[str], relevant: set[str], partial: set[str]) -> dict:
    """Recall, precision@10 and nDCG@10 of one query's results (file names, best first)."""
    grade = {**{name: 1 for name in partial}, **{name: 2 for name in relevant}}
    top = ranked[:TOP]
    ideal = dcg(sorted(grade.values(), reverse=True)[:TOP])
    return {
        "recall": len(relevant & set(ranked)) / len(relevant) if relevant else 1.0,
        "precision": sum(name in grade for name in top) / len(top) if top else (0.0 if grade else 1.0),
        "about": sum(name in relevant for name in ranked[:min(TOP, len(relevant))]) / min(TOP, len(relevant))
        if relevant else 1.0,
        "ndcg": dcg([grade.get(name, 0) for name in top]) / ideal if ideal else (0.0 if top else 1.0),
    }


def search(q: str, names: dict[int, str]) -> list[str]:
    """The file names of the published documents the search service ranks for ``q``, best first."""
    from apps.documents.models import Document
    from apps.search.services import documents_search

    ranked = documents_search(Document.objects.published(), q).documents
    return [names[pk] for pk in ranked.values_list("pk", flat=True) if pk in names]


def dump(directory: Path, names: dict[int, str]) -> None:
    from apps.documents.models import Document

    directory.mkdir(parents=True, exist_ok=True)
    for pk, title, text in Document.objects.filter(pk__in=names).values_list("pk", "title", "clean_text"):
        (directory / names[pk]).write_text(f"{title}\n\n{text}", encoding="utf-8")


def main() -> None:
    args = arguments()
    key = json.loads(args.key.read_text(encoding="utf-8"))
    django_setup(database_prepare(args.database_url))
    from django.db import connection

    started = time.monotonic()
    names = pages_import(corpus_pages())
    print(f"{len(names)} pages imported and published on {connection.vendor} "
          f"in {time.monotonic() - started:.1f} s; {len(key['queries'])} queries\n")
    if args.dump:
        dump(args.dump, names)
    print("| query | relevant | found | results | recall | precision@10 | nDCG@10 | about@R | relevant missed |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    totals, zero_result = {"recall": [], "precision": [], "about": [], "ndcg": []}, []
    for entry in key["queries"]:
        relevant, partial = set(entry["relevant"]), set(entry.get("partial", []))
        ranked = search(entry["q"], names)
        result = scores(ranked, relevant, partial)
        for metric, value in result.items():
            totals[metric].append(value)
        if relevant and not ranked:
            zero_result.append(entry["q"])
        missed = ", ".join(sorted(name.split("_")[0] for name in relevant - set(ranked)))
        print(f"| {entry['q']} | {len(relevant)} | {len(relevant & set(ranked))} | {len(ranked)} | "
              f"{result['recall']:.2f} | {result['precision']:.2f} | {result['ndcg']:.2f} | {result['about']:.2f} | {missed} |")
        if args.show:
            grade = {**{n: "·" for n in partial}, **{n: "✓" for n in relevant}}
            for name in ranked[:args.show]:
                print(f"|  | {grade.get(name, '✗')} {name} |")
    found = sum(len(set(e["relevant"]) & set(search(e["q"], names))) for e in key["queries"])
    wanted = sum(len(e["relevant"]) for e in key["queries"])
    print(f"\noverall ({len(key['queries'])} queries): recall {found / wanted:.3f} of {wanted} relevant pages "
          f"(mean per query {sum(totals['recall']) / len(totals['recall']):.3f}), "
          f"precision@10 {sum(totals['precision']) / len(totals['precision']):.3f}, "
          f"nDCG@10 {sum(totals['ndcg']) / len(totals['ndcg']):.3f}, "
          f"about@R {sum(totals['about']) / len(totals['about']):.3f}")
    print(f"zero-result queries with relevant pages: {len(zero_result)}"
          + (f" ({', '.join(zero_result)})" if zero_result else ""))


if __name__ == "__main__":
    main()
