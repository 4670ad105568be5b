"""Load test: anonymous clients against gunicorn on PostgreSQL holding the 100 k corpus.

    .venv/bin/python bench/load_test.py [--users 50] [--seconds 60] [--workers 5] [--think 1]
    make load-test

What it does, in order: checks that the database (``BENCH_DATABASE_URL``, by default the
``policytracker_bench`` database on 127.0.0.1, filled by ``manage.py generate_corpus``) holds
the corpus; picks published records to ask for; collects the static files (production
settings serve them from WhiteNoise's manifest); starts gunicorn on a free port of 127.0.0.1
with the production settings; warms every endpoint up; runs locust headless
(``bench/locustfile.py``: ``--users`` clients, all started in the first second, for
``--seconds``); prints requests, errors, p50, p99 and requests per second for each endpoint;
and stops gunicorn. The exit status is 1 if any request failed.

Anonymous API clients are throttled (``API_ANON_RATE``, 120/minute by default): every client
here comes from 127.0.0.1, so the run gives gunicorn ``API_ANON_RATE=1000000/second``.
HTTPS redirection is off (``SECURE_SSL_REDIRECT=0``): there is no TLS on the loopback.
Only loopback addresses are used, and every step has a time limit.
"""
import argparse
import csv
import json
import os
import platform
import secrets
import signal
import socket
import subprocess
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/policytracker_bench"
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
CORPUS_DOCUMENTS = 100_000
HOST = "127.0.0.1"
START_TIMEOUT = 60
# How long clients may finish the request they are in when time is up: every request started counts.
STOP_TIMEOUT = 60
SAMPLE = 2000  # records of each kind the clients choose among

ID_QUERIES = {
    "documents": f"SELECT id FROM documents_document WHERE status = 'published' ORDER BY random() LIMIT {SAMPLE}",
    "proposals": f"SELECT id FROM proposals_proposal WHERE status = 'published' ORDER BY random() LIMIT {SAMPLE}",
    # Provinces and prefecture cities that published documents name.
    "provinces": """SELECT DISTINCT left(dr.region_id, 2) FROM documents_document_regions dr
                    JOIN documents_document d ON d.id = dr.document_id WHERE d.status = 'published'""",
    "prefectures": """SELECT DISTINCT dr.region_id FROM documents_document_regions dr
                      JOIN documents_document d ON d.id = dr.document_id
                      WHERE d.status = 'published' AND dr.region_id LIKE '____00' AND dr.region_id NOT LIKE '__0000'""",
}


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument("--seconds", type=int, default=60, help="how long they run (default 60)")
    parser.add_argument("--workers", type=int, default=5, help="gunicorn worker processes (default 5)")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker (default 1)")
    parser.add_argument("--think", type=float, default=1.0,
                        help="seconds a client waits between pages, ±50%% (default 1; 0 for none)")
    parser.add_argument("--pages", choices=["all", "ui", "api"], default="all",
                        help="the web UI, the read API, or both mixed (default)")
    parser.add_argument("--markdown", type=Path, help="also write the results table to this file")
    parser.add_argument("--allow-small", action="store_true", help=f"run on fewer than {CORPUS_DOCUMENTS:,} documents")
    return parser.parse_args()


def corpus_facts(connection) -> dict:
    with connection.cursor() as cursor:
        facts = {}
        for table in ("documents_document", "proposals_proposal", "proposals_reply", "targets_target"):
            cursor.execute(f"SELECT count(*), count(*) FILTER (WHERE status = 'published') FROM {table}")
            facts[table] = cursor.fetchone()
        cursor.execute("SHOW server_version")
        facts["postgresql"] = cursor.fetchone()[0]
    return facts


def record_ids(connection) -> dict[str, list]:
    ids = {}
    with connection.cursor() as cursor:
        for kind, query in ID_QUERIES.items():
            cursor.execute(query)
            ids[kind] = [row[0] for row in cursor.fetchall()]
            if not ids[kind]:
                sys.exit(f"no published {kind} in the database: nothing to ask for")
    return ids


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def server_environment() -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "policytracker.settings.production",
        "DATABASE_URL": DATABASE_URL,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "API_ANON_RATE": "1000000/second",
        "DEBUG": "0",
    }


def wait_until_serving(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped with status {server.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/api/v1/", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"gunicorn did not answer within {START_TIMEOUT} s")


def endpoints(ids: dict, pages: str) -> dict[str, str]:
    """One address of each endpoint the clients ask for, by the name locust reports it under."""
    ui = {
        "/": "/", "/documents/": "/documents/",
        "/documents/?region=<province>": f"/documents/?region={ids['provinces'][0]}",
        "/documents/<id>/": f"/documents/{ids['documents'][0]}/", "/proposals/": "/proposals/",
        "/proposals/<id>/": f"/proposals/{ids['proposals'][0]}/", "/targets/": "/targets/",
        "/regions/<code>/": f"/regions/{ids['prefectures'][0]}/", "/search/?q=集团化办学": "/search/?q=集团化办学",
    }
    api = {
        name: name.replace("<id>", str(ids[kind][0])) if kind else name for name, kind in [
            ("/api/v1/documents/?region=32", None), ("/api/v1/documents/<id>/", "documents"),
            ("/api/v1/proposals/", None), ("/api/v1/proposals/<id>/", "proposals"),
            ("/api/v1/replies/?region=32&result_code=A", None), ("/api/v1/targets/?deadline_year=2025", None),
        ]
    }
    return {"ui": ui, "api": api, "all": {**ui, **api}}[pages]


def warm_up(base: str, addresses: dict[str, str], rounds: int) -> dict[str, float]:
    """Each endpoint ``rounds`` times, one request at a time; the median time of each, in ms."""
    times: dict[str, list[float]] = {name: [] for name in addresses}
    for _round in range(rounds):
        for name, path in addresses.items():
            started = time.perf_counter()
            with urllib.request.urlopen(base + urllib.parse.quote(path, safe="/?=&"), timeout=60) as response:
                response.read()
            times[name].append((time.perf_counter() - started) * 1000)
    return {name: statistics.median(samples) for name, samples in times.items()}


def run_locust(base: str, ids_file: Path, args, csv_prefix: Path) -> None:
    """Locust headless; a request still running at the end may finish (and counts) within STOP_TIMEOUT."""
    command = [
        str(BIN / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "--only-summary",
        "--users", str(args.users), "--spawn-rate", str(args.users), "--run-time", f"{args.seconds}s",
        "--stop-timeout", str(STOP_TIMEOUT), "--host", base, "--csv", str(csv_prefix), "--loglevel", "WARNING",
        "--exit-code-on-error", "0",
    ]
    if args.pages != "all":
        command += ["--tags", args.pages]
    environment = {**os.environ, "LOAD_TEST_IDS": str(ids_file), "LOAD_TEST_THINK": str(args.think)}
    with open(f"{csv_prefix}.log", "w") as log:
        finished = subprocess.run(
            command, env=environment, timeout=args.seconds + STOP_TIMEOUT + 60, stdout=log, stderr=subprocess.STDOUT,
        )
    if finished.returncode:
        sys.exit(f"locust failed ({finished.returncode}):\n{Path(f'{csv_prefix}.log').read_text()[-3000:]}")


def results(csv_prefix: Path) -> list[dict]:
    with open(f"{csv_prefix}_stats.csv", encoding="utf-8") as handle:
        return [
            {
                "endpoint": row["Name"] if row["Type"] else "all endpoints",
                "requests": int(row["Request Count"]),
                "errors": int(row["Failure Count"]),
                "p50": row["50%"],
                "p99": row["99%"],
                "rps": float(row["Requests/s"]),
            }
            for row in csv.DictReader(handle)
        ]


def failures(csv_prefix: Path) -> list[str]:
    with open(f"{csv_prefix}_failures.csv", encoding="utf-8") as handle:
        return [f"{row['Occurrences']}× {row['Name']}: {row['Error']}" for row in csv.DictReader(handle)]


def table(rows: list[dict], alone: dict[str, float]) -> str:
    """The run's figures per endpoint, beside the time one request takes with nothing else running."""
    lines = [
        "| endpoint | requests | errors | p50 ms | p99 ms | req/s | alone ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        single = f"{alone[row['endpoint']]:.0f}" if row["endpoint"] in alone else ""
        lines.append(
            f"| `{row['endpoint']}` | {row['requests']:,} | {row['errors']} | {row['p50']} | {row['p99']} "
            f"| {row['rps']:.1f} | {single} |"
        )
    return "\n".join(lines)


def main() -> int:
    args = arguments()
    connection = psycopg2.connect(DATABASE_URL)
    facts = corpus_facts(connection)
    documents = facts["documents_document"][0]
    if documents < CORPUS_DOCUMENTS and not args.allow_small:
        sys.exit(f"{DATABASE_URL} holds {documents:,} documents, not the {CORPUS_DOCUMENTS:,} of the corpus: "
                 "fill it with `manage.py generate_corpus`, or pass --allow-small")
    ids = record_ids(connection)
    connection.close()

    environment = server_environment()
    subprocess.run([str(BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v", "0"],
                   cwd=ROOT, env=environment, check=True, timeout=300)
    port = free_port()
    base = f"http://{HOST}:{port}"
    # Anything else running on the machine competes with gunicorn, PostgreSQL and locust.
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="load-test-") as scratch:
        scratch = Path(scratch)
        ids_file = scratch / "ids.json"
        ids_file.write_text(json.dumps(ids))
        log = (scratch / "gunicorn.log").open("w")
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "policytracker.wsgi:application", "--bind", f"{HOST}:{port}",
             "--workers", str(args.workers), "--threads", str(args.threads), "--timeout", "60",
             "--error-logfile", "-"],
            cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            wait_until_serving(base, server)
            # About one request of each kind per worker before the clock starts: no first-request costs.
            alone = warm_up(base, endpoints(ids, args.pages), args.workers)
            run_locust(base, ids_file, args, scratch / "locust")
            load_during = os.getloadavg()[0]
            rows = results(scratch / "locust")
            errors = failures(scratch / "locust")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
            log.close()

    header = [
        f"{args.users} clients, {args.seconds} s, pages: {args.pages}, think time {args.think:g} s ±50 %; "
        f"gunicorn {args.workers} workers × {args.threads} threads (production settings) on {HOST}; "
        f"PostgreSQL {facts['postgresql']}; "
        f"{os.cpu_count()} CPUs ({platform.machine()}), load generator on the same machine; load average "
        f"{load_before:.1f} before the run, {load_during:.1f} at its end.",
        "Corpus: " + ", ".join(
            f"{name.split('_', 1)[1]} {counts[0]:,} ({counts[1]:,} published)"
            for name, counts in facts.items() if name != "postgresql"
        ) + ".",
    ]
    header.append(
        "\"alone\": the median of the warm-up requests, one at a time before the run (each endpoint "
        f"{args.workers} times)."
    )
    report = "\n".join(header) + "\n\n" + table(rows, alone) + "\n"
    print(report)
    for error in errors:
        print("error:", error)
    if args.markdown:
        args.markdown.write_text(report, encoding="utf-8")
    total = next(row for row in rows if row["endpoint"] == "all endpoints")
    return 1 if total["errors"] or not total["requests"] else 0


if __name__ == "__main__":
    sys.exit(main())
