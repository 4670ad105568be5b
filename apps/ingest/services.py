"""Pages in: read, checked against what is held, saved as draft records (``apps.ingest.writer``), one page or a group at once."""
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction

from apps.documents.models import ArticleFingerprint, Document
from apps.ingest.draft import Draft, Status
from apps.ingest.duplicates import HeldDocument, SeenArticles, article_lock, mark_if_held, marks_if_held
from apps.ingest.extract.initiatives import Term, aliases_parse, vocabulary_with
from apps.ingest.extract.regions import Place
from apps.ingest.pipeline import Reader, page_read, reader_build
from apps.ingest.writer import DraftWriter
from apps.initiatives.models import Initiative
from apps.regions.models import Region
from apps.regions.services import region_table

# Pages written together (``captures_import``) by a background job or ``import_documents --now``:
# a group's statements cost little more than a page's (apps.ingest.writer), and a job's items
# finish together on the batch page.
GROUP_SIZE = 25


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


@dataclass(frozen=True)
class Capture:
    """A captured page to import: its bytes and file name; fetched by address, its type as
    ``suffix`` and the address as ``source_url``."""

    raw: bytes
    filename: str
    suffix: str | None = None
    source_url: str = ""


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
    capture = Capture(raw, filename, suffix, source_url)
    if not dry_run:
        return captures_import([capture], reader=reader, user=user)[0]
    draft = _read(capture, reader)
    if draft.status != Status.OK:
        return ImportResult(draft)
    return ImportResult(draft, held=mark_if_held(draft, ArticleFingerprint.of(draft.clean_text)))


def captures_import(captures: list[Capture], *, reader: Reader | None = None, user=None) -> list[ImportResult]:
    """``document_import`` for several pages in one transaction, their results in order.

    The new pages are written together (``DraftWriter``: one statement per table for all of them).
    A page of the same article, or replying to the same proposal, as an earlier one of the group is
    saved after the group, alone, so that it sees the earlier one's records (and ends a duplicate,
    or a second reply). If writing the group breaks a unique rule (the same page saved meanwhile
    where no lock is taken: SQLite), each page is saved alone.
    """
    reader = reader or import_reader()
    drafts = [_read(capture, reader) for capture in captures]
    results: list[ImportResult | None] = [None if d.status == Status.OK else ImportResult(d) for d in drafts]
    fingerprints = {i: ArticleFingerprint.of(drafts[i].clean_text) for i, result in enumerate(results) if result is None}
    together, after = _grouped(fingerprints, drafts)
    with transaction.atomic():
        # Looked for once another import of the same articles, if any, has committed.
        article_lock(*(fingerprints[i] for i in together))
        found = marks_if_held([(drafts[i], fingerprints[i]) for i in together])
        for i, held in zip(together, found):
            if held:
                results[i] = ImportResult(drafts[i], held=held)
        new = [i for i in together if results[i] is None]
        try:
            with transaction.atomic():
                documents = DraftWriter([(drafts[i], fingerprints[i]) for i in new], reader, user).save() if new else []
            for i, document in zip(new, documents):
                results[i] = ImportResult(drafts[i], document)
        except IntegrityError:
            after = sorted([*new, *after])
        for i in after:
            results[i] = _draft_save(drafts[i], reader=reader, user=user)
    return results


def _read(capture: Capture, reader: Reader) -> Draft:
    draft = page_read(capture.raw, filename=capture.filename, reader=reader, suffix=capture.suffix)
    if draft.status == Status.OK:
        draft.document.source_url = capture.source_url
    return draft


def _grouped(fingerprints: dict[int, ArticleFingerprint], drafts: list[Draft]) -> tuple[list[int], list[int]]:
    """The pages that can be written together, and those to save after them one by one: the same
    article or the same proposal as an earlier page of the group."""
    together, after, seen, proposals = [], [], SeenArticles(), set()
    for i, fingerprint in fingerprints.items():
        proposal = drafts[i].proposal
        key = (proposal.kind, proposal.session, proposal.number) if proposal and drafts[i].reply else None
        if seen.earlier_file(drafts[i], fingerprint) or (key and key in proposals):
            after.append(i)
        else:
            together.append(i)
            proposals.add(key)
    return together, after


def _draft_save(draft: Draft, *, reader: Reader, user) -> ImportResult:
    """One page read already, saved alone unless it is held: in its own savepoint, under its article's lock."""
    fingerprint = ArticleFingerprint.of(draft.clean_text)
    with transaction.atomic():
        article_lock(fingerprint)
        held = mark_if_held(draft, fingerprint)
        if held:
            return ImportResult(draft, held=held)
        try:
            with transaction.atomic():
                [document] = DraftWriter([(draft, fingerprint)], reader, user).save()
        except IntegrityError:
            # The same raw text saved meanwhile where no lock was taken (SQLite): the checksum is unique.
            held = mark_if_held(draft, fingerprint)
            if held:
                return ImportResult(draft, held=held)
            raise
    return ImportResult(draft, document)
