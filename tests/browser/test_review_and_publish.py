"""A curator imports one reply letter and publishes everything read from it from one review
page: four actions from the import page to "all published" (docs/web.md counts them)."""
import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from apps.curation.models import CurationStatus
from apps.documents.models import Document
from apps.proposals.models import Reply
from apps.review.tests.pages import REPLY_LETTER
from apps.targets.models import Observation, Target
from tests.browser.conftest import DESKTOP
from tests.browser.test_screenshots import SCREENSHOTS

pytestmark = pytest.mark.browser


@pytest.fixture
def curator_page(browser, site, curator):
    client = Client()
    client.force_login(curator)
    context = browser.new_context(base_url=site, viewport=DESKTOP, locale="zh-CN")
    context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": site,
    }])
    yield context.new_page()
    context.close()


def test_import_review_and_publish_everything_in_four_actions(curator_page, import_worker, tmp_path):
    page = curator_page
    letter = tmp_path / "reply-letter.txt"
    letter.write_text(REPLY_LETTER, encoding="utf-8")
    actions = 0

    page.goto("/admin/import/")
    page.set_input_files("input[name=files]", str(letter))
    actions += 1
    page.get_by_role("button", name="导入").click()
    actions += 1
    # The batch page follows the worker (it reloads itself) until the draft is ready.
    expect(page.locator("#batch-progress")).to_contain_text("已完成 1/1")
    page.locator("#batch-items").get_by_role("link", name="审核").click()
    actions += 1
    expect(page.locator("mark.quote--target").first).to_be_visible()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.evaluate("document.fonts.ready")
    page.screenshot(path=SCREENSHOTS / "admin-review-1280.png", full_page=True)
    page.get_by_role("button", name="全部发布").click()
    actions += 1

    expect(page.locator(".messagelist")).to_contain_text("已设为“已发布”")
    assert actions <= 6
    document = Document.objects.get(source_file="reply-letter.txt")
    reply = Reply.objects.select_related("proposal").get(document=document)
    drawn = [document, reply, reply.proposal, *Target.objects.filter(source_document=document),
             *Observation.objects.filter(source_document=document)]
    assert {record.status for record in drawn} == {CurationStatus.PUBLISHED}

    page.goto(f"/documents/{document.pk}/")
    expect(page.locator("body")).not_to_contain_text("没有从这份文件中读出目标")
