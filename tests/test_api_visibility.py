"""Who sees what: published records for everyone, drafts and reviewed records for curators only.

Three users throughout: a curator (staff, in the curators group), a logged-in reader
with no staff rights, and an anonymous visitor.
"""
import pytest
from django.test import Client

from apps.curation.models import CurationStatus
from apps.curation.tests.api_support import API, fresh_throttle_history  # noqa: F401 (autouse fixture)
from apps.documents.tests.factories import DocumentFactory
from apps.initiatives.tests.factories import InitiativeFactory
from apps.organizations.tests.factories import OrganizationFactory
from apps.proposals.tests.factories import ProposalFactory, ReplyFactory
from apps.regions.tests.factories import CountyFactory
from apps.targets.tests.factories import ObservationFactory, TargetFactory

pytestmark = pytest.mark.django_db

CURATED = {
    "documents": lambda status: DocumentFactory(status=status),
    "proposals": lambda status: ProposalFactory(status=status),
    "replies": lambda status: ReplyFactory(status=status),
    "initiatives": lambda status: InitiativeFactory(status=status),
    "targets": lambda status: TargetFactory(status=status),
    "observations": lambda status: ObservationFactory(status=status),
}
STATUSES = [CurationStatus.PUBLISHED, CurationStatus.REVIEWED, CurationStatus.DRAFT]


@pytest.fixture
def clients(curator, reader):
    curator_client, reader_client = Client(), Client()
    curator_client.force_login(curator)
    reader_client.force_login(reader)
    return {"curator": curator_client, "reader": reader_client, "anonymous": Client()}


@pytest.mark.parametrize("endpoint", CURATED)
def test_lists_and_details_show_drafts_and_reviewed_records_to_curators_only(clients, endpoint):
    records = {status: CURATED[endpoint](status) for status in STATUSES}
    published = records[CurationStatus.PUBLISHED]

    for who, client in clients.items():
        listed = {r["id"] for r in client.get(API + f"{endpoint}/").json()["results"]}
        if who == "curator":
            assert listed == {record.pk for record in records.values()}
        else:
            assert listed == {published.pk}, who
        for status, record in records.items():
            expected = 200 if who == "curator" or status == CurationStatus.PUBLISHED else 404
            assert client.get(API + f"{endpoint}/{record.pk}/").status_code == expected, (who, status)


def test_status_filter_finds_drafts_for_curators_and_nothing_for_others(clients):
    draft = DocumentFactory(status=CurationStatus.DRAFT)
    assert [r["id"] for r in clients["curator"].get(API + "documents/?status=draft").json()["results"]] == [draft.pk]
    assert clients["reader"].get(API + "documents/?status=draft").json()["results"] == []
    assert clients["anonymous"].get(API + "documents/?status=draft").json()["results"] == []


def test_reference_data_is_visible_to_everyone(clients):
    region = CountyFactory()
    organization = OrganizationFactory()
    indicator = TargetFactory().indicator  # an indicator is public once a published figure is on it
    for client in clients.values():
        assert client.get(API + f"regions/{region.code}/").status_code == 200
        assert client.get(API + f"organizations/{organization.pk}/").status_code == 200
        assert client.get(API + f"indicators/{indicator.pk}/").status_code == 200


def test_nested_records_follow_the_same_rule(clients):
    proposal = ProposalFactory()
    published = ReplyFactory(proposal=proposal)
    ReplyFactory(proposal=proposal, status=CurationStatus.REVIEWED)
    document = DocumentFactory()
    TargetFactory(source_document=document)
    TargetFactory(source_document=document, status=CurationStatus.DRAFT, deadline_year=2030)

    for who, client in clients.items():
        nested = client.get(API + f"proposals/{proposal.pk}/").json()["replies"]
        drawn = client.get(API + f"documents/{document.pk}/").json()["targets"]
        if who == "curator":
            assert len(nested) == 2 and len(drawn) == 2
        else:
            assert [reply["id"] for reply in nested] == [published.pk], who
            assert len(drawn) == 1, who


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_refused(clients, method):
    """The API is read-only: 403 for the anonymous visitor, 405 for anyone logged in."""
    document = DocumentFactory()
    for who, client in clients.items():
        for url in (API + "documents/", API + f"documents/{document.pk}/"):
            response = getattr(client, method)(url, data={"title": "改"}, content_type="application/json")
            expected = (401, 403) if who == "anonymous" else (405,)
            assert response.status_code in expected, (who, method, url, response.status_code)
    document.refresh_from_db()
    assert document.title != "改"
