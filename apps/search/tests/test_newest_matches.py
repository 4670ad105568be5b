"""A ranked search's candidates: the newest matches, read from slices of the newest pages (PostgreSQL)."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.curation.models import CurationStatus
from apps.documents.models import Document
from apps.documents.tests.factories import DocumentFactory
from apps.search import matching, newest
from apps.search.newest import newest_matches

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the planner's estimate is PostgreSQL's"),
]

WORD = [[("集团化办学",)]]


def _pages(count: int, text: str, **fields) -> list[int]:
    return [DocumentFactory(title="要点", clean_text=f"第{n}份:{text}", **fields).pk for n in range(count)]


@pytest.fixture
def index_plans(monkeypatch):
    """The planner taken to read the words from the GIN index, as it does for a large table: on a
    few dozen rows it tests each with to_tsvector(), which the slices refuse (tested below)."""
    monkeypatch.setattr(newest, "_words_read_from_the_index", lambda rows: True)


@pytest.fixture
def analysed(monkeypatch):
    """Statistics fresh once the pages are in, and a word in ten pages counted as common."""
    monkeypatch.setattr(matching, "COMMON_MIN_ROWS", 10)

    def analyse():
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
        matching._table_rows.clear()

    yield analyse
    matching._table_rows.clear()


def _slices_read(queries) -> int:
    return sum(
        '"search_searchentry"."document_id" >' in query["sql"] and not query["sql"].startswith("EXPLAIN")
        for query in queries.captured_queries
    )


def test_the_newest_matches_come_from_the_newest_pages_alone(analysed, index_plans):
    _pages(30, "推进集团化办学。")
    _pages(10, "加强党建工作。")
    recent = _pages(30, "推进集团化办学。")
    analysed()
    with CaptureQueriesContext(connection) as queries:
        found = newest_matches(Document.objects.published(), matching.entries_holding(WORD), 10)
    assert found == sorted(recent, reverse=True)[:10]
    assert _slices_read(queries) == 1


def test_a_slice_short_of_matches_is_widened_and_still_gives_the_newest(analysed, index_plans, monkeypatch):
    # Old pages hold the word, the newest do not: the first slice (10 / 0.6 × 2 pages) finds too few.
    old = _pages(40, "推进集团化办学。")
    _pages(25, "加强党建工作。")
    analysed()
    monkeypatch.setattr(newest, "SLICE_MAX_SHARE", 10**9)  # however small the ids of this database
    with CaptureQueriesContext(connection) as queries:
        found = newest_matches(Document.objects.published(), matching.entries_holding(WORD), 10)
    assert found == sorted(old, reverse=True)[:10]
    assert _slices_read(queries) == 2


def test_drafts_and_filtered_out_pages_are_skipped_and_too_few_fall_back_to_every_match(
    analysed, index_plans, monkeypatch,
):
    kept = _pages(5, "推进集团化办学。", doc_type="plan")
    _pages(30, "推进集团化办学。", status=CurationStatus.DRAFT, doc_type="plan")
    _pages(30, "推进集团化办学。")
    analysed()
    monkeypatch.setattr(newest, "SLICE_TRIES", 1)
    plans = Document.objects.published().filter(doc_type="plan")
    assert newest_matches(plans, matching.entries_holding(WORD), 10) == sorted(kept, reverse=True)


def test_no_page_at_all_gives_no_candidates(analysed):
    analysed()
    assert newest_matches(Document.objects.published(), matching.entries_holding(WORD), 10) == []


def test_a_slice_the_planner_would_test_row_by_row_is_not_read(analysed):
    pages = _pages(30, "推进集团化办学。")
    analysed()
    with CaptureQueriesContext(connection) as queries:
        found = newest_matches(Document.objects.published(), matching.entries_holding(WORD), 10)
    assert found == sorted(pages, reverse=True)[:10]
    assert _slices_read(queries) == 0
