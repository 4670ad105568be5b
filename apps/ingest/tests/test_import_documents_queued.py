"""``import_documents`` without --now: a batch for the workers, followed with --wait."""
import io
import json
import shutil
import threading

import pytest
from django.core.management import call_command

from apps.demo.seeds.schema import RAW_DIR
from apps.documents.models import Document
from apps.ingest.models import ImportBatch, ItemState
from apps.ingest.tests.batch_helpers import run_database_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(tmp_path):
    for name in ("000_bfc45f867f23e2c2.txt", "003_52d8804a3cf02937.txt"):
        shutil.copy(RAW_DIR / name, tmp_path / name)
    (tmp_path / "scan.txt").write_bytes(b"")
    return tmp_path


def test_the_command_queues_a_batch_and_writes_nothing_until_a_worker_reads_it(pages, django_capture_on_commit_callbacks):
    err = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_documents", str(pages), stdout=io.StringIO(), stderr=err)
    batch = ImportBatch.objects.get()
    assert f"导入批次 {batch.pk}:3 个文件，3 个已排队" in err.getvalue()
    assert Document.objects.count() == 0

    run_database_worker()

    assert sorted(batch.items.values_list("state", flat=True)) == ["done", "done", "refused"]
    assert batch.items.get(name__endswith="scan.txt").reason_text() == "文件是空的"


@pytest.mark.django_db(transaction=True)
def test_wait_prints_progress_and_each_file_once_the_worker_is_done(pages):
    out, err = io.StringIO(), io.StringIO()
    # The worker runs beside the waiting command, as `make run` runs one beside the server.
    worker = threading.Timer(1.0, run_database_worker)
    worker.start()
    call_command("import_documents", str(pages), "--wait", "--timeout", "60", "--json", stdout=out, stderr=err)
    worker.join()
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["state"] for line in lines] == [ItemState.DONE, ItemState.DONE, ItemState.REFUSED]
    assert lines[2]["reason"] == "文件是空的"
    assert "进度：3/3 完成，1 个出错" in err.getvalue()
    assert Document.objects.count() == 2
