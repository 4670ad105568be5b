"""Make the bench database ready, then print the machine the figures come from.

    BENCH_DOCS=10000 .venv/bin/python bench/prepare.py [--documents N] [--seed 0]

Creates the bench database of the size ``BENCH_DOCS`` (10000, 100000 or 1000000; default
100000; see ``bench/common.py`` for the database of each size, or ``BENCH_DATABASE_URL``)
when it does not exist, migrates it, and fills it with ``generate_corpus --documents
BENCH_DOCS`` (or ``--documents``) when it holds no documents (a filled database is left as it is, whatever its size: drop it to
regenerate). Then prints CPU count, memory, Python, PostgreSQL version and settings, and the
corpus's row counts.
"""
import argparse
import os
import platform
import sys
import time

import common

MACHINE_SETTINGS = ["shared_buffers", "work_mem", "effective_cache_size", "random_page_cost", "lc_collate"]


def database_ensure() -> None:
    import psycopg2
    from django.db import connection

    params = connection.get_connection_params()
    name = params.pop("database", None) or params.pop("dbname")
    for key in ("cursor_factory", "context", "options"):
        params.pop(key, None)
    admin = psycopg2.connect(dbname="postgres", **params)
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{name}"')
                print(f"created database {name}")
    finally:
        admin.close()


def machine_lines() -> list[str]:
    from django.db import connection

    with open("/proc/meminfo") as meminfo:
        total_kb = int(next(line for line in meminfo if line.startswith("MemTotal")).split()[1])
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        version = cursor.fetchone()[0].split(" on ")[0]
        settings = []
        for name in MACHINE_SETTINGS:
            cursor.execute(f"SHOW {name}")
            settings.append(f"{name}={cursor.fetchone()[0]}")
        cursor.execute("SHOW jit")
        jit = cursor.fetchone()[0]
        cursor.execute("SHOW max_parallel_workers_per_gather")
        parallel = cursor.fetchone()[0]
    return [
        f"CPUs: {os.cpu_count()} ({platform.processor() or platform.machine()}), memory: {total_kb / 1024 / 1024:.1f} GiB",
        f"Python {platform.python_version()}, {version}",
        f"server: {', '.join(settings)}; the app's sessions: jit={jit}, max_parallel_workers_per_gather={parallel}",
        f"load average before the run: {', '.join(f'{x:.2f}' for x in os.getloadavg())}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=common.BENCH_DOCS)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    common.django_setup()
    from django.core.management import call_command

    from apps.demo.corpus import COUNTED_MODELS

    database_ensure()
    call_command("migrate", verbosity=0, interactive=False)
    if common.corpus_size() == 0:
        started = time.perf_counter()
        call_command("generate_corpus", documents=args.documents, seed=args.seed)
        print(f"corpus generated in {time.perf_counter() - started:.0f} s")
    print("\n### Machine and corpus\n")
    for line in machine_lines():
        print(f"- {line}")
    counts = ", ".join(f"{model.__name__} {model.objects.count():,}" for model in COUNTED_MODELS)
    print(f"- corpus: {counts}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
