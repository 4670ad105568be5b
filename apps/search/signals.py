"""Keep a document's search entry current whenever the document is saved.

Every way a document reaches the database through the ORM ends in ``Document.save()``:
the admin, the importer's saving service, the demo loader, history reverts, ``loaddata``.
Deleting needs no receiver: ``SearchEntry.document`` cascades. Writes that bypass
``save()`` (``QuerySet.update()``, ``bulk_create``) must call ``search_index_rebuild`` (or, for
documents just inserted, ``search_entries_update``, as the importer's writer does).
"""
from django.db.models.signals import post_save
from django.dispatch import receiver

from apps.search.services import search_entry_update

INDEXED_FIELDS = frozenset({"title", "clean_text"})


@receiver(post_save, sender="documents.Document", dispatch_uid="search_entry_on_document_save")
def document_saved(sender, instance, update_fields=None, **kwargs):
    # A status change saved with update_fields=["status", "updated_at"] leaves the words alone.
    if update_fields is not None and not INDEXED_FIELDS & set(update_fields):
        return
    search_entry_update(document=instance)
