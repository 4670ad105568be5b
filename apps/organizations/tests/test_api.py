"""The organization endpoints."""
import datetime

import pytest
from django.utils import timezone

from apps.curation.tests.api_support import (  # noqa: F401 (fresh_throttle_history is an autouse fixture)
    API,
    assert_bad_parameter,
    assert_query_budget,
    fresh_throttle_history,
    result_ids,
    results,
)
from apps.organizations.models import Organization, OrganizationKind
from apps.organizations.tests.factories import OrganizationFactory
from apps.regions.models import Region, RegionLevel

ORGANIZATION_LIST_QUERIES = 2  # count, page with regions joined
ORGANIZATION_DETAIL_QUERIES = 1

pytestmark = pytest.mark.django_db


@pytest.fixture
def bodies():
    hebei = Region.objects.create(code="130000", name="河北省", level=RegionLevel.PROVINCE)
    handan = Region.objects.create(code="130400", name="邯郸市", level=RegionLevel.PREFECTURE, parent=hebei)
    return {
        "jiangning": OrganizationFactory(name="南京市江宁区教育局", short_name="区教育局"),
        "handan": OrganizationFactory(name="邯郸市教育局", region=handan),
        "cppcc": OrganizationFactory(name="江宁区政协", kind=OrganizationKind.CPPCC),
    }


def test_filters_by_region_kind_and_text(client, bodies):
    assert result_ids(client.get(API + "organizations/", {"region": "3201"})) == {
        bodies["jiangning"].pk, bodies["cppcc"].pk,
    }
    assert result_ids(client.get(API + "organizations/", {"region": "130400"})) == {bodies["handan"].pk}
    assert result_ids(client.get(API + "organizations/", {"kind": "cppcc"})) == {bodies["cppcc"].pk}
    assert result_ids(client.get(API + "organizations/", {"q": "区教育局"})) == {bodies["jiangning"].pk}


def test_updated_since_lists_only_later_changes(client, bodies):
    Organization.objects.filter(pk=bodies["handan"].pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=30)
    )
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert result_ids(client.get(API + "organizations/", {"updated_since": since})) == {
        bodies["jiangning"].pk, bodies["cppcc"].pk,
    }


def test_ordering_by_name(client, bodies):
    names = [record["name"] for record in results(client.get(API + "organizations/", {"ordering": "-name"}))]
    assert names == sorted(names, reverse=True)


@pytest.mark.parametrize(
    ("parameter", "value"), [("region", "jiangsu"), ("kind", "bureau"), ("updated_since", "2024-13-01")],
)
def test_malformed_filter_values_are_400_naming_the_parameter(client, bodies, parameter, value):
    assert_bad_parameter(client.get(API + "organizations/", {parameter: value}), parameter)


def test_detail_links_to_its_documents_and_replies(client, bodies):
    body = client.get(API + f"organizations/{bodies['jiangning'].pk}/").json()
    assert body["short_name"] == "区教育局"
    assert body["region"]["code"] == "320115"
    assert body["related"]["replies"].endswith(f"/api/v1/replies/?organization={bodies['jiangning'].pk}")


def test_organization_list_query_budget(client, django_assert_num_queries):
    body = assert_query_budget(
        client, django_assert_num_queries, API + "organizations/",
        lambda count: OrganizationFactory.create_batch(count), ORGANIZATION_LIST_QUERIES,
    )
    assert body["count"] == 50


def test_organization_detail_query_budget(client, django_assert_num_queries):
    organization = OrganizationFactory()
    assert_query_budget(
        client, django_assert_num_queries, API + f"organizations/{organization.pk}/",
        lambda count: None, ORGANIZATION_DETAIL_QUERIES,
    )
