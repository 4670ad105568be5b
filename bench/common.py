"""What every benchmark shares: Django against the bench database, timing, the raw-SQL baseline, the report.

Each benchmark times a page through ``django.test.Client`` (in process: URL routing,
middleware, views, serialisers and templates, no network) and, in the same run, a
*baseline*: the same rows fetched by one hand-written SQL query through psycopg2 on a
connection of its own, turned into dicts and serialised with ``json.dumps``. The ratio
page p95 / baseline p95 says how much the framework adds to what the database must do
anyway. Every timing is taken after warm-up requests, over ``--repeat`` runs.

The database is ``BENCH_DATABASE_URL`` (default: the ``policytracker_bench`` database on
127.0.0.1), which must hold the generated corpus (``make bench`` sees to it).
"""
import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/policytracker_bench"
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


def report(title: str, rows: list[Row]) -> None:
    """Print a Markdown table of the rows, ready for docs/performance.md."""
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
            f"The bench database holds {size} documents: generate the corpus first (make bench, or "
            f"DATABASE_URL={DATABASE_URL} python manage.py generate_corpus --documents 100000)."
        )
    return size
