"""Request time of uploading a .zip of 1,000 pages to the admin's import page (goal: under 5 s).

    .venv/bin/python bench/import_upload.py [--files 1000] [--repeat 3] [--database-url URL]

The zip holds the five seed pages, each copy made distinct, as a curator's archive would. A
staff user posts it to ``/admin/import/`` through Django's test client (URL routing, middleware,
the form, the view; no network): the request unpacks the archive, records the batch and its
1,000 items and queues one job per group of items (``apps.ingest.services.GROUP_SIZE``), then
answers with the redirect to the batch page. The workers' reading is not part of it
(``import_throughput.py --jobs``). Without ``--database-url`` the batch goes into a SQLite file
in a temporary folder; with one, into that database, which should be a scratch one: each run adds its batch and its jobs (the database backend's rows).
"""
import argparse
import io
import os
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database-url", default=None)
    return parser.parse_args()


def archive(files: int) -> bytes:
    from import_throughput import pages

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as packed:
        for name, raw in pages(-(-files // 5), f"{time.time():.0f}")[:files]:
            packed.writestr(f"pages/{name}", raw)
    return buffer.getvalue()


def main() -> None:
    args = arguments()
    scratch = tempfile.TemporaryDirectory(prefix="import-upload-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{scratch.name}/upload.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policytracker.settings.test")
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from apps.ingest.models import ImportBatch

    setup_test_environment()  # the test client's host name, as the other benchmarks have it
    call_command("migrate", verbosity=0)
    user, _ = get_user_model().objects.get_or_create(username="bench-upload", defaults={"is_staff": True, "is_superuser": True})
    client = Client()
    client.force_login(user)
    print(f"{connection.vendor} database {connection.settings_dict['NAME']}; load average before: "
          + ", ".join(f"{v:.2f}" for v in os.getloadavg()))
    seconds = []
    for run in range(args.repeat):
        raw = archive(args.files)
        started = time.perf_counter()
        response = client.post("/admin/import/", {"files": [SimpleUploadedFile("pages.zip", raw, "application/zip")]})
        seconds.append(time.perf_counter() - started)
        assert response.status_code == 302, response.status_code
        batch = ImportBatch.objects.latest("pk")
        assert batch.items.count() == args.files
        print(f"run {run + 1}: {len(raw) / 1e6:.1f} MB zip of {args.files} files, batch {batch.pk}: {seconds[-1]:.2f} s", flush=True)
    median = statistics.median(seconds)
    print(f"\n| database | files | request seconds (median of {args.repeat}) | slowest | goal (< 5 s) |\n|---|---:|---:|---:|---|")
    print(f"| {connection.vendor} | {args.files} | {median:.2f} | {max(seconds):.2f} | {'met' if max(seconds) < 5 else 'missed'} |")
    print("load average after: " + ", ".join(f"{v:.2f}" for v in os.getloadavg()))
    scratch.cleanup()


if __name__ == "__main__":
    main()
