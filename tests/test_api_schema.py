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
    "indicators": {"q", "level", "direction", "theme"},
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
        assert f"/api/v1/{endpoint}.csv" in schema["paths"]
        detail = "{code}" if endpoint == "regions" else "{id}"
        assert f"/api/v1/{endpoint}/{detail}/" in schema["paths"]
    assert all(set(item) == {"get"} for item in schema["paths"].values()), "the API is read-only"


@pytest.mark.parametrize("endpoint", LISTS)
def test_each_list_documents_its_filters(schema, endpoint):
    parameters = {p["name"] for p in schema["paths"][f"/api/v1/{endpoint}/"]["get"]["parameters"]}
    assert FILTERS[endpoint] | EVERY_LIST <= parameters
    as_csv = {p["name"] for p in schema["paths"][f"/api/v1/{endpoint}.csv"]["get"]["parameters"]}
    assert as_csv == parameters - {"page", "page_size", "format"}


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
    assert parameters["progress"]["schema"]["enum"] == [
        "achieved", "missed", "no_evidence", "on_track", "open", "overdue", "unverified",
    ]
    assert "Deprecated" in parameters["progress"]["description"]
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
    assert re.findall(r"(?:https?:)?//[\w-]+\.[\w.-]+", html) == []


ERROR_STATUSES = {"400", "401", "404", "406", "429"}


def test_every_operation_documents_its_errors_with_a_json_body(schema):
    for path, item in schema["paths"].items():
        responses = item["get"]["responses"]
        assert ERROR_STATUSES <= set(responses), path
        for status in ERROR_STATUSES:
            assert set(responses[status]["content"]) == {"application/json"}, (path, status)
    assert schema["components"]["schemas"]["Error"]["required"] == ["detail"]


def test_csv_is_described_as_text(schema):
    for path, item in schema["paths"].items():
        csv_answer = item["get"]["responses"]["200"]["content"]["text/csv"]
        assert csv_answer["schema"] == {"type": "string"}, path
    only_csv = schema["paths"]["/api/v1/targets.csv"]["get"]["responses"]["200"]["content"]
    assert set(only_csv) == {"text/csv"}


def test_anonymous_reads_need_no_credentials(schema):
    """The empty requirement makes credentials optional; on each operation generators would demand them."""
    assert {} in schema["security"]
    assert all("security" not in item["get"] for item in schema["paths"].values())


def test_the_main_operations_carry_examples(schema):
    proposal = schema["paths"]["/api/v1/proposals/{id}/"]["get"]
    (example,) = proposal["responses"]["200"]["content"]["application/json"]["examples"].values()
    assert example["value"]["replies"][0]["result"]["code"] == "B"
    targets = schema["paths"]["/api/v1/targets/"]["get"]
    examples = {p["name"]: p.get("example") for p in targets["parameters"]}
    assert examples["region"] == "320115" and examples["deadline_year"] == 2025
    (page,) = targets["responses"]["200"]["content"]["application/json"]["examples"].values()
    assert page["value"]["results"][0]["region"]["code"] == "320115"


def test_links_lead_from_lists_to_records_and_from_a_proposal_to_its_reply(schema):
    for endpoint in LISTS:
        links = schema["paths"][f"/api/v1/{endpoint}/"]["get"]["responses"]["200"]["links"]
        assert links["FirstRecord"]["operationId"] == f"{endpoint}_retrieve"
    proposal = schema["paths"]["/api/v1/proposals/{id}/"]["get"]["responses"]["200"]["links"]
    assert proposal["FirstReply"]["parameters"] == {"id": "$response.body#/replies/0/id"}


def test_ordering_is_a_list_sent_as_repeated_parameters(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/documents/"]["get"]["parameters"]}
    assert parameters["ordering"]["schema"]["type"] == "array"
    assert parameters["ordering"].get("explode", True) is True
    assert "title" in parameters["ordering"]["schema"]["items"]["enum"]


def test_paging_states_its_bounds(schema):
    parameters = {p["name"]: p["schema"] for p in schema["paths"]["/api/v1/documents/"]["get"]["parameters"]}
    assert parameters["page"]["minimum"] == 1
    assert (parameters["page_size"]["minimum"], parameters["page_size"]["maximum"]) == (1, 100)
