"""Per-field precision and recall of the importer on the five seed pages, against their curated reading.

    .venv/bin/python bench/import_quality.py [--mistakes]

Pure extraction (no database): the reading is ``apps.demo.seeds``; counting rules are in
``apps.ingest.quality``.
"""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policytracker.settings.test")

import django  # noqa: E402

django.setup()

from apps.demo.seeds import SEEDS  # noqa: E402
from apps.demo.seeds.schema import RAW_DIR  # noqa: E402
from apps.ingest.extract.initiatives import DEFAULT_VOCABULARY  # noqa: E402
from apps.ingest.extract.regions import Place  # noqa: E402
from apps.ingest.pipeline import page_read, reader_build  # noqa: E402
from apps.ingest.quality import report_lines, seeds_compare  # noqa: E402
from apps.regions.services import region_table  # noqa: E402


def main() -> None:
    from django.conf import settings

    places = [Place(r.code, r.name, r.parent_id) for r in region_table()]
    reader = reader_build(places, DEFAULT_VOCABULARY, max_bytes=settings.IMPORT_MAX_BYTES)
    drafts = {
        seed.file_name: page_read((RAW_DIR / seed.file_name).read_bytes(), filename=seed.file_name, reader=reader)
        for seed in SEEDS
    }
    report = seeds_compare(drafts, SEEDS)
    print("\n".join(report_lines(report)))
    if "--mistakes" in sys.argv:
        print("\nDifferences from the reading:")
        print("\n".join(f"  {line}" for line in report.mistakes))


if __name__ == "__main__":
    main()
