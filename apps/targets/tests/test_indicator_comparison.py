"""``/indicators/<id>/?region=<code>`` and ``?regions=a,b``: the regions compared on one indicator,
a table region × year with targets beside observations, a chart readable on a phone, CSV/XLSX."""
import datetime
import re
from decimal import Decimal

import pytest

from apps.regions.tests.factories import CountyFactory, PrefectureFactory
from apps.targets.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory
from apps.web.tests.support import csv_rows, page, xlsx_rows

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def judged_in_december_2026(settings):
    settings.PROGRESS_TODAY = datetime.date(2026, 12, 2)


@pytest.fixture
def coverage():
    """普惠性幼儿园覆盖率 in 钟楼区 (observed 2021, 2023; ≥92% by 2025) and 溧阳市 (≥90% by 2030), and 江宁区."""
    city = PrefectureFactory(code="320400", name="常州市")
    zhonglou = CountyFactory(code="320404", name="钟楼区", parent=city)
    liyang = CountyFactory(code="320481", name="溧阳市", parent=city)
    jiangning = CountyFactory()
    indicator = IndicatorFactory(name="普惠性幼儿园覆盖率（测试）", unit="%")
    ObservationFactory(indicator=indicator, region=zhonglou, value=Decimal("88"), observed_on=datetime.date(2021, 12, 31))
    ObservationFactory(indicator=indicator, region=zhonglou, value=Decimal("93.5"), observed_on=datetime.date(2023, 6, 30))
    TargetFactory(indicator=indicator, region=zhonglou, value=Decimal("92"), deadline_year=2025)
    TargetFactory(indicator=indicator, region=liyang, value=Decimal("90"), deadline_year=2030)
    TargetFactory(indicator=indicator, region=jiangning, value=Decimal("95"), deadline_year=2025)
    return indicator


def comparison_rows(html: str) -> list[list[str]]:
    body = re.search(r'<table class="records comparison-table">.*?<tbody>(.*?)</tbody>', html, re.S).group(1)
    return [
        [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell)).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_a_region_compares_everything_under_it_by_year(client, coverage):
    rows = comparison_rows(page(client, f"/indicators/{coverage.pk}/?region=3204"))
    assert rows == [
        ["钟楼区", "2021", "—", "88% 2021-12-31"],
        ["钟楼区", "2023", "—", "93.5% 2023-06-30"],
        ["钟楼区", "2025", "≥92% 已达成", "—"],
        ["溧阳市", "2030", "≥90% 未到期", "—"],
    ]


def test_chosen_regions_compare_only_those(client, coverage):
    rows = comparison_rows(page(client, f"/indicators/{coverage.pk}/?regions=320481,320115"))
    assert [row[0] for row in rows] == ["江宁区", "溧阳市"]


def test_the_chart_draws_each_regions_observations_and_marks_each_target(client, coverage):
    html = page(client, f"/indicators/{coverage.pk}/?region=3204")
    chart = re.search(r'<figure class="chart chart--compact">.*?</figure>', html, re.S).group(0)
    assert 'viewBox="0 0 360 240"' in chart and "单位：%" in chart
    assert chart.count('<rect class="target-mark"') == 2 and chart.count("<circle") == 2
    assert "钟楼区 目标 ≥92% (2025)" in chart and "溧阳市 目标 ≥90% (2030)" in chart
    assert "<polyline" in chart and "江宁区" not in chart
    assert re.search(r'<text class="chart-tick"[^>]*>2021</text>', chart)


def test_the_table_exports_as_csv_and_xlsx(client, coverage):
    rows = csv_rows(client.get(f"/indicators/{coverage.pk}/?region=3204&format=csv"))
    assert rows[0] == ["地区", "行政区划代码", "年份", "目标", "观测值"]
    assert rows[1] == ["钟楼区", "320404", "2021", "", "88%（2021-12-31）"]
    assert rows[3] == ["钟楼区", "320404", "2025", "≥92%（已达成）", ""]
    sheet = xlsx_rows(client.get(f"/indicators/{coverage.pk}/?region=3204&format=xlsx"))
    assert sheet[0] == rows[0] and len(sheet) == len(rows)


@pytest.mark.parametrize(("query", "message"), [
    ("region=32a", "请填写2到6位行政区划代码"),
    ("regions=3204", "六位行政区划代码"),
    ("regions=320404,999999", "没有这些行政区划：999999"),
    ("region=32&regions=320404", "只能填一项"),
])
def test_a_malformed_choice_of_regions_is_a_clear_error(client, coverage, query, message):
    html = page(client, f"/indicators/{coverage.pk}/?{query}", status=400)
    assert message in html
    assert 'class="records comparison-table"' not in html


def test_the_scorecard_follows_the_region(client, coverage):
    html = page(client, f"/indicators/{coverage.pk}/?region=3204")
    assert f'href="/targets/?region=3204&amp;indicator={coverage.pk}"><span class="scorecard__number">2</span>' in html


def test_without_a_choice_the_page_asks_for_regions_to_compare(client, coverage):
    html = page(client, f"/indicators/{coverage.pk}/")
    assert "选择地区后" in html and 'class="records comparison-table"' not in html
    assert '<figure class="chart chart--compact">' not in html


def test_the_sentences_table_shows_the_first_hundred_and_links_to_the_rest(client, coverage, monkeypatch):
    monkeypatch.setattr("apps.targets.views.DETAIL_ROWS_SHOWN", 2)
    html = page(client, f"/indicators/{coverage.pk}/?region=3204")
    assert "共 4 条，这里列出前 2 条。" in html
    assert f'href="/targets/?indicator={coverage.pk}&amp;region=3204">在目标表中查看全部目标' in html


def test_a_busy_indicator_shows_its_first_regions_and_says_so(client, coverage, monkeypatch):
    monkeypatch.setattr("apps.targets.selectors.MAX_PAGE_REGIONS", 1)
    html = page(client, f"/indicators/{coverage.pk}/?region=3204")
    assert "只列出按行政区划代码排在前面的 1 个地区" in html
    assert html.count('class="bar-group"') == 1
    rows = csv_rows(client.get(f"/indicators/{coverage.pk}/?region=3204&format=csv"))
    assert len({row[1] for row in rows[1:]}) > 1  # the export still has every region


def test_a_crowded_year_shows_its_first_targets_and_links_to_the_rest(client, coverage, monkeypatch):
    monkeypatch.setattr("apps.targets.comparison.TARGETS_PER_ROW", 2)
    zhonglou = coverage.targets.get(deadline_year=2025, region__code="320404").region
    for value in ("94", "95"):
        TargetFactory(indicator=coverage, region=zhonglou, value=Decimal(value), deadline_year=2025)
    html = page(client, f"/indicators/{coverage.pk}/?region=3204")
    row = next(row for row in comparison_rows(html) if row[:2] == ["钟楼区", "2025"])
    assert row[2].count("≥") == 2 and "另有 1 个目标" in row[2]
    assert f'href="/targets/?indicator={coverage.pk}&amp;region=320404&amp;deadline_year=2025">在目标表中查看' in html
    rows = csv_rows(client.get(f"/indicators/{coverage.pk}/?region=3204&format=csv"))
    exported = next(row for row in rows if row[:3] == ["钟楼区", "320404", "2025"])
    assert exported[3].count("≥") == 3  # the export keeps every target


def test_a_target_restated_by_several_documents_is_marked_once_on_the_chart(client, coverage):
    zhonglou = coverage.targets.get(deadline_year=2025, region__code="320404").region
    TargetFactory(indicator=coverage, region=zhonglou, value=Decimal("92"), deadline_year=2025)
    chart = re.search(r'<figure class="chart chart--compact">.*?</figure>',
                      page(client, f"/indicators/{coverage.pk}/?region=3204"), re.S).group(0)
    assert chart.count('<rect class="target-mark"') == 2
    assert "钟楼区 目标 ≥92% (2025)" in chart
