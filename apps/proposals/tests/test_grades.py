"""``/proposals/grades/``: published replies counted by handling result, per child region and per year,
each count a link into the proposals list."""
import datetime
import re

import pytest

from apps.curation.models import CurationStatus
from apps.proposals.models import ProposalKind, ReplyKind
from apps.proposals.tests.factories import ProposalFactory, ReplyFactory
from apps.regions.tests.factories import (
    CountyFactory,
    PrefectureFactory,
    ProvinceFactory,
)
from apps.web.tests.support import csv_rows, page, table_rows, text_of, xlsx_rows

pytestmark = pytest.mark.django_db

# The chosen region, its children, the grouped count; the region select's options until remembered.
GRADES_PAGE_QUERIES = 4


def year(y: int) -> datetime.date:
    return datetime.date(y, 7, 1)


@pytest.fixture
def hebei():
    """Replies in Hebei: 邯郸市 B then a follow-up A, a reply with no result, an undated A; 石家庄市 C;
    the province's own B. Besides them, what never counts: a draft reply, a reply to a draft proposal,
    and Jiangsu's B outside the region."""
    province = ProvinceFactory(code="130000", name="河北省")
    handan = PrefectureFactory(code="130400", name="邯郸市", parent=province)
    shijiazhuang = PrefectureFactory(code="130100", name="石家庄市", parent=province)
    suggestion_76 = ProposalFactory(region=handan, kind=ProposalKind.SUGGESTION, number="76")
    ReplyFactory(proposal=suggestion_76, result_code="B", reply_date=year(2018))
    ReplyFactory(proposal=suggestion_76, result_code="A", reply_date=year(2019), reply_kind=ReplyKind.FOLLOW_UP)
    ReplyFactory(proposal=ProposalFactory(region=handan, number="80"), result_code="", reply_date=year(2019))
    ReplyFactory(proposal=ProposalFactory(region=handan, number="81"), result_code="A", reply_date=None)
    ReplyFactory(proposal=ProposalFactory(region=shijiazhuang, number="12"), result_code="C", reply_date=year(2018))
    ReplyFactory(proposal=ProposalFactory(region=province, number="3"), result_code="B", reply_date=year(2019))
    ReplyFactory(proposal=ProposalFactory(region=handan, number="90"), result_code="D", reply_date=year(2019),
                 status=CurationStatus.DRAFT)
    ReplyFactory(proposal=ProposalFactory(region=handan, number="91", status=CurationStatus.DRAFT),
                 result_code="D", reply_date=year(2019))
    ReplyFactory(proposal=ProposalFactory(region=CountyFactory()), result_code="B", reply_date=year(2022))
    return {"province": province, "handan": handan}


def tables(html: str) -> list[list[str]]:
    """Each grades table's rows (tbody, then the tfoot's total), as text."""
    found = []
    for table in re.findall(r"<table.*?</table>", html, re.S):
        body = table_rows(table)
        footer = text_of(re.search(r"<tfoot>(.*?)</tfoot>", table, re.S).group(1)).strip()
        found.append([*body, footer])
    return found


def linked_counts(html: str) -> list[tuple[str, int]]:
    return [(url.replace("&amp;", "&"), int(count))
            for url, count in re.findall(r'<td class="number" data-label="[^"]+"><a href="([^"]+)">(\d+)</a>', html)]


def test_hebei_counts_each_city_and_the_provinces_own_replies_by_result(client, hebei):
    html = page(client, "/proposals/grades/?region=13")
    by_place, by_year = tables(html)
    #                    A B C D 未给出 合计
    assert by_place == [
        "石家庄市 0 0 1 0 0 1",
        "邯郸市 2 1 0 0 1 4",
        "河北省本级 0 1 0 0 0 1",
        "合计 2 2 1 0 1 6",
    ]
    assert by_year == ["2018 0 1 1 0 0 2", "2019 1 1 0 0 1 3", "未注明日期 1 0 0 0 0 1", "合计 2 2 1 0 1 6"]
    text = text_of(html)
    assert "答复办理结果：河北省" in text and "未给出" in text


def test_without_a_region_the_rows_are_provinces(client, hebei):
    by_place, by_year = tables(page(client, "/proposals/grades/"))
    assert by_place == ["河北省 2 2 1 0 1 6", "江苏省 0 1 0 0 0 1", "合计 2 3 1 0 1 7"]
    assert by_year[-2:] == ["未注明日期 1 0 0 0 0 1", "合计 2 3 1 0 1 7"]


def test_every_result_count_links_to_a_list_of_that_many_proposals(client, hebei):
    html = page(client, "/proposals/grades/?region=13")
    links = dict(linked_counts(html))
    assert links["/proposals/?region=130400&result_code=none"] == 1
    assert links["/proposals/?region=130000&year_from=2019&year_to=2019&result_code=B"] == 1
    result_links = [(url, count) for url, count in linked_counts(html) if "result_code=" in url]
    # 石家庄市 C; 邯郸市 A, B, none; the total row's A, B, C, none; 2018 B, C; 2019 A, B, none; the total row's.
    assert len(result_links) == 1 + 3 + 4 + 2 + 3 + 4
    for url, count in result_links:
        assert len(table_rows(page(client, url))) == count, url


def test_a_rows_total_lists_the_proposals_answered_there(client, hebei):
    links = dict(linked_counts(page(client, "/proposals/grades/?region=13")))
    # 邯郸市's four replies answer three proposals: suggestion 76 was answered twice.
    assert links["/proposals/?region=130400&replied=true"] == 4
    rows = table_rows(page(client, "/proposals/?region=130400&replied=true"))
    assert len(rows) == 3 and not any(" 90 " in row or " 91 " in row for row in rows)


def test_unpublished_replies_and_replies_to_unpublished_proposals_never_count(client, curator_client, hebei):
    for viewer in (client, curator_client):
        by_place, _by_year = tables(page(viewer, "/proposals/grades/?region=130400"))
        assert by_place[-1] == "合计 2 1 0 0 1 4"  # no D: both D replies are unpublished
    csv = csv_rows(client.get("/proposals/grades/?region=13&format=csv"))
    assert all(row[6] == "0" for row in csv[1:])


def test_kind_narrows_the_tables_and_its_links(client, hebei):
    html = page(client, "/proposals/grades/?region=13&kind=suggestion")
    by_place, _by_year = tables(html)
    assert by_place[-1] == "合计 1 1 0 0 0 2"
    assert "/proposals/?region=130400&kind=suggestion&result_code=A" in dict(linked_counts(html))


def test_a_county_has_no_children_only_its_own_row(client, hebei):
    county = CountyFactory(code="130402", name="邯山区", parent=hebei["handan"])
    ReplyFactory(proposal=ProposalFactory(region=county), result_code="A", reply_date=year(2020))
    by_place, by_year = tables(page(client, "/proposals/grades/?region=130402"))
    assert by_place == ["邯山区本级 1 0 0 0 0 1", "合计 1 0 0 0 0 1"]
    assert by_year == ["2020 1 0 0 0 0 1", "合计 1 0 0 0 0 1"]


def test_a_region_with_no_replies_says_so(client, hebei):
    PrefectureFactory(code="130200", name="唐山市", parent=hebei["province"])
    html = page(client, "/proposals/grades/?region=130200")
    assert "没有符合条件的已发布答复" in text_of(html) and "<table" not in html


@pytest.mark.parametrize(("query", "message"), [
    ("region=hebei", "2 到 6 位数字"), ("region=99", "没有这个行政区划"), ("region=1304001", ""),
    ("kind=bill", ""),
])
def test_a_malformed_filter_is_a_clear_error_not_a_crash(client, hebei, query, message):
    html = page(client, f"/proposals/grades/?{query}", status=400)
    assert "筛选条件有误" in html and message in html and "<table" not in html
    assert client.get(f"/proposals/grades/?{query}&format=csv").status_code == 400


def test_csv_and_xlsx_hold_both_tables_with_their_totals(client, hebei):
    rows = csv_rows(client.get("/proposals/grades/?region=13&format=csv"))
    assert rows[0] == ["分组", "地区或年份", "行政区划代码", "A", "B", "C", "D", "未给出", "合计"]
    assert rows[1:] == [
        ["按地区", "石家庄市", "130100", "0", "0", "1", "0", "0", "1"],
        ["按地区", "邯郸市", "130400", "2", "1", "0", "0", "1", "4"],
        ["按地区", "河北省本级", "", "0", "1", "0", "0", "0", "1"],
        ["按地区", "合计", "", "2", "2", "1", "0", "1", "6"],
        ["按年份", "2018", "", "0", "1", "1", "0", "0", "2"],
        ["按年份", "2019", "", "1", "1", "0", "0", "1", "3"],
        ["按年份", "未注明日期", "", "1", "0", "0", "0", "0", "1"],
        ["按年份", "合计", "", "2", "2", "1", "0", "1", "6"],
    ]
    sheet = xlsx_rows(client.get("/proposals/grades/?region=13&format=xlsx"))
    assert sheet[0] == rows[0] and [str(value or "0") for value in sheet[2][3:]] == rows[2][3:]


def test_the_page_runs_a_fixed_number_of_queries(client, hebei, django_assert_max_num_queries):
    with django_assert_max_num_queries(GRADES_PAGE_QUERIES):
        page(client, "/proposals/grades/?region=13")
    for number in range(20):
        ReplyFactory(proposal=ProposalFactory(region=hebei["handan"], number=f"2{number}"), result_code="C",
                     reply_date=year(2000 + number))
    with django_assert_max_num_queries(GRADES_PAGE_QUERIES):
        html = page(client, "/proposals/grades/?region=13")
    assert "邯郸市 2 1 20 0 1 24" in table_rows(html)


def test_the_list_and_the_region_page_link_to_the_tables(client, hebei):
    assert 'href="/proposals/grades/"' in page(client, "/proposals/")
    assert 'href="/proposals/grades/?region=130000"' in page(client, "/regions/130000/")


def test_the_lists_reply_filters_ask_about_one_and_the_same_reply(client, hebei):
    # Suggestion 76 has a B reply in 2018 and an A reply in 2019, but no A reply in 2018.
    assert table_rows(page(client, "/proposals/?result_code=A&year_from=2018&year_to=2018")) == []
    assert len(table_rows(page(client, "/proposals/?result_code=A&year_from=2019&year_to=2019"))) == 1
    (unanswered,) = table_rows(page(client, "/proposals/?region=13&replied=false"))
    assert " 90 " in unanswered  # its only reply is a draft


def test_the_tables_read_in_english(client, hebei):
    html = client.get("/en/proposals/grades/?region=13").content.decode()
    assert "Replies by result: 河北省" in html and "Not given</abbr>" in html and ">Total</th>" in html
    rows = csv_rows(client.get("/en/proposals/grades/?region=13&format=csv"))
    assert rows[0] == ["Table", "Region or year", "Region code", "A", "B", "C", "D", "Not given", "Total"]


def test_the_lists_sidebar_offers_replied_as_all_yes_or_no(client, hebei):
    html = page(client, "/proposals/?replied=false")
    select = re.search(r'<select name="replied".*?</select>', html, re.S).group(0)
    assert re.findall(r'<option value="([^"]*)"', select) == ["", "true", "false"]
    assert '<option value="false" selected>否</option>' in select
    assert '<option value="" selected>全部</option>' in page(client, "/proposals/")
