"""The organization admin: search, kind and province filters, document counts."""
import pytest
from django.urls import reverse

from apps.documents.tests.factories import DocumentFactory
from apps.organizations.models import OrganizationKind
from apps.organizations.tests.factories import OrganizationFactory
from apps.regions.models import Region, RegionLevel
from apps.regions.tests.factories import ProvinceFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:organizations_organization_changelist")


@pytest.fixture
def organizations():
    handan = Region.objects.create(
        code="130400", name="邯郸市", level=RegionLevel.PREFECTURE, parent=ProvinceFactory(code="130000", name="河北省")
    )
    jiangning_bureau = OrganizationFactory(name="南京市江宁区教育局", short_name="区教育局")
    DocumentFactory.create_batch(2, organization=jiangning_bureau)
    return {
        "jiangning_bureau": jiangning_bureau,
        "cppcc": OrganizationFactory(name="南京市江宁区政协", kind=OrganizationKind.CPPCC),
        "handan_bureau": OrganizationFactory(name="邯郸市教育局", region=handan),
    }


def listed_names(response):
    assert response.status_code == 200
    return sorted(org.name for org in response.context["cl"].result_list)


def test_search_by_short_name_as_printed_on_the_page(curator_client, organizations):
    assert listed_names(curator_client.get(CHANGELIST, {"q": "区教育局"})) == ["南京市江宁区教育局"]


def test_filter_by_kind(curator_client, organizations):
    assert listed_names(curator_client.get(CHANGELIST, {"kind__exact": "cppcc"})) == ["南京市江宁区政协"]


def test_filter_by_province(curator_client, organizations):
    assert listed_names(curator_client.get(CHANGELIST, {"province": "130000"})) == ["邯郸市教育局"]


def test_changelist_counts_documents(curator_client, organizations):
    response = curator_client.get(CHANGELIST, {"q": "江宁区教育局"})
    assert [org.document_total for org in response.context["cl"].result_list] == [2]


def test_edit_is_recorded_in_history(curator, curator_client, organizations):
    bureau = organizations["jiangning_bureau"]
    response = curator_client.post(
        reverse("admin:organizations_organization_change", args=[bureau.pk]),
        {"name": bureau.name, "short_name": "江宁区教育局", "kind": bureau.kind, "region": bureau.region_id},
    )
    assert response.status_code == 302
    latest = bureau.history.latest()
    assert (latest.short_name, latest.history_user) == ("江宁区教育局", curator)
