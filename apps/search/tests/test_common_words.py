"""A word in many pages: PostgreSQL walks the documents newest first instead of sorting every match."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.curation.models import CurationStatus
from apps.curation.paginator import CappedCountPaginator
from apps.documents.models import Document
from apps.documents.tests.factories import DocumentFactory
from apps.search import matching
from apps.search.services import documents_matching, documents_search

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the planner's estimate is PostgreSQL's"),
]


@pytest.fixture
def common_word(monkeypatch):
    """Forty published pages holding 集团化办学, one without it, one draft with it; statistics fresh,
    and a word in ten pages counted as common (at 100 k documents: 2,000)."""
    monkeypatch.setattr(matching, "COMMON_MIN_ROWS", 10)
    pages = [DocumentFactory(title="要点", clean_text=f"第{n}份:推进集团化办学。") for n in range(40)]
    DocumentFactory(title="要点", clean_text="加强党建工作。")
    DocumentFactory(title="要点", clean_text="推进集团化办学。", status=CurationStatus.DRAFT)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchentry")
    matching._table_rows.clear()  # the table's size as this test left it, not as an earlier one did
    yield [page.pk for page in pages]
    matching._table_rows.clear()


def test_a_common_word_is_judged_common_and_a_rare_one_not(common_word):
    assert matching.common(matching.entries_holding([[("集团化办学",)]]))
    # In nearly every page of a small corpus: not one by one, as hashing forty matches costs less.
    share = matching.estimated_share(matching.entries_holding([[("集团化办学",)]]))
    assert share > 0.9 and not matching.testing_pays(share, "default")
    assert not matching.common(matching.entries_holding([[("量子计算",)]]))


def test_walking_finds_every_published_match_and_only_those(common_word):
    published = Document.objects.published()
    found = documents_matching(published, "集团化办学").order_by("-pk").values_list("pk", flat=True)
    assert list(found) == sorted(common_word, reverse=True)
    assert documents_matching(published, "集团化办学").count() == 40


def test_the_ranked_search_takes_the_newest_matches_as_candidates(common_word):
    ranked = documents_search(Document.objects.published(), "集团化办学", limit=10).documents
    assert sorted(ranked.values_list("pk", flat=True)) == sorted(common_word)[-10:]


def test_testing_each_page_in_turn_skips_pages_without_the_words_and_drafts(common_word):
    newest = DocumentFactory(title="要点", clean_text="加强党建工作。")
    tested = matching.documents_tested_each(Document.objects.published(), [[("集团化办学",)]])
    assert newest.pk not in set(tested.values_list("pk", flat=True))
    assert sorted(tested.values_list("pk", flat=True)) == sorted(common_word)


def test_the_api_pages_a_common_word_newest_first_without_drafts(common_word, client):
    body = client.get("/api/v1/documents/", {"q": "集团化办学", "ordering": "-id", "page_size": 5}).json()
    assert [record["id"] for record in body["results"]] == sorted(common_word, reverse=True)[:5]
    assert body["count"] == 40


@pytest.mark.parametrize("test_cost", [0, 10**9], ids=["pages-tested-each", "matches-hashed"])
def test_a_common_word_is_counted_from_its_matches_with_the_other_filters_kept(
    common_word, client, monkeypatch, test_cost,
):
    monkeypatch.setattr(matching, "TEST_COST_IN_MATCHES", test_cost)
    reply = DocumentFactory(title="答复", clean_text="关于推进集团化办学的答复。", doc_type="plan")
    DocumentFactory(title="答复", clean_text="关于加强党建工作的答复。", doc_type="plan")
    with CaptureQueriesContext(connection) as queries:
        body = client.get("/api/v1/documents/", {"q": "集团化办学", "doc_type": "plan"}).json()
    assert (body["count"], [record["id"] for record in body["results"]]) == (1, [reply.pk])
    assert any("AS MATERIALIZED" in query["sql"] for query in queries.captured_queries)
    assert client.get("/api/v1/documents/", {"q": "集团化办学"}).json()["count"] == 41


def test_past_the_cap_a_common_word_is_counted_to_the_cap_and_said_to_be_more(common_word, client, settings):
    settings.RESULT_COUNT_CAP = 30
    body = client.get("/api/v1/documents/", {"q": "集团化办学"}).json()
    assert (body["count"], body["count_is_estimate"]) == (30, True)


def test_a_common_word_ored_with_another_condition_is_counted_as_a_whole(common_word):
    other = DocumentFactory(title="要点", clean_text="加强党建工作。")
    rows = documents_matching(Document.objects.published(), "集团化办学") | Document.objects.filter(pk=other.pk)
    assert CappedCountPaginator(rows, 10).count == 41


def test_a_common_word_in_an_order_no_index_holds_lists_every_match_in_that_order(common_word, client):
    body = client.get("/api/v1/documents/", {"q": "集团化办学", "ordering": "title,-id", "page_size": 50}).json()
    assert [record["id"] for record in body["results"]] == sorted(common_word, reverse=True)
    assert body["count"] == 40
