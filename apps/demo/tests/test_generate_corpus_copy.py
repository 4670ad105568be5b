"""generate_corpus's PostgreSQL path (COPY from loader processes, indexes built after): the same corpus as bulk inserts."""
import pytest
from django.db import connection, transaction

from apps.commitments.models import Commitment
from apps.demo.corpus import _copied_tables, corpus_generate
from apps.documents.models import Citation, Document
from apps.proposals.models import Proposal, Reply
from apps.search.models import SearchEntry
from apps.search.services import document_ids_matching
from apps.targets.models import Observation, Target

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's"),
    # The COPY path runs outside a transaction only (its loaders' connections must see the shared rows).
    pytest.mark.django_db(transaction=True),
]

DOCUMENTS = 150


def schema() -> set[tuple]:
    """Every index (with its columns' statistics targets) and constraint of the corpus's tables."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)", [_copied_tables()]
        )
        indexes = set(cursor.fetchall())
        cursor.execute(
            "SELECT i.relname, a.attnum, a.attstattarget FROM pg_attribute a JOIN pg_class i ON i.oid = a.attrelid "
            "JOIN pg_index x ON x.indexrelid = i.oid WHERE x.indrelid::regclass::text = ANY(%s)", [_copied_tables()],
        )
        indexes |= set(cursor.fetchall())
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid::regclass::text = ANY(%s)", [_copied_tables()],
        )
        return indexes | set(cursor.fetchall())


def corpus() -> dict:
    return {
        "documents": list(Document.objects.order_by("pk").values_list("pk", "title", "checksum", "status", "publish_date")),
        "regions": sorted(Document.regions.through.objects.values_list("document_id", "region_id")),
        "citations": list(Citation.objects.order_by("document_id", "cited_title", "pk").values_list(
            "document_id", "cited_title", "cited_document_id",
        )),
        "targets": list(Target.objects.order_by("pk").values_list("pk", "source_document_id", "quote", "value")),
        "observations": list(Observation.objects.order_by("source_document_id", "pk").values_list(
            "source_document_id", "quote", "value",
        )),
        "replies": list(Reply.objects.order_by("pk").values_list("pk", "proposal_id", "document_id", "copy_to")),
        "commitments": list(Commitment.objects.order_by("reply_id", "pk").values_list("reply_id", "target_id", "quote")),
        "search": list(SearchEntry.objects.order_by("pk").values_list("pk", "tokens")),
    }


def test_copy_gives_the_corpus_bulk_inserts_give_and_leaves_the_schema_whole():
    before = schema()
    summary = corpus_generate(documents=DOCUMENTS, seed=11)
    assert "indexes and foreign keys" in summary.timings
    copied = corpus()
    assert schema() == before
    assert len(copied["documents"]) == DOCUMENTS and copied["commitments"] and copied["search"]
    assert Document.objects.filter(pk__in=document_ids_matching("集团化办学")).exists()

    for model in (Commitment, Citation, Target, Observation, Reply, Proposal, Document):
        model.objects.all().delete()
    with transaction.atomic():  # inside a transaction: the bulk_create path
        corpus_generate(documents=DOCUMENTS, seed=11)
    assert corpus() == copied


def test_new_records_after_a_copied_corpus_get_fresh_ids():
    corpus_generate(documents=20, seed=12)
    top = Document.objects.order_by("-pk").values_list("pk", flat=True).first()
    from apps.documents.tests.factories import DocumentFactory

    assert DocumentFactory().pk > top
