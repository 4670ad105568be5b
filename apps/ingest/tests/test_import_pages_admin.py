"""The admin's "Import pages" form: a curator uploads several files; others may not."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.demo.seeds.schema import RAW_DIR
from apps.documents.models import Document

pytestmark = pytest.mark.django_db
URL = "/admin/import/"


def upload(name, raw):
    return SimpleUploadedFile(name, raw, content_type="text/plain")


def test_curator_uploads_two_pages_and_gets_links_to_their_review(curator_client):
    files = [
        upload("000.txt", (RAW_DIR / "000_bfc45f867f23e2c2.txt").read_bytes()),
        upload("003.txt", (RAW_DIR / "003_52d8804a3cf02937.txt").read_bytes()),
    ]
    response = curator_client.post(URL, {"files": files})
    assert response.status_code == 200
    assert Document.objects.count() == 2
    for document in Document.objects.all():
        assert reverse("review_document", args=[document.pk]) in response.content.decode()
    assert "已创建草稿" in response.content.decode()


def test_duplicates_and_bad_files_are_listed_with_their_reason(curator_client):
    raw = (RAW_DIR / "002_309da62706959858.txt").read_bytes()
    curator_client.post(URL, {"files": [upload("002.txt", raw)]})
    held = Document.objects.get()
    response = curator_client.post(URL, {"files": [
        upload("002-again.txt", raw.decode().encode("gb18030")), upload("empty.txt", b""), upload("scan.pdf", b"%PDF-1.4"),
    ]})
    page = response.content.decode()
    link = reverse("admin:documents_document_change", args=[held.pk])
    assert f'<a href="{link}">已收录为文件 {held.pk} “{held.title}”</a>' in page
    assert "文件是空的" in page
    assert "不支持的文件类型 “.pdf”" in page
    assert Document.objects.count() == 1


def test_dry_run_from_the_admin_saves_nothing(curator_client):
    raw = (RAW_DIR / "001_af0b095c7b96bd7e.txt").read_bytes()
    response = curator_client.post(URL, {"files": [upload("001.txt", raw)], "dry_run": "on"})
    assert "可导入(预览)" in response.content.decode()
    assert Document.objects.count() == 0


def test_the_form_asks_for_at_least_one_file(curator_client):
    response = curator_client.post(URL, {})
    assert response.status_code == 200 and response.context["form"].errors


def test_staff_without_the_add_permission_are_refused(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("viewer", password="x", is_staff=True))
    assert client.get(URL).status_code == 403


def test_readers_are_sent_to_the_login(reader_client):
    assert "/admin/login/" in reader_client.get(URL)["Location"]


def test_anonymous_visitors_are_sent_to_the_login(client):
    assert "/admin/login/" in client.get(URL)["Location"]


def test_the_documents_changelist_offers_the_import_button(curator_client):
    page = curator_client.get(reverse("admin:documents_document_changelist")).content.decode()
    assert URL in page and "导入页面" in page


def test_a_draft_shows_the_curator_what_was_read_and_from_which_sentence(curator_client):
    raw = (RAW_DIR / "003_52d8804a3cf02937.txt").read_bytes()
    curator_client.post(URL, {"files": [upload("003.txt", raw)]})
    document = Document.objects.get()
    page = curator_client.get(reverse("admin:documents_document_change", args=[document.pk])).content.decode()
    assert "2018年726" in page  # the import warnings, above the fields
    assert "县域内符合交流条件的骨干教师每年参与交流的比例不低于符合交流条件的骨干教师总数的15%" in page
    assert "紧密型教育集团181个" in page
    assert "0.90" in page  # the target's confidence
