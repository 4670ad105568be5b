"""Pages imported by address: the worker fetches each from a real HTTP server on this machine, and
refuses, with the reason on the item and nothing saved, what it must not fetch or cannot read."""
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from apps.documents.models import Document
from apps.ingest.batches import batch_create, item_import
from apps.ingest.models import ImportBatch, ImportItem, ItemState
from apps.ingest.tests.batch_helpers import run_database_worker, seed
from tests.servers import Page, page_server

pytestmark = pytest.mark.django_db
URL = "/admin/import/"
PAGE = seed("002")  # a reply letter as captured text
HTML = seed("003")  # a reply letter as a saved web page
PDF = Path(__file__).parent / "files" / "hailing_tasks.pdf"


@pytest.fixture
def fetch_here(settings):
    """The test server sits on 127.0.0.1: that one address is let through, nothing else inside."""
    settings.IMPORT_FETCH_ALLOW_PRIVATE_NETWORKS = ["127.0.0.1/32"]
    settings.IMPORT_FETCH_TIMEOUT_SECONDS = 2
    return settings


def imported(*urls: str) -> list[ImportItem]:
    """A batch of the addresses, read by a worker; its items, in order."""
    batch = batch_create(urls=urls, enqueue=False)
    for item_id in batch.items.filter(state=ItemState.WAITING).values_list("pk", flat=True):
        item_import(item_id=item_id)
    return list(batch.items.order_by("position"))


def test_a_curator_pastes_addresses_and_gets_drafts_whose_source_is_the_address(
    curator_client, fetch_here, django_capture_on_commit_callbacks,
):
    pages = {"/reply.html": Page(HTML, "text/html; charset=utf-8"), "/letter": Page(PAGE, "text/plain; charset=utf-8")}
    with page_server(pages) as base:
        addresses = [f"{base}/reply.html", f"{base}/letter"]
        with django_capture_on_commit_callbacks(execute=True):
            response = curator_client.post(URL, {"urls": "\n".join(addresses) + "\n\n"})
        assert response.status_code == 302
        batch = ImportBatch.objects.get()
        assert [item.url for item in batch.items.all()] == addresses
        run_database_worker()
    page = curator_client.get(response["Location"]).content.decode()
    assert "已完成 2/2，出错 0 个。" in page
    documents = Document.objects.order_by("pk")
    assert [d.source_url for d in documents] == addresses
    for document in documents:
        assert reverse("review_document", args=[document.pk]) in page
    assert "对人大076号建议的答复" in documents[0].title


def test_a_redirect_within_the_rules_is_followed_and_the_given_address_kept(fetch_here):
    pages = {"/old": Page(b"", status=301, headers=(("Location", "/new.txt"),)), "/new.txt": Page(PAGE, "text/plain")}
    with page_server(pages) as base:
        [item] = imported(f"{base}/old")
    assert item.state == ItemState.DONE
    assert item.document.source_url == f"{base}/old"


def test_a_host_name_is_fetched_from_the_address_checked_under_its_own_name(settings):
    # The socket goes to the IP address that was checked; the server still sees the host's name.
    settings.IMPORT_FETCH_ALLOW_PRIVATE_NETWORKS = ["127.0.0.1/32", "::1/128"]
    requests = []
    with page_server({"/letter.txt": Page(PAGE, "text/plain")}, requests) as base:
        port = base.rsplit(":", 1)[1]
        [item] = imported(f"http://localhost:{port}/letter.txt")
    assert item.state == ItemState.DONE, item.reason_text()
    assert requests == [("/letter.txt", f"localhost:{port}")]


def test_a_pdf_sent_as_bare_bytes_is_read_by_its_address_suffix(fetch_here):
    with page_server({"/tasks.pdf": Page(PDF.read_bytes(), "application/octet-stream")}) as base:
        [item] = imported(f"{base}/tasks.pdf")
    assert item.state == ItemState.DONE, item.reason_text()
    assert item.document.source_url == f"{base}/tasks.pdf"


def refused(item: ImportItem, words: str) -> None:
    assert item.state == ItemState.REFUSED, item.reason_text()
    assert words in item.reason_text(), item.reason_text()
    assert Document.objects.count() == 0


def test_an_address_on_this_machine_is_refused_unless_a_setting_allows_it(settings):
    settings.IMPORT_FETCH_ALLOW_PRIVATE_NETWORKS = []
    with page_server({"/letter.txt": Page(PAGE, "text/plain")}) as base:
        [item] = imported(f"{base}/letter.txt")
        refused(item, "指向内部网络地址 127.0.0.1")
        [named] = imported(f"http://localhost:{base.rsplit(':', 1)[1]}/letter.txt")
        refused(named, "内部网络地址")


@pytest.mark.parametrize("address", ["http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://224.0.0.1/"])
def test_private_link_local_loopback_and_multicast_addresses_are_refused(settings, address):
    settings.IMPORT_FETCH_ALLOW_PRIVATE_NETWORKS = []
    [item] = imported(address)
    refused(item, "内部网络地址")


def test_a_redirect_to_a_private_address_is_refused(fetch_here):
    pages = {"/jump": Page(b"", status=302, headers=(("Location", "http://127.0.0.2:9/secret"),))}
    with page_server(pages) as base:
        [item] = imported(f"{base}/jump")
    refused(item, "指向内部网络地址 127.0.0.2")


def test_a_redirect_to_another_scheme_is_refused(fetch_here):
    pages = {"/jump": Page(b"", status=302, headers=(("Location", "file:///etc/passwd"),))}
    with page_server(pages) as base:
        [item] = imported(f"{base}/jump")
    refused(item, "只导入 http:// 或 https:// 开头的网址")


def test_endless_redirects_stop_at_the_hop_limit(fetch_here):
    fetch_here.IMPORT_FETCH_MAX_REDIRECTS = 3
    pages = {"/a": Page(b"", status=302, headers=(("Location", "/b"),)), "/b": Page(b"", status=302, headers=(("Location", "/a"),))}
    with page_server(pages) as base:
        [item] = imported(f"{base}/a")
    refused(item, "重定向次数太多：超过 3 次")


@pytest.mark.parametrize("address", ["ftp://example.org/page.html", "file:///etc/passwd", "javascript:alert(1)", "example.org/page"])
def test_an_address_that_is_not_http_is_refused_before_any_worker(address):
    batch = batch_create(urls=[address], enqueue=False)
    item = batch.items.get()
    refused(item, "只导入 http:// 或 https:// 开头的网址")


def test_a_page_slower_than_the_timeout_is_refused(fetch_here):
    fetch_here.IMPORT_FETCH_TIMEOUT_SECONDS = 1
    with page_server({"/slow": Page(PAGE, "text/plain", delay=3)}) as base:
        [item] = imported(f"{base}/slow")
    refused(item, "抓取超时：1 秒内没有取完")


@pytest.mark.parametrize("declared", [True, False], ids=["with Content-Length", "without"])
def test_a_page_over_the_size_limit_is_refused(fetch_here, declared):
    fetch_here.IMPORT_MAX_BYTES = 10_000
    with page_server({"/big.txt": Page(PAGE * 20, "text/plain", declared_length=declared)}) as base:
        [item] = imported(f"{base}/big.txt")
    refused(item, "网页太大：超过 10,000 字节")


def test_a_content_type_the_importer_does_not_read_is_refused(fetch_here):
    with page_server({"/logo": Page(b"\x89PNG\r\n\x1a\n", "image/png")}) as base:
        [item] = imported(f"{base}/logo")
    refused(item, "不支持的内容类型 “image/png”")


def test_an_error_page_is_refused_with_its_status(fetch_here):
    with page_server({}) as base:
        [item] = imported(f"{base}/gone")
    refused(item, "服务器回答 HTTP 404")


def test_a_refused_address_reads_in_english_on_the_batch_page(curator_client, settings):
    settings.IMPORT_FETCH_ALLOW_PRIVATE_NETWORKS = []
    [item] = imported("http://10.0.0.1/")
    curator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = curator_client.get(reverse("ingest_import_batch", args=[item.batch_id])).content.decode()
    assert "internal network address 10.0.0.1" in page


def test_a_preview_does_not_fetch_addresses(curator_client):
    response = curator_client.post(URL, {"urls": "http://example.org/a.html", "dry_run": "on"})
    assert response.status_code == 200
    assert "预览只读上传的文件" in response.content.decode()
    assert ImportBatch.objects.count() == 0


def test_the_command_reads_a_file_of_addresses_into_a_batch(fetch_here, tmp_path, django_capture_on_commit_callbacks):
    with page_server({"/letter.txt": Page(PAGE, "text/plain"), "/logo": Page(b"GIF89a", "image/gif")}) as base:
        listing = tmp_path / "addresses.txt"
        listing.write_text(f"# bureau pages\n{base}/letter.txt\n\n{base}/logo\nftp://example.org/x\n", encoding="utf-8")
        err = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("import_documents", "--urls", str(listing), stdout=io.StringIO(), stderr=err)
        batch = ImportBatch.objects.get()
        assert f"导入批次 {batch.pk}:3 个文件，2 个已排队" in err.getvalue()
        run_database_worker()
    states = list(batch.items.order_by("position").values_list("state", flat=True))
    assert states == [ItemState.DONE, ItemState.REFUSED, ItemState.REFUSED]
    assert Document.objects.get().source_url == f"{base}/letter.txt"


def test_the_command_fetches_here_with_now(fetch_here, tmp_path):
    with page_server({"/letter.txt": Page(PAGE, "text/plain")}) as base:
        listing = tmp_path / "addresses.txt"
        listing.write_text(f"{base}/letter.txt\n", encoding="utf-8")
        out = io.StringIO()
        call_command("import_documents", "--urls", str(listing), "--now", "--json", stdout=out, stderr=io.StringIO())
    [line] = [json.loads(line) for line in out.getvalue().splitlines()]
    assert line["state"] == ItemState.DONE and line["file"] == f"{base}/letter.txt"
    assert Document.objects.get(pk=line["document_id"]).source_url == f"{base}/letter.txt"


def test_the_command_says_when_the_address_file_is_empty(tmp_path):
    listing = tmp_path / "addresses.txt"
    listing.write_text("# nothing yet\n\n", encoding="utf-8")
    with pytest.raises(CommandError, match="中没有网址"):
        call_command("import_documents", "--urls", str(listing), stdout=io.StringIO(), stderr=io.StringIO())
    assert ImportBatch.objects.count() == 0
