"""Totals past RESULT_COUNT_CAP: the API and the list pages say "more than" instead of counting every match."""
import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.curation.models import CurationStatus
from apps.curation.paginator import CappedCountPaginator
from apps.curation.tests.api_support import API, fresh_throttle_history  # noqa: F401 (autouse fixture)
from apps.documents.models import Document
from apps.documents.tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db

CAP = 3


@pytest.fixture
def capped(settings):
    settings.RESULT_COUNT_CAP = CAP


def published(n: int) -> list[Document]:
    return DocumentFactory.create_batch(n)


def test_up_to_the_cap_the_api_count_is_exact(capped):
    published(CAP)
    DocumentFactory.create_batch(2, status=CurationStatus.DRAFT)
    body = Client().get(f"{API}documents/").json()
    assert (body["count"], body["count_is_estimate"]) == (CAP, False)
    assert len(body["results"]) == CAP


def test_past_the_cap_the_api_says_the_count_is_a_floor_and_every_page_stays_readable(capped):
    documents = published(CAP + 2)
    DocumentFactory.create_batch(4, status=CurationStatus.DRAFT)
    client, seen = Client(), []
    url = f"{API}documents/?page_size=2&ordering=id"
    while url:
        body = client.get(url).json()
        assert (body["count"], body["count_is_estimate"]) == (CAP, True)
        seen += [record["id"] for record in body["results"]]
        url = body["next"]
    # Every published document, drafts none, across pages past the cap (page 3 of "3 records, 2 a page").
    assert seen == sorted(d.pk for d in documents)
    assert client.get(f"{API}documents/?page_size=2&page=4").status_code == 404


def test_a_filter_narrowing_below_the_cap_is_counted_exactly(capped):
    published(CAP + 2)
    DocumentFactory(doc_number="邯教办〔2018〕57号")
    body = Client().get(f"{API}documents/", {"doc_number": "邯教办〔2018〕57号"}).json()
    assert (body["count"], body["count_is_estimate"]) == (1, False)


def test_the_schema_documents_the_flag():
    schema = Client().get(f"{API}schema/", {"format": "json"}).json()
    listing = schema["paths"]["/api/v1/documents/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    envelope = schema["components"]["schemas"][listing["$ref"].rsplit("/", 1)[1]]
    assert "count_is_estimate" in envelope["required"]
    assert envelope["properties"]["count_is_estimate"]["type"] == "boolean"
    assert "count_is_estimate" in envelope["properties"]["count"]["description"]


def test_the_list_page_says_more_than_the_cap_and_links_onwards(capped):
    published(30)  # more than one page of 25, more than the cap
    page = Client().get(reverse("documents:list")).content.decode()
    assert f"超过 {CAP} 条" in page and "rel=\"next\"" in page
    second = Client().get(reverse("documents:list"), {"page": 2}).content.decode()
    assert f"超过 {CAP} 条" in second and "rel=\"prev\"" in second and "rel=\"next\"" not in second


def test_the_list_page_in_english(capped):
    published(CAP + 1)
    page = Client().get("/en" + reverse("documents:list")).content.decode()
    assert f"more than {CAP}" in page


def test_below_the_cap_the_page_gives_the_total():
    published(2)
    page = Client().get(reverse("documents:list")).content.decode()
    assert "共 2 条" in page and "超过" not in page


def test_the_paginator_counts_no_more_rows_than_the_cap(django_assert_num_queries):
    published(5)
    paginator = CappedCountPaginator(Document.objects.order_by("-pk"), 2, cap=3)
    with django_assert_num_queries(1) as queries:
        assert (paginator.count, paginator.count_is_estimate) == (3, True)
    assert "LIMIT 4" in queries.captured_queries[0]["sql"]
    last = paginator.page(3)
    assert len(last.object_list) == 1 and not last.has_next() and last.end_index() == 5


def _count_queries(queries) -> int:
    return sum(query["sql"].startswith("SELECT COUNT(*)") for query in queries.captured_queries)


def test_paging_through_a_list_counts_it_once_and_a_new_record_is_counted_at_once():
    published(3)
    client = Client()
    with CaptureQueriesContext(connection) as first:
        assert client.get(f"{API}documents/?page_size=2").json()["count"] == 3
    with CaptureQueriesContext(connection) as second:
        assert client.get(f"{API}documents/?page_size=2&page=2").json()["count"] == 3
    assert (_count_queries(first), _count_queries(second)) == (1, 0)
    DocumentFactory()
    assert client.get(f"{API}documents/?page_size=2").json()["count"] == 4
    assert client.get(f"{API}documents/?page_size=2&doc_type=reply").json()["count"] == Document.objects.filter(
        status=CurationStatus.PUBLISHED, doc_type="reply").count()


def test_a_count_remembered_for_the_public_is_not_the_curators(curator_client):
    published(2)
    DocumentFactory(status=CurationStatus.DRAFT)
    assert Client().get(f"{API}documents/").json()["count"] == 2
    assert curator_client.get(f"{API}documents/").json()["count"] == 3
