"""The importer's background jobs (Django's Tasks API; backends in settings.TASKS).

A job carries only its items' ids: the files wait in the items' rows, so a worker on any
machine that reaches the database can read them, and an item can be retried by enqueueing it again.
"""
from django_tasks import task

from apps.ingest.batches import item_import, items_import


@task()
def import_items(item_ids: list[int]) -> dict[str, str]:
    """Read a group of an import batch's items; the state each of this job's items ended in."""
    results = items_import(item_ids=item_ids)
    return {str(item_id): result.status for item_id, result in results.items()}


@task()
def import_item(item_id: int) -> str | None:
    """Read one item (jobs queued before items were read in groups); its state, or None when it was not this job's."""
    result = item_import(item_id=item_id)
    return None if result is None else result.status
