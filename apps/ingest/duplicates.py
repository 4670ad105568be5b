"""A page already held, recognised by its article rather than its bytes.

Two captures of one page differ in encoding, whitespace, traditional or simplified characters
and the junk around the article; the cleaner takes most of that away, and
``ArticleFingerprint`` the rest of the dress. Junk the cleaner misses (a line of navigation,
an editor's byline) differs from capture to capture, so a long article is also held when every
line of one is a line of the other, in order, the other adding no more than a tenth: found by
the index on either end, confirmed on the text.
"""
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q

from apps.documents.models import ArticleFingerprint, Document, text_checksum
from apps.ingest.draft import Draft, Status
from apps.ingest.notes import N_, Note, note

# The larger of two articles may add this much (junk around it) and still be the same page.
SAME_ARTICLE_SHARE = 0.9
CANDIDATES = 20


@dataclass(frozen=True)
class HeldDocument:
    pk: int
    title: str


def one_inside_other(article: ArticleFingerprint, other: ArticleFingerprint) -> bool:
    """Every line of the shorter article a whole line of the longer, in order, and the longer
    little longer. Whole lines: a line that merely begins another (…达到9 in …达到95) is not it."""
    shorter, longer = sorted((article, other), key=lambda a: len(a.letters))
    if not shorter.lines or len(shorter.letters) < SAME_ARTICLE_SHARE * len(longer.letters):
        return False
    remaining = iter(longer.lines)
    return all(any(line == other_line for other_line in remaining) for line in shorter.lines)


def held_document(draft: Draft, fingerprint: ArticleFingerprint) -> HeldDocument | None:
    """The document holding this page: the same raw text, the same article, or (long articles)
    one inside the other. One query on indexed columns; the text is compared only for candidates."""
    return held_documents([(draft, fingerprint)])[0]


def held_documents(pages: list[tuple[Draft, ArticleFingerprint]]) -> list[HeldDocument | None]:
    """``held_document`` for several pages, in one query."""
    keys = [(text_checksum(draft.raw_text), fingerprint) for draft, fingerprint in pages]
    checksums = {raw for raw, _fingerprint in keys}
    contents = {fingerprint.checksum for _raw, fingerprint in keys}
    ends = {end for _raw, fingerprint in keys if fingerprint.head for end in (fingerprint.head, fingerprint.tail)}
    same = Q(checksum__in=checksums) | Q(content_checksum__in=contents)
    if ends:
        same |= Q(content_head__in=ends) | Q(content_tail__in=ends)
    rows = list(Document.objects.filter(same).order_by("pk").values_list(
        "pk", "title", "checksum", "content_checksum", "content_head", "content_tail", "clean_text",
    )[:CANDIDATES * len(pages)])
    return [_held_among(rows, raw, fingerprint) for raw, fingerprint in keys]


def _held_among(rows: list[tuple], raw_checksum: str, fingerprint: ArticleFingerprint) -> HeldDocument | None:
    ends = {fingerprint.head, fingerprint.tail} if fingerprint.head else set()
    candidates = [
        row for row in rows
        if raw_checksum == row[2] or fingerprint.checksum == row[3] or row[4] in ends or row[5] in ends
    ][:CANDIDATES]
    exact = next((row for row in candidates if raw_checksum == row[2] or fingerprint.checksum == row[3]), None)
    row = exact or next(
        (row for row in candidates if one_inside_other(fingerprint, ArticleFingerprint.of(row[6]))), None
    )
    return HeldDocument(row[0], row[1]) if row else None


def held_note(held: HeldDocument) -> Note:
    return note(N_("已收录为文件 %(id)s “%(title)s”"), id=held.pk, title=held.title)


def mark_if_held(draft: Draft, fingerprint: ArticleFingerprint) -> HeldDocument | None:
    """The held document, with the draft marked a duplicate saying which; None for a new page."""
    return marks_if_held([(draft, fingerprint)])[0]


def marks_if_held(pages: list[tuple[Draft, ArticleFingerprint]]) -> list[HeldDocument | None]:
    """``mark_if_held`` for several pages, looked up in one query."""
    found = held_documents(pages) if pages else []
    for (draft, _fingerprint), held in zip(pages, found):
        if held:
            draft.status, draft.error = Status.DUPLICATE, held_note(held)
    return found


def article_lock(*fingerprints: ArticleFingerprint) -> bool:
    """Inside a transaction on PostgreSQL: wait for any other import of the same articles to commit.

    ``content_checksum`` cannot be unique (rows saved before it existed may share it), so two
    processes importing one article in two dresses (``import_documents --workers``) would both
    find it new. Looking again once the lock is taken, the second sees the first's document.
    The keys are taken in order, so two imports of overlapping groups cannot deadlock.
    False where there is no such lock (SQLite, where writers take turns anyway).
    """
    if connection.vendor != "postgresql":
        return False
    keys = sorted({
        int(value[:15], 16)
        for fingerprint in fingerprints
        for value in (fingerprint.checksum, fingerprint.head, fingerprint.tail) if value
    })
    if keys:
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(["pg_advisory_xact_lock(%s)"] * len(keys)), keys)
    return True


@dataclass
class SeenArticles:
    """The articles met earlier in one run, by the same rules as ``held_document``: on a dry run
    the database does not hold them."""

    files: dict[str, str] = field(default_factory=dict)  # checksum, head or tail → file name
    articles: dict[str, ArticleFingerprint] = field(default_factory=dict)  # by file name

    def earlier_file(self, draft: Draft, fingerprint: ArticleFingerprint | None = None) -> str | None:
        fingerprint = fingerprint or ArticleFingerprint.of(draft.clean_text)
        raw_checksum = text_checksum(draft.raw_text)
        earlier = self.files.get(raw_checksum) or self.files.get(fingerprint.checksum)
        for end in (fingerprint.head, fingerprint.tail):
            name = self.files.get(end) if end else None
            if not earlier and name and one_inside_other(fingerprint, self.articles[name]):
                earlier = name
        if not earlier:
            for key in (raw_checksum, fingerprint.checksum, fingerprint.head, fingerprint.tail):
                if key:
                    self.files.setdefault(key, draft.file)
            self.articles[draft.file] = fingerprint
        return earlier


def same_as_earlier_note(file: str) -> Note:
    return note(N_("与本次导入中较早的文件 %(file)s 是同一页面"), file=file)
