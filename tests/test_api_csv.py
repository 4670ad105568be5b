"""Every list exports as CSV with ?format=csv, under the same filters, every filtered row."""
import pytest

from apps.curation.api import views as api_views
from apps.curation.api.pagination import DEFAULT_PAGE_SIZE
from apps.curation.tests.api_support import API, csv_rows, fresh_throttle_history  # noqa: F401 (autouse fixture)
from apps.documents.tests.factories import DocumentFactory
from apps.initiatives.tests.factories import InitiativeFactory
from apps.proposals.tests.factories import ProposerFactory, ReplyFactory
from apps.regions.models import Region, RegionLevel
from apps.regions.tests.factories import CountyFactory
from apps.targets.tests.factories import ObservationFactory, TargetFactory

pytestmark = pytest.mark.django_db

LISTS = [
    "regions", "organizations", "documents", "proposals", "replies", "initiatives", "indicators", "targets",
    "observations",
]


@pytest.fixture
def records():
    jiangning = CountyFactory()
    document = DocumentFactory(regions=[jiangning])
    reply = ReplyFactory(document=document)
    ProposerFactory(proposal=reply.proposal, name="蔡晶")
    ProposerFactory(proposal=reply.proposal, name="联名人", is_lead=False)
    InitiativeFactory(region=jiangning).documents.add(document)
    TargetFactory(source_document=document)
    ObservationFactory(source_document=document)
    return reply


@pytest.mark.parametrize("endpoint", LISTS)
def test_every_list_exports_csv_that_the_csv_module_parses(client, records, endpoint):
    response = client.get(API + f"{endpoint}/", {"format": "csv"})
    rows = csv_rows(response)
    assert rows, endpoint
    assert "url" in rows[0]
    assert response["Content-Disposition"].startswith("attachment; filename=")


def test_nested_fields_become_dotted_columns_and_lists_share_a_cell(client, records):
    row = csv_rows(client.get(API + "proposals/", {"format": "csv"}))[0]
    assert row["region.code"] == "320115"
    assert row["region.name"] == "江宁区"
    assert row["proposers.name"] == "蔡晶; 联名人"
    assert row["proposers.is_lead"] == "true; false"
    assert row["replies.result_code"] == "B"
    assert row["url"].endswith(f"/api/v1/proposals/{records.proposal_id}/")
    assert row["region.url"].endswith("/api/v1/regions/320115/")


def test_csv_applies_the_same_filters(client, records):
    hebei = Region.objects.create(code="130000", name="河北省", level=RegionLevel.PROVINCE)
    handan = Region.objects.create(code="130400", name="邯郸市", level=RegionLevel.PREFECTURE, parent=hebei)
    ReplyFactory(proposal__region=handan)
    rows = csv_rows(client.get(API + "proposals/", {"format": "csv", "region": "3201"}))
    assert [row["region.code"] for row in rows] == ["320115"]


def test_csv_holds_every_filtered_row_not_one_page(client):
    DocumentFactory.create_batch(DEFAULT_PAGE_SIZE + 5)
    assert len(csv_rows(client.get(API + "documents/", {"format": "csv"}))) == DEFAULT_PAGE_SIZE + 5
    assert len(client.get(API + "documents/").json()["results"]) == DEFAULT_PAGE_SIZE


def test_csv_past_the_cap_is_cut_and_says_so(client, monkeypatch):
    monkeypatch.setattr(api_views, "CSV_MAX_ROWS", 3)
    DocumentFactory.create_batch(4)
    response = client.get(API + "documents/", {"format": "csv"})
    assert len(csv_rows(response)) == 3
    assert response["X-Rows-Truncated"] == "true"
    narrowed = client.get(API + "documents/", {"format": "csv", "doc_type": "news"})
    assert narrowed.status_code == 200 and "X-Rows-Truncated" not in narrowed


def test_csv_with_a_malformed_filter_is_still_a_400(client):
    response = client.get(API + "documents/", {"format": "csv", "region": "x"})
    assert response.status_code == 400
    assert "region" in response.content.decode("utf-8-sig")


def test_csv_writes_figures_as_people_write_them_while_json_keeps_four_places(client):
    from decimal import Decimal

    TargetFactory(value=Decimal("2800"), deadline_year=2022)
    TargetFactory(value=Decimal("92.5"), deadline_year=2023)
    rows = csv_rows(client.get(API + "targets/", {"format": "csv", "ordering": "deadline_year"}))
    assert [row["value"] for row in rows] == ["2800", "92.5"]
    body = client.get(API + "targets/", {"ordering": "deadline_year"}).json()
    assert [record["value"] for record in body["results"]] == ["2800.0000", "92.5000"]
