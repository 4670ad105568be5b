"""The article fingerprint (``Document.content_checksum``, ``content_head``, ``content_tail``).

Existing rows are fingerprinted from their clean text, as ``document_import`` does from the
draft's clean text: for every imported document whose text no curator has edited, the value
a fresh import of the same page computes.
"""
from django.db import migrations, models

from apps.documents.models import ArticleFingerprint

BATCH = 1000


def fingerprints_fill(apps, schema_editor):
    Document = apps.get_model("documents", "Document")
    batch = []
    for document in Document.objects.only("pk", "clean_text").iterator(chunk_size=BATCH):
        fingerprint = ArticleFingerprint.of(document.clean_text)
        document.content_checksum, document.content_head, document.content_tail = (
            fingerprint.checksum, fingerprint.head, fingerprint.tail,
        )
        batch.append(document)
        if len(batch) == BATCH:
            Document.objects.bulk_update(batch, ["content_checksum", "content_head", "content_tail"])
            batch = []
    Document.objects.bulk_update(batch, ["content_checksum", "content_head", "content_tail"])


class Migration(migrations.Migration):

    dependencies = [
        ("documents", "0004_document_status_id_idx"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="content_checksum",
            field=models.CharField(
                blank=True, db_index=True, editable=False, max_length=64, verbose_name="正文校验和"
            ),
        ),
        migrations.AddField(
            model_name="document",
            name="content_head",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="document",
            name="content_tail",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=64),
        ),
        migrations.RunPython(fingerprints_fill, migrations.RunPython.noop, elidable=True),
    ]
