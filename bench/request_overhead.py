"""In-process time of a few pages for one anonymous client, to compare two checkouts of the project.

    .venv/bin/python bench/request_overhead.py [PROJECT_FOLDER] [--repeat 40]

Runs the pages of the project in PROJECT_FOLDER (default: this one) through Django's test client
on the bench database (the 100 k corpus), throttling on at a rate nobody reaches, and prints
the median milliseconds of each. With nothing else competing for the CPU the difference between
two checkouts (say, one unpacked with ``git archive REV | tar -x -C DIR``) is what a change
costs each request, which a load test on a busy machine cannot show.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/policytracker_bench")
WARMUP = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    sys.path.insert(0, str(args.project))
    os.chdir(args.project)
    os.environ.update(
        DATABASE_URL=DATABASE_URL, DJANGO_SETTINGS_MODULE="policytracker.settings.test", API_ANON_RATE="1000000/second",
    )
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    with connection.cursor() as cursor:
        cursor.execute("SELECT min(id) FROM proposals_proposal WHERE status = 'published'")
        proposal = cursor.fetchone()[0]
        cursor.execute("SELECT min(id) FROM documents_document WHERE status = 'published'")
        document = cursor.fetchone()[0]
    pages = [
        f"/api/v1/proposals/{proposal}/", f"/api/v1/documents/{document}/", "/api/v1/proposals/", "/",
        "/documents/", f"/proposals/{proposal}/",
    ]
    client = Client()
    medians = []
    for page in pages:
        for _run in range(WARMUP):
            client.get(page)
        samples = []
        for _run in range(args.repeat):
            started = time.perf_counter()
            response = client.get(page)
            samples.append(time.perf_counter() - started)
            assert response.status_code == 200, (page, response.status_code)
        medians.append(f"`{page}` {statistics.median(samples) * 1000:.1f}")
    print(f"{args.project}: " + ", ".join(medians))


if __name__ == "__main__":
    main()
