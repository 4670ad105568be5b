"""Every answer under /api/v1/ is JSON in the request's language; malformed parameters are 400s naming them."""
import base64

import pytest

from apps.curation.tests.api_support import API, assert_bad_parameter, fresh_throttle_history  # noqa: F401
from apps.documents.tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.mark.parametrize("query, parameter", [
    ("page_size=abc", "page_size"), ("page_size=true", "page_size"), ("page_size=0", "page_size"),
    ("page_size=101", "page_size"), ("page_size=5.0", "page_size"), ("page=abc", "page"), ("page=0", "page"),
    ("updated_since=", "updated_since"), ("format=", "format"), ("format=AAA", "format"),
    ("region=", "region"), ("region=32&region=3201", "region"), ("regoin=32", "regoin"),
])
def test_a_malformed_parameter_is_a_400_naming_it(client, query, parameter):
    assert_bad_parameter(client.get(f"{API}documents/?{query}"), parameter)


def test_a_detail_has_no_pages(client):
    document = DocumentFactory()
    assert_bad_parameter(client.get(f"{API}documents/{document.pk}/?page=2"), "page")


def test_the_message_is_in_the_requests_language(client):
    assert client.get(f"{API}documents/?page_size=abc").json() == {"page_size": ["输入整数。"]}
    assert client.get(f"{API}documents/?page_size=abc", **ENGLISH).json() == {"page_size": ["Enter a whole number."]}
    english = client.get(f"{API}documents/?format=AAA", **ENGLISH).json()["format"][0]
    assert english.startswith("Choose one of") and "csv" in english


@pytest.mark.parametrize("path", [
    "documents/abc/", "documents/-1/", "documents/999999/", "regions/32/", "regions/999999/", "nothing/here/",
    "documents/?page=99",
])
def test_not_found_is_json_in_the_requests_language(client, path):
    chinese = client.get(API + path)
    assert chinese.status_code == 404
    assert chinese["Content-Type"] == "application/json"
    assert chinese.json()["detail"] in {"未找到。", "无效页面。"}
    english = client.get(API + path, **ENGLISH)
    assert english.json()["detail"] in {"Not found.", "Invalid page."}


def test_too_many_query_parameters_is_a_json_400(client):
    query = "&".join(f"p{n}=1" for n in range(1200))
    response = client.get(f"{API}documents/?{query}", **ENGLISH)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "1000" in response.json()["detail"]


def test_too_many_query_parameters_on_a_page_is_a_plain_400_even_when_debugging(client, settings):
    settings.DEBUG = True
    query = "&".join(f"p{n}=1" for n in range(1200))
    assert client.get(f"/documents/?{query}").status_code == 400


def test_wrong_basic_credentials_are_a_401_saying_how_to_authenticate(client):
    credentials = base64.b64encode(b"nobody:wrong").decode()
    response = client.get(f"{API}documents/", HTTP_AUTHORIZATION=f"Basic {credentials}")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Basic realm="api"'
    assert response.json()["detail"]


def test_an_anonymous_write_is_still_a_403(client):
    assert client.post(f"{API}documents/", {}).status_code == 403


def test_ordering_by_two_fields_in_either_form(client):
    DocumentFactory(title="乙"), DocumentFactory(title="甲"), DocumentFactory(title="甲")
    repeated = client.get(f"{API}documents/?ordering=title&ordering=-id").json()["results"]
    joined = client.get(f"{API}documents/?ordering=title,-id").json()["results"]
    assert [d["id"] for d in repeated] == [d["id"] for d in joined]
    assert [d["title"] for d in joined] == ["乙", "甲", "甲"] or [d["title"] for d in joined] == ["甲", "甲", "乙"]
    same_title = [d["id"] for d in joined if d["title"] == "甲"]
    assert same_title == sorted(same_title, reverse=True)
