"""Publishing a document publishes what was drawn from it; taking it back takes back what only it holds up."""
import pytest
from django.urls import reverse

from apps.curation.models import CurationStatus
from apps.demo.seeds.schema import RAW_DIR
from apps.documents.models import Document
from apps.documents.tests.test_admin import change_form_data
from apps.ingest.services import document_import
from apps.proposals.models import Proposal, Reply
from apps.targets.models import Observation, Target

pytestmark = pytest.mark.django_db

DOCUMENTS = reverse("admin:documents_document_changelist")
PROPOSALS = reverse("admin:proposals_proposal_changelist")
REPLY_PAGE = "003_52d8804a3cf02937.txt"  # the Handan reply letter: a proposal, a reply, a target, observations


@pytest.fixture
def imported_reply():
    return document_import(raw=(RAW_DIR / REPLY_PAGE).read_bytes(), filename=REPLY_PAGE).document


def statuses(document) -> set[str]:
    reply = Reply.objects.get(document=document)
    return {
        document.status, reply.status, reply.proposal.status,
        *Target.objects.filter(source_document=document).values_list("status", flat=True),
        *Observation.objects.filter(source_document=document).values_list("status", flat=True),
    }


def act(client, changelist, action, pk, confirm=False):
    data = {"action": action, "_selected_action": [pk]}
    if confirm:
        data["confirm"] = "1"
    return client.post(changelist, data, follow=confirm)


def test_the_page_before_publishing_lists_what_will_change_and_changes_nothing(reviewer_client, imported_reply):
    response = act(reviewer_client, DOCUMENTS, "publish_with_drawn", imported_reply.pk)
    changes = dict(response.context["changes"])
    assert changes[str(Document._meta.verbose_name_plural)] == 1
    assert changes[str(Reply._meta.verbose_name_plural)] == 1
    assert changes[str(Proposal._meta.verbose_name_plural)] == 1
    assert changes[str(Target._meta.verbose_name_plural)] == Target.objects.filter(source_document=imported_reply).count()
    assert statuses(imported_reply) == {CurationStatus.DRAFT}


def test_publishing_a_document_publishes_everything_drawn_from_it_in_each_records_history(
    reviewer, reviewer_client, imported_reply,
):
    response = act(reviewer_client, DOCUMENTS, "publish_with_drawn", imported_reply.pk, confirm=True)
    assert "已设为“已发布”" in response.content.decode()
    imported_reply.refresh_from_db()
    assert statuses(imported_reply) == {CurationStatus.PUBLISHED}
    reply = Reply.objects.get(document=imported_reply)
    assert reply.history.latest().history_user == reviewer


def test_taking_a_document_back_leaves_a_proposal_another_published_reply_answers(reviewer_client, imported_reply):
    act(reviewer_client, DOCUMENTS, "publish_with_drawn", imported_reply.pk, confirm=True)
    proposal = Reply.objects.get(document=imported_reply).proposal
    Reply.objects.create(proposal=proposal, status=CurationStatus.PUBLISHED)
    act(reviewer_client, DOCUMENTS, "draft_with_drawn", imported_reply.pk, confirm=True)
    imported_reply.refresh_from_db()
    assert imported_reply.status == CurationStatus.DRAFT
    assert Reply.objects.get(document=imported_reply).status == CurationStatus.DRAFT
    assert set(Target.objects.filter(source_document=imported_reply).values_list("status", flat=True)) == {
        CurationStatus.DRAFT,
    }
    proposal.refresh_from_db()
    assert proposal.status == CurationStatus.PUBLISHED


def test_a_proposal_publishes_with_its_replies(reviewer_client, imported_reply):
    proposal = Reply.objects.get(document=imported_reply).proposal
    act(reviewer_client, PROPOSALS, "publish_with_drawn", proposal.pk, confirm=True)
    proposal.refresh_from_db()
    assert proposal.status == CurationStatus.PUBLISHED
    assert set(proposal.replies.values_list("status", flat=True)) == {CurationStatus.PUBLISHED}


def test_a_reader_cannot_publish(reader_client, imported_reply):
    response = act(reader_client, DOCUMENTS, "publish_with_drawn", imported_reply.pk, confirm=True)
    assert response.status_code in (200, 403)
    assert statuses(imported_reply) == {CurationStatus.DRAFT}


def test_unpublishing_a_document_takes_what_is_drawn_from_it_back_to_reviewed(reviewer_client, imported_reply):
    act(reviewer_client, DOCUMENTS, "publish_with_drawn", imported_reply.pk, confirm=True)
    act(reviewer_client, DOCUMENTS, "review_with_drawn", imported_reply.pk, confirm=True)
    imported_reply.refresh_from_db()
    assert statuses(imported_reply) == {CurationStatus.REVIEWED}


def test_publishing_in_the_change_form_offers_to_publish_what_is_drawn_from_it(curator_client, imported_reply):
    url = reverse("admin:documents_document_change", args=[imported_reply.pk])
    data = change_form_data(curator_client.get(url))
    offer = curator_client.post(url, {**data, "status": CurationStatus.PUBLISHED})

    assert "从它读出的记录还没有跟着改变" in offer.content.decode()
    assert dict(offer.context["changes"])[str(Target._meta.verbose_name_plural)] >= 1
    imported_reply.refresh_from_db()
    assert imported_reply.status == CurationStatus.PUBLISHED
    assert Reply.objects.get(document=imported_reply).status == CurationStatus.DRAFT

    act(curator_client, DOCUMENTS, offer.context["action"], imported_reply.pk, confirm=True)
    assert statuses(imported_reply) == {CurationStatus.PUBLISHED}
