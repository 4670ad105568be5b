"""Two of issue 15's analyst questions, answered through the pages on the demo data:

- "How did bureaus in Hebei grade their replies?": /proposals/grades/?region=13, read the table,
  follow a count to the list it counts.
- "What did this proposal ask, and what was promised?": Handan's suggestion 76 shows its subject,
  its grade, the targets read from the reply with their progress, the figures, the promises, and
  the reply's text with those sentences marked.

Screenshots of both pages at 1280 and 375 px go to screenshots/; at 375 px the page itself never
scrolls sideways (a wide table scrolls inside its frame).
"""
import pytest
from playwright.sync_api import expect

from apps.proposals.models import Proposal
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_screenshots import SCREENSHOTS

pytestmark = pytest.mark.browser

SCROLL_WIDTH = "document.documentElement.scrollWidth <= window.innerWidth"

# For each 40 px band of the page's main content that holds text: how far right of the content's left
# edge its leftmost text starts. A layout with an empty column on the left (a short panel beside a long
# text) starts the text far right in every band below the panel.
LEFTMOST_TEXT_BY_BAND = """() => {
  const main = document.querySelector("main");
  const box = main.getBoundingClientRect();
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT,
    {acceptNode: n => n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT});
  const bands = {};
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width === 0) continue;
      const band = Math.floor((rect.top + window.scrollY) / 40);
      const left = rect.left - box.left;
      bands[band] = Math.min(bands[band] ?? Infinity, left);
    }
  }
  return {width: box.width, lefts: Object.values(bands)};
}"""


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.evaluate("document.fonts.ready")
    page.screenshot(path=SCREENSHOTS / f"{name}-{page.viewport_size['width']}.png", full_page=True)


def zh_page(browser, site, viewport):
    context = browser.new_context(base_url=site, viewport=viewport, locale="zh-CN")
    return context, context.new_page()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_how_did_bureaus_in_hebei_grade_their_replies(browser, site, viewport):
    context, page = zh_page(browser, site, viewport)
    try:
        page.goto("/proposals/")
        page.get_by_role("link", name="各地区、各年份答复的办理结果统计").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("答复办理结果：全国")
        page.goto("/proposals/grades/?region=13")
        expect(page.get_by_role("heading", level=1)).to_have_text("答复办理结果：河北省")

        by_place = page.get_by_role("table", name="各地区答复的办理结果")
        headers = by_place.locator("thead th")
        expect(headers).to_have_text(["地区", "A", "B", "C", "D", "未给出", "合计"])
        handan = by_place.get_by_role("row").filter(has=page.get_by_role("rowheader", name="邯郸市"))
        expect(handan.locator("td")).to_have_text(["0", "1", "0", "0", "0", "1"])
        expect(by_place.locator("tfoot td")).to_have_text(["0", "1", "0", "0", "0", "1"])
        by_year = page.get_by_role("table", name="各年答复的办理结果")
        expect(by_year.get_by_role("row").filter(has=page.get_by_role("rowheader", name="2018"))
               .locator("td")).to_have_text(["0", "1", "0", "0", "0", "1"])
        assert page.evaluate(SCROLL_WIDTH), "the grades page scrolls sideways"
        screenshot(page, "proposal-grades-hebei")

        handan.get_by_role("link", name="1").first.click()
        expect(page).to_have_url("/proposals/?region=130400&result_code=B")
        rows = page.locator("table.records tbody tr")
        expect(rows).to_have_count(1)
        expect(rows).to_contain_text("赵强")
        expect(rows).to_contain_text("关于均衡城乡教育资源,组建全市大教育集团网的建议")
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_what_did_suggestion_76_ask_and_what_was_promised(browser, site, viewport):
    proposal = Proposal.objects.get(number="76")
    context, page = zh_page(browser, site, viewport)
    try:
        page.goto(f"/proposals/{proposal.pk}/")
        asked = page.get_by_role("region", name="所提问题")
        expect(asked).to_contain_text("均衡城乡教育资源、集团化办学")
        expect(asked).to_contain_text("赵强")
        expect(page.get_by_role("region", name="办理结果")).to_contain_text("B 列入计划拟解决")
        expect(page.get_by_role("region", name="办理经过")).to_contain_text("2018-07-26")

        targets = page.get_by_role("region", name="答复中的目标")
        target = targets.get_by_role("listitem").first
        expect(target).to_contain_text("15%")
        expect(target.locator(".badge")).to_have_text("未到期")
        expect(page.get_by_role("region", name="答复中的观测值")).to_contain_text("437个")
        promises = page.get_by_role("region", name="承诺与兑现").get_by_role("listitem")
        expect(promises.first).to_be_visible()

        text = page.locator(".reply__text")
        expect(text.locator("mark.quote--target")).to_have_count(1)
        expect(text.locator("mark.quote--commitment")).to_have_count(promises.count())
        assert text.locator("mark.quote--observation").count() >= 1
        # From the target to its sentence in the reply.
        target.get_by_role("link", name="原文位置").click()
        expect(text.locator("mark.quote--target")).to_be_in_viewport()
        expect(text.locator("mark.quote--target")).to_contain_text("15%")

        assert page.evaluate(SCROLL_WIDTH), "the proposal page scrolls sideways"
        if viewport is DESKTOP:
            bands = page.evaluate(LEFTMOST_TEXT_BY_BAND)
            far_right = [left for left in bands["lefts"] if left > 0.3 * bands["width"]]
            assert len(far_right) <= 0.1 * len(bands["lefts"]), "text starts right of an empty column"
        page.evaluate("window.scrollTo(0, 0)")
        screenshot(page, "proposal-76-asked-promised")
    finally:
        context.close()
