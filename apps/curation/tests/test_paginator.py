"""The admin's paginator: PostgreSQL's estimate for a large unfiltered table, a count up to the cap otherwise."""
from unittest import mock

import pytest
from django.db import connection
from django.urls import reverse

from apps.curation.admin import CuratedModelAdmin
from apps.curation.paginator import ESTIMATE_ABOVE_ROWS, EstimatedCountPaginator, estimated_row_count
from apps.documents.admin import CitationAdmin
from apps.documents.models import Document
from apps.documents.tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="the estimate is PostgreSQL's")
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")


def set_estimate(rows: int) -> None:
    """What ANALYZE would leave in pg_class for the documents table (pg_class is writable by its owner)."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE pg_class SET reltuples = %s WHERE oid = 'documents_document'::regclass", [rows])


def test_the_big_changelists_use_it_without_a_second_full_count():
    for admin_class in (CuratedModelAdmin, CitationAdmin):
        assert admin_class.paginator is EstimatedCountPaginator
        assert admin_class.show_full_result_count is False


def test_a_small_table_is_counted_exactly():
    DocumentFactory.create_batch(3)
    assert EstimatedCountPaginator(Document.objects.all(), 100).count == 3


def test_a_list_that_is_not_a_queryset_is_counted_as_django_does():
    assert EstimatedCountPaginator(list(range(7)), 5).count == 7


@on_sqlite
def test_sqlite_has_no_estimate():
    DocumentFactory()
    assert estimated_row_count(Document.objects.all()) is None


@on_postgresql
def test_a_large_unfiltered_table_takes_the_estimate_without_counting(django_assert_num_queries):
    DocumentFactory.create_batch(2)
    set_estimate(250_000)
    paginator = EstimatedCountPaginator(Document.objects.order_by("-pk"), 100)
    with django_assert_num_queries(1) as queries:
        assert paginator.count == 250_000
    assert "reltuples" in queries.captured_queries[0]["sql"]
    assert paginator.num_pages == 2500
    # A page past the real rows is empty, not an error: the estimate may run ahead of the table.
    assert list(paginator.page(2).object_list) == []


@on_postgresql
def test_filtered_sliced_or_distinct_lists_are_counted_exactly():
    DocumentFactory.create_batch(2, status="published")
    set_estimate(250_000)
    for queryset in (
        Document.objects.filter(status="published"),
        Document.objects.distinct(),
        Document.objects.all()[:1],
    ):
        assert estimated_row_count(queryset) is None
        assert EstimatedCountPaginator(queryset, 100).count == queryset.count()


@on_postgresql
def test_an_estimate_below_the_threshold_or_missing_is_not_used():
    DocumentFactory.create_batch(2)
    set_estimate(ESTIMATE_ABOVE_ROWS)
    assert EstimatedCountPaginator(Document.objects.all(), 100).count == 2
    set_estimate(-1)  # never analysed
    assert estimated_row_count(Document.objects.all()) is None


@on_postgresql
def test_the_changelist_shows_the_estimate_unfiltered_and_the_exact_count_filtered(curator_client):
    DocumentFactory.create_batch(2, status="published")
    DocumentFactory(status="draft")
    set_estimate(123_456)
    changelist = reverse("admin:documents_document_changelist")

    unfiltered = curator_client.get(changelist)
    filtered = curator_client.get(changelist, {"status__exact": "draft"})

    assert unfiltered.context["cl"].result_count == 123_456
    assert len(unfiltered.context["cl"].result_list) == 3
    assert filtered.context["cl"].result_count == 1
    assert filtered.context["cl"].full_result_count is None


def test_the_changelist_counts_exactly_where_there_is_no_estimate(curator_client):
    DocumentFactory.create_batch(2)
    with mock.patch("apps.curation.paginator.estimated_row_count", return_value=None):
        response = curator_client.get(reverse("admin:documents_document_changelist"))
    assert response.context["cl"].result_count == 2


def test_a_filter_or_search_matching_more_than_the_cap_says_more_than_and_pages_on(curator_client, settings):
    settings.RESULT_COUNT_CAP = 2
    DocumentFactory.create_batch(3, status="draft", title="教办发文")
    changelist = reverse("admin:documents_document_changelist")
    with mock.patch.object(EstimatedCountPaginator, "MIN_CAP", 2), mock.patch.object(CuratedModelAdmin, "list_per_page", 1):
        searched = curator_client.get(changelist, {"q": "教办", "status__exact": "draft"})
        last = curator_client.get(changelist, {"q": "教办", "p": "3"})
    assert searched.context["cl"].result_count == 2 and searched.context["cl"].paginator.count_is_estimate
    page = searched.content.decode()
    assert "超过 2 条" in page and "2 条结果" not in page
    assert len(searched.context["cl"].result_list) == 1
    # The rows past the cap are still there to page to.
    assert len(last.context["cl"].result_list) == 1


def test_the_cap_stays_above_the_counts_at_which_django_lists_every_row():
    paginator = EstimatedCountPaginator(Document.objects.all(), 100, cap=5)
    assert paginator.cap > max(100, CuratedModelAdmin.list_max_show_all)


def test_a_filter_matching_fewer_than_the_cap_is_counted_exactly(curator_client, settings):
    settings.RESULT_COUNT_CAP = 5
    DocumentFactory.create_batch(3, status="draft")
    with mock.patch.object(EstimatedCountPaginator, "MIN_CAP", 5):
        response = curator_client.get(reverse("admin:documents_document_changelist"), {"status__exact": "draft"})
    assert response.context["cl"].result_count == 3 and not response.context["cl"].paginator.count_is_estimate
    assert "超过" not in response.content.decode()
