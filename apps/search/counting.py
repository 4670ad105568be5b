"""Counting a list narrowed by a common search word, up to the paginator's cap (PostgreSQL).

Asked for the first 10,001 documents meeting every condition, PostgreSQL either hashes every
match of the word before the first row is counted (870,000 for a word in nearly every page at
a million documents) or reads the stored words of each document in turn. Counted here
instead: the matches as the GIN index gives them, fenced in a MATERIALIZED CTE, which
PostgreSQL reads only as far as the outer query asks, each looked up in the list's other
conditions until the limit is reached (docs/performance.md, "A place's lists, common search
words and the indicator page").
"""
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.db.models.sql.where import AND

from apps.curation.paginator import counted_by


def _leaf(node):
    while getattr(node, "children", None):
        node = node.children[-1]
    return node


def _holds(node, marker) -> bool:
    return node is marker or any(_holds(child, marker) for child in getattr(node, "children", ()))


def without(rows: QuerySet, marker) -> QuerySet | None:
    """``rows`` without the one top-level condition holding ``marker`` (a lookup, which
    ``Query.clone`` does not copy); None when the conditions are not ANDed or none holds it."""
    where = rows.query.where
    if where.connector != AND or where.negated:
        return None
    kept = [child for child in where.children if not _holds(child, marker)]
    if len(kept) != len(where.children) - 1:
        return None
    rest = rows.all()
    rest.query.where.children = kept
    return rest


def _sql(queryset: QuerySet) -> tuple[str, tuple]:
    return queryset.query.get_compiler(queryset.db).as_sql()


def counted_through_matches(found: QuerySet, entries: QuerySet) -> QuerySet:
    """``found`` (documents just narrowed to those ``entries`` hold, by its last condition),
    counted from the matches outward."""
    marker = _leaf(found.query.where.children[-1])

    def count(rows: QuerySet, limit: int) -> int | None:
        rest = without(rows, marker)
        if rest is None:
            return None
        try:
            rest_sql, rest_params = _sql(rest.order_by().values_list("pk"))
        except EmptyResultSet:
            return 0
        entries_sql, entries_params = _sql(entries.order_by().values_list("document_id"))
        sql = (
            f"WITH matches (document_id) AS MATERIALIZED ({entries_sql}) "
            f"SELECT count(*) FROM (SELECT 1 FROM matches JOIN ({rest_sql}) AS listed (id) "
            "ON listed.id = matches.document_id LIMIT %s) AS counted"
        )
        with connections[rows.db].cursor() as cursor:
            cursor.execute(sql, [*entries_params, *rest_params, limit])
            return cursor.fetchone()[0]

    return counted_by(found, count)
