"""Importer throughput on the five seed pages repeated ×200: documents per second, dry run and with writes.

    .venv/bin/python bench/import_throughput.py [--repeat 200]

Uses a throwaway database: a SQLite file in a temporary folder by default, or, when
DATABASE_URL is set, a test database created beside the one it names (``test_<name>``)
and dropped afterwards. Each copy of a page gets a distinct last line, so every one is
a new document rather than a duplicate.
"""
import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policytracker.settings.test")
_scratch = tempfile.TemporaryDirectory(prefix="import-bench-")
USE_GIVEN_DATABASE = bool(os.environ.get("DATABASE_URL"))
if not USE_GIVEN_DATABASE:
    os.environ["DATABASE_URL"] = f"sqlite:///{_scratch.name}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from apps.demo.seeds.schema import RAW_DIR  # noqa: E402
from apps.documents.models import Document  # noqa: E402
from apps.ingest.services import document_import, import_reader  # noqa: E402


def pages(repeat: int) -> list[tuple[str, bytes]]:
    seeds = sorted(RAW_DIR.iterdir())
    return [
        (f"{n:04d}-{path.name}", path.read_bytes() + f"\n副本 {n}\n".encode())
        for n in range(repeat)
        for path in seeds
    ]


def run(batch: list[tuple[str, bytes]], *, dry_run: bool) -> float:
    reader = import_reader()
    started = time.perf_counter()
    for name, raw in batch:
        result = document_import(raw=raw, filename=name, dry_run=dry_run, reader=reader)
        assert result.status == "ok", (name, result.draft.error)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    repeat = parser.parse_args().repeat
    if USE_GIVEN_DATABASE:
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
    else:
        call_command("migrate", verbosity=0)
    try:
        batch = pages(repeat)
        vendor = connection.vendor
        print(f"{len(batch)} documents (5 seed pages × {repeat}), database: {vendor}")
        for label, dry_run in (("dry run", True), ("with database writes", False)):
            seconds = run(batch, dry_run=dry_run)
            print(f"{label:22} {len(batch) / seconds:8.1f} documents/s  ({seconds:.1f} s)")
        assert Document.objects.count() == len(batch)
    finally:
        if USE_GIVEN_DATABASE:
            connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)
        _scratch.cleanup()


if __name__ == "__main__":
    main()
