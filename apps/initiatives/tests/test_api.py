"""The initiative endpoints."""
import pytest

from apps.curation.models import CurationStatus
from apps.curation.tests.api_support import (  # noqa: F401 (fresh_throttle_history is an autouse fixture)
    API,
    assert_bad_parameter,
    assert_query_budget,
    fresh_throttle_history,
    result_ids,
    results,
)
from apps.documents.tests.factories import DocumentFactory
from apps.initiatives.models import Theme
from apps.initiatives.tests.factories import InitiativeFactory
from apps.regions.models import Region, RegionLevel
from apps.regions.tests.factories import CountyFactory

INITIATIVE_LIST_QUERIES = 2  # count, page with regions joined
INITIATIVE_DETAIL_QUERIES = 3  # initiative, children, documents

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiatives():
    jiangning = CountyFactory()
    hebei = Region.objects.create(code="130000", name="河北省", level=RegionLevel.PROVINCE)
    handan = Region.objects.create(code="130400", name="邯郸市", level=RegionLevel.PREFECTURE, parent=hebei)
    plan = InitiativeFactory(
        name="教育资源布局优化提升三年行动计划", theme=Theme.RESOURCES, region=jiangning, start_year=2017, end_year=2019,
    )
    successor = InitiativeFactory(
        name="教育资源布局优化提升攻坚克难行动", theme=Theme.RESOURCES, region=jiangning, start_year=2020, parent=plan,
    )
    groups = InitiativeFactory(name="集团化办学", theme=Theme.BALANCE, region=handan)
    draft = InitiativeFactory(name="草稿举措", theme=Theme.BALANCE, region=jiangning, status=CurationStatus.DRAFT)
    return {"plan": plan, "successor": successor, "groups": groups, "draft": draft}


def ids(*objects):
    return {obj.pk for obj in objects}


def listed(client, **params):
    return result_ids(client.get(API + "initiatives/", params))


def test_filters(client, initiatives):
    plan, successor, groups = initiatives["plan"], initiatives["successor"], initiatives["groups"]
    assert listed(client) == ids(plan, successor, groups)
    assert listed(client, region="3201") == ids(plan, successor)
    assert listed(client, region="13") == ids(groups)
    assert listed(client, theme="balance") == ids(groups)
    assert listed(client, q="攻坚克难") == ids(successor)


def test_year_range_finds_initiatives_running_in_it(client, initiatives):
    plan, successor, groups = initiatives["plan"], initiatives["successor"], initiatives["groups"]
    assert listed(client, year_from=2020) == ids(successor, groups)
    assert listed(client, year_to=2018) == ids(plan, groups)
    assert listed(client, year_from=2018, year_to=2018) == ids(plan, groups)


def test_document_filter(client, initiatives):
    document = DocumentFactory()
    initiatives["groups"].documents.add(document)
    assert listed(client, document=document.pk) == ids(initiatives["groups"])


def test_ordering_by_start_year(client, initiatives):
    ordered = [r["id"] for r in results(client.get(API + "initiatives/", {"ordering": "-start_year", "region": "3201"}))]
    assert ordered == [initiatives["successor"].pk, initiatives["plan"].pk]


@pytest.mark.parametrize(
    ("parameter", "value"),
    [("region", "320115x"), ("theme", "sport"), ("year_from", "2017.5"), ("document", "x"),
     ("status", "gone"), ("ordering", "description")],
)
def test_malformed_filter_values_are_400_naming_the_parameter(client, initiatives, parameter, value):
    assert_bad_parameter(client.get(API + "initiatives/", {parameter: value}), parameter)


def test_detail_shows_children_and_documents_the_reader_may_see(client, initiatives):
    plan = initiatives["plan"]
    InitiativeFactory(name="草稿后续", theme=Theme.RESOURCES, parent=plan, status=CurationStatus.DRAFT)
    published, draft = DocumentFactory(title="三年行动计划"), DocumentFactory(status=CurationStatus.DRAFT)
    plan.documents.add(published, draft)
    body = client.get(API + f"initiatives/{plan.pk}/").json()
    assert [child["name"] for child in body["children"]] == ["教育资源布局优化提升攻坚克难行动"]
    assert [doc["title"] for doc in body["documents"]] == ["三年行动计划"]
    assert body["related"]["targets"].endswith(f"/api/v1/targets/?initiative={plan.pk}")
    successor = client.get(API + f"initiatives/{initiatives['successor'].pk}/").json()
    assert successor["parent"].endswith(f"/api/v1/initiatives/{plan.pk}/")


def test_initiative_list_query_budget(client, django_assert_num_queries):
    region = CountyFactory()
    body = assert_query_budget(
        client, django_assert_num_queries, API + "initiatives/",
        lambda count: InitiativeFactory.create_batch(count, region=region), INITIATIVE_LIST_QUERIES,
    )
    assert body["count"] == 50


def test_initiative_detail_query_budget(client, django_assert_num_queries):
    initiative = InitiativeFactory()

    def add_related(count):
        InitiativeFactory.create_batch(count, parent=initiative)
        initiative.documents.add(*DocumentFactory.create_batch(count))

    body = assert_query_budget(
        client, django_assert_num_queries, API + f"initiatives/{initiative.pk}/", add_related,
        INITIATIVE_DETAIL_QUERIES,
    )
    assert len(body["children"]) == len(body["documents"]) == 50


def test_a_hidden_parent_reads_as_null(client):
    parent = InitiativeFactory(name="草稿里的上级举措", status=CurationStatus.DRAFT)
    child = InitiativeFactory(name="已发布的举措", parent=parent)
    assert client.get(API + f"initiatives/{child.pk}/").json()["parent"] is None
    listed = {row["id"]: row for row in client.get(API + "initiatives/").json()["results"]}
    assert listed[child.pk]["parent"] is None
