"""Two of an analyst's first questions, answered through the pages on the demo data, at a desk and on a phone.

1. "Which targets did Changzhou's districts set for 2022, and which were met?"
2. "Compare one indicator across regions."

Each page on the way is photographed at 1280 and 375 px into screenshots/ (``analyst-…``), and at
375 px the page itself never scrolls sideways: its tables are stacked cards, its charts fit.
"""
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, TIMEOUT_MS

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
CHANGZHOU_2022 = "region=320400&deadline_year=2022"
TIGHT_GROUPS = "义务教育紧密型集团化办学覆盖率"
PROGRESS = ["已达成", "推进中", "逾期未达成", "到期未核实", "未到期"]
# Each <text> of a chart at its size on the screen: the font's size times the SVG's scale.
CHART_TEXT_PX = """(figure) => {
  const svg = figure.querySelector("svg");
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
}"""


@pytest.fixture(params=[DESKTOP, PHONE], ids=["1280", "375"])
def analyst(request, browser, site):
    """A tab at a desk's or a phone's width, in a Chinese browser as the analysts use."""
    viewport = request.param
    context = browser.new_context(base_url=site, viewport=viewport, locale="zh-CN")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.viewport = viewport
    yield page
    context.close()


def photograph(page, name: str) -> None:
    """The whole page into screenshots/; at 375 px, first check that it does not scroll sideways."""
    width = page.viewport["width"]
    if width == PHONE["width"]:
        scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll_width <= inner_width, f"{page.url} is {scroll_width} px wide on a {inner_width} px screen"
    SCREENSHOTS.mkdir(exist_ok=True)
    page.evaluate("document.fonts.ready")
    page.screenshot(path=SCREENSHOTS / f"analyst-{name}-{width}.png", full_page=True)


def scorecard_cell(page, region: str, progress: str):
    """The count of ``progress`` in ``region``'s row, whether the row is a table row or a card."""
    row = page.locator("table.scorecard-table tr", has=page.get_by_role("rowheader", name=region, exact=True))
    return row.locator(f'td[data-label="{progress}"]')


def test_which_of_changzhous_2022_targets_were_met(analyst):
    page = analyst
    phone = page.viewport["width"] == PHONE["width"]

    # The home page counts every target in China by progress; the region page Changzhou's.
    page.goto("/")
    home_card = page.get_by_role("region", name=re.compile("目标进展"))
    expect(home_card.get_by_role("link", name=re.compile("到期未核实"))).to_be_visible()
    photograph(page, "home-scorecard")
    page.goto("/regions/320400/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("常州市")
    expect(page.get_by_role("region", name=re.compile("目标进展")).first).to_be_visible()
    photograph(page, "region-changzhou")

    # The 2022 targets of Changzhou and everything under it: fifteen, not one of them checked.
    page.goto(f"/targets/?{CHANGZHOU_2022}")
    results = page.get_by_role("region", name="结果")
    rows = results.locator("tbody tr")
    expect(rows).to_have_count(15)
    expect(results.locator(".badge--unverified")).to_have_count(15)
    if phone:
        # On a phone every row is a card that keeps every column, each cell named.
        first = rows.first
        for column in ["指标", "地区", "目标值", "截止年份", "进展", "原文语句", "来源文件"]:
            expect(first.locator(f'td[data-label="{column}"]')).to_be_visible()
        label = first.locator('td[data-label="进展"]').evaluate("td => getComputedStyle(td, '::before').content")
        assert label == '"进展"'
        # The filters wait behind their heading until asked for.
        filters = page.locator("details.filters-fold")
        expect(filters.get_by_label("地区")).to_be_hidden()
        filters.locator("summary").click()
        expect(filters.get_by_label("地区")).to_be_visible()
        expect(filters.get_by_label("截止年份", exact=True)).to_have_value("2022")
    photograph(page, "targets-changzhou-2022")

    # The scorecard counts them by district: Zhonglou 4 and Liyang 11, all due and unchecked, none met.
    page.goto(f"/targets/scorecard/?{CHANGZHOU_2022}")
    expect(page.get_by_role("heading", level=1)).to_have_text("目标进展表：常州市")
    expect(scorecard_cell(page, "钟楼区", "到期未核实")).to_have_text("4")
    expect(scorecard_cell(page, "溧阳市", "到期未核实")).to_have_text("11")
    expect(scorecard_cell(page, "合计", "到期未核实")).to_have_text("15")
    expect(scorecard_cell(page, "合计", "已达成")).to_have_text("0")
    expect(scorecard_cell(page, "合计", "合计")).to_have_text("15")
    if phone:
        # A district's row is a card listing every progress column by name.
        for progress in PROGRESS:
            expect(scorecard_cell(page, "溧阳市", progress)).to_be_visible()
    photograph(page, "target-scorecard-changzhou-2022")

    # Following Liyang's count lists exactly those eleven targets.
    scorecard_cell(page, "溧阳市", "到期未核实").get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/targets/\?region=320481&deadline_year=2022&progress=unverified$"))
    rows = page.get_by_role("region", name="结果").locator("tbody tr")
    expect(rows).to_have_count(11)
    for index in range(11):
        expect(rows.nth(index)).to_contain_text("溧阳市")
        expect(rows.nth(index)).to_contain_text("到期未核实")


def test_comparing_one_indicator_across_regions(analyst):
    page = analyst
    phone = page.viewport["width"] == PHONE["width"]

    # The catalogue: every indicator with what it measures and how much is known, searchable.
    page.goto("/indicators/")
    expect(page.get_by_role("heading", level=1)).to_have_text("指标目录")
    photograph(page, "indicator-catalogue")
    filters = page.locator("details.filters-fold")
    if phone:
        filters.locator("summary").click()
    filters.get_by_label("关键词").fill("集团化办学覆盖率")
    filters.get_by_role("button", name="应用筛选").click()
    results = page.get_by_role("region", name="结果")
    expect(results.get_by_role("link", name=TIGHT_GROUPS)).to_be_visible()
    row = results.locator("tbody tr", has=page.get_by_role("link", name=TIGHT_GROUPS))
    expect(row.locator('td[data-label="单位"]')).to_have_text("%")
    expect(row.locator('td[data-label="目标数"]')).to_have_text("1")
    row.get_by_role("link", name=TIGHT_GROUPS).click()

    # Its page: compare every region under Jiangsu (32).
    expect(page.get_by_role("heading", level=1)).to_have_text(TIGHT_GROUPS)
    comparison = page.get_by_role("region", name="地区对比")
    comparison.get_by_label("地区", exact=True).fill("32")
    comparison.get_by_role("button", name="对比").click()
    expect(page).to_have_url(re.compile(r"/indicators/\d+/\?region=32"))
    table = comparison.locator("table.comparison-table")
    jiangning = table.locator("tbody tr", has_text="江宁区")
    expect(jiangning.locator('td[data-label="年份"]')).to_have_text("2025")
    expect(jiangning.locator('td[data-label="目标"]')).to_contain_text("≥60%")
    expect(jiangning.locator('td[data-label="目标"]')).to_contain_text("到期未核实")

    # The chart: its unit on the axis, the target a mark at its deadline, every label 12 px or more.
    chart = comparison.locator("figure.chart")
    expect(chart.locator("svg text", has_text="单位：%")).to_have_count(1)
    expect(chart.locator("rect.target-mark")).to_have_count(1)
    for figure in page.locator("figure.chart").all():
        sizes = figure.evaluate(CHART_TEXT_PX)
        assert sizes and min(sizes) >= 12, f"chart labels of {min(sizes):.1f} px at {page.viewport['width']} px"
        box = figure.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport["width"]
    photograph(page, "indicator-compare-jiangsu")

    # A chosen list of regions works the same, and its table goes to a spreadsheet.
    page.goto(page.url.split("?")[0] + "?regions=320115,320404")
    expect(comparison.locator("table.comparison-table tbody tr", has_text="江宁区")).to_have_count(1)
    with page.expect_download() as download:
        comparison.get_by_role("link", name=re.compile("CSV")).click()
    assert download.value.suggested_filename.endswith(".csv")
    if phone:
        expect(table.locator("thead")).to_have_css("position", "absolute")
