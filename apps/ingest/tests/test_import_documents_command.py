"""``manage.py import_documents``: folders and files, dry runs as JSON lines, one bad file among good ones."""
import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from apps.demo.seeds.schema import RAW_DIR
from apps.documents.models import Document
from apps.targets.models import Target

from .test_pipeline import assert_shape

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("import_documents", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def pages(tmp_path):
    folder = tmp_path / "pages"
    shutil.copytree(RAW_DIR, folder)
    (folder / "notes.md").write_text("not a page")  # not a page suffix: skipped in a folder
    return folder


def test_dry_run_json_prints_one_line_per_file_and_writes_nothing(pages):
    output = run(pages, "--dry-run", "--json")
    lines = [json.loads(line) for line in output.splitlines()]
    assert [line["file"].rsplit("/", 1)[-1] for line in lines] == sorted(p.name for p in RAW_DIR.iterdir())
    for line in lines:
        assert_shape(line)
    assert {line["status"] for line in lines} == {"ok"}
    assert Document.objects.count() == 0


def test_import_creates_drafts_and_a_second_run_reports_duplicates(pages):
    first = run(pages)
    assert "5 files: 5 created, 0 duplicates, 0 errors." in first
    assert Document.objects.count() == 5 and Target.objects.count() == 28
    second = run(pages)
    assert "5 files: 0 created, 5 duplicates, 0 errors." in second
    assert second.count("already imported as document") == 5
    assert Document.objects.count() == 5


def test_a_bad_file_is_reported_and_the_others_still_import(pages, settings):
    (pages / "empty.txt").write_bytes(b"")
    (pages / "archive.txt").write_bytes(b"PK\x03\x04" + b"\x00" * 50)
    (pages / "huge.html").write_bytes(b"a" * 2048)
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    pages_big = pages / "huge.html"
    pages_big.write_bytes("到2025年覆盖率将达到60%以上。".encode() * 60000)
    lines = [json.loads(line) for line in run(pages, "--json").splitlines()]
    by_name = {line["file"].rsplit("/", 1)[-1]: line for line in lines}
    assert by_name["empty.txt"]["error"] == "file is empty"
    assert "ZIP archive" in by_name["archive.txt"]["error"]
    assert "too large" in by_name["huge.html"]["error"]
    assert sum(line["status"] == "ok" for line in lines) == 5
    assert Document.objects.count() == 5


def test_the_same_page_twice_in_one_dry_run_is_a_duplicate(tmp_path):
    for name in ("a.txt", "b.htm"):
        (tmp_path / name).write_bytes((RAW_DIR / "002_309da62706959858.txt").read_bytes())
    lines = [json.loads(line) for line in run(tmp_path / "a.txt", tmp_path / "b.htm", "--dry-run", "--json").splitlines()]
    assert [line["status"] for line in lines] == ["ok", "duplicate"]


def test_a_file_of_another_type_named_directly_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "page.pdf"
    path.write_bytes(b"%PDF-1.4")
    line = json.loads(run(path, "--dry-run", "--json"))
    assert line["status"] == "error" and "unsupported file type" in line["error"]


def test_paths_with_no_pages_are_an_error(tmp_path):
    with pytest.raises(CommandError, match="no .txt"):
        run(tmp_path)
    with pytest.raises(CommandError, match="no such file"):
        run(tmp_path / "missing.txt")
