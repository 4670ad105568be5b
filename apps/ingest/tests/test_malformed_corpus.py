"""Malformed files made from the seed pages: each gets a clear outcome, and a refused one leaves
the database exactly as it was (every table, history tables included, and the id sequences).

The corpus and the outcome each file is owed are in ``malformed_pages.py``. Every file goes
through ``import_documents`` and, when it is bytes, through ``document_import``; the refused
ones also through the admin's upload; and the whole folder in one run, where the bad files
stop none of the good ones.
"""
import hashlib
import json
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from apps.documents.models import Document, text_checksum
from apps.ingest.files import PAGE_SUFFIXES
from apps.ingest.services import document_import

from .malformed_pages import BY_NAME, INVISIBLE_IN_TEXT, MALFORMED, SEEDS, corpus_write, seed_text

pytestmark = pytest.mark.django_db
BYTE_CASES = [case for case in MALFORMED if case.is_bytes]
# The service takes bytes; the file's type is for the command and the upload to judge by its name.
SERVICE_CASES = [case for case in BYTE_CASES if Path(case.name).suffix.lower() in PAGE_SUFFIXES]
ERRORS = [case for case in BYTE_CASES if case.outcome == "error"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return corpus_write(tmp_path_factory.mktemp("malformed"))


@pytest.fixture(scope="module")
def seeds_held(django_db_setup, django_db_blocker):
    """The five seed pages as ``load_demo`` leaves them, loaded once for this module.

    Each test then runs in a savepoint inside this transaction (pytest-django's ``db``), as
    Django's ``setUpTestData`` does: every file meets the same database, not an empty one.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield {number: Document.objects.get(checksum=text_checksum(seed_text(number))).pk for number in SEEDS}
        transaction.set_rollback(True)


def database_state() -> dict:
    """Every table's row count and a digest of its rows, and where each id sequence stands."""
    state = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows = sorted(repr(row) for row in cursor.fetchall())
            state[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16])
        if connection.vendor == "postgresql":
            cursor.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema()")
        else:
            cursor.execute("SELECT name, seq FROM sqlite_sequence")
        state["id sequences"] = sorted(cursor.fetchall())
    return state


def changed_tables(before: dict, after: dict) -> list[str]:
    return [table for table in sorted(before.keys() | after.keys()) if before.get(table) != after.get(table)]


def command_line(path) -> dict:
    """``import_documents PATH --json``'s one line, or the command's own refusal as an error line."""
    out = StringIO()
    try:
        call_command("import_documents", str(path), "--json", "--now", stdout=out, stderr=StringIO())
    except CommandError as refusal:
        return {"status": "error", "error": str(refusal), "file": str(path)}
    (line,) = out.getvalue().splitlines()
    return json.loads(line)


def assert_outcome(case, status: str, error: str | None, before: dict, seeds_held: dict) -> None:
    after = database_state()
    if case.outcome == "error":
        assert status == "error" and case.expect in error, f"{case.name}: {status} {error!r}"
        assert changed_tables(before, after) == [], f"{case.name} changed the database"
    elif case.outcome == "duplicate":
        held = seeds_held[case.expect]
        assert status == "duplicate" and f"已收录为文件 {held} " in error, f"{case.name}: {error!r}"
        assert changed_tables(before, after) == []
    else:
        assert status == "ok", f"{case.name}: {status} {error!r}"
        document = Document.objects.latest("pk")
        assert after["documents_document"][0] == before["documents_document"][0] + 1
        assert case.expect in document.title, document.title
        assert not INVISIBLE_IN_TEXT.search(document.title + document.clean_text)
        assert document.raw_text  # kept as captured, invisible characters and all


def test_the_corpus_is_at_least_thirty_files_of_every_kind():
    assert len(MALFORMED) >= 30
    assert sum(case.outcome == "error" for case in MALFORMED) >= 30
    assert {case.kind for case in MALFORMED} == {"file", "pipe", "symlink", "dangling-symlink", "folder"}


@pytest.mark.parametrize("case", MALFORMED, ids=lambda case: case.name)
def test_import_documents_gives_each_file_its_outcome(case, corpus, seeds_held):
    before = database_state()
    line = command_line(corpus[case.name])
    assert_outcome(case, line["status"], line["error"], before, seeds_held)


@pytest.mark.parametrize("case", SERVICE_CASES, ids=lambda case: case.name)
def test_document_import_gives_each_file_its_outcome(case, corpus, seeds_held):
    raw = corpus[case.name].read_bytes()
    before = database_state()
    result = document_import(raw=raw, filename=case.name)
    assert result.document is None or case.outcome == "ok"
    if case.outcome == "duplicate":  # read, though not saved: cleaned as a new page would be
        assert not INVISIBLE_IN_TEXT.search(result.draft.document.title + result.draft.clean_text)
    assert_outcome(case, result.status, str(result.draft.error), before, seeds_held)


# What an upload records of itself: the batch, its items, their jobs (and the curator's session).
BATCH_TABLES = {"django_session", "ingest_importbatch", "ingest_importitem", "django_tasks_database_dbtaskresult"}


def records_state() -> dict:
    """``database_state`` less the batch's own tables and id sequences."""
    state = database_state()
    state["id sequences"] = [row for row in state["id sequences"] if not str(row[0]).startswith(tuple(BATCH_TABLES))]
    return state


def test_the_admin_upload_refuses_every_bad_file_with_its_reason(
    curator_client, corpus, seeds_held, django_capture_on_commit_callbacks,
):
    from apps.ingest.models import ImportBatch
    from apps.ingest.tests.batch_helpers import run_database_worker

    uploads = [SimpleUploadedFile(case.name, corpus[case.name].read_bytes()) for case in ERRORS]
    before = records_state()
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post("/admin/import/", {"files": uploads})
    assert response.status_code == 302
    run_database_worker()
    items = {item.name: item for item in ImportBatch.objects.latest("pk").items.all()}
    for case in ERRORS:
        item = items[case.name]
        expected = "不支持的文件类型" if case.name.endswith(".doc") else case.expect
        assert item.state == "refused" and expected in item.reason_text(), (case.name, item.reason_text())
    # Nothing but the batch's own record of itself was written.
    assert set(changed_tables(before, records_state())) <= BATCH_TABLES


def test_a_folder_of_bad_files_stops_none_of_the_good_ones(corpus, seeds_held):
    folder = next(iter(corpus.values())).parent
    out = StringIO()
    call_command("import_documents", str(folder), "--json", "--now", stdout=out, stderr=StringIO())
    lines = {json.loads(line)["file"].rsplit("/", 1)[-1]: json.loads(line) for line in out.getvalue().splitlines()}
    # A folder is walked for regular files (and links to them) with a page's suffix.
    walked = {
        case.name for case in MALFORMED
        if case.kind in ("file", "symlink") and Path(case.name).suffix.lower() in PAGE_SUFFIXES
    }
    assert set(lines) == walked
    # The Big5 page as HTML is the same article as big5.txt, imported just before it.
    outcome = {**{name: case.outcome for name, case in BY_NAME.items()}, "big5_declared_gb2312.html": "duplicate"}
    for name, line in lines.items():
        assert line["status"] == outcome[name], (name, line["error"])
    created = Document.objects.filter(source_file__startswith=str(folder))
    assert sorted(d.source_file.rsplit("/", 1)[-1] for d in created) == sorted(
        name for name in walked if outcome[name] == "ok"
    )


def test_markup_that_never_closes_is_read_in_linear_time(corpus):
    """``<a`` half a million times: Python's HTMLParser alone takes hours over it."""
    started = time.monotonic()
    result = document_import(raw=corpus["tag_soup.html"].read_bytes(), filename="tag_soup.html", dry_run=True)
    assert result.status == "error"
    assert time.monotonic() - started < 10

