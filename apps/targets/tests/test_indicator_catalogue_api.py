"""Catalogue indicators in the API: code, level and direction in the list, aliases and definition in the detail."""
import pytest

from apps.targets.models import Indicator
from apps.targets.tests.factories import IndicatorFactory, TargetFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/indicators/"


def test_detail_of_a_catalogue_indicator(client):
    indicator = Indicator.objects.get(code="public_kindergarten_enrolment_share")
    body = client.get(f"{API}{indicator.pk}/").json()
    assert {key: body[key] for key in ["code", "level", "direction", "unit"]} == {
        "code": "public_kindergarten_enrolment_share", "level": "preschool", "direction": "higher", "unit": "%",
    }
    assert "公办幼儿园在园幼儿占比" in body["aliases"]
    assert body["definition"].startswith("公办幼儿园在园幼儿数")


def test_an_importer_made_indicator_has_a_null_code(client):
    indicator = TargetFactory(indicator=IndicatorFactory(name="学科教研示范学校数", unit="所")).indicator
    body = client.get(API, {"q": "学科教研示范"}).json()
    assert [(row["id"], row["code"], row["level"]) for row in body["results"]] == [(indicator.pk, None, "")]
