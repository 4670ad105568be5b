"""``manage.py import_documents``: folders and files, dry runs as JSON lines, one bad file among good ones."""
import json
import shutil

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from apps.demo.seeds.schema import RAW_DIR
from apps.documents.models import Document
from apps.targets.models import Target

from .test_pipeline import assert_shape

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("import_documents", *map(str, args), *([] if "--dry-run" in args else ["--now"]), stdout=out, stderr=StringIO())
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
    assert "5 个文件：5 个已创建，0 个重复，0 个出错。" in first
    assert Document.objects.count() == 5 and Target.objects.count() == 28
    second = run(pages)
    assert "5 个文件：0 个已创建，5 个重复，0 个出错。" in second
    for document in Document.objects.all():  # each duplicate names the document holding it
        assert f"{document.source_file}:已收录为文件 {document.pk} “{document.title}”，未创建" in second
    assert Document.objects.count() == 5


def test_the_lines_and_the_summary_read_in_english_through_the_locale(pages):
    with translation.override("en"):
        output = run(pages, "--dry-run")
    assert "5 files: 5 would be created, 0 duplicates, 0 errors." in output


def test_a_bad_file_is_reported_and_the_others_still_import(pages, settings):
    (pages / "empty.txt").write_bytes(b"")
    (pages / "archive.txt").write_bytes(b"PK\x03\x04" + b"\x00" * 50)
    (pages / "huge.html").write_bytes(b"a" * 2048)
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    pages_big = pages / "huge.html"
    pages_big.write_bytes("到2025年覆盖率将达到60%以上。".encode() * 60000)
    lines = [json.loads(line) for line in run(pages, "--json").splitlines()]
    by_name = {line["file"].rsplit("/", 1)[-1]: line for line in lines}
    assert by_name["empty.txt"]["error"] == "文件是空的"
    assert "ZIP 压缩包" in by_name["archive.txt"]["error"]
    assert "文件太大" in by_name["huge.html"]["error"]
    assert sum(line["status"] == "ok" for line in lines) == 5
    assert Document.objects.count() == 5


def test_the_same_page_twice_in_one_dry_run_is_a_duplicate(tmp_path):
    for name in ("a.txt", "b.htm"):
        (tmp_path / name).write_bytes((RAW_DIR / "002_309da62706959858.txt").read_bytes())
    lines = [json.loads(line) for line in run(tmp_path / "a.txt", tmp_path / "b.htm", "--dry-run", "--json").splitlines()]
    assert [line["status"] for line in lines] == ["ok", "duplicate"]
    assert lines[1]["error"] == f"与本次导入中较早的文件 {tmp_path / 'a.txt'} 是同一页面"


def test_the_same_article_in_another_encoding_in_one_dry_run_is_a_duplicate(tmp_path):
    text = (RAW_DIR / "002_309da62706959858.txt").read_text()
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_bytes(("\n\n".join(text.splitlines()) + "\n").encode("gb18030"))
    lines = [json.loads(line) for line in run(tmp_path, "--dry-run", "--json").splitlines()]
    assert [line["status"] for line in lines] == ["ok", "duplicate"]
    assert Document.objects.count() == 0


def test_a_file_of_another_type_named_directly_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04")
    line = json.loads(run(path, "--dry-run", "--json"))
    assert line["status"] == "error" and "不支持的文件类型 “.xlsx”" in line["error"]


def test_paths_with_no_pages_are_an_error(tmp_path):
    with pytest.raises(CommandError, match="没有可导入的文件"):
        run(tmp_path)
    with pytest.raises(CommandError, match="没有这个文件"):
        run(tmp_path / "missing.txt")
