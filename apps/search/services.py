"""Chinese full-text search over documents: keeping the index, and asking it.

Design
------
Chinese is cut into words in Python (``apps.search.segment``: rjieba with the field's
terms and every region name as its user dictionary), and each document's title and clean
text are stored as those words, space-separated, in ``SearchEntry.tokens``. PostgreSQL
indexes them with a GIN index on ``to_tsvector('simple', tokens)``, SQLite with an FTS5
``unicode61`` table over the same column (``apps.search.models``). Both tokenizers split
only at the spaces the segmenter put there, so a word such as 双减 is found as a whole.

A query is read into concepts (``apps.search.query``: words, their parts, other spellings
of known initiatives and indicators, phrases); the index finds the candidates and, for a
ranked search, the text confirms what the index cannot (``apps.search.matching``). User
input never reaches a query language: PostgreSQL gets ``plainto_tsquery`` per word, SQLite
a MATCH string of quoted phrases (``apps.search.expressions``), the text checks escaped
regular expressions (``apps.search.patterns``).

Ranking costs a score per matching document, so only a capped candidate set is scored:
the ``limit`` (1,000) most recently added matches. The text confirms what the index
cannot for the best of them by the database's score, in that order, until ``LISTED``
(300) are confirmed: the regular expressions cost about 0.1 ms a page, and nobody reads
past the twelfth page of 25. The best of those are then re-read for what they are about
(``apps.search.ranking``). On PostgreSQL, matching uses a GIN
index on the expression ``to_tsvector('simple', tokens)`` and ranking a stored copy of the
same vector (a generated column): ranking 1,000 candidates from it takes about 5 ms,
against 200-300 ms when each document's words are parsed again at query time (measured
on a 100 k-document corpus; see ``apps/search/migrations/_fulltext.py``).

Writes: ``search_entry_update`` (one document, called on every ``Document.save()``;
``search_entries_update`` for documents inserted together by the importer),
``search_index_rebuild`` (many, for imports that bypass ``save()`` and after a
dictionary change) and ``fulltext_index_repair`` (SQLite's FTS5 table, rarely).
Reads: ``document_ids_matching`` (for ``pk__in`` filters: the index's answer),
``documents_matching`` (the same, applied to a queryset in the shape PostgreSQL pages fastest),
``documents_search`` (the search page: ranked, with nearest matches when nothing matches
in full) and ``documents_ranked`` (the same without nearest matches).
"""
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connections, router, transaction
from django.db.models import F, FloatField, Q, QuerySet, Value

from apps.curation.models import CurationStatus
from apps.documents.models import Document
from apps.initiatives.models import Initiative
from apps.search import counting, expressions, matching, ranking, vocabulary
from apps.search.newest import newest_matches
from apps.search.models import SearchEntry
from apps.search.query import ParsedQuery, query_parse
from apps.search.segment import document_tokens
from apps.targets.models import Observation, Target

RANK_CANDIDATES = 1000
# The most a ranked search lists: the best candidates by the database's score that the text confirms.
LISTED = 300
# The best candidates by the database's score that are re-read for what they are about;
# the first page of results (25) comes from them. Reading a page's text and weighing it costs about 1 ms.
RERANKED = 30
RERANKED_FLOOR = 1000.0  # above any database score, so re-read candidates lead
LINK_BONUS = 3.0
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
    [entry] = search_entries_update(documents=[document])
    return entry


def search_entries_update(*, documents: list[Document]) -> list[SearchEntry]:
    """``search_entry_update`` for documents saved together (``bulk_create`` sends no signal), in one statement."""
    entries = [SearchEntry(document_id=d.pk, tokens=document_tokens(d.title, d.clean_text)) for d in documents]
    if entries:
        _entries_save(entries)
    return entries


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


def document_ids_matching(q: str) -> QuerySet:
    """Ids of the documents holding every concept of the query ``q``, as a subquery.

    For filters: ``Document.objects.filter(pk__in=document_ids_matching(q))``. An empty,
    blank or punctuation-only query matches nothing. Visibility is the caller's: filter a
    queryset that already holds only the documents the user may see. The index's answer:
    every word as asked, whole (a word the dictionary lacks, by its parts), anywhere in the
    page; other spellings, phrases, nearness and parts standing close are the ranked
    search's (``documents_search``, ``apps.search.matching``).

    The subquery carries a LIMIT it never reaches (``MATCH_FENCE``). Without it PostgreSQL
    flattens the match into the outer query and, for a list ordered by date, walks the
    documents newest first testing each one with ``to_tsvector()`` (0.7 ms a row): 12 s
    for /api/v1/documents/?q=县管校聘 at 100 k documents. Fenced, the matches come from the
    GIN index once and are joined (docs/performance.md).
    """
    parsed = query_parse(q)
    if not parsed:
        return SearchEntry.objects.none().values("document_id")
    entries = matching.entries_holding(matching.word_condition(parsed.concepts, loose=False))
    return entries.values("document_id")[:MATCH_FENCE]


def documents_matching(queryset: QuerySet, q: str, *, index_ordered: bool = False) -> QuerySet:
    """``queryset`` narrowed to the documents holding every concept of ``q``: the index's answer,
    as ``document_ids_matching``, in the shape that lets PostgreSQL page it fast.

    For a common query (``matching.common``) the documents are walked in the list's order and
    each looked up in the matches, hashed once; the newest 50 of 87,000 matches no longer need
    all of them joined and sorted (docs/performance.md). When the caller reads the list in an
    index's order (``index_ordered``), each document's stored words are tested in turn instead
    where that costs less (``matching.testing_pays``): a page is full after a few hundred tests,
    where the hash holds every match (870,000 for 集团化办学 at a million documents). Either way
    the list is counted from the matches outward (``apps.search.counting``). Otherwise the
    fenced subquery.
    """
    parsed = query_parse(q)
    if not parsed:
        return queryset.none()
    condition = matching.word_condition(parsed.concepts, loose=False)
    entries = matching.entries_holding(condition)
    if matching.vendor(entries) == "postgresql":
        share = matching.estimated_share(entries)
        if index_ordered and matching.testing_pays(share, entries.db):
            return counting.counted_through_matches(matching.documents_tested_each(queryset, condition), entries)
        if share >= matching.COMMON_SHARE:
            return counting.counted_through_matches(matching.documents_holding(queryset, entries), entries)
    return queryset.filter(pk__in=entries.values("document_id")[:MATCH_FENCE])


@dataclass(frozen=True)
class SearchResults:
    """What a search found: the query as read, the documents best first, and whether they
    are only the nearest matches (nothing held every concept of the query)."""

    query: ParsedQuery
    documents: QuerySet
    relaxed: bool = False
    # More documents matched than are listed (the ``LISTED`` best of the ``limit`` newest matches).
    capped: bool = False


def _ranked_none(queryset: QuerySet) -> QuerySet:
    """No documents, shaped like a ranking (callers may ask for ``search_rank``)."""
    return queryset.annotate(search_rank=Value(None, output_field=FloatField())).none()


def _words(parsed: ParsedQuery) -> list[str]:
    """Every index word the query's concepts can be found by."""
    condition = matching.word_condition(parsed.concepts)
    return list(dict.fromkeys(word for options in condition for option in options for word in option))


def _database_scores(queryset: QuerySet, parsed: ParsedQuery, candidates: list[int]) -> dict[int, float]:
    """Document id → the database's word-count score (PostgreSQL ``ts_rank``, SQLite ``bm25()``),
    higher is better."""
    if matching.vendor(queryset) == "postgresql":
        score = expressions.ts_rank("search_entry__tokens", _words(parsed))
        rows = Document.objects.filter(pk__in=candidates).annotate(score=score).values_list("pk", "score")
        return {pk: value or 0.0 for pk, value in rows}
    # bm25() exists only in a query on the FTS5 table: one query for all the candidates.
    any_word = [[(word,) for word in _words(parsed)]]
    scores = expressions.fts5_scores_of(
        any_word, SearchEntry.objects.filter(document_id__in=candidates).values("document_id"), using=queryset.db,
    )
    return {pk: scores.get(pk, 0.0) for pk in candidates}


def _linked(parsed: ParsedQuery, ids: list[int]) -> set[int]:
    """Documents among ``ids`` linked to a published initiative the query names, or holding a
    published target or observation of an indicator it names."""
    names = {kind: {k.name for c in parsed.concepts for k in c.known if k.kind == kind}
             for kind in (vocabulary.INITIATIVE, vocabulary.INDICATOR)}
    linked = set()
    if names[vocabulary.INITIATIVE]:
        named = Initiative.objects.filter(status=CurationStatus.PUBLISHED, name__in=names[vocabulary.INITIATIVE])
        # "+ 0": the links are read by document, never by initiative: the planner takes a named
        # initiative for an average one, and 集团化办学 is linked to every page of the generated
        # corpus (a million links read through for 30 at a million documents: 100 ms).
        linked.update(Initiative.documents.through.objects.alias(initiative_plus=F("initiative_id") + 0).filter(
            document_id__in=ids, initiative_plus__in=named.values("pk"),
        ).values_list("document_id", flat=True))
    if names[vocabulary.INDICATOR]:
        for model in (Target, Observation):
            linked.update(model.objects.published().filter(
                indicator__name__in=names[vocabulary.INDICATOR], source_document_id__in=ids,
            ).values_list("source_document_id", flat=True))
    return linked


def _about(parsed: ParsedQuery, scores: dict[int, float]) -> dict[int, float]:
    """``scores`` with the ``RERANKED`` best re-read for what they are about (``apps.search.ranking``),
    placed above the rest, which keep the database's order."""
    best = sorted(scores, key=lambda pk: (-scores[pk], -pk))[:RERANKED]
    linked = _linked(parsed, best)
    for pk, title, text in Document.objects.filter(pk__in=best).values_list("pk", "title", "clean_text"):
        about = ranking.aboutness(title, text, parsed) + (LINK_BONUS if pk in linked else 0.0)
        scores[pk] = RERANKED_FLOOR + about + scores[pk] / (1 + scores[pk])
    return scores


def _best(scores: dict[int, float], concepts=None) -> tuple[dict[int, float], bool]:
    """The ``LISTED`` best of ``scores``, those the text confirms when ``concepts`` are given
    (``matching.entries_checked``), read in batches best first; and whether any were left out."""
    order = sorted(scores, key=lambda pk: (-scores[pk], -pk))
    if concepts is None:
        return {pk: scores[pk] for pk in order[:LISTED]}, len(order) > LISTED
    kept: dict[int, float] = {}
    for start in range(0, len(order), LISTED):
        confirmed = set(matching.entries_checked(order[start:start + LISTED], concepts))
        kept.update((pk, scores[pk]) for pk in order[start:start + LISTED] if pk in confirmed)
        if len(kept) >= LISTED:
            left = start + LISTED < len(order) or len(kept) > LISTED
            return dict(list(kept.items())[:LISTED]), left
    return kept, False


def _ranked(
    queryset: QuerySet, parsed: ParsedQuery, candidates: list[int], *, confirm: bool,
) -> tuple[QuerySet | None, bool]:
    """The candidates ranked (the ``LISTED`` best, confirmed by the text when ``confirm``), and
    whether some were left out."""
    if not candidates:
        return None, False
    scores, left_out = _best(_database_scores(queryset, parsed, candidates), parsed.concepts if confirm else None)
    if not scores:
        return None, False
    scores = _about(parsed, scores)
    ranked = queryset.filter(pk__in=list(scores)).annotate(search_rank=expressions.ScoreOf("pk", scores))
    return ranked.order_by("-search_rank", "-pk"), left_out


def _nearest(queryset: QuerySet, parsed: ParsedQuery, limit: int) -> list[int]:
    """For a query nothing matched in full: every concept by its parts anywhere, else the
    documents holding all concepts but one (any one)."""
    readings = matching.relaxed_conditions(parsed)
    loose = newest_matches(queryset, matching.entries_holding(matching.word_condition(readings[0])), limit)
    if loose or len(readings) == 1:
        return loose
    held = Q()
    for concepts in readings[1:]:
        held |= Q(document_id__in=matching.entries_matching(queryset, concepts).values("document_id"))
    return newest_matches(queryset, SearchEntry.objects.filter(held), limit)


def documents_search(
    queryset: QuerySet, q: str | ParsedQuery, *, limit: int | None = None, nearest: bool = True,
) -> SearchResults:
    """Documents of ``queryset`` holding every concept of ``q``, most about it first.

    The candidates are the ``limit`` (``RANK_CANDIDATES``) most recently added matches; each gets
    the database's word-count score, the best are confirmed by the text up to ``LISTED``
    (``capped`` says whether more matched than are listed), and the best ``RERANKED`` of them
    are re-read for what they are about
    (title, target and commitment sentences, lists, nearness, links to what the query names).
    ``search_rank`` is higher for better (comparable only within one query). When nothing
    matches and ``nearest`` is set, the nearest matches come back instead, flagged ``relaxed``.
    ``queryset`` must not be sliced; its ordering is replaced. ``q`` may be parsed already.
    """
    parsed = q if isinstance(q, ParsedQuery) else query_parse(q)
    if not parsed:
        return SearchResults(parsed, _ranked_none(queryset))
    limit = limit or RANK_CANDIDATES
    condition = matching.word_condition(parsed.concepts)
    # One more than the limit: whether more matched than are ranked.
    candidates = newest_matches(queryset, matching.entries_holding(condition), limit + 1, condition)
    ranked, left_out = _ranked(queryset, parsed, candidates[:limit], confirm=True)
    if ranked is not None:
        return SearchResults(parsed, ranked, capped=left_out or len(candidates) > limit)
    if nearest:
        candidates = _nearest(queryset, parsed, limit + 1)
        ranked, left_out = _ranked(queryset, parsed, candidates[:limit], confirm=False)
        if ranked is not None:
            return SearchResults(parsed, ranked, relaxed=True, capped=left_out or len(candidates) > limit)
    return SearchResults(parsed, _ranked_none(queryset))


def documents_ranked(queryset: QuerySet, q: str, *, limit: int | None = None) -> QuerySet:
    """Up to ``LISTED`` documents of ``queryset`` holding every concept of ``q``, best first
    (``documents_search`` without nearest matches). Count all matches with
    ``queryset.filter(pk__in=document_ids_matching(q)).count()``."""
    return documents_search(queryset, q, limit=limit, nearest=False).documents
