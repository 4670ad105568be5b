"""The admin's "Import pages" form: a curator uploads several files, follows the batch the workers
read to links to each draft's review; others may not."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from apps.demo.seeds.schema import RAW_DIR
from apps.documents.models import Document
from apps.ingest.models import ImportBatch
from apps.ingest.tests.batch_helpers import run_database_worker

pytestmark = pytest.mark.django_db
URL = "/admin/import/"


def upload(name, raw):
    return SimpleUploadedFile(name, raw, content_type="text/plain")


def post_and_read(client, files, capture_on_commit):
    """Upload, land on the batch page, let a worker read the batch; the batch page then."""
    with capture_on_commit(execute=True):  # the jobs are enqueued once the batch is committed
        response = client.post(URL, {"files": files})
    assert response.status_code == 302
    batch = ImportBatch.objects.latest("pk")
    assert response["Location"] == reverse("ingest_import_batch", args=[batch.pk])
    run_database_worker()
    return client.get(response["Location"]).content.decode()


def test_curator_uploads_two_pages_and_gets_links_to_their_review(curator_client, django_capture_on_commit_callbacks):
    files = [
        upload("000.txt", (RAW_DIR / "000_bfc45f867f23e2c2.txt").read_bytes()),
        upload("003.txt", (RAW_DIR / "003_52d8804a3cf02937.txt").read_bytes()),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(URL, {"files": files})
    assert response.status_code == 302 and Document.objects.count() == 0
    waiting = curator_client.get(response["Location"]).content.decode()
    assert '<progress value="0" max="2">' in waiting and "等待中" in waiting
    assert '<meta http-equiv="refresh"' in waiting

    run_database_worker()

    page = curator_client.get(response["Location"]).content.decode()
    assert Document.objects.count() == 2
    for document in Document.objects.all():
        assert reverse("review_document", args=[document.pk]) in page
    assert '<progress value="2" max="2">' in page and "已完成 2/2，出错 0 个。" in page
    assert '<meta http-equiv="refresh"' not in page


def test_duplicates_and_bad_files_are_listed_with_their_reason(curator_client, django_capture_on_commit_callbacks):
    raw = (RAW_DIR / "002_309da62706959858.txt").read_bytes()
    post_and_read(curator_client, [upload("002.txt", raw)], django_capture_on_commit_callbacks)
    held = Document.objects.get()
    page = post_and_read(curator_client, [
        upload("002-again.txt", raw.decode().encode("gb18030")), upload("empty.txt", b""),
        upload("sheet.xlsx", b"PK\x03\x04"),
    ], django_capture_on_commit_callbacks)
    link = reverse("admin:documents_document_change", args=[held.pk])
    assert f'<a href="{link}">已收录为文件 {held.pk} “{held.title}”</a>' in page
    assert "文件是空的" in page
    assert "不支持的文件类型 “.xlsx”" in page
    assert "已完成 3/3，出错 2 个。" in page
    assert Document.objects.count() == 1


def test_dry_run_from_the_admin_saves_nothing(curator_client):
    raw = (RAW_DIR / "001_af0b095c7b96bd7e.txt").read_bytes()
    response = curator_client.post(URL, {"files": [upload("001.txt", raw)], "dry_run": "on"})
    assert "可导入（预览）" in response.content.decode()
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


def test_a_draft_shows_the_curator_what_was_read_and_from_which_sentence(curator_client, django_capture_on_commit_callbacks):
    raw = (RAW_DIR / "003_52d8804a3cf02937.txt").read_bytes()
    post_and_read(curator_client, [upload("003.txt", raw)], django_capture_on_commit_callbacks)
    document = Document.objects.get()
    page = curator_client.get(reverse("admin:documents_document_change", args=[document.pk])).content.decode()
    assert "2018年726" in page  # the import warnings, above the fields
    assert "县域内符合交流条件的骨干教师每年参与交流的比例不低于符合交流条件的骨干教师总数的15%" in page
    assert "紧密型教育集团181个" in page
    assert "0.90" in page  # the target's confidence


def test_a_batch_can_be_cancelled_and_then_reads_nothing(curator_client, django_capture_on_commit_callbacks):
    raw = (RAW_DIR / "001_af0b095c7b96bd7e.txt").read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        batch_url = curator_client.post(URL, {"files": [upload("001.txt", raw)]})["Location"]
    batch = ImportBatch.objects.get()
    page = curator_client.post(reverse("ingest_import_batch_cancel", args=[batch.pk]), follow=True).content.decode()
    assert "已取消批次，1 个等待中的文件不再读取。" in page and "已取消" in page
    run_database_worker()
    assert Document.objects.count() == 0
    assert '<meta http-equiv="refresh"' not in curator_client.get(batch_url).content.decode()


def test_a_failed_item_is_retried_from_the_batch_page(curator_client, django_capture_on_commit_callbacks):
    raw = (RAW_DIR / "001_af0b095c7b96bd7e.txt").read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        curator_client.post(URL, {"files": [upload("001.txt", raw)]})
    item = ImportBatch.objects.get().items.get()
    # A worker that met an unforeseen error (the database went away) recorded the item failed.
    item.state, item.reason = "failed", {"message": "读取时出错：%(reason)s", "values": {"reason": "OperationalError"}}
    item.save()
    page = curator_client.get(item.batch.get_absolute_url()).content.decode()
    assert "读取时出错：OperationalError" in page and reverse("ingest_import_item_retry", args=[item.pk]) in page

    with django_capture_on_commit_callbacks(execute=True):
        curator_client.post(reverse("ingest_import_item_retry", args=[item.pk]))
    run_database_worker()

    item.refresh_from_db()
    assert item.state == "done" and Document.objects.count() == 1


def test_a_finished_item_cannot_be_retried(curator_client, django_capture_on_commit_callbacks):
    raw = (RAW_DIR / "001_af0b095c7b96bd7e.txt").read_bytes()
    post_and_read(curator_client, [upload("001.txt", raw)], django_capture_on_commit_callbacks)
    item = ImportBatch.objects.get().items.get()
    page = curator_client.post(reverse("ingest_import_item_retry", args=[item.pk]), follow=True).content.decode()
    assert "不能重试" in page and Document.objects.count() == 1


def test_the_batch_list_shows_progress_and_links_to_each_batch(curator_client, django_capture_on_commit_callbacks):
    raw = (RAW_DIR / "001_af0b095c7b96bd7e.txt").read_bytes()
    post_and_read(curator_client, [upload("001.txt", raw), upload("x.doc", b"x")], django_capture_on_commit_callbacks)
    batch = ImportBatch.objects.get()
    page = curator_client.get(reverse("admin:ingest_importbatch_changelist")).content.decode()
    assert batch.get_absolute_url() in page and "2/2" in page


def test_a_batch_page_is_for_staff_who_may_import_only(client, reader_client, django_user_model):
    batch = ImportBatch.objects.create()
    url = batch.get_absolute_url()
    assert "/admin/login/" in client.get(url)["Location"]
    assert "/admin/login/" in reader_client.get(url)["Location"]
    client.force_login(django_user_model.objects.create_user("viewer", password="x", is_staff=True))
    assert client.get(url).status_code == 403
    assert client.post(reverse("ingest_import_batch_cancel", args=[batch.pk])).status_code == 403


@pytest.fixture
def language_restored(settings):
    """The request leaves its language active in this thread; the tests after this one read Chinese."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def test_the_batch_page_reads_in_english_too(
    curator_client, settings, django_capture_on_commit_callbacks, language_restored,
):
    curator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = post_and_read(curator_client, [upload("empty.txt", b"")], django_capture_on_commit_callbacks)
    assert "1/1 done, 1 errors." in page and "refused" in page and "The batch is finished." in page


def test_more_files_than_one_upload_takes_are_refused_with_the_reason_and_nothing_imported(curator_client, settings):
    settings.IMPORT_MAX_FILES, settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3, 4
    files = [upload(f"{n}.txt", f"第{n}页".encode()) for n in range(6)]
    # As a browser sends it: the form's CSRF token first, then the files; the check still applies.
    curator_client.handler.enforce_csrf_checks = True
    token = curator_client.get(URL).context["csrf_token"]
    response = curator_client.post(URL, {"csrfmiddlewaretoken": str(token), "files": files})
    assert response.status_code == 200
    assert "一次最多上传 3 个文件，这次选了更多，一个也没有导入" in response.content.decode()
    assert ImportBatch.objects.count() == 0 and Document.objects.count() == 0


def test_as_many_files_as_the_limit_make_a_batch(curator_client, settings, django_capture_on_commit_callbacks):
    settings.IMPORT_MAX_FILES, settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3, 4
    files = [upload(f"{n}.txt", f"第{n}页".encode()) for n in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(URL, {"files": files})
    assert response.status_code == 302
    assert ImportBatch.objects.get().items.count() == 3


def test_an_upload_still_needs_its_csrf_token(curator_client):
    curator_client.handler.enforce_csrf_checks = True
    response = curator_client.post(URL, {"files": [upload("a.txt", b"x")]})
    assert response.status_code == 403 and ImportBatch.objects.count() == 0
