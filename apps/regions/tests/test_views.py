"""A region's page: its breadcrumb, its children, and everything recorded under it."""
import pytest

from apps.documents.tests.factories import DocumentFactory
from apps.proposals.tests.factories import ProposalFactory
from apps.regions.tests.factories import CountyFactory
from apps.targets.tests.factories import TargetFactory
from apps.web.tests.support import demo, page, text_of  # noqa: F401

pytestmark = pytest.mark.django_db

REGION_PAGE_QUERIES = 16  # + the targets' scorecard, + the commitments counted by state


@pytest.mark.usefixtures("demo")
class TestOverDemo:
    def test_a_county_level_city_has_its_breadcrumb_and_targets(self, client):
        html = page(client, "/regions/320481/")
        breadcrumb = text_of(html.split('class="breadcrumb"')[1].split("</nav>")[0])
        assert "江苏省 常州市 溧阳市" in breadcrumb
        assert '<a href="/regions/320400/">常州市</a>' in html
        text = text_of(html)
        assert "教育惠民工程投入" in text and "=7170万元" in text and "辖市区年度教育“小目标”" in text

    @pytest.mark.parametrize("short", ["32", "3200"])
    def test_a_short_code_redirects_to_the_six_digit_page(self, client, short):
        response = client.get(f"/regions/{short}/")
        assert response.status_code == 302 and response["Location"] == "/regions/320000/"

    def test_a_province_includes_everything_under_it(self, client):
        html = page(client, "/regions/320000/")
        text = text_of(html)
        for expected in ["泰州海陵:聚焦五大重点任务", "辖市区年度教育“小目标”", "JNZX13010181", "蔡晶",
                         "新增学位数", "普惠性幼儿园覆盖率"]:
            assert expected in text, expected
        assert "对人大076号建议的答复" not in text and "赵强" not in text
        # The page shows the first records of each kind and links to the whole filtered list.
        assert "查看全部 3 份文件" in text and "查看全部 23 项目标" in text
        assert "/targets/?region=320000" in html

    def test_children_link_down_and_mark_those_with_records(self, client):
        html = page(client, "/regions/320400/")
        assert '<li class="has-records"><a href="/regions/320404/">钟楼区</a>' in html
        assert '<li><a href="/regions/320402/">天宁区</a></li>' in html

    def test_the_index_lists_the_regions_with_records_and_their_parents(self, client):
        text = text_of(page(client, "/regions/"))
        names = ["江苏省", "南京市", "江宁区", "常州市", "钟楼区", "溧阳市", "泰州市", "海陵区", "河北省", "邯郸市"]
        for name in names:
            assert name in text
        assert "北京市" not in text


@pytest.mark.parametrize("code", ["abc", "3", "32000", "1234567", "990000"])
def test_a_malformed_or_unknown_code_is_404(client, code):
    page(client, f"/regions/{code}/", status=404)


@pytest.mark.parametrize("rows", [1, 20])
def test_a_region_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, rows):
    county = CountyFactory()
    for _ in range(rows):
        DocumentFactory(regions=[county])
        ProposalFactory(region=county)
        TargetFactory(region=county)
    with django_assert_max_num_queries(REGION_PAGE_QUERIES):
        page(client, "/regions/320000/")
