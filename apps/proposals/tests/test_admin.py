"""The proposal admin with proposers and replies inline, and the reply admin."""
import pytest
from django.urls import reverse

from apps.curation.models import CurationStatus
from apps.documents.tests.test_admin import change_form_data
from apps.organizations.tests.factories import OrganizationFactory
from apps.proposals.models import Proposal, ProposalKind, ResultCode
from apps.proposals.tests.factories import ProposalFactory, ProposerFactory, ReplyFactory
from apps.regions.tests.factories import CountyFactory

pytestmark = pytest.mark.django_db

PROPOSALS = reverse("admin:proposals_proposal_changelist")
REPLIES = reverse("admin:proposals_reply_changelist")


@pytest.fixture
def jiangning_proposal():
    """Seed 000: 蔡晶's proposal, answered by the district bureau."""
    proposal = ProposalFactory(number="JNZX13010181")
    ProposerFactory(proposal=proposal, name="蔡晶")
    ProposerFactory(proposal=proposal, name="王某", is_lead=False)
    reply = ReplyFactory(proposal=proposal, result_code="")
    reply.co_handling_organizations.add(OrganizationFactory(name="南京市江宁区人力资源和社会保障局"))
    return proposal


def listed(response):
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def test_search_by_proposer_name(curator_client, jiangning_proposal):
    ProposalFactory()
    assert listed(curator_client.get(PROPOSALS, {"q": "蔡晶"})) == [jiangning_proposal]


def test_filter_by_kind(curator_client, jiangning_proposal):
    suggestion = ProposalFactory(kind=ProposalKind.SUGGESTION, session="邯郸市第十五届人民代表大会", number="76")
    assert listed(curator_client.get(PROPOSALS, {"kind__exact": "suggestion"})) == [suggestion]


def test_changelist_shows_lead_proposer_and_reply_count(curator_client, jiangning_proposal):
    response = curator_client.get(PROPOSALS)
    model_admin = response.context["cl"].model_admin
    [row] = listed(response)
    assert model_admin.lead_proposer_name(row) == "蔡晶委员"
    assert model_admin.reply_count(row) == 1


def test_change_form_has_proposers_and_replies_inline(curator_client, jiangning_proposal):
    response = curator_client.get(reverse("admin:proposals_proposal_change", args=[jiangning_proposal.pk]))

    inlines = {inline.opts.model._meta.model_name: inline for inline in response.context["inline_admin_formsets"]}
    assert [len(inlines[name].formset.forms) for name in ("proposer", "reply")] == [2, 1]
    co_handling = inlines["reply"].formset.forms[0]["co_handling_organizations"]
    assert "admin-autocomplete" in str(co_handling)
    assert "南京市江宁区人力资源和社会保障局" in response.content.decode()


def test_proposal_added_with_its_proposer_and_reply(curator, curator_client):
    bureau = OrganizationFactory(name="南京市江宁区教育局")
    co_handler = OrganizationFactory(name="南京市江宁区财政局")
    data = {
        "kind": ProposalKind.PROPOSAL, "session": "江宁区政协十三届一次会议", "number": "JNZX13010182",
        "title": "关于加强师资交流的提案", "region": CountyFactory().pk, "status": CurationStatus.DRAFT,
        "proposers-TOTAL_FORMS": "1", "proposers-INITIAL_FORMS": "0",
        "proposers-0-name": "蔡晶", "proposers-0-role": "委员", "proposers-0-is_lead": "on",
        "replies-TOTAL_FORMS": "1", "replies-INITIAL_FORMS": "0",
        "replies-0-reply_kind": "final", "replies-0-reply_date": "2022-10-14",
        "replies-0-responding_organization": bureau.pk, "replies-0-co_handling_organizations": [co_handler.pk],
        "replies-0-result_code": ResultCode.A, "replies-0-disclosure": "true", "replies-0-status": CurationStatus.DRAFT,
        # A cleared copy-to box is saved as an empty list, not refused by the NOT NULL column.
        "replies-0-copy_to": "",
    }

    response = curator_client.post(reverse("admin:proposals_proposal_add"), data)

    assert response.status_code == 302, response.context["errors"] if response.context else response
    proposal = Proposal.objects.get(number="JNZX13010182")
    assert str(proposal.lead_proposer) == "蔡晶委员"
    reply = proposal.replies.get()
    assert (reply.responding_organization, reply.copy_to, reply.disclosure) == (bureau, [], True)
    assert list(reply.co_handling_organizations.all()) == [co_handler]
    assert {entry.history_user for entry in reply.history.all()} == {curator}


def test_only_one_lead_proposer_is_accepted(curator_client, jiangning_proposal):
    response = curator_client.get(reverse("admin:proposals_proposal_change", args=[jiangning_proposal.pk]))
    data = change_form_data(response)
    co_signer_lead_field = "proposers-1-is_lead"
    assert co_signer_lead_field not in data
    data[co_signer_lead_field] = "on"

    response = curator_client.post(reverse("admin:proposals_proposal_change", args=[jiangning_proposal.pk]), data)

    assert response.status_code == 200
    assert "只能有一位领衔提案人" in response.content.decode()
    assert jiangning_proposal.proposers.filter(is_lead=True).count() == 1


def test_replies_filter_by_result_code_and_search_by_proposal_number(curator_client, jiangning_proposal):
    answered_b = ReplyFactory(result_code=ResultCode.B)
    assert listed(curator_client.get(REPLIES, {"result_code__exact": "B"})) == [answered_b]
    assert listed(curator_client.get(REPLIES, {"q": "JNZX13010181"})) == [jiangning_proposal.replies.get()]


def test_reply_changelist_links_its_proposal(curator_client, jiangning_proposal):
    content = curator_client.get(REPLIES).content.decode()
    assert reverse("admin:proposals_proposal_change", args=[jiangning_proposal.pk]) in content
