"""Real worker processes (``manage.py import_worker``) on PostgreSQL: two never read the same item,
and one killed mid-batch leaves nothing half-saved and every item retryable."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from apps.documents.models import Document
from apps.ingest.batches import GROUP_SIZE, batch_create, item_retry
from apps.ingest.models import ImportItem, ItemState
from apps.ingest.tests.batch_helpers import seed
from policytracker.env import env_tasks
from tests.servers import REDIS_SERVER, redis_server

PROJECT = Path(__file__).resolve().parents[3]
pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="worker processes share PostgreSQL only"),
    pytest.mark.django_db(transaction=True),
]


def pages(copies: int) -> list[tuple[str, bytes]]:
    """Distinct articles: each seed with a mark inside its text."""
    seeds = [seed(prefix) for prefix in ("000", "001", "002", "003")]
    return [
        (f"{n}-{i}.txt", raw.replace("。".encode(), f"。副本{n}。".encode(), 1))
        for n in range(copies) for i, raw in enumerate(seeds)
    ]


def worker(*arguments: str, redis_url: str | None = None) -> subprocess.Popen:
    db = connection.settings_dict
    env = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "policytracker.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return subprocess.Popen(
        [sys.executable, "manage.py", "import_worker", *arguments], cwd=PROJECT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def test_two_workers_read_every_item_exactly_once():
    batch = batch_create(files=pages(copies=4))
    first, second = worker("--burst"), worker("--burst")
    assert first.wait(timeout=300) == 0 and second.wait(timeout=300) == 0

    assert set(batch.items.values_list("state", flat=True)) == {ItemState.DONE}
    assert set(batch.items.values_list("attempts", flat=True)) == {1}
    assert Document.objects.count() == batch.items.count() == 16


def test_a_killed_worker_leaves_no_half_saved_page_and_its_item_can_be_retried(settings):
    batch = batch_create(files=pages(copies=6))  # three groups of items
    running = worker()
    deadline = time.monotonic() + 120
    while not batch.items.filter(state=ItemState.DONE).exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    running.send_signal(signal.SIGKILL)
    running.wait(timeout=10)

    states = list(batch.items.values_list("state", flat=True))
    assert set(states) <= {ItemState.DONE, ItemState.WAITING, ItemState.READING}
    assert states.count(ItemState.READING) <= GROUP_SIZE  # the killed job's group
    # Every document saved belongs to an item recorded done: nothing of the killed group remains.
    assert Document.objects.count() == states.count(ItemState.DONE)

    settings.IMPORT_ITEM_STALLED_SECONDS = 0
    time.sleep(0.01)
    for item in batch.items.filter(state=ItemState.READING):
        assert item.can_retry() and item_retry(item=item)
    assert worker("--burst").wait(timeout=300) == 0

    assert set(batch.items.values_list("state", flat=True)) == {ItemState.DONE}
    assert Document.objects.count() == batch.items.count() == 24


def test_with_redis_url_the_worker_command_reads_the_queue_on_redis(settings, monkeypatch):
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (.ci/run installs it)")
    with redis_server() as url:
        monkeypatch.setenv("REDIS_URL", url)
        settings.TASKS, settings.RQ_QUEUES = env_tasks("REDIS_URL")
        batch = batch_create(files=pages(copies=2))
        assert DBTaskResult.objects.count() == 0  # queued on Redis, not in the database
        assert worker("--burst", redis_url=url).wait(timeout=300) == 0

    assert set(batch.items.values_list("state", flat=True)) == {ItemState.DONE}
    assert Document.objects.count() == batch.items.count() == 8
