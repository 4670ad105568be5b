"""What each target's progress rests on, stored so that filtering and counting by progress read an index.

A target's progress (``Target.progress_on``) depends on two things: the latest published
observation of its indicator in its region (does it meet the target, fall short, or is there
none?) and the date (is the deadline behind us?). Computing the first at read time meant a
correlated subquery per target: fine for a page of 25, seconds for a count over 558,000.

So the time-independent half is stored on the target, and the date half stays SQL:

- ``Target.evidence``: met / short / none, from the latest published observation;
- ``Target.deadline_on``: the day the target falls due (its date, else 31 December of its year).

``progress_expression`` and ``progress_condition`` (apps.targets.models) turn them into the five
states for any ``today``, so nothing stored goes
stale when a deadline passes (no daily task, and ``PROGRESS_TODAY`` keeps working in tests and
demonstrations). Storing the state itself would need a task run every day and would be wrong
for any other date asked about.

``Target.save()`` sets both for the target saved. ``target_evidence_refresh`` recomputes them for
a set of targets in one UPDATE: the observations' signals call it (apps.targets.signals), and
every write that bypasses ``save()`` (``bulk_create``, ``QuerySet.update``, SQL) must call it
for what it touched.
"""
from decimal import Decimal

from django.db import connection
from django.db.models import Q, QuerySet

from apps.curation.models import CurationStatus

# An "≈" target counts as met within this share of its value.
APPROX_TOLERANCE = Decimal("0.05")

# Whether ``lo.value``, the latest observation, meets target ``t``: Target.is_met_by in SQL.
MET = f"""t.value IS NOT NULL AND (
       (t.comparator IN ('gte', 'maintain', 'range') AND lo.value >= t.value)
    OR (t.comparator = 'lte' AND lo.value <= t.value)
    OR (t.comparator = 'eq' AND lo.value = t.value)
    OR (t.comparator = 'approx' AND ABS(lo.value - t.value) <= ABS(t.value) * {APPROX_TOLERANCE})
    OR (t.comparator = 'increase_by' AND t.baseline IS NOT NULL AND lo.value >= t.baseline + t.value)
    OR (t.comparator = 'decrease_by' AND t.baseline IS NOT NULL AND lo.value <= t.baseline - t.value))"""

# 31 December of the deadline year, as each database writes a date.
YEAR_END = {
    "postgresql": "MAKE_DATE(t.deadline_year, 12, 31)",
    "sqlite": "(CAST(t.deadline_year AS TEXT) || '-12-31')",
}

# An UPDATE first, its CTEs inside: sqlite3 reports the rows written only for a statement that starts with UPDATE.
REFRESH = """
UPDATE targets_target SET evidence = judged.evidence, deadline_on = judged.deadline_on
FROM (
    WITH counted AS (
        SELECT t.id, t.indicator_id, t.region_id, t.comparator, t.value, t.baseline, t.deadline_year,
               t.deadline_date, t.evidence, t.deadline_on
        FROM targets_target t WHERE t.id IN ({scope})
    ),
    latest AS (
        SELECT indicator_id, region_id, value FROM (
            SELECT indicator_id, region_id, value, ROW_NUMBER() OVER (
                PARTITION BY indicator_id, region_id ORDER BY observed_on DESC, id DESC) AS newest
            FROM targets_observation
            WHERE status = %s AND region_id IS NOT NULL
              AND (indicator_id, region_id) IN (SELECT indicator_id, region_id FROM counted)
        ) ranked WHERE newest = 1
    )
    SELECT t.id, t.evidence AS stored_evidence, t.deadline_on AS stored_deadline_on,
           CASE WHEN lo.value IS NULL THEN 'none' WHEN {met} THEN 'met' ELSE 'short' END AS evidence,
           COALESCE(t.deadline_date, CASE WHEN t.deadline_year IS NOT NULL THEN {year_end} END) AS deadline_on
    FROM counted t LEFT JOIN latest lo ON lo.indicator_id = t.indicator_id AND lo.region_id = t.region_id
) judged
WHERE judged.id = targets_target.id
  AND (judged.evidence <> judged.stored_evidence
       OR judged.deadline_on IS DISTINCT FROM judged.stored_deadline_on)"""


def refresh_sql(scope_sql: str, vendor: str) -> str:
    """The UPDATE that brings ``evidence`` and ``deadline_on`` up to date for the target ids ``scope_sql`` selects.

    Also used, frozen, by the migration that added the columns.
    """
    sql = REFRESH.format(scope=scope_sql, met=MET, year_end=YEAR_END[vendor])
    if vendor == "sqlite":
        sql = sql.replace("IS DISTINCT FROM", "IS NOT")
    return sql


def target_evidence_refresh(targets: QuerySet) -> int:
    """Recompute ``evidence`` and ``deadline_on`` of ``targets`` (a Target QuerySet) in one statement.

    Only rows whose stored values change are written. Returns how many were.
    """
    scope_sql, scope_params = targets.order_by().values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(refresh_sql(scope_sql, connection.vendor), [*scope_params, CurationStatus.PUBLISHED.value])
        return cursor.rowcount


def observation_pairs_refresh(pairs) -> int:
    """Refresh the targets on each ``(indicator_id, region_id)`` of ``pairs``: where an observation changed."""
    from apps.targets.models import Target  # the models import this module

    condition = Q()
    for indicator_id, region_id in {pair for pair in pairs if pair[0] is not None and pair[1] is not None}:
        condition |= Q(indicator_id=indicator_id, region_id=region_id)
    if not condition:
        return 0
    return target_evidence_refresh(Target.objects.filter(condition))
