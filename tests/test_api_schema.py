"""The OpenAPI schema validates, describes every parameter and field, and its docs are self-hosted."""
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from openapi_spec_validator import validate

from apps.curation.tests.api_support import API, fresh_throttle_history  # noqa: F401 (autouse fixture)

pytestmark = pytest.mark.django_db

LISTS = [
    "regions", "organizations", "documents", "proposals", "replies", "initiatives", "indicators", "targets",
    "observations",
]
# The filters the issue asks for, on the lists they apply to.
FILTERS = {
    "regions": {"region", "level", "parent", "q"},
    "organizations": {"region", "kind", "q"},
    "documents": {"region", "doc_type", "organization", "initiative", "theme", "date_from", "date_to", "year_from",
                  "year_to", "q", "status"},
    "proposals": {"region", "kind", "session", "result_code", "organization", "date_from", "date_to", "year_from",
                  "year_to", "q", "status"},
    "replies": {"region", "kind", "session", "result_code", "organization", "date_from", "date_to", "year_from",
                "year_to", "q", "status"},
    "initiatives": {"region", "theme", "year_from", "year_to", "q", "status"},
    "indicators": {"q"},
    "targets": {"region", "indicator", "initiative", "theme", "deadline_year", "deadline_year_from",
                "deadline_year_to", "progress", "q", "status"},
    "observations": {"region", "indicator", "date_from", "date_to", "year_from", "year_to", "q", "status"},
}
EVERY_LIST = {"updated_since", "ordering", "page", "page_size", "format"}


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get(API + "schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def test_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    validate(schema)


def test_schema_generates_without_warnings(tmp_path):
    """drf-spectacular fails on any guess it had to make (an untyped field, a colliding enum name)."""
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))


def test_schema_is_served_as_yaml_by_default(client):
    response = client.get(API + "schema/")
    assert response.status_code == 200
    assert response.content.startswith(b"openapi: 3")


def test_every_endpoint_has_a_list_and_a_detail(schema):
    for endpoint in LISTS:
        assert f"/api/v1/{endpoint}/" in schema["paths"]
        detail = "{code}" if endpoint == "regions" else "{id}"
        assert f"/api/v1/{endpoint}/{detail}/" in schema["paths"]
    assert all(set(item) == {"get"} for item in schema["paths"].values()), "the API is read-only"


@pytest.mark.parametrize("endpoint", LISTS)
def test_each_list_documents_its_filters(schema, endpoint):
    parameters = {p["name"] for p in schema["paths"][f"/api/v1/{endpoint}/"]["get"]["parameters"]}
    assert FILTERS[endpoint] | EVERY_LIST <= parameters


def test_every_parameter_is_described(schema):
    undescribed = [
        (path, parameter["name"])
        for path, item in schema["paths"].items()
        for parameter in item["get"].get("parameters", [])
        if not parameter.get("description")
    ]
    assert undescribed == []


def test_every_field_is_described(schema):
    undescribed = [
        (name, field)
        for name, component in schema["components"]["schemas"].items()
        for field, spec in component.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undescribed == []


def test_progress_and_curation_status_are_told_apart(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/targets/"]["get"]["parameters"]}
    assert parameters["progress"]["schema"]["enum"] == ["achieved", "no_evidence", "on_track", "overdue"]
    assert parameters["status"]["schema"]["enum"] == ["draft", "published", "reviewed"]
    assert "`status`" in parameters["progress"]["description"]


def test_region_parameter_states_its_pattern(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/proposals/"]["get"]["parameters"]}
    assert re.fullmatch(parameters["region"]["schema"]["pattern"], "3201")


@pytest.mark.parametrize("page", ["docs/", "redoc/"])
def test_browsable_docs_load_their_assets_from_an_installed_package(client, page):
    response = client.get(API + page)
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css|png))"', html)
    assert assets, html[:500]
    for asset in assets:
        assert asset.startswith("/static/drf_spectacular_sidecar/"), asset
        assert finders.find(asset.removeprefix("/static/")), asset
    assert "cdn" not in html.lower()
