"""Counting targets by progress in one grouped query: the scorecards' query.

Progress is read from each target's stored evidence and deadline (apps.targets.evidence), so
the count is a GROUP BY over the targets alone, with no observation read at all.
"""
import datetime

from django.db.models import Count, QuerySet, Value
from django.db.models.functions import Substr

from apps.targets.models import progress_expression


def progress_counts(targets: QuerySet, *, today: datetime.date, place_length: int | None = None) -> list[tuple]:
    """``(place, progress, count)`` over ``targets`` (any filtered Target QuerySet): ``place`` is the
    first ``place_length`` digits of the region code (None for unplaced targets), or "" when not asked."""
    place = Substr("region_id", 1, int(place_length)) if place_length else Value("")
    counted = (
        targets.order_by()
        .annotate(counted_place=place, counted_progress=progress_expression(today))
        .values("counted_place", "counted_progress")
        .annotate(n=Count("pk"))
        .values_list("counted_place", "counted_progress", "n")
    )
    return [tuple(row) for row in counted]
