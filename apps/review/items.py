"""What one imported document holds for review: the records drawn from it, each with the
sentence it was read from and the importer's notes that concern it.

Loaded with a fixed number of queries however many targets the document has.
"""
from dataclasses import dataclass, field

from django.db.models import Max, Model

from apps.documents.marking import Quote
from apps.documents.models import Document
from apps.ingest.notes import note_text
from apps.proposals.models import Reply
from apps.targets.models import Observation, Target


@dataclass
class ReviewItem:
    kind: str  # proposal, reply, target, observation, commitment, initiative, citation
    record: Model
    quote: str  # the text marked on the page's side
    notes: list[str] = field(default_factory=list)
    version: int = 0  # the record's latest history entry (apps.curation.locking)

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.record.pk}"

    def marked(self) -> Quote:
        return Quote(anchor=self.anchor, text=self.quote, title=str(self.record), kind=self.kind)


@dataclass
class DocumentReview:
    document: Document
    items: list[ReviewItem]
    notes: list[str]  # the notes that concern the document as a whole
    version: int = 0

    def of_kind(self, kind: str) -> list[ReviewItem]:
        return [item for item in self.items if item.kind == kind]


def _reply_items(document: Document) -> list[ReviewItem]:
    reply = (
        Reply.objects.filter(document=document)
        .select_related("proposal__region", "responding_organization")
        .first()
    )
    if reply is None:
        return []
    proposal = reply.proposal
    return [
        ReviewItem("proposal", proposal, proposal.title),
        ReviewItem("reply", reply, reply.doc_number),
    ]


def _figure_items(document: Document) -> list[ReviewItem]:
    targets = Target.objects.filter(source_document=document).select_related("indicator", "region").order_by("pk")
    observations = (
        Observation.objects.filter(source_document=document).select_related("indicator", "region").order_by("pk")
    )
    return [
        *(ReviewItem("target", target, target.quote) for target in targets),
        *(ReviewItem("observation", observation, observation.quote) for observation in observations),
    ]


def _other_items(document: Document) -> list[ReviewItem]:
    commitments = document.commitments.order_by("pk")
    initiatives = document.initiatives.order_by("pk")
    citations = document.citations.select_related("cited_document").order_by("pk")
    return [
        *(ReviewItem("commitment", commitment, commitment.quote) for commitment in commitments),
        *(ReviewItem("initiative", initiative, initiative.name) for initiative in initiatives),
        *(ReviewItem("citation", citation, citation.cited_title or citation.cited_doc_number) for citation in citations),
    ]


def _concerns(item: ReviewItem, values: dict) -> bool:
    """Whether a note's values name this item: the sentence a figure came from (notes keep its
    first 40 characters), or the proposal's session and number."""
    quote = values.get("quote")
    if quote and item.kind in ("target", "observation"):
        return item.quote.startswith(quote)
    if item.kind == "proposal" and "number" in values:
        return str(values["number"]) == item.record.number and values.get("session") in (None, item.record.session)
    return False


def _place_notes(review: DocumentReview) -> None:
    for stored in review.document.import_warnings or []:
        values = stored.get("values") or {} if isinstance(stored, dict) else {}
        item = next((item for item in review.items if _concerns(item, values)), None)
        (item.notes if item else review.notes).append(note_text(stored))


def _versions(records: list[Model]) -> dict[tuple[type, int], int]:
    """Each record's latest history id, one query per model."""
    versions = {}
    by_model: dict[type, list[int]] = {}
    for record in records:
        by_model.setdefault(type(record), []).append(record.pk)
    for model, pks in by_model.items():
        rows = model.history.filter(id__in=pks).values("id").annotate(latest=Max("history_id"))
        versions.update({(model, row["id"]): row["latest"] for row in rows})
    return versions


def document_review(document: Document) -> DocumentReview:
    items = [*_reply_items(document), *_figure_items(document), *_other_items(document)]
    review = DocumentReview(document, items, notes=[])
    _place_notes(review)
    versions = _versions([document, *(item.record for item in items)])
    review.version = versions.get((Document, document.pk), 0)
    for item in items:
        item.version = versions.get((type(item.record), item.record.pk), 0)
    return review


def current_versions(review: DocumentReview) -> dict[tuple[type, int], int]:
    return _versions([review.document, *(item.record for item in review.items)])
