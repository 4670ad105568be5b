"""Importer throughput on the five seed pages repeated ×200: documents per second, dry run and with writes.

    .venv/bin/python bench/import_throughput.py [--repeat 200] [--workers 2] [--into copy|empty|sqlite]
    .venv/bin/python bench/import_throughput.py --jobs [--backends db rq] [--job-workers 1 2 4]
    .venv/bin/python bench/import_throughput.py --groups 1 10 25 50 [--into empty]

With writes, twice: one page after another in this process, and in ``--workers`` processes
at once (``apps.ingest.parallel``, what ``import_documents --workers N`` does; PostgreSQL only).

``--groups`` writes the pages in groups of each size in this process (what a background job does
with its items). ``--jobs`` measures the background imports instead (bench/import_jobs.py): for each task backend
(the database; RQ on a throwaway redis-server) and each number of workers, ``import_documents``
queues the pages as a batch and that many ``import_worker --burst`` processes read it.

Where the pages are written:

- ``copy`` (default): a copy of the bench database holding the 100 k corpus
  (``CREATE DATABASE ... TEMPLATE``, dropped afterwards), so every look-up the importer
  makes (duplicates, organizations, initiatives, indicators, citations by title and 文号)
  runs against full tables, as on a provincial team's install.
- ``empty``: an empty PostgreSQL test database beside the bench database.
- ``sqlite``: a SQLite file in a temporary folder.

Each copy of a page gets a distinct last line, so every one is a new document rather than
a duplicate. Every page is one ``document_import`` call: its own transaction and commit.
"""
import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

# The pid keeps two runs (two developers on one server) from dropping each other's copy.
COPY_NAME_SUFFIX = f"_import_{os.getpid()}"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--into", choices=["copy", "empty", "sqlite"], default="copy")
    parser.add_argument("--jobs", action="store_true", help="background jobs: import_worker processes per backend")
    parser.add_argument("--backends", nargs="+", choices=["db", "rq"], default=["db", "rq"])
    parser.add_argument("--job-workers", nargs="+", type=int, default=[1, 2, 4])
    parser.add_argument("--groups", nargs="+", type=int, metavar="N", help="pages written N at a time in this process")
    return parser.parse_args()


def _admin_execute(sql: str) -> None:
    """Run CREATE/DROP DATABASE on the server's maintenance database (outside any transaction)."""
    import psycopg2

    from django.db import connection

    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params.pop("database", None)
    params["dbname"] = "postgres"
    admin = psycopg2.connect(**params)
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(sql)
    finally:
        admin.close()


def _copy_when_free(copy_name: str, bench_name: str, tries: int = 60) -> None:
    """CREATE DATABASE … TEMPLATE, which PostgreSQL refuses while anyone is connected to the template."""
    import psycopg2

    for attempt in range(tries):
        try:
            _admin_execute(f'CREATE DATABASE "{copy_name}" TEMPLATE "{bench_name}"')
            return
        except psycopg2.errors.ObjectInUse:
            if attempt == tries - 1:
                raise
            time.sleep(5)


def pages(repeat: int, tag: str) -> list[tuple[str, bytes]]:
    """The seed pages ``repeat`` times, each copy a distinct page (``tag`` keeps runs apart).

    The marks go inside the article: a line added at the end would be the same article to the
    importer's content fingerprint, and every copy after the first a duplicate. Each sentence and
    clause of a copy ends with its number (in letters the figure reader ignores), so that its first
    and last hundred letters differ from every other copy's too, as distinct pages' do (none of the
    61 real pages of the dev corpus shares them with another): marked in one place only, every copy
    shared its ends with the others, each import waited on the others' locks on them, and each
    look-up for a held page read twenty candidates. A reply letter's proposal number is made
    distinct too: distinct letters answer distinct proposals."""
    from apps.demo.seeds.schema import RAW_DIR
    from apps.ingest.pipeline import page_read
    from apps.ingest.services import import_reader

    reader = import_reader()
    seeds = sorted(RAW_DIR.iterdir())
    proposals = {path: page_read(path.read_bytes(), filename=path.name, reader=reader).proposal for path in seeds}

    def copy(path: Path, n: int) -> bytes:
        raw = path.read_bytes().decode()
        serial = "".join("甲乙丙丁戊己庚辛壬癸"[int(digit)] for digit in str(n))
        for stop in "。，,":
            raw = raw.replace(stop, stop + serial)
        raw = raw.replace("。", f"。副本{tag}{n}。", 1)
        if proposals[path]:
            raw = raw.replace(proposals[path].number, f"{proposals[path].number}{n:05d}")
        return raw.encode()

    return [(f"{n:04d}-{path.name}", copy(path, n)) for n in range(repeat) for path in seeds]


def run(batch: list[tuple[str, bytes]], *, dry_run: bool, workers: int = 1) -> tuple[float, float]:
    """Wall-clock and this process's CPU seconds: on a shared machine the CPU figure is the one
    to compare between versions (one process only: workers' CPU is not counted)."""
    from apps.ingest.parallel import documents_import
    from apps.ingest.services import import_reader

    reader = import_reader()
    started, cpu_started = time.perf_counter(), time.process_time()
    for (name, _raw), result in zip(batch, documents_import(pages=batch, workers=workers, dry_run=dry_run, reader=reader)):
        assert result.status == "ok", (name, result.draft.error)
    return time.perf_counter() - started, time.process_time() - cpu_started


def groups_measure(args) -> None:
    """Pages written in groups of each size in this process (``captures_import``, what a background
    job does with its items): time and CPU a page."""
    from apps.ingest.services import Capture, captures_import, import_reader

    reader = import_reader()
    print(f"{5 * args.repeat} documents (5 seed pages × {args.repeat}) per group size, one process")
    print("\n| pages a group | ms a page | CPU ms a page |\n|---:|---:|---:|")
    for size in args.groups:
        batch = [Capture(raw, name) for name, raw in pages(args.repeat, f"{time.time():.0f}-g{size}")]
        started, cpu_started = time.perf_counter(), time.process_time()
        for start in range(0, len(batch), size):
            for result in captures_import(batch[start:start + size], reader=reader):
                assert result.status == "ok", (result.draft.file, result.draft.error)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        print(f"| {size} | {1000 * seconds / len(batch):.1f} | {1000 * cpu / len(batch):.1f} |", flush=True)


def main() -> None:
    args = arguments()
    scratch = tempfile.TemporaryDirectory(prefix="import-bench-")
    if args.into == "sqlite":
        os.environ["BENCH_DATABASE_URL"] = f"sqlite:///{scratch.name}/bench.sqlite3"
        common.DATABASE_URL = os.environ["BENCH_DATABASE_URL"]
    common.django_setup()
    from django.core.management import call_command
    from django.db import connection

    from apps.documents.models import Document

    bench_name = connection.settings_dict["NAME"]
    copy_name = f"{bench_name}{COPY_NAME_SUFFIX}"
    if args.into == "copy":
        connection.close()
        _admin_execute(f'DROP DATABASE IF EXISTS "{copy_name}"')
        started = time.perf_counter()
        _copy_when_free(copy_name, bench_name)
        print(f"copied {bench_name} to {copy_name} in {time.perf_counter() - started:.1f} s")
        connection.settings_dict["NAME"] = copy_name
        # The copy, never the bench database, gets this branch's migrations.
        call_command("migrate", verbosity=0)
    elif args.into == "empty":
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
    else:
        call_command("migrate", verbosity=0)
    try:
        if args.jobs:
            import import_jobs

            import_jobs.measure(args, pages, connection.settings_dict)
            return
        if args.groups:
            groups_measure(args)
            return
        held = Document.objects.count()
        from apps.ingest.parallel import parallel_possible

        modes = [("dry run (read only), 1 process", True, 1, "dry"), ("with database writes, 1 process", False, 1, "one")]
        if parallel_possible() and args.workers > 1:
            modes.append((f"with database writes, {args.workers} processes", False, args.workers, "many"))
        print(f"{5 * args.repeat} documents (5 seed pages × {args.repeat}) per mode into {connection.vendor} "
              f"database {connection.settings_dict['NAME']} holding {held:,} documents")
        print("\n| mode | documents/s | seconds | per CPU second | goal (≥ 50/s) |\n|---|---:|---:|---:|---|")
        written = 0
        for label, dry_run, workers, tag in modes:
            batch = pages(args.repeat, f"{time.time():.0f}-{tag}")
            seconds, cpu = run(batch, dry_run=dry_run, workers=workers)
            written += 0 if dry_run else len(batch)
            rate = len(batch) / seconds
            per_cpu = f"{len(batch) / cpu:.1f}" if workers == 1 else "—"
            goal = "—" if dry_run else ("met" if rate >= 50 else f"missed by {50 - rate:.1f}/s")
            print(f"| {label} | {rate:.1f} | {seconds:.1f} | {per_cpu} | {goal} |", flush=True)
        assert Document.objects.count() == held + written
    finally:
        if args.into == "copy":
            connection.close()
            _admin_execute(f'DROP DATABASE IF EXISTS "{copy_name}"')
        elif args.into == "empty":
            connection.creation.destroy_test_db(bench_name, verbosity=0)
        scratch.cleanup()


if __name__ == "__main__":
    main()
