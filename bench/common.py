"""What every benchmark shares: Django against the bench database, timing, the raw-SQL baseline, the report.

Each benchmark times a page through ``django.test.Client`` (in process: URL routing,
middleware, views, serialisers and templates, no network) and, in the same run, a
*baseline*: the same rows fetched by one hand-written SQL query through psycopg2 on a
connection of its own, turned into dicts and serialised with ``json.dumps``. The ratio
page p95 / baseline p95 says how much the framework adds to what the database must do
anyway. Every timing is taken after warm-up requests, over ``--repeat`` runs.

The corpus size is ``BENCH_DOCS`` (10000, 100000 or 1000000; default 100000), each size in
a database of its own: ``BENCH_DATABASE_URL`` when set, otherwise on 127.0.0.1
``policytracker_bench`` for 100,000 documents, ``policytracker_bench_10k`` and
``policytracker_bench_1m`` for the others (``make bench`` creates and fills it). Every table
printed is also saved in ``bench/results/<BENCH_DOCS>.json``; ``bench/curve.py`` sets the
sizes side by side.
"""
import argparse
import json
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_SIZES = {10_000: "policytracker_bench_10k", 100_000: "policytracker_bench", 1_000_000: "policytracker_bench_1m"}
RESULTS = ROOT / "bench" / "results"


def bench_documents() -> int:
    """The corpus size asked for by ``BENCH_DOCS`` (default 100,000); one of ``BENCH_SIZES``."""
    raw = os.environ.get("BENCH_DOCS", "100000").replace("_", "").replace(",", "")
    if not raw.isdigit() or int(raw) not in BENCH_SIZES:
        raise SystemExit(f"BENCH_DOCS={raw!r}: use one of {', '.join(str(n) for n in BENCH_SIZES)}.")
    return int(raw)


BENCH_DOCS = bench_documents()
DEFAULT_DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{BENCH_SIZES[BENCH_DOCS]}"
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
WARMUP = 5
REPEAT = 50
# A case stops early after this many seconds of timed runs (at least MIN_SAMPLES), so that a
# page taking seconds does not hold the whole run for minutes; the table gives the count.
BUDGET_SECONDS = 15
MIN_SAMPLES = 5
# Goals of issue 6 at 100 k documents.
LIST_P95_GOAL_MS = 100
LIST_RATIO_GOAL = 3.0
SEARCH_P95_GOAL_MS = 150
# The curators' admin changelists (issue 18): 100 rows with the filter sidebar.
ADMIN_P95_GOAL_MS = 300


def cold_timing(work: Callable[[], object], *, runs: int) -> "Timing":
    """``work`` timed ``runs`` times, every remembered figure forgotten before each (as saving a record does)."""
    from apps.curation import memo

    samples = []
    for _ in range(runs):
        memo._new_generation()
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return Timing(samples)


def django_setup() -> None:
    """Configure Django on the bench database, with throttling out of the way (one client, many requests)."""
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policytracker.settings.test")
    os.environ.setdefault("API_ANON_RATE", "1000000/second")
    import django

    django.setup()


def arguments(description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--repeat", type=int, default=REPEAT, help=f"timed runs per case (default {REPEAT})")
    parser.add_argument("--warmup", type=int, default=WARMUP, help=f"untimed runs first (default {WARMUP})")
    return parser.parse_args()


@dataclass
class Timing:
    samples: list[float]  # seconds

    @property
    def p50(self) -> float:
        return statistics.median(self.samples) * 1000

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000


def timed(work: Callable[[], object], *, warmup: int = WARMUP, repeat: int = REPEAT) -> Timing:
    """Run ``work`` ``warmup`` times untimed, then ``repeat`` times timed (fewer past ``BUDGET_SECONDS``)."""
    for _ in range(warmup):
        work()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
        if len(samples) >= MIN_SAMPLES and sum(samples) > BUDGET_SECONDS:
            break
    return Timing(samples)


# --- the raw-SQL baseline -----------------------------------------------------------

_baseline_connection = None


def baseline_connection():
    """A psycopg2 connection of its own (autocommit, as Django's), outside Django's machinery."""
    global _baseline_connection
    if _baseline_connection is None:
        import psycopg2
        from django.db import connection

        params = connection.get_connection_params()
        params.pop("cursor_factory", None)
        params.pop("context", None)
        _baseline_connection = psycopg2.connect(**params)
        _baseline_connection.autocommit = True
    return _baseline_connection


def baseline(sql: str, params: tuple | dict = ()) -> Callable[[], str]:
    """A callable fetching the rows of ``sql`` and serialising them as a JSON list of objects."""

    def fetch() -> str:
        with baseline_connection().cursor() as cursor:
            cursor.execute(sql, params)
            names = [column.name for column in cursor.description]
            rows = [dict(zip(names, row)) for row in cursor.fetchall()]
        return json.dumps(rows, ensure_ascii=False, default=str)

    return fetch


# --- requests --------------------------------------------------------------------------

def client(*, user=None):
    """A test client, anonymous or logged in as ``user``, addressing the site as 127.0.0.1."""
    from django.test import Client

    browser = Client(HTTP_HOST="127.0.0.1")
    if user is not None:
        browser.force_login(user)
    return browser


def getter(browser, url: str, *, status: int = 200) -> Callable[[], object]:
    def get():
        response = browser.get(url)
        if response.status_code != status:
            raise AssertionError(f"GET {url}: {response.status_code}, expected {status}")
        return response

    return get


@dataclass
class Queries:
    """The queries one run of a page made, and the time they took by Django's clock."""

    count: int
    seconds: float

    def __str__(self) -> str:
        return f"{self.count} ({self.seconds * 1000:.0f} ms)"


def query_count(work: Callable[[], object]) -> Queries:
    """Run ``work`` once more, counting its queries and their time (the rest is Python's)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        work()
    return Queries(len(queries), sum(float(q["time"]) for q in queries.captured_queries))


def curator_user():
    """A staff member of the curators group, created once in the bench database."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user, created = get_user_model().objects.get_or_create(
        username="bench-curator", defaults={"is_staff": True, "email": "bench@example.org"}
    )
    if created:
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get(name="curators"))
    return user


# --- reporting -------------------------------------------------------------------------

@dataclass
class Row:
    name: str
    page: Timing
    base: Timing | None = None
    queries: Queries | None = None
    p95_goal_ms: float | None = None
    ratio_goal: float | None = None

    @property
    def ratio(self) -> float | None:
        return self.page.p95 / self.base.p95 if self.base else None

    def verdict(self) -> str:
        misses = []
        if self.p95_goal_ms is not None and self.page.p95 > self.p95_goal_ms:
            misses.append(f"p95 {self.page.p95 / self.p95_goal_ms:.1f}× the {self.p95_goal_ms:g} ms goal")
        if self.ratio_goal is not None and self.ratio is not None and self.ratio > self.ratio_goal:
            misses.append(f"ratio {self.ratio:.1f} > {self.ratio_goal:g}")
        if self.p95_goal_ms is None and self.ratio_goal is None:
            return "—"
        return "missed: " + "; ".join(misses) if misses else "met"


def _curve_key(title: str) -> str:
    """The title without its corpus size: "API lists (100,000 documents; page of 50)" → "API lists (page of 50)"."""
    return re.sub(r"\(\s*\)", "", re.sub(r"[\d,]+ documents(; )?", "", title)).strip()


def _results_save(title: str, rows: list[Row]) -> None:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{BENCH_DOCS}.json"
    saved = json.loads(path.read_text()) if path.exists() else {}
    saved[_curve_key(title)] = {
        "load": os.getloadavg()[0],
        "rows": [{
            "name": row.name, "p50": row.page.p50, "p95": row.page.p95,
            "queries": row.queries.count if row.queries is not None else None,
            "sql_p95": row.base.p95 if row.base else None, "goal": row.p95_goal_ms,
        } for row in rows],
    }
    path.write_text(json.dumps(saved, ensure_ascii=False, indent=1))


def report(title: str, rows: list[Row]) -> None:
    """Print a Markdown table of the rows, ready for docs/performance.md, and save it for ``bench/curve.py``."""
    _results_save(title, rows)
    print(f"\n### {title}\n")
    print("| case | p50 ms | p95 ms | runs | SQL p50 ms | SQL p95 ms | ratio (p95) | queries (their ms) | goal |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for row in rows:
        base50 = f"{row.base.p50:.1f}" if row.base else "—"
        base95 = f"{row.base.p95:.1f}" if row.base else "—"
        ratio = f"{row.ratio:.1f}×" if row.ratio is not None else "—"
        queries = str(row.queries) if row.queries is not None else "—"
        print(
            f"| {row.name} | {row.page.p50:.1f} | {row.page.p95:.1f} | {len(row.page.samples)} | {base50} | {base95} "
            f"| {ratio} | {queries} "
            f"| {row.verdict()} |"
        )
    sys.stdout.flush()


def corpus_size() -> int:
    from apps.documents.models import Document

    return Document.objects.count()


def require_corpus(minimum: int = 1) -> int:
    size = corpus_size()
    if size < minimum:
        raise SystemExit(
            f"The bench database holds {size} documents: generate the corpus first (make bench BENCH_DOCS={BENCH_DOCS}, or "
            f"DATABASE_URL={DATABASE_URL} python manage.py generate_corpus --documents {BENCH_DOCS})."
        )
    return size
