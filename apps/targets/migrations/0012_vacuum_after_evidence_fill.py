"""Migration 0009 rewrote every target row; on PostgreSQL the table is vacuumed and analysed at once,
so the planner and index-only scans see the new table rather than waiting for autovacuum (off on
some servers: the catalogue's visibility test then took 1.6 s instead of 1 ms at 559,000 targets).
VACUUM cannot run inside a transaction, hence ``atomic = False``."""

from django.db import migrations


def vacuum_targets(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE targets_target")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ('targets', '0011_full_width_punctuation_in_labels'),
    ]

    operations = [
        migrations.RunPython(vacuum_targets, migrations.RunPython.noop, elidable=True),
    ]
