"""One page in: read, checked against what is held, saved as draft records (``apps.ingest.writer``)."""
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction

from apps.documents.models import ArticleFingerprint, Document
from apps.ingest.draft import Draft, Status
from apps.ingest.duplicates import HeldDocument, article_lock, mark_if_held
from apps.ingest.extract.initiatives import Term, aliases_parse, vocabulary_with
from apps.ingest.extract.regions import Place
from apps.ingest.pipeline import Reader, page_read, reader_build
from apps.ingest.writer import DraftWriter
from apps.initiatives.models import Initiative
from apps.regions.models import Region
from apps.regions.services import region_table

@dataclass(frozen=True)
class ImportResult:
    """One file's outcome: the draft as read, the document created (None on a dry run, a
    duplicate or an error) and, for a duplicate, the document that holds the page."""

    draft: Draft
    document: Document | None = None
    held: HeldDocument | None = None

    @property
    def status(self) -> str:
        return self.draft.status


def import_reader() -> Reader:
    """Extraction's view of the database: the region table and the initiative vocabulary.

    An empty region table (a fresh install before ``load_regions``) falls back to the national
    table; build one reader per run, since indexing the table takes a few milliseconds.
    """
    rows = list(Region.objects.values_list("code", "name", "parent_id"))
    places = [Place(*row) for row in rows] or [Place(r.code, r.name, r.parent_id) for r in region_table()]
    curated = [
        Term(name, theme, aliases_parse(aliases))
        for name, theme, aliases in Initiative.objects.filter(region__isnull=True).values_list("name", "theme", "aliases")
    ]
    return reader_build(places, vocabulary_with(curated), max_bytes=settings.IMPORT_MAX_BYTES)


def document_import(
    *, raw: bytes, filename: str, dry_run: bool = False, reader: Reader | None = None, user=None,
    suffix: str | None = None, source_url: str = "",
) -> ImportResult:
    """Read one captured page and, unless ``dry_run``, save it as draft records in one transaction.

    A page already held (the same article, apps.ingest.duplicates) creates nothing and comes
    back as a duplicate naming the document; an unreadable one as an error with its reason.
    Nothing raises for bad input. ``user`` is recorded in the history of the records created.
    A page fetched by address gives its type as ``suffix`` and its address as ``source_url``.
    """
    reader = reader or import_reader()
    draft = page_read(raw, filename=filename, reader=reader, suffix=suffix)
    if draft.status != Status.OK:
        return ImportResult(draft)
    draft.document.source_url = source_url
    fingerprint = ArticleFingerprint.of(draft.clean_text)
    if dry_run:
        return ImportResult(draft, held=mark_if_held(draft, fingerprint))
    with transaction.atomic():
        # Looked for once another import of the same article, if any, has committed.
        article_lock(fingerprint)
        held = mark_if_held(draft, fingerprint)
        if held:
            return ImportResult(draft, held=held)
        try:
            with transaction.atomic():
                document = DraftWriter(draft, reader, user, fingerprint).save()
        except IntegrityError:
            # The same raw text saved meanwhile where no lock was taken (SQLite): the checksum is unique.
            held = mark_if_held(draft, fingerprint)
            if held:
                return ImportResult(draft, held=held)
            raise
    return ImportResult(draft, document)
