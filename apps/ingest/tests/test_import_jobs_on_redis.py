"""With REDIS_URL set, the importer's jobs go through RQ on a real redis-server (started here)."""

import signal

import django_rq
import pytest
from django_tasks_db.models import DBTaskResult

from apps.documents.models import Document
from apps.ingest.batches import batch_create
from apps.ingest.tests.batch_helpers import seed
from policytracker.env import env_tasks
from tests.servers import REDIS_SERVER, redis_server



@pytest.fixture
def redis_url():
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (.ci/run installs it)")
    with redis_server() as url:
        yield url


@pytest.fixture
def rq_backend(redis_url, settings, monkeypatch):
    monkeypatch.setenv("REDIS_URL", redis_url)
    settings.TASKS, settings.RQ_QUEUES = env_tasks("REDIS_URL")
    return redis_url


def test_without_redis_url_jobs_wait_in_the_database(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    tasks, queues = env_tasks("REDIS_URL")
    assert tasks["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend" and queues == {}


@pytest.mark.django_db
def test_a_batch_is_queued_on_redis_and_read_by_an_rq_worker(rq_backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        batch = batch_create(files=[("000.txt", seed("000")), ("001.txt", seed("001"))])
    queue = django_rq.get_queue("default")
    assert queue.count == 1 and DBTaskResult.objects.count() == 0  # one job, both items
    assert Document.objects.count() == 0

    # RQ's own worker with django-tasks-rq's job class, in this process so that it sees the test's
    # transaction (`manage.py import_worker` runs the forking one).
    worker = django_rq.get_worker("default", job_class="django_tasks_rq.Job", worker_class="rq.worker.SimpleWorker")
    # RQ installs its SIGINT/SIGTERM handlers and leaves them: give this process its own back.
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        worker.work(burst=True)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)

    assert list(batch.items.values_list("state", flat=True)) == ["done", "done"]
    assert Document.objects.filter(status="draft").count() == 2
    assert queue.count == 0
