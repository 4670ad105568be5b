"""Imports as background jobs on the database backend: queued, read by the worker, each item once."""
import pytest
from django_tasks_db.models import DBTaskResult

from apps.documents.models import Document
from apps.ingest.batches import batch_create, item_claim, item_import, item_retry
from apps.ingest.models import ImportItem, ItemState
from apps.ingest.tests.batch_helpers import run_database_worker, seed

pytestmark = pytest.mark.django_db


def test_a_batch_waits_for_the_worker_then_each_page_becomes_a_draft(django_capture_on_commit_callbacks, curator):
    with django_capture_on_commit_callbacks(execute=True):
        batch = batch_create(files=[("000.txt", seed("000")), ("003.txt", seed("003"))], user=curator)
    assert Document.objects.count() == 0
    assert list(batch.items.values_list("state", flat=True)) == ["waiting", "waiting"]
    assert DBTaskResult.objects.count() == 2

    run_database_worker()

    items = list(batch.items.all())
    assert [item.state for item in items] == ["done", "done"]
    assert {item.document.status for item in items} == {"draft"}
    assert Document.objects.count() == 2
    assert batch.progress().is_finished


def test_the_same_page_twice_in_one_batch_is_a_duplicate_of_the_first(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        batch = batch_create(files=[("a.txt", seed("002")), ("b.txt", seed("002").decode().encode("gb18030"))])
    run_database_worker()
    first, second = batch.items.all()
    assert (first.state, second.state) == ("done", "duplicate")
    assert second.held == first.document
    assert Document.objects.count() == 1


def test_an_item_already_claimed_is_not_read_by_a_second_worker():
    batch = batch_create(files=[("000.txt", seed("000"))], enqueue=False)
    item = batch.items.get()
    assert item_claim(item.pk) is not None
    assert item_import(item_id=item.pk) is None  # the second worker finds it taken
    assert Document.objects.count() == 0
    assert ImportItem.objects.get(pk=item.pk).state == ItemState.READING


def test_an_item_read_once_is_not_read_again():
    batch = batch_create(files=[("000.txt", seed("000"))], enqueue=False)
    item = batch.items.get()
    assert item_import(item_id=item.pk) is not None
    assert item_import(item_id=item.pk) is None
    assert Document.objects.count() == 1


def test_a_stalled_item_can_be_retried_and_is_then_read_once(settings, django_capture_on_commit_callbacks):
    settings.IMPORT_ITEM_STALLED_SECONDS = 1
    batch = batch_create(files=[("000.txt", seed("000"))], enqueue=False)
    item = batch.items.get()
    item_claim(item.pk)  # a worker took it and was killed before it committed anything
    item.refresh_from_db()
    assert not item.can_retry()
    ImportItem.objects.filter(pk=item.pk).update(claimed_at=item.claimed_at.replace(year=2000))
    item.refresh_from_db()
    assert item.is_stalled() and item.can_retry()
    with django_capture_on_commit_callbacks(execute=True):
        assert item_retry(item=item)
    run_database_worker()
    item.refresh_from_db()
    assert item.state == ItemState.DONE and item.attempts == 2
    assert Document.objects.count() == 1


def test_a_batch_queues_the_same_job_rows_as_enqueueing_each_item_would(django_capture_on_commit_callbacks):
    from apps.ingest.tasks import import_item

    with django_capture_on_commit_callbacks(execute=True):
        batch = batch_create(files=[("000.txt", seed("000")), ("001.txt", seed("001"))])
    reference = import_item.enqueue(batch.items.first().pk)
    fields = ["status", "args_kwargs", "priority", "task_path", "queue_name", "run_after", "backend_name", "worker_ids"]
    rows = list(DBTaskResult.objects.order_by("enqueued_at").values(*fields))
    assert len(rows) == 3
    assert rows[0] == rows[2] == DBTaskResult.objects.filter(pk=reference.id).values(*fields).get()
    assert [row["args_kwargs"]["args"] for row in rows[:2]] == [[pk] for pk in batch.items.values_list("pk", flat=True)]
