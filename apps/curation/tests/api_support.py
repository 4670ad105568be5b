"""Helpers shared by the read API's tests (import the fixture into a test module to use it)."""
import csv
import io

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import resolve

API = "/api/v1/"


@pytest.fixture(autouse=True)
def fresh_throttle_history():
    """Anonymous throttling counts requests in the cache: start and leave every test at zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anonymous_client():
    """A client of its own: pytest-django's ``client`` is the one ``curator_client`` logs in."""
    return Client()


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content[:500]
    return response.json()["results"]


def result_ids(response) -> set:
    return {record["id"] for record in results(response)}


def assert_bad_parameter(response, parameter: str):
    """A 400 whose message is keyed by the offending parameter's name."""
    assert response.status_code == 400, (response.status_code, response.content[:500])
    body = response.json()
    assert parameter in body, body
    assert body[parameter] and all(isinstance(message, str) and message for message in body[parameter])


def assert_missing_record(response, parameter: str):
    """A 404 keyed by the record filter whose id names no record the user may see."""
    assert response.status_code == 404, (response.status_code, response.content[:500])
    body = response.json()
    assert list(body) == [parameter], body
    assert body[parameter] and all(isinstance(message, str) and message for message in body[parameter])


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def assert_query_budget(client, django_assert_num_queries, url, add_records, budget: int, *, many: int = 50):
    """``url`` costs ``budget`` queries after ``add_records(1)`` and again after ``add_records(many - 1)``.

    For a list, ``add_records`` adds records to it; for a detail, related records the
    detail nests. Returns the last response's JSON.
    """
    if resolve(url.split("?")[0]).url_name.endswith("-list"):  # a detail has no pages, and refuses page_size
        url = f"{url}{'&' if '?' in url else '?'}page_size={many}"
    add_records(1)
    with django_assert_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    add_records(many - 1)
    with django_assert_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return response.json()
