"""Targets counted by progress: the block on the home, region, document and indicator pages, and
``/targets/scorecard/`` (children of a region × progress, with totals, CSV and Excel)."""
import datetime
import re
from decimal import Decimal

import pytest

from apps.curation.models import CurationStatus
from apps.documents.tests.factories import DocumentFactory
from apps.regions.tests.factories import CountyFactory, PrefectureFactory
from apps.targets.models import Comparator
from apps.targets.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory
from apps.web.tests.support import csv_rows, page, table_rows, text_of, xlsx_rows

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 2)
# The chosen region, the grouped counts, its children; the region select's options until remembered.
SCORECARD_PAGE_QUERIES = 4


@pytest.fixture(autouse=True)
def judged_in_december_2026(settings):
    settings.PROGRESS_TODAY = TODAY


@pytest.fixture
def changzhou():
    """Under 常州市: 钟楼区 with one target in each state, 溧阳市 with two unverified, one draft."""
    city = PrefectureFactory(code="320400", name="常州市")
    zhonglou = CountyFactory(code="320404", name="钟楼区", parent=city)
    liyang = CountyFactory(code="320481", name="溧阳市", parent=city)
    document = DocumentFactory()
    for name, deadline, observed in [
        ("已达成指标", 2030, "70"), ("推进中指标", 2030, "50"), ("逾期指标", 2022, "50"),
        ("未核实指标", 2022, None), ("未到期指标", 2030, None),
    ]:
        indicator = IndicatorFactory(name=name)
        TargetFactory(indicator=indicator, region=zhonglou, value=Decimal("60"), deadline_year=deadline,
                      source_document=document)
        if observed:
            ObservationFactory(indicator=indicator, region=zhonglou, value=Decimal(observed))
    places = IndicatorFactory(name="新增学位数", unit="个")
    TargetFactory.create_batch(2, indicator=places, region=liyang, comparator=Comparator.EQ, deadline_year=2022)
    TargetFactory(indicator=places, region=liyang, deadline_year=2022, status=CurationStatus.DRAFT)
    return {"city": city, "zhonglou": zhonglou, "liyang": liyang, "document": document, "places": places}


def scorecard_counts(html: str) -> dict[str, tuple[int, str]]:
    """The scorecard block's ``label: (count, link)``."""
    block = re.search(r'<section class="scorecard".*?</section>', html, re.S).group(0)
    found = re.findall(r'<a href="([^"]+)"><span class="scorecard__number">(\d+)</span> '
                       r'<span class="scorecard__label">([^<]+)</span>', block)
    return {label: (int(count), url.replace("&amp;", "&")) for url, count, label in found}


def test_the_table_counts_each_child_by_progress_with_totals(client, changzhou):
    html = page(client, "/targets/scorecard/?region=320400&deadline_year=&theme=")
    rows = table_rows(html)
    assert rows == ["钟楼区 1 1 1 1 1 5", "溧阳市 0 0 0 2 0 2"]
    footer = text_of(re.search(r"<tfoot>.*?</tfoot>", html, re.S).group(0)).split()
    assert footer == ["合计", "1", "1", "1", "3", "1", "7"]
    assert "目标进展表：常州市" in text_of(html)


def test_every_count_links_to_a_list_of_that_many_targets(client, changzhou):
    html = page(client, "/targets/scorecard/?region=3204")
    links = re.findall(r'<td data-label="[^"]+" class="number"><a href="([^"]+)">(\d+)</a>', html)
    assert len(links) == 6 + 2 + 6  # 钟楼区: every state and total; 溧阳市: unverified and total; totals
    for url, count in links:
        assert len(table_rows(page(client, url.replace("&amp;", "&")))) == int(count), url


def test_deadline_year_narrows_the_table(client, changzhou):
    rows = table_rows(page(client, "/targets/scorecard/?region=320400&deadline_year=2030"))
    assert rows == ["钟楼区 1 1 0 0 1 3", "溧阳市 0 0 0 0 0 0"]


def test_a_curator_counts_drafts_a_visitor_never_does(client, curator_client, changzhou):
    assert "溧阳市 0 0 0 2 0 2" in table_rows(page(client, "/targets/scorecard/?region=3204"))
    assert "溧阳市 0 0 0 3 0 3" in table_rows(page(curator_client, "/targets/scorecard/?region=3204"))


def test_without_a_region_the_rows_are_provinces(client, changzhou):
    assert table_rows(page(client, "/targets/scorecard/")) == ["江苏省 1 1 1 3 1 7"]


def test_a_citys_own_targets_have_a_row_of_their_own(client, changzhou):
    TargetFactory(indicator=changzhou["places"], region=changzhou["city"], deadline_year=2030)
    assert "常州市本级 0 0 0 0 1 1" in table_rows(page(client, "/targets/scorecard/?region=3204"))


@pytest.mark.parametrize(("query", "message"), [
    ("deadline_year=abc", "输入整数"), ("region=99", "没有这个行政区划"), ("region=江苏", ""), ("theme=x", ""),
])
def test_a_malformed_filter_is_a_clear_error(client, changzhou, query, message):
    html = page(client, f"/targets/scorecard/?{query}", status=400)
    assert "筛选条件有误" in html and message in html


def test_csv_and_xlsx_hold_the_table_and_its_totals(client, changzhou):
    rows = csv_rows(client.get("/targets/scorecard/?region=3204&format=csv"))
    assert rows[0] == ["地区", "行政区划代码", "已达成", "推进中", "逾期未达成", "到期未核实", "未到期", "合计"]
    assert rows[1:] == [
        ["钟楼区", "320404", "1", "1", "1", "1", "1", "5"],
        ["溧阳市", "320481", "0", "0", "0", "2", "0", "2"],
        ["合计", "", "1", "1", "1", "3", "1", "7"],
    ]
    sheet = xlsx_rows(client.get("/targets/scorecard/?region=3204&format=xlsx"))
    assert sheet[0] == rows[0]
    assert [str(value or "") for value in sheet[-1]] == rows[-1]


def test_the_table_runs_a_fixed_number_of_queries(client, changzhou, django_assert_max_num_queries):
    with django_assert_max_num_queries(SCORECARD_PAGE_QUERIES):
        page(client, "/targets/scorecard/?region=3204")
    TargetFactory.create_batch(5, indicator=changzhou["places"], region=changzhou["liyang"])
    with django_assert_max_num_queries(SCORECARD_PAGE_QUERIES):
        page(client, "/targets/scorecard/?region=3204")


def test_the_region_page_counts_what_lies_under_it(client, changzhou):
    counts = scorecard_counts(page(client, "/regions/320400/"))
    assert counts["到期未核实"] == (3, "/targets/?region=320400&progress=unverified")
    assert counts["全部目标"] == (7, "/targets/?region=320400")
    assert scorecard_counts(page(client, "/regions/320481/"))["全部目标"][0] == 2


def test_the_home_page_counts_all_of_china(client, changzhou):
    counts = scorecard_counts(page(client, "/"))
    assert counts["已达成"] == (1, "/targets/?progress=achieved")
    assert counts["全部目标"] == (7, "/targets/")


def test_the_document_page_counts_the_documents_targets(client, changzhou):
    counts = scorecard_counts(page(client, f"/documents/{changzhou['document'].pk}/"))
    pk = changzhou["document"].pk
    assert counts["全部目标"] == (5, f"/targets/?document={pk}")
    assert counts["推进中"] == (1, f"/targets/?document={pk}&progress=on_track")
    assert len(table_rows(page(client, f"/targets/?document={pk}&progress=on_track"))) == 1


def test_the_indicator_page_counts_the_indicators_targets(client, changzhou):
    pk = changzhou["places"].pk
    counts = scorecard_counts(page(client, f"/indicators/{pk}/"))
    assert counts["到期未核实"] == (2, f"/targets/?indicator={pk}&progress=unverified")
    assert counts["全部目标"] == (2, f"/targets/?indicator={pk}")


def test_the_table_and_the_block_read_in_english(client, changzhou):
    html = client.get("/en/targets/scorecard/?region=3204").content.decode()
    assert "Target scorecard: 常州市" in html and ">Unverified</th>" in html and ">Total</th>" in html
    home = client.get("/en/").content.decode()
    assert '<span class="scorecard__label">All targets</span>' in home
    # Its counts link to the English list, and the Chinese home page's (remembered apart) to the Chinese.
    assert 'href="/en/targets/?progress=unverified"' in home
    home = client.get("/").content.decode()
    assert 'href="/targets/?progress=unverified"' in home and "/en/targets/" not in home
