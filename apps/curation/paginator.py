"""Paginators for large tables: no exact count where it costs.

``CappedCountPaginator`` (the API's and the list pages'): counts up to a cap, then says so;
the count is remembered until a record changes, so paging through a list counts it once.
``EstimatedCountPaginator`` (the admin changelists'): the same, but for an unfiltered table.

Counting every row of a 100 k-row table is a scan on PostgreSQL (its MVCC keeps no
row count), and the admin counts on every page view. For a changelist that is not
filtered, this paginator reads the planner's estimate instead (``pg_class.reltuples``,
kept by autovacuum/ANALYZE), once the table is large enough for the difference to show.
Filtered lists, small tables and SQLite are counted up to the cap. Pair it with
``show_full_result_count = False`` so a filtered page does not count the whole table too.

The estimate is off by the rows written since the last ANALYZE: the last page may come
out short or empty, and the total shown is approximate. Curators page by filters, not
to page 2,000, so that is the trade.
"""
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property

from apps.curation.memo import remembered

# Below this many rows (by the estimate) an exact count is cheap: count them.
ESTIMATE_ABOVE_ROWS = 10_000


def counted_by(queryset: QuerySet, counter: Callable[[QuerySet, int], int | None]) -> QuerySet:
    """``queryset``, counted up to a limit by ``counter(rows, limit)`` instead of ``COUNT(*)``.

    For a condition the planner counts badly (a common search word: every match hashed before
    the first row is counted), its owner can count faster by another way. The counter travels
    with the query, through later filters and ordering (``Query.clone`` copies it), and gets
    the final rows; it returns None when it cannot count them, and the rows are counted as usual.
    """
    queryset = queryset.all()
    queryset.query.capped_counter = counter
    return queryset


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


class CappedPage(Page):
    """A page of a list counted only up to the cap: whether a next page exists is read, not computed."""

    def __init__(self, object_list, number, paginator, *, has_more: bool):
        super().__init__(object_list, number, paginator)
        self.has_more = has_more

    def has_next(self) -> bool:
        return self.has_more

    def end_index(self) -> int:
        return self.start_index() + len(self.object_list) - 1 if self.object_list else 0


class CappedCountPaginator(Paginator):
    """Django's Paginator counting at most ``settings.RESULT_COUNT_CAP`` rows.

    An exact count reads every matching row, so a filter matching 600,000 documents costs
    a scan on each page view. This one counts the first cap + 1 rows: up to the cap
    ``count`` is exact; past it ``count`` is the cap and ``count_is_estimate`` is True (the
    pages say "more than 10,000", the API sets ``count_is_estimate``). Pages past the cap
    can still be read, as long as they hold rows; whether one follows is found by reading
    one row more than the page.
    """

    def __init__(self, object_list, per_page, *args, cap: int | None = None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.cap = settings.RESULT_COUNT_CAP if cap is None else cap

    @cached_property
    def _capped_count(self) -> tuple[int, bool]:
        rows = self.object_list
        if isinstance(rows, QuerySet):
            try:
                sql, params = rows.query.sql_with_params()
            except EmptyResultSet:
                return 0, False
            # Paging through a list, or asking it again, counts it once: the count is remembered
            # (apps.curation.memo) until a record changes. A province's 10,001 documents
            # each confirmed published took 60–110 ms of every request at a million documents.
            key = ("capped_count", rows.db, sql, tuple(map(str, params)), self.cap)
            counted = remembered(key, lambda: self._counted(rows))
        else:
            counted = len(rows)
        return (self.cap, True) if counted > self.cap else (counted, False)

    def _counted(self, rows: QuerySet) -> int:
        """At most cap + 1: the rows' own counter (``counted_by``) where it can, else COUNT(*) of the first cap + 1."""
        counter = getattr(rows.query, "capped_counter", None)
        counted = counter(rows, self.cap + 1) if counter and not rows.query.is_sliced else None
        if counted is None:
            # The first cap + 1 rows in any order number the same: no ORDER BY for the planner to
            # honour. A queryset already sliced is counted as it is.
            counted = (rows if rows.query.is_sliced else rows.order_by()[: self.cap + 1]).count()
        return counted

    @cached_property
    def count(self) -> int:
        return self._capped_count[0]

    @property
    def count_is_estimate(self) -> bool:
        return self._capped_count[1]

    def validate_number(self, number):
        if not self.count_is_estimate:
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def page(self, number):
        if not self.count_is_estimate:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom: bottom + self.per_page + 1])
        if not rows:
            raise EmptyPage(self.error_messages["no_results"])
        return CappedPage(rows[: self.per_page], number, self, has_more=len(rows) > self.per_page)


class EstimatedCountPaginator(CappedCountPaginator):
    """The admin changelists': the planner's estimate for a large unfiltered table, else a count up
    to the cap (a filter or a search matching most of a million documents is not counted whole)."""

    # Django's changelist lists every row, unpaged, when the count is at most ``list_per_page`` or,
    # asked to show all, ``list_max_show_all`` (200): a count stopped at the cap must stay above both.
    MIN_CAP = 1_000

    def __init__(self, object_list, per_page, *args, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.cap = max(self.cap, self.MIN_CAP)

    @cached_property
    def _capped_count(self) -> tuple[int, bool]:
        if isinstance(self.object_list, QuerySet):
            estimate = estimated_row_count(self.object_list)
            if estimate is not None and estimate > ESTIMATE_ABOVE_ROWS:
                return estimate, False
        return CappedCountPaginator._capped_count.func(self)
