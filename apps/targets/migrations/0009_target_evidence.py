"""Each target's evidence (met / short / none) and the day it falls due, stored so that an index
serves filtering and counting by progress (apps/targets/evidence.py). Filled for every existing
target with one set-based UPDATE; the SQL is a frozen copy of ``evidence.REFRESH`` as of this
migration, so later changes to that module cannot change what this migration does."""

from django.db import migrations, models

MET = """t.value IS NOT NULL AND (
       (t.comparator IN ('gte', 'maintain', 'range') AND lo.value >= t.value)
    OR (t.comparator = 'lte' AND lo.value <= t.value)
    OR (t.comparator = 'eq' AND lo.value = t.value)
    OR (t.comparator = 'approx' AND ABS(lo.value - t.value) <= ABS(t.value) * 0.05)
    OR (t.comparator = 'increase_by' AND t.baseline IS NOT NULL AND lo.value >= t.baseline + t.value)
    OR (t.comparator = 'decrease_by' AND t.baseline IS NOT NULL AND lo.value <= t.baseline - t.value))"""
YEAR_END = {
    "postgresql": "MAKE_DATE(t.deadline_year, 12, 31)",
    "sqlite": "(CAST(t.deadline_year AS TEXT) || '-12-31')",
}
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


def evidence_fill(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    sql = REFRESH.format(scope="SELECT id FROM targets_target", met=MET, year_end=YEAR_END.get(vendor, YEAR_END["sqlite"]))
    if vendor != "postgresql":
        sql = sql.replace("IS DISTINCT FROM", "IS NOT")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(sql, ["published"])


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0007_document_draft_queue_idx'),
        ('initiatives', '0004_initiative_initiative_name_id_idx'),
        ('regions', '0002_historicalregion'),
        ('targets', '0008_target_progress_states'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicaltarget',
            name='deadline_on',
            field=models.DateField(blank=True, editable=False, null=True, verbose_name='截止日'),
        ),
        migrations.AddField(
            model_name='historicaltarget',
            name='evidence',
            field=models.CharField(choices=[('met', '最新观测值已达到'), ('short', '最新观测值未达到'), ('none', '尚无观测值')], default='none', editable=False, max_length=8, verbose_name='观测依据'),
        ),
        migrations.AddField(
            model_name='target',
            name='deadline_on',
            field=models.DateField(blank=True, editable=False, null=True, verbose_name='截止日'),
        ),
        migrations.AddField(
            model_name='target',
            name='evidence',
            field=models.CharField(choices=[('met', '最新观测值已达到'), ('short', '最新观测值未达到'), ('none', '尚无观测值')], default='none', editable=False, max_length=8, verbose_name='观测依据'),
        ),
        # Filled before the indexes are built: one UPDATE, then each index written once.
        migrations.RunPython(evidence_fill, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name='target',
            index=models.Index(condition=models.Q(('progress_override', '')), fields=['evidence', 'deadline_on'], name='target_progress_idx'),
        ),
        migrations.AddIndex(
            model_name='target',
            index=models.Index(condition=models.Q(('progress_override', ''), _negated=True), fields=['progress_override'], name='target_override_idx'),
        ),
    ]
