"""``/indicators/``: every indicator with its definition, unit, direction, level and themes, and how
many targets and observations it has in how many regions; filtered, searched, exported."""
import datetime
from decimal import Decimal

import pytest

from apps.curation.models import CurationStatus
from apps.initiatives.models import Theme
from apps.initiatives.tests.factories import InitiativeFactory
from apps.regions.tests.factories import CountyFactory, PrefectureFactory
from apps.targets.models import Indicator
from apps.targets.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory
from apps.web.tests.support import csv_rows, page, table_rows, xlsx_rows

pytestmark = pytest.mark.django_db

# Count, page; the figures (two grouped queries) until remembered.
CATALOGUE_PAGE_QUERIES = 4


@pytest.fixture
def recorded():
    """学前教育毛入园率 in the catalogue with targets in two counties and an observation in a third;
    艺术特色项目和精品社团数 made by the importer, with one published target and one draft."""
    jiangning = CountyFactory()
    zhonglou = CountyFactory(code="320404", name="钟楼区", parent=PrefectureFactory(code="320400", name="常州市"))
    liyang = CountyFactory(code="320481", name="溧阳市", parent=zhonglou.parent)
    enrolment = Indicator.objects.get(code="preschool_gross_enrolment")  # shipped in the catalogue
    universal = InitiativeFactory(name="学前教育普及普惠", theme=Theme.PRESCHOOL)
    TargetFactory(indicator=enrolment, region=jiangning, initiative=universal, value=Decimal("95"))
    TargetFactory(indicator=enrolment, region=zhonglou, value=Decimal("97"))
    ObservationFactory(indicator=enrolment, region=liyang, value=Decimal("96"),
                       observed_on=datetime.date(2022, 12, 31))
    places = IndicatorFactory(name="艺术特色项目和精品社团数", unit="个")
    TargetFactory(indicator=places, region=zhonglou)
    TargetFactory(indicator=places, region=liyang, status=CurationStatus.DRAFT)
    return {"enrolment": enrolment, "places": places}


def row_of(rows: list[str], name: str) -> str:
    (row,) = [row for row in rows if row.startswith(name)]
    return row


def test_each_indicator_shows_what_it_is_and_how_much_is_recorded_where(client, recorded):
    enrolment = row_of(table_rows(page(client, "/indicators/?q=学前教育毛入园率")), "学前教育毛入园率")
    assert enrolment.split()[1:] == [
        "目录", "学前三年在园幼儿数占3-5周岁适龄人口的比例。", "%", "越高越好", "学前教育", "学前教育", "2", "1", "3",
    ]
    # The draft target in 溧阳市 counts for nobody but curators.
    places = row_of(table_rows(page(client, "/indicators/?q=艺术特色项目和精品社团数")), "艺术特色项目和精品社团数")
    assert places.split()[1:] == ["—", "个", "—", "—", "—", "1", "0", "1"]


def test_a_place_counts_once_and_a_record_without_one_counts_as_a_record(client):
    county = CountyFactory()
    ratio = IndicatorFactory(name="测试指标：教师学历达标率", unit="%")
    TargetFactory(indicator=ratio, region=county, value=Decimal("90"))
    TargetFactory(indicator=ratio, region=None, value=Decimal("92"))
    ObservationFactory(indicator=ratio, region=county, value=Decimal("88"), observed_on=datetime.date(2023, 12, 31))
    row = row_of(table_rows(page(client, "/indicators/?q=教师学历达标率")), "测试指标：教师学历达标率")
    assert row.split()[-3:] == ["2", "1", "1"]


def test_a_curator_counts_the_draft_too(curator_client, recorded):
    rows = table_rows(page(curator_client, "/indicators/?q=艺术特色项目和精品社团数"))
    assert row_of(rows, "艺术特色项目和精品社团数").split()[-3:] == ["2", "0", "2"]


def test_each_indicator_links_to_its_page_and_its_targets(client, recorded):
    html = page(client, "/indicators/?q=毛入园率")
    pk = recorded["enrolment"].pk
    assert f'href="/indicators/{pk}/"' in html
    assert f'href="/targets/?indicator={pk}">2</a>' in html


@pytest.mark.parametrize(("query", "found"), [
    ("q=学前三年幼儿教育毛入园率", True),  # an alias
    ("q=3-5周岁适龄人口", True),  # the definition
    ("q=精品社团", False),
    ("level=preschool", True),
    ("level=compulsory", False),
    ("direction=higher&level=preschool", True),
    ("direction=lower", False),
])
def test_filter_and_search(client, recorded, query, found):
    names = [row.split()[0] for row in table_rows(page(client, f"/indicators/?{query}"))]
    assert names and ("学前教育毛入园率" in names) is found


def test_a_theme_finds_the_indicators_of_its_initiatives_targets(client, recorded):
    assert [row.split()[0] for row in table_rows(page(client, "/indicators/?theme=preschool"))] == ["学前教育毛入园率"]
    assert table_rows(page(client, "/indicators/?theme=teachers")) == []


@pytest.mark.parametrize("query", ["level=kindergarten", "direction=up", "theme=x", "ordering=size"])
def test_a_malformed_filter_is_a_clear_error(client, recorded, query):
    html = page(client, f"/indicators/?{query}", status=400)
    assert "筛选条件有误" in html


def test_csv_and_xlsx_carry_the_counts(client, recorded):
    rows = csv_rows(client.get("/indicators/?theme=preschool&format=csv"))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert (record["指标"], record["单位"], record["方向"], record["学段"], record["主题"]) == (
        "学前教育毛入园率", "%", "越高越好", "学前教育", "学前教育",
    )
    assert (record["目标数"], record["观测值数"], record["地区数"]) == ("2", "1", "3")
    assert record["网页链接"].endswith(f"/indicators/{recorded['enrolment'].pk}/")
    sheet = xlsx_rows(client.get("/indicators/?theme=preschool&format=xlsx"))
    assert sheet[0] == rows[0] and sheet[1][7:10] == [2, 1, 3]


def test_the_page_runs_a_fixed_number_of_queries(client, recorded, django_assert_max_num_queries):
    with django_assert_max_num_queries(CATALOGUE_PAGE_QUERIES):
        page(client, "/indicators/")
    for number in range(5):
        TargetFactory(indicator=IndicatorFactory(name=f"指标{number}"), region=CountyFactory())
    with django_assert_max_num_queries(CATALOGUE_PAGE_QUERIES):
        page(client, "/indicators/")
    assert Indicator.objects.count() >= 7


def test_the_catalogue_reads_in_english(client, recorded):
    html = client.get("/en/indicators/?q=学前教育毛入园率").content.decode()
    assert "Indicator catalogue" in html and ">Catalogue</span>" in html and "Regions</th>" in html
