"""The curators' admin as a whole: every model registered, rendering, query budgets, review actions."""
import pytest
from django.apps import apps
from django.contrib import admin
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.commitments.models import Commitment
from apps.commitments.tests.factories import CommitmentFactory
from apps.curation import memo
from apps.curation.admin import CuratedModelAdmin
from apps.curation.models import CuratedModel, CurationStatus
from apps.curation.services import records_set_status
from apps.documents.models import Citation, Document
from apps.documents.tests.factories import DocumentFactory
from apps.initiatives.models import Initiative
from apps.initiatives.tests.factories import InitiativeFactory
from apps.organizations.models import Organization
from apps.organizations.tests.factories import OrganizationFactory
from apps.proposals.models import Proposal, Proposer, Reply
from apps.proposals.tests.factories import ProposerFactory, ReplyFactory
from apps.regions.models import Region, RegionLevel
from apps.regions.tests.factories import CountyFactory, PrefectureFactory
from apps.targets.models import Indicator, Observation, Target
from apps.targets.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory

pytestmark = pytest.mark.django_db

CURATED_APPS = ["regions", "organizations", "documents", "proposals", "initiatives", "targets", "commitments"]
ROWS_FOR_QUERY_BUDGET = 20
# Session, user, two permission look-ups, counts, the page, filters' choices: about ten.
CHANGELIST_MAX_QUERIES = 15


# One row of each model with its relations filled in, so a missing select_related or
# prefetch shows up as extra queries. ``n`` keeps rows distinct.
def _region(n):
    return Region.objects.create(
        code=f"3201{n + 20:02d}", name=f"测试区{n}", level=RegionLevel.COUNTY, parent=PrefectureFactory()
    )


def _document(n):
    return DocumentFactory(regions=[CountyFactory()], source_url=f"https://example.org/{n}", source_site="江宁区人民政府")


def _citation(n):
    return Citation.objects.create(document=DocumentFactory(), cited_title=f"《文件{n}》", cited_document=DocumentFactory())


def _proposal(n):
    proposal = ProposerFactory().proposal
    ReplyFactory(proposal=proposal)
    return proposal


def _reply(n):
    reply = ReplyFactory(document=DocumentFactory())
    reply.co_handling_organizations.add(OrganizationFactory())
    return reply


def _initiative(n):
    initiative = InitiativeFactory(region=CountyFactory(), parent=InitiativeFactory())
    initiative.documents.add(DocumentFactory())
    return initiative


def _target(n):
    indicator = IndicatorFactory(name=f"指标{n}")
    ObservationFactory(indicator=indicator)
    return TargetFactory(indicator=indicator, source_document=DocumentFactory(), initiative=InitiativeFactory())


ROW_MAKERS = {
    Region: _region,
    Organization: lambda n: OrganizationFactory(),
    Document: _document,
    Citation: _citation,
    Proposal: _proposal,
    Proposer: lambda n: ProposerFactory(),
    Reply: _reply,
    Initiative: _initiative,
    Indicator: lambda n: IndicatorFactory(name=f"指标{n}"),
    Target: _target,
    Observation: lambda n: ObservationFactory(source_document=DocumentFactory()),
    Commitment: lambda n: CommitmentFactory(),
}
MODELS = list(ROW_MAKERS)
CURATED_MODELS = [model for model in MODELS if issubclass(model, CuratedModel)]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_model_of_the_curated_apps_is_registered():
    curated_app_models = {
        model for label in CURATED_APPS for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
    }
    assert curated_app_models == set(MODELS)
    assert all(admin.site.is_registered(model) for model in MODELS)


@pytest.mark.parametrize("model", CURATED_MODELS, ids=lambda m: m.__name__)
def test_curated_admins_show_filter_and_act_on_status(model):
    model_admin = admin.site.get_model_admin(model)
    assert isinstance(model_admin, CuratedModelAdmin)
    assert "status" in model_admin.list_display
    assert "status" in model_admin.list_filter
    assert {"mark_reviewed", "publish"} <= set(model_admin.actions)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_add_and_change_forms_render_for_a_curator(model, curator_client):
    record = ROW_MAKERS[model](0)
    changelist = curator_client.get(admin_url(model, "changelist"))
    assert changelist.status_code == 200
    assert changelist.context["cl"].result_count >= 1
    assert curator_client.get(admin_url(model, "add")).status_code == 200
    assert curator_client.get(admin_url(model, "change", record.pk)).status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_queries_do_not_grow_with_rows(model, curator_client, django_assert_max_num_queries):
    make_row = ROW_MAKERS[model]
    make_row(0)
    url = admin_url(model, "changelist")
    curator_client.get(url)  # warm caches (content types, session) so both counts compare like for like
    memo.forget_all()  # ... but not the list's count: the rows made below make it counted again too
    with CaptureQueriesContext(connection) as one_row:
        assert curator_client.get(url).status_code == 200
    assert len(one_row) <= CHANGELIST_MAX_QUERIES
    for n in range(1, ROWS_FOR_QUERY_BUDGET):
        make_row(n)
    with django_assert_max_num_queries(len(one_row)):
        response = curator_client.get(url)
    assert response.context["cl"].result_count >= ROWS_FOR_QUERY_BUDGET


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_readers_and_visitors_are_sent_to_login(model, reader_client):
    url = admin_url(model, "changelist")
    for visitor in (reader_client, Client()):
        response = visitor.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize(
    ("action", "status"), [("mark_reviewed", CurationStatus.REVIEWED), ("publish", CurationStatus.PUBLISHED)]
)
@pytest.mark.parametrize("model", CURATED_MODELS, ids=lambda m: m.__name__)
def test_review_actions_change_status_and_write_history(model, action, status, curator, curator_client):
    records = [ROW_MAKERS[model](n) for n in range(2)]
    model.objects.filter(pk__in=[r.pk for r in records]).update(status=CurationStatus.DRAFT)
    untouched = ROW_MAKERS[model](2)
    untouched_status = untouched.status

    response = curator_client.post(
        admin_url(model, "changelist"),
        {"action": action, "_selected_action": [r.pk for r in records], "index": 0},
        follow=True,
    )

    assert response.status_code == 200
    assert "2" in str(list(response.context["messages"])[0])
    for record in records:
        record.refresh_from_db()
        assert record.status == status
        latest = record.history.latest()
        assert (latest.status, latest.history_user, latest.history_change_reason) == (status, curator, status.label)
    untouched.refresh_from_db()
    assert untouched.status == untouched_status


def test_setting_status_skips_records_already_there(curator):
    draft, published = DocumentFactory(status=CurationStatus.DRAFT), DocumentFactory()
    versions_before = published.history.count()

    changed = records_set_status(queryset=Document.objects.all(), status=CurationStatus.PUBLISHED, user=curator)

    assert changed == 1
    draft.refresh_from_db()
    assert draft.status == CurationStatus.PUBLISHED
    assert published.history.count() == versions_before


def test_setting_status_accepts_a_distinct_queryset(curator):
    document = DocumentFactory(status=CurationStatus.DRAFT, regions=[CountyFactory(), PrefectureFactory()])

    queryset = Document.objects.in_region("320000")  # joins the regions and adds DISTINCT
    changed = records_set_status(queryset=queryset, status=CurationStatus.REVIEWED, user=curator)

    assert changed == 1
    document.refresh_from_db()
    assert document.status == CurationStatus.REVIEWED
