"""What every list shares: malformed filters never fail, pages keep the filters, exports are capped."""
import io

import pytest
from openpyxl import load_workbook

from apps.documents.tests.factories import DocumentFactory
from apps.regions.tests.factories import CountyFactory
from apps.web import export
from apps.web.tests.support import csv_rows, page, table_rows, xlsx_rows

pytestmark = pytest.mark.django_db

LISTS = ["/documents/", "/proposals/", "/targets/", "/initiatives/", "/search/"]
MALFORMED = [
    "region=abc", "region=1", "deadline_year=x", "year_from=x", "date_from=2022-13-45", "ordering=nonsense",
    "result_code=Z", "doc_type=poem", "indicator=abc", "initiative=999999", "progress=maybe", "status=gone",
    "q=" + "长" * 300, "q=%00",
]
HARMLESS = ["page=999", "page=abc", "page=-1", "format=pdf", "unknown=1"]


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("query", MALFORMED)
def test_a_malformed_filter_shows_its_error_and_never_fails(client, url, query):
    response = client.get(f"{url}?{query}")
    assert response.status_code in (200, 400), response.content[:300]
    if response.status_code == 400:
        assert "筛选条件有误" in response.content.decode()


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("query", HARMLESS)
def test_paging_past_the_end_and_unknown_parameters_still_show_the_list(client, url, query):
    response = client.get(f"{url}?{query}")
    assert response.status_code == 200, response.content[:300]


@pytest.mark.parametrize("url", ["/documents/", "/proposals/", "/targets/", "/initiatives/"])
def test_an_empty_result_says_so_and_can_still_be_exported(client, url):
    html = page(client, url)
    assert "没有符合条件的记录" in html and "下载 CSV" in html and "请先更正筛选条件" not in html


def test_a_malformed_region_names_the_problem_beside_the_control(client):
    html = page(client, "/targets/?region=abc&deadline_year=x", status=400)
    assert 'role="alert"' in html and '<a href="#id_region">地区</a>' in html
    assert 'id="id_deadline_year_error"' in html


def test_pages_keep_the_filters_and_the_sort(client):
    county = CountyFactory()
    for n in range(30):
        DocumentFactory(title=f"文件{n:02d}", regions=[county])
    html = page(client, "/documents/?region=320115&ordering=title")
    rows = table_rows(html)
    assert len(rows) == 25 and rows[0].startswith("文件00")
    assert 'href="?region=320115&amp;ordering=title&amp;page=2" rel="next"' in html
    second = table_rows(page(client, "/documents/?region=320115&ordering=title&page=2"))
    assert [row[:4] for row in second] == [f"文件{n}" for n in range(25, 30)]
    assert "共 30 条" in html and "第 1 / 2 页" in html


def test_an_export_holds_every_filtered_row_not_one_page(client):
    county = CountyFactory()
    for _ in range(30):
        DocumentFactory(regions=[county])
    assert len(csv_rows(client.get("/documents/?format=csv"))) == 1 + 30


def test_an_export_past_the_cap_says_it_was_cut(client, monkeypatch):
    monkeypatch.setattr(export, "EXPORT_MAX_ROWS", 2)
    DocumentFactory.create_batch(3)
    response = client.get("/documents/?format=xlsx")
    assert response["X-Rows-Truncated"] == "true"
    response = client.get("/documents/?format=csv")
    assert len(csv_rows(response)) == 1 + 2


def test_a_cell_that_looks_like_a_formula_stays_text_in_excel(client):
    DocumentFactory(title="=HYPERLINK(\"http://example.com\")")
    response = client.get("/documents/?format=xlsx")
    assert xlsx_rows(response)[1][1] == "=HYPERLINK(\"http://example.com\")"
    cell = load_workbook(io.BytesIO(response.content)).active["B2"]
    assert cell.data_type == "s"


def test_exports_write_figures_as_people_write_them(client):
    """The database keeps four decimal places; a spreadsheet shows 2800 and 92.5, not 2800.0000."""
    from decimal import Decimal

    from apps.targets.tests.factories import TargetFactory

    TargetFactory(value=Decimal(2800), deadline_year=2022)
    TargetFactory(value=Decimal("92.5"), deadline_year=2023)
    TargetFactory(value=Decimal("0.0125"), deadline_year=2024)
    header, *rows = csv_rows(client.get("/targets/?ordering=deadline_year&format=csv"))
    column = header.index("数值")
    assert [row[column] for row in rows] == ["2800", "92.5", "0.0125"]
    header, *rows = xlsx_rows(client.get("/targets/?ordering=deadline_year&format=xlsx"))
    assert [row[column] for row in rows] == [2800, 92.5, 0.0125]


@pytest.mark.parametrize(("stored", "written"), [
    ("2800.0000", "2800"), ("92.5000", "92.5"), ("1E+4", "10000"), ("0.0001", "0.0001"), ("-3.10", "-3.1"),
])
def test_a_figure_loses_trailing_zeros_and_never_turns_to_exponent_notation(stored, written):
    from decimal import Decimal

    assert str(export.plain_decimal(Decimal(stored))) == written
