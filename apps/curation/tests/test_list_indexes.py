"""The indexes added for the lists (docs/performance.md) exist on both databases and serve their queries."""
import pytest
from django.db import connection
from django.db.models import F
from django.urls import reverse

from apps.documents.models import Document
from apps.documents.tests.factories import DocumentFactory
from apps.initiatives.models import Initiative
from apps.proposals.models import Reply
from apps.review.queue import waiting
from apps.targets.models import Target
from apps.targets.selectors import target_list
from apps.targets.tests.factories import TargetFactory

pytestmark = pytest.mark.django_db

LIST_INDEXES = {
    Document: ["document_newest_idx", "document_title_idx", "document_status_id_idx"],
    Initiative: ["initiative_name_id_idx"],
    Reply: ["reply_doc_number_idx", "reply_result_date_idx"],
    Target: ["target_indicator_year_idx", "target_list_order_idx", "target_due_order_idx"],
}


def index_names(model) -> set[str]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
    return {name for name, info in constraints.items() if info["index"]}


def plan_of(queryset, *, sort: bool = True) -> str:
    """PostgreSQL's plan for ``queryset``, as EXPLAIN prints it; ``sort=False`` makes it avoid a sort
    wherever an index can give the order (a table this small would be sorted: one row is cheap)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a table this small would be scanned
        if not sort:
            cursor.execute("SET LOCAL enable_sort = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("model", list(LIST_INDEXES), ids=lambda m: m.__name__)
def test_the_migrations_create_the_list_indexes(model):
    assert set(LIST_INDEXES[model]) <= index_names(model)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="NULLS LAST is PostgreSQL's spelling")
def test_newest_first_with_undated_last_is_read_from_the_index():
    DocumentFactory.create_batch(3)
    DocumentFactory(publish_date=None)
    plan = plan_of(Document.objects.order_by(F("publish_date").desc(nulls_last=True), "-pk")[:25])
    assert "document_newest_idx" in plan
    assert "Sort" not in plan.split("document_newest_idx")[0].splitlines()[-1]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the production database's planner")
def test_a_targets_page_filtered_by_progress_is_read_in_the_lists_order_from_the_index():
    """/targets/?progress=missed over all years: the page's rows come from the index on the progress once
    due, in the list's order, not from a walk of every target of the earliest years (36,000 at a million
    documents) nor a sort of every missed target (0.7 s)."""
    TargetFactory.create_batch(2)
    plan = plan_of(target_list(filters={"progress": "missed"}, user=None)[:25], sort=False)
    assert "Index Scan using target_due_order_idx" in plan
    assert "Sort" not in plan.split("target_due_order_idx")[0]  # (the subqueries below may sort their one row)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the production database's planner")
def test_a_places_achieved_targets_are_read_in_the_lists_order_from_the_due_progress_index():
    """/targets/?region=32&progress=achieved: the achieved targets are walked in the list's order, not
    every target from the earliest year on (the earliest years hold few achieved ones: 0.8 s at a million)."""
    TargetFactory.create_batch(2)
    plan = plan_of(target_list(filters={"region": "32", "progress": "achieved"}, user=None)[:25], sort=False)
    assert "Index Scan using target_due_order_idx" in plan
    assert "Sort" not in plan.split("target_due_order_idx")[0]


# PostgreSQL's indexes on a region code prefix (varchar_pattern_ops), which the models cannot declare,
# and what a place's list reads from each at a million documents (bench/api_lists.py):
PREFIX_INDEXES = {
    # the count beside ?region=32&progress=achieved, from one index rather than two bitmaps ANDed: 220 → 25 ms
    "target_due_region_idx": ["'achieved'", "region_id varchar_pattern_ops"],
    # replies ?region=32&result_code=A&…: the place's proposals with their status, no table pages: 119 → 50 ms
    "proposal_region_prefix_idx": ["(region_id varchar_pattern_ops) INCLUDE (id, status)"],
    # documents ?region=32: the documents linked to the place's regions, no link table pages: 109 → 70 ms
    "link_region_prefix_idx": ["(region_id varchar_pattern_ops, document_id)"],
}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's indexes (a code prefix)")
@pytest.mark.parametrize("index", list(PREFIX_INDEXES))
def test_a_places_lists_have_their_region_prefix_indexes(index):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_indexdef(%s::regclass)", [index])
        (definition,) = cursor.fetchone()
    assert all(part in definition for part in PREFIX_INDEXES[index])


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite refuses NULLS LAST in an index")
@pytest.mark.django_db(transaction=True)  # SQLite's schema editor refuses to run inside a transaction
def test_sqlite_keeps_the_index_through_a_table_rebuild():
    # SQLite alters a table by copying it; the copy's indexes come from the model.
    with connection.schema_editor() as editor:
        editor._remake_table(Document)
    assert "document_newest_idx" in index_names(Document)
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'document_newest_idx'")
        (sql,) = cursor.fetchone()
    assert "NULLS" not in sql.upper() and '"publish_date" DESC' in sql


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the production database's planner")
@pytest.mark.parametrize("changelist, index", [
    ("documents_document", "document_newest_idx"), ("targets_target", "target_list_order_idx"),
])
def test_the_admin_changelists_read_their_page_in_an_index_order(curator_client, changelist, index):
    """Newest first with undated documents last, targets in the lists' order: read from the index
    until the page is full, where the models' own order (undated first, the indicator's name)
    sorted a fifth of the documents, or a year's targets, on every page view at a million."""
    DocumentFactory.create_batch(2)
    DocumentFactory(publish_date=None)
    TargetFactory.create_batch(2)
    response = curator_client.get(reverse(f"admin:{changelist}_changelist"))
    plan = plan_of(response.context["cl"].result_list, sort=False)
    assert index in plan
    assert "Sort" not in plan.split(index)[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL index (JSON containment)")
def test_the_review_queue_filtered_by_a_note_finds_the_drafts_through_the_notes_index():
    """Not by reading every draft's notes (0.4 s for 10,000 drafts)."""
    DocumentFactory.create_batch(3, status="draft", import_warnings=[{"message": "页面上没有发布日期", "values": {}}])
    Document.objects.bulk_create(
        Document(title=f"草稿 {n}", doc_type="news", raw_text=f"正文 {n}", checksum=str(n), status="draft")
        for n in range(500)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE documents_document")
    plan = plan_of(waiting("no-date").order_by().values("pk"))
    assert "Bitmap Index Scan on document_draft_notes_idx" in plan
