"""Load the catalogue of indicators (apps/targets/catalogue/indicators.json).

Uses the historical Indicator model and the catalogue file as it is now. After the file
changes, add a migration that runs the same function again: it only creates or updates.
"""
from django.db import migrations


def catalogue_load(apps, schema_editor):
    from apps.targets.catalogue import catalogue_sync

    catalogue_sync(apps.get_model("targets", "Indicator"))


class Migration(migrations.Migration):

    dependencies = [
        ("targets", "0005_indicator_catalogue_fields"),
    ]

    operations = [
        # Going back leaves the rows: targets may already point at them.
        migrations.RunPython(catalogue_load, migrations.RunPython.noop),
    ]
