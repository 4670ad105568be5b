"""The region endpoints: codes as addresses, prefixes as filters, parents and children in detail."""
import pytest

from apps.curation.tests.api_support import (  # noqa: F401 (fresh_throttle_history is an autouse fixture)
    API,
    assert_bad_parameter,
    assert_query_budget,
    fresh_throttle_history,
    results,
)
from apps.regions.models import Region, RegionLevel
from apps.regions.tests.factories import CountyFactory, PrefectureFactory

REGION_LIST_QUERIES = 2  # count, page
REGION_DETAIL_QUERIES = 2  # region with its parents, children

pytestmark = pytest.mark.django_db


@pytest.fixture
def jiangsu():
    jiangning = CountyFactory()
    nanjing = jiangning.parent
    CountyFactory(code="320104", name="秦淮区", parent=nanjing)
    changzhou = PrefectureFactory(code="320400", name="常州市", parent=nanjing.parent)
    CountyFactory(code="320481", name="溧阳市", parent=changzhou)
    hebei = Region.objects.create(code="130000", name="河北省", level=RegionLevel.PROVINCE)
    Region.objects.create(code="130400", name="邯郸市", level=RegionLevel.PREFECTURE, parent=hebei)
    return jiangning


def codes(response):
    return [record["code"] for record in results(response)]


def test_region_filter_takes_a_code_or_prefix_and_includes_everything_under_it(client, jiangsu):
    assert codes(client.get(API + "regions/", {"region": "3201"})) == ["320100", "320104", "320115"]
    assert codes(client.get(API + "regions/", {"region": "320100"})) == ["320100", "320104", "320115"]
    assert codes(client.get(API + "regions/", {"region": "32"})) == [
        "320000", "320100", "320104", "320115", "320400", "320481",
    ]
    assert codes(client.get(API + "regions/", {"region": "130000"})) == ["130000", "130400"]


def test_level_parent_and_name_filters(client, jiangsu):
    assert codes(client.get(API + "regions/", {"level": "prefecture"})) == ["130400", "320100", "320400"]
    assert codes(client.get(API + "regions/", {"parent": "320100"})) == ["320104", "320115"]
    assert codes(client.get(API + "regions/", {"q": "溧阳"})) == ["320481"]


def test_ordering_by_name_descending(client, jiangsu):
    names = [record["name"] for record in results(client.get(API + "regions/", {"ordering": "-name"}))]
    assert names == sorted(names, reverse=True)


def test_empty_ordering_items_are_refused(client, jiangsu):
    """The schema lists orderings; an empty item is none of them (the read API is strict, issue 14)."""
    assert_bad_parameter(client.get(API + "regions/", {"ordering": ",-code,"}), "ordering")
    assert_bad_parameter(client.get(API + "regions/", {"ordering": ","}), "ordering")


def test_updated_since_is_accepted_and_returns_every_region(client, jiangsu):
    response = client.get(API + "regions/", {"updated_since": "2099-01-01"})
    assert len(results(response)) == Region.objects.count()


@pytest.mark.parametrize(
    ("parameter", "value"),
    [("region", "3"), ("region", "32010000"), ("region", "32a1"), ("parent", "3201"), ("level", "village"),
     ("updated_since", "yesterday"), ("ordering", "population")],
)
def test_malformed_filter_values_are_400_naming_the_parameter(client, jiangsu, parameter, value):
    assert_bad_parameter(client.get(API + "regions/", {parameter: value}), parameter)


def test_detail_is_addressed_by_code_and_shows_parents_and_children(client, jiangsu):
    body = client.get(API + "regions/320100/").json()
    assert body["name"] == "南京市"
    assert body["full_name"] == "江苏省南京市"
    assert [r["code"] for r in body["ancestors"]] == ["320000"]
    assert [r["code"] for r in body["children"]] == ["320104", "320115"]
    assert body["parent"].endswith("/api/v1/regions/320000/")
    assert body["related"]["proposals"].endswith("/api/v1/proposals/?region=320100")

    county = client.get(API + "regions/320115/").json()
    assert [r["name"] for r in county["ancestors"]] == ["江苏省", "南京市"]
    assert county["children"] == []


def test_unknown_or_malformed_code_is_404(client, jiangsu):
    assert client.get(API + "regions/999999/").status_code == 404
    assert client.get(API + "regions/3201/").status_code == 404


def test_region_list_query_budget(client, django_assert_num_queries):
    province = Region.objects.create(code="320000", name="江苏省", level=RegionLevel.PROVINCE)
    made = []

    def add_regions(count):
        for _ in range(count):
            number = len(made) + 1
            made.append(Region.objects.create(
                code=f"32{number:02d}00", name=f"市{number}", level=RegionLevel.PREFECTURE, parent=province,
            ))

    body = assert_query_budget(
        client, django_assert_num_queries, API + "regions/?level=prefecture", add_regions, REGION_LIST_QUERIES,
    )
    assert body["count"] == 50


def test_region_detail_query_budget(client, django_assert_num_queries):
    city = PrefectureFactory()
    made = []

    def add_children(count):
        for _ in range(count):
            made.append(Region.objects.create(
                code=f"3201{len(made) + 1:02d}", name=f"区{len(made)}", level=RegionLevel.COUNTY, parent=city,
            ))

    body = assert_query_budget(
        client, django_assert_num_queries, API + "regions/320100/", add_children, REGION_DETAIL_QUERIES,
    )
    assert len(body["children"]) == 50
