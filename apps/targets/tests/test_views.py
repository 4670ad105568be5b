"""The targets table and the indicator page, over the demo data and over factory rows."""
import datetime

import pytest

from apps.curation.models import CurationStatus
from apps.targets.models import Indicator
from apps.targets.tests.factories import ObservationFactory, TargetFactory
from apps.web.tests.support import csv_rows, demo, page, table_rows, text_of, xlsx_rows  # noqa: F401

pytestmark = pytest.mark.django_db

# Queries for one page of the targets table, whatever its length (sidebar choices included).
# With nothing remembered yet (apps.curation.memo): two counts decide the indicator and initiative selects.
TARGET_LIST_QUERIES = 7
INDICATOR_PAGE_QUERIES = 9  # the indicator, its first regions (two), their targets and observations, two totals, + the scorecard's two
SCHOOL_PLACES_IN_CHANGZHOU_2022 = "/targets/?region=320400&deadline_year=2022&q=学位"


@pytest.mark.usefixtures("demo")
class TestOverDemo:
    @pytest.fixture(autouse=True)
    def judged_in_december_2026(self, settings):
        settings.PROGRESS_TODAY = datetime.date(2026, 12, 2)

    def test_every_2022_target_for_school_places_in_changzhou_is_zhonglou_2800(self, client):
        rows = table_rows(page(client, SCHOOL_PLACES_IN_CHANGZHOU_2022))
        assert len(rows) == 1
        assert "新增学位数" in rows[0] and "钟楼区" in rows[0] and "2800" in rows[0] and "2022" in rows[0]

    def test_the_same_answer_through_the_indicator_filter(self, client):
        indicator = Indicator.objects.get(name="新增学位数")
        rows = table_rows(page(client, f"/targets/?region=3204&indicator={indicator.pk}"))
        assert len(rows) == 1 and "钟楼区" in rows[0]

    def test_the_quote_matching_q_is_marked(self, client):
        assert "新增<mark>学位</mark>2800个" in page(client, SCHOOL_PLACES_IN_CHANGZHOU_2022)

    def test_progress_is_a_readable_badge(self, client):
        html = page(client, "/targets/?region=320115")
        # Jiangning's 2025 coverage target: due, and no later figure was published.
        assert 'class="badge badge--unverified">到期未核实</span>' in html

    def test_a_region_filter_takes_everything_under_it(self, client):
        rows = table_rows(page(client, "/targets/?region=32"))
        assert len(rows) == 1 + 4 + 11 + 7  # 江宁区, 钟楼区, 溧阳市, 海陵区
        assert not any("邯郸市" in row for row in rows)

    def test_sorting_by_value_descending(self, client):
        html = page(client, "/targets/?region=320404&ordering=-value")
        values = [row.split()[2] for row in table_rows(html)]
        assert values[0] == "=2800个"
        assert 'aria-sort="descending"' in html

    def test_sort_headers_keep_the_filters(self, client):
        html = page(client, "/targets/?region=320404&deadline_year=2022")
        assert 'href="?region=320404&amp;deadline_year=2022&amp;ordering=indicator"' in html

    def test_csv_and_xlsx_carry_the_filtered_rows(self, client):
        rows = csv_rows(client.get(SCHOOL_PLACES_IN_CHANGZHOU_2022 + "&format=csv"))
        header, (row,) = rows[0], rows[1:]
        assert header[:3] == ["指标", "地区", "行政区划代码"]
        record = dict(zip(header, row, strict=True))
        assert record["指标"] == "新增学位数" and record["地区"] == "钟楼区" and record["截止年份"] == "2022"
        assert record["数值"] == "2800" and record["进展"] == "到期未核实"
        sheet = xlsx_rows(client.get(SCHOOL_PLACES_IN_CHANGZHOU_2022 + "&format=xlsx"))
        assert sheet[0] == header
        assert len(sheet) == 2 and sheet[1][0] == "新增学位数" and sheet[1][4] == 2800
        assert isinstance(sheet[1][4], int)  # a number the spreadsheet can sum, written as people write it

    def test_indicator_page_compares_regions_in_a_table_and_an_svg_chart(self, client):
        indicator = Indicator.objects.get(name="校园文化先进单位占比")
        html = page(client, f"/indicators/{indicator.pk}/")
        assert '<svg role="img"' in html and "<title id=\"bar-chart-title\">" in html and "<desc" in html
        assert "≥70%" in html and "50%" in html
        text = text_of(html)
        assert "目标" in text and "观测值" in text

    def test_indicator_page_of_an_unknown_indicator_is_404(self, client):
        page(client, "/indicators/999999/", status=404)


def test_indicator_page_draws_one_group_per_region_and_a_timeline(client):
    target = TargetFactory(region__code="320115")
    ObservationFactory(indicator=target.indicator, value=40, observed_on="2020-06-30")
    ObservationFactory(indicator=target.indicator, value=50, observed_on="2022-06-30")
    html = page(client, f"/indicators/{target.indicator_id}/")
    assert html.count('class="bar bar--observed"') == 1 and html.count('class="bar bar--target"') == 1
    assert "<polyline" in html and "2020" in html and "2022" in html


def test_a_draft_target_is_hidden_from_anonymous_and_shown_to_a_curator(client, curator_client):
    TargetFactory(status=CurationStatus.DRAFT, quote="草稿里的目标语句")
    assert "草稿里的目标语句" not in page(client, "/targets/")
    assert "草稿里的目标语句" in page(curator_client, "/targets/")


@pytest.mark.parametrize("rows", [1, 20])
def test_the_targets_table_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, rows):
    TargetFactory.create_batch(rows)
    with django_assert_max_num_queries(TARGET_LIST_QUERIES):
        html = page(client, "/targets/")
    assert len(table_rows(html)) == rows


@pytest.mark.parametrize("rows", [1, 20])
def test_the_indicator_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, rows):
    targets = TargetFactory.create_batch(rows)
    ObservationFactory.create_batch(rows, indicator=targets[0].indicator)
    with django_assert_max_num_queries(INDICATOR_PAGE_QUERIES):
        page(client, f"/indicators/{targets[0].indicator_id}/")
