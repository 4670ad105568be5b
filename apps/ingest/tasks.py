"""The importer's background jobs (Django's Tasks API; backends in settings.TASKS).

A job carries only the item's id: the file waits in the item's row, so a worker on any
machine that reaches the database can read it, and the job can be retried by enqueueing it again.
"""
from django_tasks import task

from apps.ingest.batches import item_import


@task()
def import_item(item_id: int) -> str | None:
    """Read one item of an import batch; the state it ended in, or None when it was not this job's."""
    result = item_import(item_id=item_id)
    return None if result is None else result.status
