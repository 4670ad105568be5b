"""The initiative admin: search, theme filter, documents counted and picked by autocomplete."""
import pytest
from django.urls import reverse

from apps.documents.tests.factories import DocumentFactory
from apps.initiatives.models import Theme
from apps.initiatives.tests.factories import InitiativeFactory
from apps.regions.tests.factories import CountyFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:initiatives_initiative_changelist")


@pytest.fixture
def initiatives():
    school_groups = InitiativeFactory(name="集团化办学")
    school_groups.documents.add(*DocumentFactory.create_batch(2))
    return {
        "school_groups": school_groups,
        "smart_campus": InitiativeFactory(name="智慧校园", theme=Theme.INFORMATIZATION, region=CountyFactory()),
        "three_year_plan": InitiativeFactory(
            name="教育资源布局优化提升三年行动计划", theme=Theme.RESOURCES, region=CountyFactory(),
            start_year=2017, end_year=2019,
        ),
    }


def listed_names(response):
    assert response.status_code == 200
    return sorted(initiative.name for initiative in response.context["cl"].result_list)


def test_search_by_name(curator_client, initiatives):
    assert listed_names(curator_client.get(CHANGELIST, {"q": "三年行动"})) == ["教育资源布局优化提升三年行动计划"]


def test_filter_by_theme(curator_client, initiatives):
    assert listed_names(curator_client.get(CHANGELIST, {"theme__exact": "informatization"})) == ["智慧校园"]


def test_filter_general_initiatives_without_a_region(curator_client, initiatives):
    assert listed_names(curator_client.get(CHANGELIST, {"region__isempty": "1"})) == ["集团化办学"]


def test_changelist_shows_years_and_document_count(curator_client, initiatives):
    response = curator_client.get(CHANGELIST)
    model_admin = response.context["cl"].model_admin
    rows = {initiative.name: initiative for initiative in response.context["cl"].result_list}
    assert model_admin.document_count(rows["集团化办学"]) == 2
    assert model_admin.years(rows["教育资源布局优化提升三年行动计划"]) == "2017–2019"
    assert model_admin.years(rows["智慧校园"]) == "-"


def test_documents_are_picked_by_autocomplete(curator_client, initiatives):
    school_groups = initiatives["school_groups"]
    response = curator_client.get(reverse("admin:initiatives_initiative_change", args=[school_groups.pk]))
    assert "admin-autocomplete" in str(response.context["adminform"].form["documents"])
