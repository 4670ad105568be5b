"""The drafts waiting for review, newest import first, filterable by the importer's notes."""
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, Count, Q, QuerySet
from django.db.models.expressions import RawSQL

from apps.curation.models import CurationStatus
from apps.documents.models import Document
from apps.ingest.note_kinds import NOTE_KINDS
from apps.ingest.notes import note_text
from apps.proposals.models import Reply
from apps.targets.models import Observation, Target


def with_note(documents: QuerySet, messages: list[str]) -> QuerySet:
    """The documents holding a note with one of ``messages``: JSON containment on PostgreSQL
    (``@>``), JSON1's ``json_each`` on SQLite, which stores the notes as escaped text."""
    if connection.vendor == "postgresql":
        held = Q()
        for message in messages:
            held |= Q(import_warnings__contains=[{"message": message}])
        return documents.filter(held)
    table = connection.ops.quote_name(Document._meta.db_table)
    placeholders = ", ".join(["%s"] * len(messages))
    has_note = RawSQL(
        f"EXISTS (SELECT 1 FROM json_each({table}.import_warnings) AS note"
        f" WHERE json_extract(note.value, '$.message') IN ({placeholders}))",
        messages, output_field=BooleanField(),
    )
    return documents.alias(has_note=has_note).filter(has_note=True)


def waiting(note_kind: str = "") -> QuerySet:
    """Draft documents, newest import first; only those with a note of ``note_kind`` when given."""
    drafts = Document.objects.filter(status=CurationStatus.DRAFT).order_by("-created_at", "-pk")
    if note_kind:
        drafts = with_note(drafts, NOTE_KINDS[note_kind][1])
    return drafts.select_related("organization").only(
        "pk", "title", "doc_type", "source_file", "created_at", "import_warnings", "organization__name",
    )


@dataclass
class QueueRow:
    document: Document
    notes: list[str]
    targets: int
    observations: int
    has_reply: bool

    @property
    def items(self) -> int:
        return self.targets + self.observations + (2 if self.has_reply else 0)


def _counts(model, pks: list[int]) -> dict[int, int]:
    rows = model.objects.filter(source_document__in=pks).values("source_document").annotate(n=Count("pk"))
    return {row["source_document"]: row["n"] for row in rows}


def queue_rows(documents: list[Document]) -> list[QueueRow]:
    """A page of the queue with each document's items counted: three grouped queries."""
    pks = [document.pk for document in documents]
    targets, observations = _counts(Target, pks), _counts(Observation, pks)
    replied = set(Reply.objects.filter(document__in=pks).values_list("document", flat=True))
    return [
        QueueRow(
            document=document,
            notes=[note_text(stored) for stored in document.import_warnings or []],
            targets=targets.get(document.pk, 0),
            observations=observations.get(document.pk, 0),
            has_reply=document.pk in replied,
        )
        for document in documents
    ]
