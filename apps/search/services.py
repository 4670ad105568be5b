"""Chinese full-text search over documents: keeping the index, and asking it.

Design
------
Chinese is cut into words in Python (``apps.search.segment``: rjieba with the field's
terms and every region name as its user dictionary), and each document's title and clean
text are stored as those words, space-separated, in ``SearchEntry.tokens``. PostgreSQL
indexes them with a GIN index on ``to_tsvector('simple', tokens)``, SQLite with an FTS5
``unicode61`` table over the same column (``apps.search.models``). Both tokenizers split
only at the spaces the segmenter put there, so a word such as 双减 is found as a whole.

A query is cut the same way (precise mode) into terms, and a document matches when it
has every term (AND, not a phrase: the terms may be anywhere in it). User input never
reaches a query language: PostgreSQL gets ``plainto_tsquery``, SQLite a MATCH string of
quoted phrases (``apps.search.expressions``).

Ranking costs a score per matching document, so only a capped candidate set is scored:
the ``limit`` (1,000) most recently added matches. On PostgreSQL, matching uses a GIN
index on the expression ``to_tsvector('simple', tokens)`` and ranking a stored copy of the
same vector (a generated column): ranking 1,000 candidates from it takes about 5 ms,
against 200-300 ms when each document's words are parsed again at query time (measured
on a 100 k-document corpus; see ``apps/search/migrations/_fulltext.py``).

Writes: ``search_entry_update`` (one document, called on every ``Document.save()``),
``search_index_rebuild`` (many, for imports that bypass ``save()`` and after a
dictionary change) and ``fulltext_index_repair`` (SQLite's FTS5 table, rarely).
Reads: ``document_ids_matching`` (for ``pk__in`` filters) and ``documents_ranked``
(filter and order by relevance).
"""
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connections, router, transaction
from django.db.models import F, FloatField, QuerySet, Value

from apps.documents.models import Document
from apps.search import expressions
from apps.search.models import SearchEntry
from apps.search.segment import document_tokens, query_terms

RANK_CANDIDATES = 1000
REBUILD_BATCH_SIZE = 500
# A LIMIT no result reaches: it keeps PostgreSQL from merging the match into the outer query.
MATCH_FENCE = 2**62


def _entries_save(entries: list[SearchEntry]) -> None:
    """Insert or replace entries in one statement per batch (INSERT ... ON CONFLICT DO UPDATE)."""
    SearchEntry.objects.bulk_create(
        entries, update_conflicts=True, unique_fields=["document"], update_fields=["tokens"],
    )


def search_entry_update(*, document: Document) -> SearchEntry:
    """Store ``document``'s current title and clean text as its searchable words."""
    entry = SearchEntry(document_id=document.pk, tokens=document_tokens(document.title, document.clean_text))
    _entries_save([entry])
    return entry


def _batches(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass(frozen=True)
class SearchIndexRebuildResult:
    documents: int  # documents read
    written: int  # entries created or changed; the others already held the same words


def search_index_rebuild(
    *, documents: QuerySet | None = None, batch_size: int = REBUILD_BATCH_SIZE,
) -> SearchIndexRebuildResult:
    """Re-cut and store the words of ``documents`` (all documents when None).

    For bulk writes that bypass ``Document.save()`` and after the dictionary changes. Reads
    ``batch_size`` documents' text at a time and writes each batch with one upsert in its
    own transaction, so a 100 k-document rebuild never holds all texts in memory and
    SQLite's triggers update FTS5 a batch per commit. Entries whose words did not change
    are not written again (no FTS5 churn, no dead rows).
    """
    queryset = Document.objects.all() if documents is None else documents
    ids = list(queryset.order_by("pk").values_list("pk", flat=True).distinct())
    written = 0
    for batch_ids in _batches(ids, batch_size):
        rows = Document.objects.filter(pk__in=batch_ids).values_list("pk", "title", "clean_text")
        entries = [SearchEntry(document_id=pk, tokens=document_tokens(title, text)) for pk, title, text in rows]
        stored = dict(SearchEntry.objects.filter(pk__in=batch_ids).values_list("pk", "tokens"))
        changed = [entry for entry in entries if stored.get(entry.document_id) != entry.tokens]
        if changed:
            with transaction.atomic():
                _entries_save(changed)
            written += len(changed)
    return SearchIndexRebuildResult(documents=len(ids), written=written)


def fulltext_index_repair() -> None:
    """Rebuild SQLite's FTS5 index from ``search_searchentry`` (PostgreSQL needs nothing).

    Only for an FTS5 table that fell out of step, e.g. after a migration rebuilt
    ``search_searchentry`` and dropped its triggers (see ``apps.search.models``).
    """
    connection = connections[router.db_for_write(SearchEntry)]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {expressions.FTS_TABLE}({expressions.FTS_TABLE}) VALUES ('rebuild')")


def _vendor(queryset: QuerySet) -> str:
    vendor = connections[queryset.db].vendor
    if vendor not in ("postgresql", "sqlite"):
        raise NotImplementedError(f"Full-text search supports PostgreSQL and SQLite, not {vendor}.")
    return vendor


def _entries_matching(terms: list[str]) -> QuerySet:
    entries = SearchEntry.objects.all()
    if not terms:
        return entries.none()
    if _vendor(entries) == "postgresql":
        return entries.alias(vector=expressions.SimpleTsVector("tokens")).filter(vector=expressions.tsquery(terms))
    return entries.filter(document_id__in=expressions.fts5_document_ids(terms))


def document_ids_matching(q: str) -> QuerySet:
    """Ids of the documents containing every word of the query ``q``, as a subquery.

    For filters: ``Document.objects.filter(pk__in=document_ids_matching(q))``. An empty,
    blank or punctuation-only query matches nothing. Visibility is the caller's: filter a
    queryset that already holds only the documents the user may see.

    The subquery carries a LIMIT it never reaches (``MATCH_FENCE``). Without it PostgreSQL
    flattens the match into the outer query and, for a list ordered by date, walks the
    documents newest first testing each one with ``to_tsvector()`` (0.7 ms a row): 12 s
    for /api/v1/documents/?q=县管校聘 at 100 k documents. Fenced, the matches come from the
    GIN index once and are joined (docs/performance.md).
    """
    return _entries_matching(query_terms(q)).values("document_id")[:MATCH_FENCE]


def _ranked_none(queryset: QuerySet) -> QuerySet:
    """No documents, shaped like a ranking (callers may ask for ``search_rank``)."""
    return queryset.annotate(search_rank=Value(None, output_field=FloatField())).none()


def documents_ranked(queryset: QuerySet, q: str, *, limit: int = RANK_CANDIDATES) -> QuerySet:
    """Up to ``limit`` documents of ``queryset`` containing every word of ``q``, best first.

    The candidates are the ``limit`` most recently added matches; they are scored
    (PostgreSQL ``ts_rank``, SQLite ``bm25()``) and ordered by ``search_rank``, higher is
    better (comparable only within one query on one database), then newest first. Older
    matches beyond the cap are left out: count all matches with
    ``queryset.filter(pk__in=document_ids_matching(q)).count()``. ``queryset`` must not be
    sliced; its ordering is replaced. The result is a QuerySet to count, slice and
    paginate; the candidates (PostgreSQL) or their scores (SQLite) are read when this
    function is called.
    """
    terms = query_terms(q)
    if not terms:
        return _ranked_none(queryset)
    matches = _entries_matching(terms).filter(document_id__in=queryset.values("pk"))
    if _vendor(queryset) == "postgresql":
        # "+ 0" keeps the planner from walking the primary key backwards and testing each
        # row with to_tsvector() (0.2 ms a row): it takes the matches from the GIN index
        # and sorts those instead, about 40 ms for a word in half of 100 k documents.
        # Read once, here: as a subquery it ran again for the page and again for its count
        # (107 ms against 50 for 集团化办学 at 100 k documents, docs/performance.md).
        candidates = list(
            matches.order_by((F("document_id") + 0).desc()).values_list("document_id", flat=True)[:limit]
        )
        if not candidates:
            return _ranked_none(queryset)
        score = expressions.ts_rank("search_entry__tokens", terms)
        ranked = queryset.filter(pk__in=candidates).annotate(search_rank=score)
    else:
        candidates = matches.order_by("-document_id").values("document_id")[:limit]
        scores = expressions.fts5_scores(terms, candidates, using=queryset.db)
        if not scores:
            return _ranked_none(queryset)
        # bm25() exists only in a query on the FTS5 table, and SQLite re-runs a correlated
        # subquery on it for every row (1-2 ms each): the scores come back in one query
        # and are written into the ranking query as values.
        ranked = queryset.filter(pk__in=list(scores)).annotate(search_rank=expressions.ScoreOf("pk", scores))
    return ranked.order_by("-search_rank", "-pk")
