import datetime

import pytest
from django.db import IntegrityError, transaction

from apps.proposals.models import ProposalKind
from apps.proposals.tests.factories import ProposalFactory, ProposerFactory, ReplyFactory

pytestmark = pytest.mark.django_db


def test_a_number_is_unique_within_its_session_and_kind():
    ProposalFactory(number="76", session="邯郸市第十五届人民代表大会", kind=ProposalKind.SUGGESTION)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalFactory(number="76", session="邯郸市第十五届人民代表大会", kind=ProposalKind.SUGGESTION)
    # The same number is free in another session, or for the other kind.
    ProposalFactory(number="76", session="邯郸市第十六届人民代表大会", kind=ProposalKind.SUGGESTION)
    ProposalFactory(number="76", session="邯郸市第十五届人民代表大会", kind=ProposalKind.PROPOSAL)


def test_the_reply_is_due_three_months_after_assignment_unless_set():
    assert ProposalFactory(assigned_date=datetime.date(2022, 1, 15)).due_date == datetime.date(2022, 4, 15)
    # Month ends clamp: 30 November + 3 months is the last day of February.
    assert ProposalFactory(assigned_date=datetime.date(2022, 11, 30)).due_date == datetime.date(2023, 2, 28)
    set_by_hand = ProposalFactory(assigned_date=datetime.date(2022, 1, 15), due_date=datetime.date(2022, 6, 1))
    assert set_by_hand.due_date == datetime.date(2022, 6, 1)
    assert ProposalFactory(assigned_date=None).due_date is None


def test_a_proposal_has_one_lead_proposer_and_any_number_of_co_signers():
    proposal = ProposalFactory()
    ProposerFactory(proposal=proposal, name="蔡晶", is_lead=True)
    ProposerFactory(proposal=proposal, name="联名甲", is_lead=False)
    ProposerFactory(proposal=proposal, name="联名乙", is_lead=False)
    assert proposal.lead_proposer.name == "蔡晶"
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposerFactory(proposal=proposal, name="第二个领衔", is_lead=True)


def test_a_proposal_can_have_an_interim_and_a_final_reply():
    proposal = ProposalFactory()
    ReplyFactory(proposal=proposal, reply_kind="interim", reply_date=datetime.date(2022, 5, 1))
    ReplyFactory(proposal=proposal, reply_kind="final", reply_date=datetime.date(2022, 9, 1))
    assert [r.reply_kind for r in proposal.replies.all()] == ["interim", "final"]


def test_a_result_code_outside_the_choices_is_refused_by_validation():
    reply = ReplyFactory.build(proposal=ProposalFactory(), result_code="E", responding_organization=None)
    with pytest.raises(Exception, match="result_code"):
        reply.full_clean()
