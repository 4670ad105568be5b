"""A paginator for admin changelists over large tables: no exact count where it costs.

Counting every row of a 100 k-row table is a scan on PostgreSQL (its MVCC keeps no
row count), and the admin counts on every page view. For a changelist that is not
filtered, this paginator reads the planner's estimate instead (``pg_class.reltuples``,
kept by autovacuum/ANALYZE), once the table is large enough for the difference to show.
Filtered lists, small tables and SQLite keep Django's exact count. Pair it with
``show_full_result_count = False`` so a filtered page does not count the whole table too.

The estimate is off by the rows written since the last ANALYZE: the last page may come
out short or empty, and the total shown is approximate. Curators page by filters, not
to page 2,000, so that is the trade.
"""
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property

# Below this many rows (by the estimate) an exact count is cheap: count them.
ESTIMATE_ABOVE_ROWS = 10_000


def estimated_row_count(queryset: QuerySet) -> int | None:
    """PostgreSQL's estimate of the rows an unfiltered ``queryset`` holds; None when there is none to use.

    None for another database, a filtered, distinct, sliced or combined queryset, and a
    table never analysed (``reltuples`` is -1 then).
    """
    connection = connections[queryset.db]
    query = queryset.query
    if connection.vendor != "postgresql" or query.has_filters() or query.distinct or query.combinator:
        return None
    if query.low_mark or query.high_mark is not None:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = to_regclass(%s)", [queryset.model._meta.db_table]
        )
        row = cursor.fetchone()
    if row is None or row[0] is None or row[0] < 0:
        return None
    return int(row[0])


class EstimatedCountPaginator(Paginator):
    """Django's Paginator, with the planner's estimate as the count of a large unfiltered table."""

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, QuerySet):
            estimate = estimated_row_count(self.object_list)
            if estimate is not None and estimate > ESTIMATE_ABOVE_ROWS:
                return estimate
        return super().count
