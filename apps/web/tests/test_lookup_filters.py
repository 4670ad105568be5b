"""Filters over long record lists: a select while short, a lookup the browser fills from the API when long."""
import re

import pytest

from apps.curation.models import CurationStatus
from apps.documents.tests.factories import DocumentFactory
from apps.initiatives.models import Initiative
from apps.initiatives.tests.factories import InitiativeFactory
from apps.regions.tests.factories import CountyFactory, ProvinceFactory
from apps.web import filter_form
from apps.web.tests.support import page, table_rows

pytestmark = pytest.mark.django_db


def select_html(html: str, name: str) -> str:
    match = re.search(rf'<select[^>]* name="{name}"[^>]*>.*?</select>', html, re.DOTALL)
    assert match, f"no select named {name}"
    return match.group(0)


def options(select: str) -> list[str]:
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


@pytest.fixture
def short_limit(monkeypatch):
    """A limit of 3, so that a handful of records make a "long" list."""
    monkeypatch.setattr(filter_form, "SELECT_MAX_CHOICES", 3)


def test_a_short_list_of_initiatives_is_a_plain_select(client):
    InitiativeFactory(name="县管校聘")
    InitiativeFactory(name="集团化办学")
    select = select_html(page(client, "/documents/"), "initiative")
    assert "data-lookup-url" not in select
    assert options(select)[0] == "全部" and sorted(options(select)[1:]) == sorted(["县管校聘", "集团化办学"])


def test_a_long_list_becomes_a_lookup_holding_only_the_chosen_record(client, short_limit):
    for n in range(5):
        InitiativeFactory(name=f"集团化办学{n}")
    chosen = InitiativeFactory(name="县管校聘")
    DocumentFactory(title="有举措的文件").initiatives.add(chosen)
    DocumentFactory(title="别的文件")

    html = page(client, f"/documents/?initiative={chosen.pk}")

    select = select_html(html, "initiative")
    assert 'data-lookup-url="/api/v1/initiatives/"' in select
    assert options(select) == ["全部", "县管校聘"] and f'value="{chosen.pk}" selected' in select
    assert [row[:6] for row in table_rows(html)] == ["有举措的文件"]
    assert "web/lookup.js" in html


def test_a_lookup_with_nothing_chosen_offers_only_all(client, short_limit):
    for n in range(5):
        InitiativeFactory(name=f"集团化办学{n}")
    assert options(select_html(page(client, "/documents/"), "initiative")) == ["全部"]


def test_a_lookup_never_shows_a_draft_to_a_reader(client, short_limit):
    for n in range(5):
        InitiativeFactory(name=f"集团化办学{n}")
    draft = InitiativeFactory(name="尚未发布的举措", status=CurationStatus.DRAFT)
    html = page(client, f"/documents/?initiative={draft.pk}", status=400)
    assert "尚未发布的举措" not in html


def test_the_lookup_asks_the_api_which_finds_by_part_of_the_name(client, short_limit):
    for n in range(5):
        InitiativeFactory(name=f"集团化办学{n}")
    InitiativeFactory(name="县管校聘")
    url = re.search(r'data-lookup-url="([^"]+)"', page(client, "/documents/")).group(1)
    found = client.get(url, {"q": "县管", "page_size": 20}, HTTP_ACCEPT="application/json").json()
    assert [record["name"] for record in found["results"]] == ["县管校聘"]
    assert found["results"][0]["id"] == Initiative.objects.get(name="县管校聘").pk


@pytest.mark.parametrize("url,name", [("/documents/", "organization"), ("/proposals/", "organization"),
                                      ("/targets/", "indicator"), ("/targets/", "initiative")])
def test_each_long_record_filter_becomes_a_lookup(client, short_limit, url, name):
    from apps.organizations.tests.factories import OrganizationFactory
    from apps.targets.tests.factories import IndicatorFactory

    for n in range(5):
        OrganizationFactory(name=f"教育局{n}")
        IndicatorFactory(name=f"指标{n}")
        InitiativeFactory(name=f"举措{n}")
    assert "data-lookup-url" in select_html(page(client, url), name)


REGION_LISTS = ["/documents/", "/proposals/", "/targets/", "/initiatives/", "/commitments/", "/search/?q=学校&",
                "/targets/scorecard/"]


@pytest.mark.parametrize("url", REGION_LISTS)
@pytest.mark.parametrize("code", ["32", "3201", "320100"])
def test_a_region_given_by_code_or_prefix_is_selected_by_its_name(client, url, code):
    DocumentFactory(regions=[CountyFactory()])
    joiner = "" if url.endswith("&") else "?"
    select = select_html(page(client, f"{url}{joiner}region={code}"), "region")
    chosen = re.findall(r"<option[^>]*selected>([^<]*)</option>", select)
    assert [label.strip("\u3000") for label in chosen] == [{"32": "江苏省"}.get(code, "南京市")]
    assert f">{code}<" not in select


def test_a_region_without_records_is_shown_by_name_and_an_unknown_code_as_typed(client):
    DocumentFactory(regions=[CountyFactory()])
    ProvinceFactory(code="130000", name="河北省")
    select = select_html(page(client, "/proposals/?region=13"), "region")
    assert '<option value="13" selected>河北省</option>' in select
    select = select_html(page(client, "/proposals/?region=99"), "region")
    assert '<option value="99" selected>99</option>' in select
