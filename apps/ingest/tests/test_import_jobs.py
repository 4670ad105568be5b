"""Imports as background jobs on the database backend: queued, read by the worker, each item once."""
import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from apps.documents.models import Document
from apps.ingest.batches import GROUP_SIZE, batch_create, item_claim, item_import, item_retry
from apps.ingest.models import ImportItem, ItemState
from apps.ingest.tests.batch_helpers import run_database_worker, seed

pytestmark = pytest.mark.django_db


def test_a_batch_waits_for_the_worker_then_each_page_becomes_a_draft(django_capture_on_commit_callbacks, curator):
    with django_capture_on_commit_callbacks(execute=True):
        batch = batch_create(files=[("000.txt", seed("000")), ("003.txt", seed("003"))], user=curator)
    assert Document.objects.count() == 0
    assert list(batch.items.values_list("state", flat=True)) == ["waiting", "waiting"]
    assert DBTaskResult.objects.count() == 1  # one job reads both: a group

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


def test_a_batch_queues_the_same_job_rows_as_enqueueing_each_group_would(django_capture_on_commit_callbacks):
    from apps.ingest.tasks import import_items

    files = [(f"{n:02d}.txt", seed("000")) for n in range(GROUP_SIZE + 2)]
    with django_capture_on_commit_callbacks(execute=True):
        batch = batch_create(files=files)
    ids = list(batch.items.order_by("position").values_list("pk", flat=True))
    reference = import_items.enqueue(ids[:GROUP_SIZE])
    fields = ["status", "args_kwargs", "priority", "task_path", "queue_name", "run_after", "backend_name", "worker_ids"]
    rows = list(DBTaskResult.objects.order_by("enqueued_at").values(*fields))
    assert len(rows) == 3
    assert rows[0] == rows[2] == DBTaskResult.objects.filter(pk=reference.id).values(*fields).get()
    assert [row["args_kwargs"]["args"] for row in rows[:2]] == [[ids[:GROUP_SIZE]], [ids[GROUP_SIZE:]]]


def _refuse_documents_named(name: str) -> None:
    """A rule in the database itself that refuses one file's document: an error no reading foresees."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "CREATE TRIGGER refuse_one BEFORE INSERT ON documents_document "
                f"WHEN NEW.source_file = '{name}' BEGIN SELECT RAISE(ABORT, 'refused by the database'); END"
            )
        else:
            cursor.execute(
                "CREATE FUNCTION refuse_one() RETURNS trigger AS $$ BEGIN "
                f"IF NEW.source_file = '{name}' THEN RAISE EXCEPTION 'refused by the database'; END IF; "
                "RETURN NEW; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                "CREATE TRIGGER refuse_one BEFORE INSERT ON documents_document FOR EACH ROW EXECUTE FUNCTION refuse_one()"
            )


def test_an_item_that_breaks_its_group_fails_alone_and_the_others_are_saved(django_capture_on_commit_callbacks):
    files = [("000.txt", seed("000")), ("bad.txt", seed("001")), ("003.txt", seed("003"))]
    with django_capture_on_commit_callbacks(execute=True):
        batch = batch_create(files=files)
    assert DBTaskResult.objects.count() == 1
    _refuse_documents_named("bad.txt")

    run_database_worker()

    states = dict(batch.items.values_list("name", "state"))
    assert states == {"000.txt": "done", "bad.txt": "failed", "003.txt": "done"}
    assert "refused by the database" in str(batch.items.get(name="bad.txt").reason)
    assert sorted(Document.objects.values_list("source_file", flat=True)) == ["000.txt", "003.txt"]


def test_files_are_read_in_groups_and_addresses_one_a_job(django_capture_on_commit_callbacks):
    files = [(f"{n:02d}.txt", seed("000")) for n in range(3)]
    urls = ["http://example.org/a.html", "http://example.org/b.html"]
    with django_capture_on_commit_callbacks(execute=True):
        batch = batch_create(files=files, urls=urls)
    ids = {item.name: item.pk for item in batch.items.all()}
    jobs = sorted(row["args"] for row in DBTaskResult.objects.values_list("args_kwargs", flat=True))
    assert jobs == sorted([[[ids[name] for name, _raw in files]], [[ids[urls[0]]]], [[ids[urls[1]]]]])
