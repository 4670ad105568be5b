"""``make import-quality`` with trafilatura reading the HTML pages, to compare with the importer's own reader.

    .venv/bin/pip install trafilatura==2.3.1        # not a project dependency: see docs/importer.md
    DATABASE_URL=sqlite:////tmp/q.sqlite3 .venv/bin/python manage.py migrate --verbosity 0
    DATABASE_URL=sqlite:////tmp/q.sqlite3 .venv/bin/python bench/html_extractor_quality.py replace|fallback [--mistakes]

``replace``: the article is what ``trafilatura.extract`` keeps (tables included), or the page's whole
text when it keeps nothing. ``fallback``: trafilatura's article only where it keeps at least half of
the page's text (where the importer's own junk rules have most to do), else the importer's reading.
The title is the page's ``<title>`` either way. Pages that are not HTML read the same in every
mode: compare the output with ``manage.py import_quality`` run alone.
"""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policytracker.settings.local")


def main() -> None:
    import django

    django.setup()
    import trafilatura
    from django.core.management import call_command

    from apps.ingest import clean, html

    mode, options = sys.argv[1], sys.argv[2:]
    own_reading = html.html_to_text

    def trafilatura_reading(markup: str) -> tuple[str, str]:
        text, title = own_reading(markup)
        article = trafilatura.extract(markup, output_format="txt", include_tables=True, deduplicate=False) or ""
        if mode == "fallback" and len(article) < 0.5 * len(text.strip()):
            return text, title
        return article or text, title

    clean.html_to_text = trafilatura_reading
    call_command("import_quality", *options)


if __name__ == "__main__":
    main()
