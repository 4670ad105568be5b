"""The region admin: search by code prefix and name, level and province filters, child counts."""
import pytest
from django.urls import reverse

from apps.regions.models import Region, RegionLevel
from apps.regions.tests.factories import CountyFactory, ProvinceFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:regions_region_changelist")


@pytest.fixture
def seed_regions():
    """Part of the seeds' table: Nanjing with 江宁区, Changzhou with two units, and Hebei."""
    jiangning = CountyFactory()
    changzhou = Region.objects.create(
        code="320400", name="常州市", level=RegionLevel.PREFECTURE, parent=jiangning.parent.parent
    )
    Region.objects.create(code="320404", name="钟楼区", level=RegionLevel.COUNTY, parent=changzhou)
    Region.objects.create(code="320481", name="溧阳市", level=RegionLevel.COUNTY, parent=changzhou)
    hebei = ProvinceFactory(code="130000", name="河北省")
    Region.objects.create(code="130400", name="邯郸市", level=RegionLevel.PREFECTURE, parent=hebei)


def listed_codes(response):
    assert response.status_code == 200
    return sorted(region.code for region in response.context["cl"].result_list)


def test_search_by_code_matches_the_prefix(curator_client, seed_regions):
    response = curator_client.get(CHANGELIST, {"q": "3204"})
    assert listed_codes(response) == ["320400", "320404", "320481"]


def test_search_by_name(curator_client, seed_regions):
    assert listed_codes(curator_client.get(CHANGELIST, {"q": "溧阳"})) == ["320481"]


def test_filter_by_level(curator_client, seed_regions):
    assert listed_codes(curator_client.get(CHANGELIST, {"level__exact": "province"})) == ["130000", "320000"]


def test_filter_by_province_takes_everything_under_it(curator_client, seed_regions):
    assert listed_codes(curator_client.get(CHANGELIST, {"province": "130000"})) == ["130000", "130400"]


def test_changelist_counts_each_regions_children(curator_client, seed_regions):
    response = curator_client.get(CHANGELIST)
    counts = {region.code: region.children_total for region in response.context["cl"].result_list}
    assert counts["320000"] == 2
    assert counts["320400"] == 2
    assert counts["320481"] == 0


def test_code_cannot_be_edited_once_saved(curator_client, seed_regions):
    response = curator_client.get(reverse("admin:regions_region_change", args=["320481"]))
    assert "code" not in response.context["adminform"].form.fields
    assert "code" in curator_client.get(reverse("admin:regions_region_add")).context["adminform"].form.fields


def test_autocomplete_finds_regions_by_code(curator_client, seed_regions):
    response = curator_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "organizations", "model_name": "organization", "field_name": "region", "term": "320404"},
    )
    assert [item["id"] for item in response.json()["results"]] == ["320404"]
