"""Helpers for the web pages' tests: the demo data once per module, and reading the pages."""
import csv
import io
import re

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """The five seed pages as ``load_demo`` records them, once per test class, rolled back after it.

    Import it into a test module (``from apps.web.tests.support import demo``) and mark a
    class ``@pytest.mark.usefixtures("demo")``; each test's own transaction nests inside,
    and tests outside the class start from an empty database.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def page(client, url, status=200) -> str:
    """The page's HTML, after checking its status."""
    response = client.get(url)
    assert response.status_code == status, (response.status_code, response.content[:800])
    return response.content.decode()


def text_of(html: str) -> str:
    """The page's text with tags removed and whitespace squeezed, for "does it say X" checks."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def table_rows(html: str) -> list[str]:
    """The text of each row of the page's first results table body."""
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S)
    if body is None:
        return []
    return [text_of(row).strip() for row in re.findall(r"<tr>(.*?)</tr>", body.group(1), re.S)]


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def xlsx_rows(response) -> list[list]:
    from openpyxl import load_workbook

    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]
