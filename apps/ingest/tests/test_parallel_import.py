"""Importing many pages at once: same results as one by one, in order, in several processes on PostgreSQL."""
import io
import shutil

import pytest
from django.core.management import call_command
from django.db import connection

from apps.documents.models import Document
from apps.ingest.draft import Status
from apps.ingest.parallel import documents_import, parallel_possible
from apps.ingest.tests.conftest import SEED_FILES

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="processes share PostgreSQL only")


def copy_of(raw: bytes, n: int) -> bytes:
    """The page with a mark inside its article: a line after it would be junk to the importer, and
    the copy the same page (apps.ingest.duplicates)."""
    return raw.replace("。".encode(), f"。副本{n}。".encode(), 1)


def pages(seed_bytes, copies: int = 1) -> list[tuple[str, bytes]]:
    return [(f"{n}-{name}", copy_of(raw, n)) for n in range(copies) for name, raw in seed_bytes.items()]


@pytest.mark.django_db
def test_inside_a_transaction_pages_are_imported_here_one_by_one(seed_bytes, page_reader):
    assert not parallel_possible()  # the test's own transaction is open
    batch = [*pages(seed_bytes), ("unreadable.txt", OSError("permission denied"))]

    results = list(documents_import(pages=batch, workers=2, reader=page_reader))

    assert [r.draft.file for r in results] == [name for name, _raw in batch]
    assert [r.status for r in results] == [Status.OK] * len(SEED_FILES) + [Status.ERROR]
    assert str(results[-1].draft.error) == "无法读取文件：permission denied"
    assert Document.objects.count() == len(SEED_FILES)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_processes_import_every_page_once_in_order(seed_bytes):
    assert parallel_possible()
    batch = pages(seed_bytes, copies=3)
    batch.append(batch[0])  # the same page again: a duplicate, whichever process meets it

    results = list(documents_import(pages=batch, workers=2))

    assert [r.draft.file for r in results] == [name for name, _raw in batch]
    assert [r.status for r in results[:-1]] == [Status.OK] * (len(batch) - 1)
    assert results[-1].status == Status.DUPLICATE
    assert Document.objects.count() == len(batch) - 1
    assert sorted(r.document.pk for r in results[:-1]) == sorted(Document.objects.values_list("pk", flat=True))


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_command_imports_with_workers(tmp_path):
    from apps.demo.seeds.schema import RAW_DIR

    for name in SEED_FILES:
        shutil.copy(RAW_DIR / name, tmp_path / name)
    out = io.StringIO()
    call_command("import_documents", str(tmp_path), now=True, workers=2, stdout=out)
    assert f"{len(SEED_FILES)} 个文件：{len(SEED_FILES)} 个已创建，0 个重复，0 个出错。" in out.getvalue()
    assert Document.objects.count() == len(SEED_FILES)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_one_article_in_two_dresses_in_two_processes_is_imported_once(seed_bytes):
    raw = seed_bytes["002_309da62706959858.txt"]
    batch = [("utf8.txt", raw), ("gbk.txt", raw.decode().encode("gb18030"))] * 2

    results = list(documents_import(pages=batch, workers=2))

    assert sorted(r.status for r in results) == [Status.DUPLICATE] * 3 + [Status.OK]
    assert Document.objects.count() == 1
