"""The SQL each database needs to match and rank the stored words.

PostgreSQL: ``SimpleTsVector`` repeats the GIN index's expression exactly, so
``to_tsvector(...) @@ plainto_tsquery('simple', ...)`` is answered from the index;
``StoredSearchVector`` is the generated column ``search_vector`` holding the same vector
for ranking (not a model field: SQLite has no such column).
SQLite: FTS5 is queried through its own table; ``fts5_match_of`` builds the MATCH string and
``fts5_scores_of`` scores the candidates with ``bm25()``.
"""
import functools
import itertools
import operator

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Expression, F, FloatField, Func, QuerySet
from django.db.models.expressions import RawSQL

from apps.search.migrations._fulltext import FTS_TABLE, VECTOR_COLUMN


class SimpleTsVector(Func):
    """``to_tsvector('simple'::regconfig, <tokens>)``: the indexed expression, verbatim.

    Django's ``SearchVector`` would wrap the column in COALESCE and pass the configuration
    as a parameter, and the planner would no longer recognise the index.
    """

    template = "to_tsvector('simple'::regconfig, %(expressions)s)"
    arity = 1
    output_field = SearchVectorField()


class StoredSearchVector(Expression):
    """The ``search_vector`` column of the search entry whose ``tokens`` field is named.

    ``StoredSearchVector()`` on SearchEntry querysets, ``StoredSearchVector("search_entry__tokens")``
    on Document querysets: the field path makes Django add the join and pick the alias.
    """

    output_field = SearchVectorField()

    def __init__(self, tokens: str = "tokens"):
        super().__init__()
        self.tokens = F(tokens)

    def get_source_expressions(self):
        return [self.tokens]

    def set_source_expressions(self, exprs):
        (self.tokens,) = exprs

    def as_sql(self, compiler, connection):
        # self.tokens is the resolved column (a Col): same table alias, sibling column.
        table = compiler.quote_name_unless_alias(self.tokens.alias)
        return f"{table}.{connection.ops.quote_name(VECTOR_COLUMN)}", []


def tsquery(terms: list[str]) -> SearchQuery:
    """Every term, ANDed, each as the ``simple`` parser reads it; operators in user input are plain text."""
    return SearchQuery(" ".join(terms), config="simple", search_type="plain")


def ts_rank(tokens: str, terms: list[str]) -> SearchRank:
    """``ts_rank`` of the entry's stored vector: how often each term occurs.

    Scored against the terms ORed, though they are matched ANDed: ts_rank scores an AND
    query by how close its terms stand and gives about 0 when they are more than a hundred
    words apart, the usual case for two terms anywhere in a long reply. Normalisation 1
    divides by 1 + log(length), so a long report does not win on size alone.
    """
    any_term = functools.reduce(operator.or_, (tsquery([term]) for term in terms))
    return SearchRank(StoredSearchVector(tokens), any_term, normalization=1)


def fts5_match(terms: list[str]) -> str:
    """An FTS5 query asking for every term, each a quoted phrase, so no input is syntax.

    Inside double quotes FTS5 reads AND/OR/NOT/NEAR, ``*``, ``^``, ``:``, parentheses and
    the like as text; a double quote is escaped by doubling it. Phrases side by side are ANDed.
    """
    return " ".join('"{}"'.format(term.replace('"', '""')) for term in terms)


class ScoreOf(Expression):
    """Scores computed beforehand, written in: on PostgreSQL the score at the document id's
    place in an array of ids (``array_position``), elsewhere ``CASE <id> WHEN id THEN score ... END``.

    PostgreSQL evaluated a CASE of 1,000 branches for each of 1,000 rows in 30-45 ms; the
    array look-up is one C loop per row (about 1 ms). One simple CASE built as text on
    SQLite: Django's Case/When objects took 55 ms to compile for 1,000 candidates.
    """

    output_field = FloatField()

    def __init__(self, document_id: str, scores: dict[int, float]):
        super().__init__()
        self.document_id = F(document_id)
        self.scores = scores

    def get_source_expressions(self):
        return [self.document_id]

    def set_source_expressions(self, exprs):
        (self.document_id,) = exprs

    def as_sql(self, compiler, connection):
        id_sql, id_params = compiler.compile(self.document_id)
        if connection.vendor == "postgresql":
            ids, scores = list(self.scores), list(self.scores.values())
            return f"(%s::float8[])[array_position(%s::bigint[], {id_sql})]", [scores, ids, *id_params]
        whens = " ".join(["WHEN %s THEN %s"] * len(self.scores))
        return f"CASE {id_sql} {whens} END", [*id_params, *itertools.chain.from_iterable(self.scores.items())]


# A condition on the index's words: every group (AND) must be met by one of its options (OR),
# an option by all of its words (AND). [[("教师", "交流", "轮岗"), ("交流轮岗",)], [("双减",)]]
WordCondition = list[list[tuple[str, ...]]]


def tsquery_of(condition: WordCondition) -> SearchQuery:
    """``condition`` as one tsquery, each word read by the ``simple`` parser (user text is never syntax)."""
    def all_of(words):
        return functools.reduce(operator.and_, (tsquery([word]) for word in words))

    def any_of(options):
        return functools.reduce(operator.or_, (all_of(words) for words in options))

    return functools.reduce(operator.and_, (any_of(options) for options in condition))


def fts5_match_of(condition: WordCondition) -> str:
    """``condition`` as an FTS5 query: quoted phrases joined with AND, OR and parentheses."""
    def all_of(words):
        return "(" + " AND ".join(fts5_match([word]) for word in words) + ")"

    return " AND ".join("(" + " OR ".join(all_of(words) for words in options) + ")" for options in condition)


def fts5_ids_of(condition: WordCondition) -> RawSQL:
    """Ids of the documents whose words meet ``condition`` (SQLite)."""
    return RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", (fts5_match_of(condition),))


def fts5_scores_of(condition: WordCondition, candidates: QuerySet, *, using: str) -> dict[int, float]:
    """Document id → negated ``bm25()`` (higher is better, as with ts_rank) for the candidates.

    ``candidates`` is a one-column queryset of document ids. The unary ``+`` on rowid keeps
    SQLite from handing FTS5 the id list as rowid constraints, which it answers by running
    the whole MATCH once per id (84 s for 100 k ids): this way FTS5 walks the matches once.
    """
    try:
        candidates_sql, candidates_params = candidates.query.get_compiler(using).as_sql()
    except EmptyResultSet:
        return {}
    sql = (
        f"SELECT rowid, -bm25({FTS_TABLE}) FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH %s AND +rowid IN ({candidates_sql})"
    )
    with connections[using].cursor() as cursor:
        cursor.execute(sql, (fts5_match_of(condition), *candidates_params))
        return dict(cursor.fetchall())

