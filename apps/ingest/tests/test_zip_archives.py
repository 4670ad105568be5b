"""A .zip of pages: one batch item per file in it, within limits; a crafted archive refused with a reason."""
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from apps.documents.models import Document
from apps.ingest.archives import zip_pages
from apps.ingest.batches import batch_create
from apps.ingest.models import ImportBatch
from apps.ingest.tests.batch_helpers import run_database_worker, seed

pytestmark = pytest.mark.django_db


def zip_of(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def read_batch(files, capture) -> dict[str, tuple[str, str]]:
    with capture(execute=True):
        batch = batch_create(files=files)
    run_database_worker()
    return {item.name: (item.state, item.reason_text()) for item in batch.items.all()}


def test_each_page_in_a_zip_becomes_an_item_and_a_draft(django_capture_on_commit_callbacks):
    archive = zip_of({"江宁/000.txt": seed("000"), "003.txt": seed("003"), "表.xlsx": b"PK", "说明/": b""})
    items = read_batch([("pages.zip", archive)], django_capture_on_commit_callbacks)
    assert items["pages.zip/江宁/000.txt"][0] == items["pages.zip/003.txt"][0] == "done"
    assert items["pages.zip/表.xlsx"] == ("refused", "不支持的文件类型 “.xlsx”：可导入 .txt、.html、.htm、.docx、.pdf 文件及其 .zip 压缩包")
    assert len(items) == 3 and Document.objects.count() == 2


def test_names_from_chinese_windows_are_read_as_gbk():
    # What a Chinese Windows zip holds: the name in GBK, without the UTF-8 flag. Written with an
    # ASCII name of the same length, then its bytes swapped (names are not checksummed).
    gbk_name = "答复.txt".encode("gbk")
    raw = zip_of({"ABCD.txt": seed("003")}).replace(b"ABCD.txt", gbk_name)
    assert [name for name, _content in zip_pages("a.zip", raw)] == ["a.zip/答复.txt"]


@pytest.mark.parametrize(("members", "reason"), [
    ({"../../etc/cron.d/evil.txt": seed("000")}, "ZIP 中的路径不安全（绝对路径或含 ..）：../../etc/cron.d/evil.txt"),
    ({"/etc/passwd.txt": seed("000")}, "ZIP 中的路径不安全"),
    ({"zeros.txt": b"0" * (20 * 1024 * 1024)}, "疑似 ZIP 炸弹"),
    ({"inner.zip": zip_of({"a.txt": seed("000")})}, "ZIP 中的 ZIP 不会展开"),
])
def test_a_crafted_member_is_refused_with_its_reason_and_saves_nothing(members, reason, django_capture_on_commit_callbacks):
    items = read_batch([("crafted.zip", zip_of(members))], django_capture_on_commit_callbacks)
    ((state, text),) = items.values()
    assert state == "refused" and reason in text
    assert Document.objects.count() == 0


def test_too_many_files_refuse_the_whole_archive(settings, django_capture_on_commit_callbacks):
    settings.IMPORT_ZIP_MAX_FILES = 3
    archive = zip_of({f"{n}.txt": seed("000") for n in range(4)})
    items = read_batch([("many.zip", archive)], django_capture_on_commit_callbacks)
    assert items == {"many.zip": ("refused", "ZIP 压缩包里的文件太多：4 个，上限是 3 个")}
    assert Document.objects.count() == 0


def test_too_many_bytes_once_unpacked_refuse_the_whole_archive(settings, django_capture_on_commit_callbacks):
    settings.IMPORT_ZIP_MAX_UNPACKED_BYTES = 10_000
    archive = zip_of({"000.txt": seed("000"), "001.txt": seed("001")})
    items = read_batch([("big.zip", archive)], django_capture_on_commit_callbacks)
    assert items["big.zip"][0] == "refused" and "ZIP 压缩包解压后太大" in items["big.zip"][1]
    assert Document.objects.count() == 0


def test_a_damaged_archive_is_refused(django_capture_on_commit_callbacks):
    items = read_batch([("broken.zip", b"PK\x03\x04 broken")], django_capture_on_commit_callbacks)
    assert items == {"broken.zip": ("refused", "ZIP 压缩包已损坏，无法打开")}


def test_the_admin_takes_a_zip(curator_client, django_capture_on_commit_callbacks):
    archive = zip_of({"000.txt": seed("000"), "001.txt": seed("001")})
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post("/admin/import/", {"files": [SimpleUploadedFile("pages.zip", archive)]})
    assert response.status_code == 302
    run_database_worker()
    assert list(ImportBatch.objects.get().items.values_list("state", flat=True)) == ["done", "done"]


def test_the_command_reads_a_zip_now(tmp_path):
    (tmp_path / "pages.zip").write_bytes(zip_of({"000.txt": seed("000"), "x.xlsx": b"PK"}))
    out = io.StringIO()
    call_command("import_documents", str(tmp_path), "--now", stdout=out, stderr=io.StringIO())
    assert "2 个文件：1 个已创建，0 个重复，1 个出错。" in out.getvalue()
    assert Document.objects.count() == 1
