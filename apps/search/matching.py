"""Which documents hold a parsed query: the index narrows, the text decides.

Two steps, the same on PostgreSQL and SQLite:

1. The index (GIN on PostgreSQL, FTS5 on SQLite) finds the documents holding, for every
   concept, all the index words of one of its spellings (``word_condition``): the word
   itself, or its parts (``apps.search.segment.word_parts``). Fast, and never misses a
   page that holds the word, however the segmenter cut it there.
2. Where the index cannot tell (a word matched through its parts, a phrase, the words of
   one chunk standing close), the title or the text must hold the spelling as typed, or
   its parts within a few characters (``apps.search.patterns``). Words the index holds
   whole need no second step. This step reads text, so it runs on the capped candidates of
   a ranked search only (``entries_checked``); the API's filter (``document_ids_matching``)
   is the index's answer for the words as asked (``loose=False``: no other spellings,
   whose OR makes PostgreSQL's planner scan the table, docs/performance.md).

Nearest matches, for a query nothing matches in full (``relaxed_conditions``): every
concept's parts anywhere in the page, then all concepts but one.

Common words on PostgreSQL (``common``, ``documents_holding``): when the planner estimates
that a condition holds many pages, the documents are walked in the order a page needs and
looked up in the matches, hashed once, instead of every match being joined and sorted.
"""
import json
import math
import time

from django.db import connections
from django.db.models import BooleanField, ExpressionWrapper, OuterRef, Q, QuerySet, Subquery

from apps.search import expressions, patterns
from apps.search.models import SearchEntry
from apps.search.query import Concept, ParsedQuery
from apps.search.segment import is_index_word, word_parts


def _words_of(text: str) -> tuple[str, ...]:
    return word_parts(text) or (text,)


def _whole_or_parts(text: str) -> tuple[str, ...]:
    return (text,) if is_index_word(text) else _words_of(text)


def _options(concept: Concept, loose: bool) -> list[tuple[str, ...]]:
    """Per spelling, the index words a page holding it holds: the word itself where the index
    holds it whole, else its parts (a single character: itself); for a concept with ``words``,
    also all of theirs. ``loose`` adds the asked word's and a phrase's parts, for pages the
    text must then confirm, and the other spellings; without it, only the word as asked."""
    spellings = concept.spellings if loose else concept.spellings[:1]
    options = [_whole_or_parts(spelling) for spelling in spellings]
    parts = word_parts(concept.text)
    if loose and parts and parts != (concept.text,):
        options.append(parts)
    if loose and concept.core:
        options.append((concept.core,))
    if concept.words:
        options.append(tuple(dict.fromkeys(w for word in concept.words for w in _whole_or_parts(word))))
    return list(dict.fromkeys(options))


def word_condition(concepts: tuple[Concept, ...], *, loose: bool = True) -> expressions.WordCondition:
    return [_options(concept, loose) for concept in concepts]


def vendor(queryset: QuerySet) -> str:
    name = connections[queryset.db].vendor
    if name not in ("postgresql", "sqlite"):
        raise NotImplementedError(f"Full-text search supports PostgreSQL and SQLite, not {name}.")
    return name


def entries_holding(condition: expressions.WordCondition) -> QuerySet:
    """Search entries whose words meet ``condition``, from the index."""
    entries = SearchEntry.objects.all()
    if not condition:
        return entries.none()
    if vendor(entries) == "postgresql":
        return entries.alias(vector=expressions.SimpleTsVector("tokens")).filter(
            vector=expressions.tsquery_of(condition),
        )
    return entries.filter(document_id__in=expressions.fts5_ids_of(condition))


# The share of indexed pages above which PostgreSQL's estimate makes a query common: its newest
# matches are then found by walking the documents newest first (``documents_holding``).
COMMON_SHARE = 0.02
# ... and never fewer pages than this: below it, joining and sorting the matches costs little.
COMMON_MIN_ROWS = 1000
# Documents read in an index's order (a ranked search's thousand newest candidates, the API's
# page of 50): testing one document's stored words costs about as much as hashing this many
# matches from the GIN index (20 µs against 0.4 µs at a million documents, docs/performance.md).
# Finding n documents by testing takes about n / share tests, hashing takes every match
# (share × entries): ``testing_pays``.
TEST_COST_IN_MATCHES = 50
PAGE_ROWS = 50


# How long a process trusts the table's row count (pg_class.reltuples, itself an estimate).
TABLE_ROWS_SECONDS = 300
_table_rows: dict[str, tuple[float, float]] = {}


def _entries_estimated(cursor, alias: str) -> float:
    """The search entries PostgreSQL believes the table holds, remembered a while per database."""
    rows, read_at = _table_rows.get(alias, (0.0, -math.inf))
    if time.monotonic() - read_at > TABLE_ROWS_SECONDS:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [SearchEntry._meta.db_table])
        rows = cursor.fetchone()[0]
        _table_rows[alias] = (rows, time.monotonic())
    return rows


def estimated_share(entries: QuerySet) -> float:
    """The share of all search entries PostgreSQL estimates ``entries`` (an index condition)
    holds, 0 below ``COMMON_MIN_ROWS`` or for a table never analysed. The estimate is the
    planner's, from the GIN expression index's statistics (EXPLAIN: about 1 ms)."""
    rows = query_plan(entries.values("document_id"))["Plan Rows"]
    with connections[entries.db].cursor() as cursor:
        total = _entries_estimated(cursor, entries.db)
    return rows / total if total > 0 and rows >= COMMON_MIN_ROWS else 0.0


def query_plan(queryset: QuerySet) -> dict:
    """The top node of PostgreSQL's plan for ``queryset`` (``EXPLAIN (FORMAT JSON)``, not run)."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return plan[0]["Plan"]


def testing_pays(share: float, using: str, rows: int = PAGE_ROWS) -> bool:
    """Whether finding ``rows`` documents by testing each in turn (``documents_tested_each``)
    costs less than hashing every match of a word in ``share`` of the pages. For a page of 50:
    at a million documents for words in 5 % of them and more, at 100,000 from 16 %, at 10,000
    from half; for a thousand candidates: from 22 % at a million, 71 % at 100,000."""
    with connections[using].cursor() as cursor:
        total = _entries_estimated(cursor, using)
    return share > 0 and rows / share * TEST_COST_IN_MATCHES < share * total


def common(entries: QuerySet) -> bool:
    """Whether PostgreSQL estimates that ``entries`` holds at least ``COMMON_SHARE`` of all
    search entries and ``COMMON_MIN_ROWS`` (``estimated_share``)."""
    return estimated_share(entries) >= COMMON_SHARE


def documents_tested_each(queryset: QuerySet, condition: expressions.WordCondition) -> QuerySet:
    """The documents of ``queryset`` whose stored vector meets ``condition``, tested one by one
    as the documents are walked (PostgreSQL): for words common enough (``testing_pays``) that
    the rows asked for are found among the first few thousand walked, reading those vectors
    costs less than reading every match from the GIN index. The test is a
    scalar sub-select (the document's entry: does its vector hold the words?), which PostgreSQL
    runs row by row: an EXISTS, even under an OR, it may turn into one hash of every entry whose
    vector holds them, read from the table without an index (8.9 s at a million documents)."""
    held = SearchEntry.objects.alias(stored_vector=expressions.StoredSearchVector()).filter(
        document_id=OuterRef("pk"),
    ).annotate(
        held=ExpressionWrapper(Q(stored_vector=expressions.tsquery_of(condition)), output_field=BooleanField()),
    ).values("held")
    return queryset.filter(Subquery(held, output_field=BooleanField()))


def documents_holding(queryset: QuerySet, entries: QuerySet) -> QuerySet:
    """The documents of ``queryset`` that ``entries`` (common matches) hold, for walking in an
    index's order (PostgreSQL).

    The OR keeps PostgreSQL from turning the IN into a join (it pulls up no sub-select under an
    OR): the matches are read from the GIN index once into a hash, and the documents walked in
    the order asked for (newest first: an index) until the page is full. A join reads every
    match and sorts them all: 87,000 for 集团化办学 at 100 k documents. ``id IS NULL`` is never
    true. For rare words the join is right (walking would read every document): see ``common``.
    """
    return queryset.filter(Q(pk__in=entries.values("document_id")) | Q(pk__isnull=True))


def _held_whole(concept: Concept) -> Q:
    """Entries the index shows holding a spelling of ``concept`` whole: no text to read for them.

    Read first, so the text is read only for the pages that hold the word's parts alone
    (the common word 集团化办学 in 40,000 pages, its parts without it in a few hundred).
    """
    whole = [(s,) for s in concept.spellings if is_index_word(s) and (not concept.phrase or s == concept.text)]
    if not whole:
        return Q(pk__in=[])
    if vendor(SearchEntry.objects.all()) == "postgresql":
        # The stored vector, row by row: the candidates are few (``entries_checked``).
        return Q(stored_vector=expressions.tsquery_of([whole]))
    return Q(document_id__in=expressions.fts5_ids_of([whole]))


def _holds(pattern: str) -> Q:
    return Q(document__title__iregex=pattern) | Q(document__clean_text__iregex=pattern)


def text_condition(concepts: tuple[Concept, ...]) -> Q:
    """On search entries: the title or text holds what the index cannot vouch for: the
    concepts of a chunk close together; a concept matched by its parts; a phrase."""
    condition = Q()
    for chunk in ParsedQuery("", concepts).chunks():
        if len(chunk) > 1:
            condition &= _holds(patterns.chunk_pattern(chunk))
            continue
        (concept,) = chunk
        if not patterns.needs_text_check(concept):
            continue
        held = _held_whole(concept) | _holds(patterns.concept_pattern(concept))
        if concept.words:
            held |= _holds(patterns.words_pattern(concept.words))
        condition &= held
    return condition


def entries_matching(queryset: QuerySet, concepts: tuple[Concept, ...], *, loose: bool = True) -> QuerySet:
    """Search entries of the documents in ``queryset`` whose words meet the concepts' index
    condition. Entries rather than documents: ``queryset`` may be DISTINCT, and the entries
    are what is ordered and cut to the candidates."""
    return entries_holding(word_condition(concepts, loose=loose)).filter(document_id__in=queryset.values("pk"))


def entries_checked(ids: list[int], concepts: tuple[Concept, ...]) -> list[int]:
    """Of the documents ``ids`` (candidates the index found), those whose title or text confirms
    the concepts (``text_condition``). Read for a capped set only: a regular expression over
    the text of tens of thousands of pages takes seconds."""
    condition = text_condition(concepts)
    if not condition:
        return ids
    entries = SearchEntry.objects.filter(document_id__in=ids)
    if vendor(entries) == "postgresql":
        entries = entries.alias(stored_vector=expressions.StoredSearchVector())
    # Asked in the select list, not the WHERE clause: PostgreSQL prices a regular expression as
    # a cheap filter (it costs 0.2 ms a row) and, thinking it selective, scanned every page's text
    # rather than look up the candidates by id (10,000 documents: 1.6 s for 紧密型教育集团).
    checked = entries.annotate(confirmed=ExpressionWrapper(condition, output_field=BooleanField()))
    return [pk for pk, confirmed in checked.values_list("document_id", "confirmed") if confirmed]


def relaxed_conditions(parsed: ParsedQuery) -> list[tuple[Concept, ...]]:
    """Ever looser readings of a query nothing matched: all concepts by their parts anywhere
    (the caller leaves the text check out), then every choice of all concepts but one."""
    concepts = parsed.concepts
    readings = [concepts]
    if len(concepts) > 1:
        readings.extend(concepts[:i] + concepts[i + 1:] for i in range(len(concepts)))
    return readings
