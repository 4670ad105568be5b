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
        *(
            migrations.AddField(
                model_name=model,
                name="content_checksum",
                field=models.CharField(blank=True, editable=False, max_length=64, verbose_name="正文校验和"),
            )
            for model in ("document", "historicaldocument")
        ),
        *(
            migrations.AddField(
                model_name=model, name=name, field=models.CharField(blank=True, editable=False, max_length=64),
            )
            for model in ("document", "historicaldocument")
            for name in ("content_head", "content_tail")
        ),
        migrations.AddIndex(
            model_name="document",
            index=models.Index(fields=["content_checksum"], name="document_content_checksum_idx"),
        ),
        migrations.AddIndex(
            model_name="document", index=models.Index(fields=["content_head"], name="document_content_head_idx"),
        ),
        migrations.AddIndex(
            model_name="document", index=models.Index(fields=["content_tail"], name="document_content_tail_idx"),
        ),
        migrations.RunPython(fingerprints_fill, migrations.RunPython.noop, elidable=True),
    ]
