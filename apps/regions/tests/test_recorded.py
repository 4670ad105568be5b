"""The regions with records: asked once, then remembered until a record that names a region changes."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.curation.models import CurationStatus
from apps.documents.tests.factories import DocumentFactory
from apps.initiatives.tests.factories import InitiativeFactory
from apps.proposals.tests.factories import ProposalFactory
from apps.regions.models import Region, RegionLevel
from apps.regions.tests.factories import CountyFactory, ProvinceFactory
from apps.targets.tests.factories import ObservationFactory, TargetFactory
from apps.web.tests.support import page

pytestmark = pytest.mark.django_db


@pytest.fixture
def hebei():
    province = ProvinceFactory(code="130000", name="河北省")
    return Region.objects.create(code="130400", name="邯郸市", level=RegionLevel.PREFECTURE, parent=province)


def region_options(client) -> str:
    html = page(client, "/documents/")
    return html[html.index('name="region"'):html.index("</select>", html.index('name="region"'))]


def test_a_second_page_asks_the_database_nothing_about_regions(client):
    DocumentFactory(regions=[CountyFactory()])
    with CaptureQueriesContext(connection) as first:
        page(client, "/documents/")
    assert [q for q in first if "EXISTS" in q["sql"]]
    with CaptureQueriesContext(connection) as queries:
        page(client, "/documents/")
    assert not [q for q in queries if "EXISTS" in q["sql"]]  # the documents' own regions still come


@pytest.mark.parametrize("record", ["document", "proposal", "target", "observation", "initiative"])
def test_a_new_record_shows_its_region_at_once(client, hebei, record):
    DocumentFactory(regions=[CountyFactory()])
    assert "邯郸市" not in region_options(client)  # now remembered without 邯郸市
    {
        "document": lambda: DocumentFactory(regions=[hebei]),
        "proposal": lambda: ProposalFactory(region=hebei),
        "target": lambda: TargetFactory(region=hebei),
        "observation": lambda: ObservationFactory(region=hebei),
        "initiative": lambda: InitiativeFactory(region=hebei),
    }[record]()
    options = region_options(client)
    assert "邯郸市" in options and "河北省" in options


def test_a_region_added_to_a_document_shows_at_once(client, hebei):
    document = DocumentFactory(regions=[CountyFactory()])
    assert "邯郸市" not in region_options(client)
    document.regions.add(hebei)
    assert "邯郸市" in region_options(client)


def test_unpublishing_the_only_record_takes_its_region_out_of_the_readers_list(client, hebei):
    target = TargetFactory(region=hebei)
    assert "邯郸市" in region_options(client)
    target.status = CurationStatus.DRAFT
    target.save()
    assert "邯郸市" not in region_options(client)


def test_staff_and_readers_are_remembered_apart(client, admin_client, hebei):
    TargetFactory(region=hebei, status=CurationStatus.DRAFT)
    assert "邯郸市" in region_options(admin_client)
    assert "邯郸市" not in region_options(client)
