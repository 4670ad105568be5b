"""Counting targets by progress in one pass: the scorecards' query.

``TargetQuerySet.with_progress()`` reads each target's latest observation through correlated
subqueries, which Django repeats in every branch of the CASE: fine for a page of 25, but
counting all 558,000 targets that way took 8–18 s. Here the latest observation of each
(indicator, region) is found once, with a window function, and joined. The CASE must read
exactly as ``with_progress`` does (apps/targets/tests/test_progress_counts.py holds them to it).
"""
import datetime

from django.db import connection
from django.db.models import QuerySet

from apps.curation.models import CurationStatus
from apps.targets.models import APPROX_TOLERANCE

# What the CASE reads of each target, selected by the filtered QuerySet itself (no self-join).
COLUMNS = (
    "id", "indicator_id", "region_id", "comparator", "value", "baseline", "deadline_year", "deadline_date",
    "progress_override",
)
# The latest published observation of every (indicator, region) some counted target is on.
LATEST = """
latest AS (
    SELECT indicator_id, region_id, value FROM (
        SELECT indicator_id, region_id, value, ROW_NUMBER() OVER (
            PARTITION BY indicator_id, region_id ORDER BY observed_on DESC, id DESC) AS newest
        FROM targets_observation
        WHERE status = %s AND region_id IS NOT NULL
          AND (indicator_id, region_id) IN (SELECT indicator_id, region_id FROM counted)
    ) ranked WHERE newest = 1
)"""
PAST = "(t.deadline_date < %s OR (t.deadline_date IS NULL AND t.deadline_year < %s))"
PROGRESS = f"""CASE
    WHEN t.progress_override <> '' THEN t.progress_override
    WHEN lo.value IS NULL AND {PAST} THEN 'unverified'
    WHEN lo.value IS NULL THEN 'open'
    WHEN t.value IS NOT NULL AND (
         (t.comparator IN ('gte', 'maintain', 'range') AND lo.value >= t.value)
      OR (t.comparator = 'lte' AND lo.value <= t.value)
      OR (t.comparator = 'eq' AND lo.value = t.value)
      OR (t.comparator = 'approx' AND ABS(lo.value - t.value) <= ABS(t.value) * {APPROX_TOLERANCE})
      OR (t.comparator = 'increase_by' AND t.baseline IS NOT NULL AND lo.value >= t.baseline + t.value)
      OR (t.comparator = 'decrease_by' AND t.baseline IS NOT NULL AND lo.value <= t.baseline - t.value))
      THEN 'achieved'
    WHEN {PAST} THEN 'missed'
    ELSE 'on_track' END"""


def progress_counts(targets: QuerySet, *, today: datetime.date, place_length: int | None = None) -> list[tuple]:
    """``(place, progress, count)`` over ``targets`` (any filtered Target QuerySet): ``place`` is the
    first ``place_length`` digits of the region code (None for unplaced targets), or "" when not asked."""
    counted_sql, counted_params = targets.order_by().values(*COLUMNS).query.sql_with_params()
    place = f"SUBSTR(t.region_id, 1, {int(place_length)})" if place_length else "''"
    sql = f"""
WITH counted AS ({counted_sql}),
{LATEST}
SELECT place, progress, COUNT(*) FROM (
    SELECT {place} AS place, {PROGRESS} AS progress
    FROM counted t LEFT JOIN latest lo ON lo.indicator_id = t.indicator_id AND lo.region_id = t.region_id
) judged GROUP BY place, progress"""
    day, year = today.isoformat(), today.year
    params = [*counted_params, CurationStatus.PUBLISHED.value, day, year, day, year]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [tuple(row) for row in cursor.fetchall()]
