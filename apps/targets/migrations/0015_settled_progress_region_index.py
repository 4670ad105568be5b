"""On PostgreSQL, a place's targets in a settled progress state counted from one index.

``/targets/?region=32&progress=achieved`` counts (up to the lists' cap) the targets whose settled
progress (``apps.targets.models.settled_progress``) is achieved within a code prefix. With only
``target_settled_order_idx`` the count ANDed the bitmaps of every achieved target (637,000 at a
million documents) and every target of the province: 220 ms; from this index, 25 ms. The prefix
needs ``varchar_pattern_ops`` (the database's collation is not "C"), which Django writes for an
expression index on PostgreSQL only; SQLite keeps its plain indexes. The SQL is written out here:
a migration must not change when the code does.
"""
from django.db import migrations

INDEX = "target_settled_region_idx"
SETTLED = (
    "(CASE WHEN NOT (progress_override = '') THEN progress_override "
    "WHEN evidence = 'met' THEN 'achieved' ELSE evidence END)"
)


def index_create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON targets_target ({SETTLED}, region_id varchar_pattern_ops)"
        )


def index_drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ("targets", "0014_settled_progress_index"),
    ]

    operations = [
        migrations.RunPython(index_create, index_drop),
    ]
