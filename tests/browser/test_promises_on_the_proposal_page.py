"""An analyst opens Handan's suggestion 76 and reads what the bureau promised, where each promise
stands, and the evidence a curator attached (a later report written for this test)."""
import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.commitments.models import Commitment, Fulfilment
from apps.curation.models import CurationStatus
from apps.documents.models import Document
from apps.proposals.models import Proposal
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_screenshots import SCREENSHOTS

pytestmark = pytest.mark.browser
LATER_REPORT = "2019年,全市新组建紧密型教育集团12个,托管新建学校9所。"


@pytest.fixture
def suggestion_76(site):
    proposal = Proposal.objects.get(number="76")
    report = Document.objects.create(
        title="邯郸市2019年教育工作总结(测试)", doc_type="work_report", raw_text=LATER_REPORT, clean_text=LATER_REPORT,
        publish_date=datetime.date(2020, 1, 15), status=CurationStatus.PUBLISHED,
    )
    kept = Commitment.objects.get(reply__proposal=proposal, summary__startswith="兼并薄弱学校")
    Commitment.objects.filter(pk=kept.pk).update(
        fulfilment=Fulfilment.PARTLY_KEPT, evidence_document=report, evidence_quote=LATER_REPORT,
        fulfilment_set_at=timezone.now(),
    )
    return proposal


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_each_promise_shows_its_state_and_evidence(browser, site, suggestion_76, viewport):
    context = browser.new_context(base_url=site, viewport=viewport, locale="zh-CN")
    try:
        page = context.new_page()
        page.goto(f"/proposals/{suggestion_76.pk}/")
        promised = page.get_by_role("region", name="承诺与兑现")
        items = promised.locator("li")
        expect(items).to_have_count(Commitment.objects.filter(reply__proposal=suggestion_76).count())
        kept = items.filter(has_text="兼并薄弱学校")
        expect(kept).to_contain_text("部分兑现")
        expect(kept).to_contain_text(LATER_REPORT)
        expect(kept.get_by_role("link", name="邯郸市2019年教育工作总结(测试)")).to_be_visible()
        expect(items.filter(has_text="探索按办学体制")).to_contain_text("进行中")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        SCREENSHOTS.mkdir(exist_ok=True)
        page.evaluate("document.fonts.ready")
        page.screenshot(path=SCREENSHOTS / f"proposal-76-promises-{viewport['width']}.png", full_page=True)
    finally:
        context.close()
