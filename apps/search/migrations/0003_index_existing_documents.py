"""Index the documents that existed before search was installed.

Uses the historical Document model and the segmenter as it is now; later dictionary
changes are applied with `manage.py rebuild_search_index`, not by migrations.
"""
from django.db import migrations

BATCH_SIZE = 500


def index_existing_documents(apps, schema_editor):
    Document = apps.get_model("documents", "Document")
    SearchEntry = apps.get_model("search", "SearchEntry")
    db = schema_editor.connection.alias
    ids = list(Document.objects.using(db).order_by("pk").values_list("pk", flat=True))
    if not ids:
        return  # a new database: do not load the segmenter for nothing
    from apps.search.segment import document_tokens

    for start in range(0, len(ids), BATCH_SIZE):
        rows = Document.objects.using(db).filter(pk__in=ids[start:start + BATCH_SIZE])
        SearchEntry.objects.using(db).bulk_create(
            [SearchEntry(document_id=pk, tokens=document_tokens(title, text))
             for pk, title, text in rows.values_list("pk", "title", "clean_text")],
            update_conflicts=True, unique_fields=["document"], update_fields=["tokens"],
        )


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0002_fulltext_index"),
    ]

    operations = [
        # Going back leaves the rows; 0001's reversal drops the table with them.
        migrations.RunPython(index_existing_documents, migrations.RunPython.noop),
    ]
