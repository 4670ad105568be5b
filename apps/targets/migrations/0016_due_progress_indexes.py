"""The progress indexes keyed on a target's progress once due (``apps.targets.models.due_progress``)
instead of its settled progress, so ?progress=missed is read in the lists' order too.

On PostgreSQL, ``target_due_region_idx`` (due progress, region code with ``varchar_pattern_ops``)
replaces ``target_settled_region_idx`` for a place's capped count (migration 0015 says why it is
written out as SQL).
"""
from django.db import migrations, models

DUE = (
    "(CASE WHEN NOT (progress_override = '') THEN progress_override WHEN evidence = 'met' THEN 'achieved' "
    "WHEN evidence = 'short' THEN 'missed' WHEN evidence = 'none' THEN 'unverified' ELSE NULL END)"
)
SETTLED = (
    "(CASE WHEN NOT (progress_override = '') THEN progress_override "
    "WHEN evidence = 'met' THEN 'achieved' ELSE evidence END)"
)


def region_index_create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS target_settled_region_idx")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS target_due_region_idx ON targets_target ({DUE}, region_id varchar_pattern_ops)"
        )


def region_index_drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS target_due_region_idx")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS target_settled_region_idx ON targets_target ({SETTLED}, region_id varchar_pattern_ops)"
        )


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0009_document_draft_notes_idx'),
        ('initiatives', '0005_full_width_punctuation_in_labels'),
        ('regions', '0002_historicalregion'),
        ('targets', '0015_settled_progress_region_index'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='target',
            name='target_settled_order_idx',
        ),
        migrations.AddIndex(
            model_name='target',
            index=models.Index(models.Case(models.When(models.Q(('progress_override', ''), _negated=True), then=models.F('progress_override')), models.When(evidence='met', then=models.Value('achieved')), models.When(evidence='short', then=models.Value('missed')), models.When(evidence='none', then=models.Value('unverified')), output_field=models.CharField()), models.F('deadline_year'), models.F('indicator'), models.F('region'), models.F('id'), name='target_due_order_idx'),
        ),
        migrations.RunPython(region_index_create, region_index_drop),
    ]
