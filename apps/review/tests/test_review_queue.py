"""The drafts waiting for review: newest import first, counted, filterable by the importer's notes."""
import pytest
from django.urls import reverse

from apps.curation.models import CurationStatus
from apps.documents.models import Document
from apps.review.tests.pages import REPLY_LETTER, UNDATED_PLAN
from apps.review.tests.support import imported

pytestmark = pytest.mark.django_db
QUEUE = reverse("review_queue")


@pytest.fixture
def letter_then_plan():
    return imported(REPLY_LETTER, "letter"), imported(UNDATED_PLAN, "plan")


def titles(response) -> list[str]:
    return [row.document.title for row in response.context["rows"]]


def test_the_newest_import_comes_first_with_its_records_counted_and_its_notes(curator_client, letter_then_plan):
    letter, plan = letter_then_plan
    response = curator_client.get(QUEUE)
    assert titles(response) == [plan.title, letter.title]
    page = response.content.decode()
    assert "目标 3、观测值 1、提案与答复" in page
    assert "页面上没有发布日期" in page
    assert reverse("review_document", args=[plan.pk]) in page


def test_published_documents_leave_the_queue(curator_client, letter_then_plan):
    letter, plan = letter_then_plan
    Document.objects.filter(pk=letter.pk).update(status=CurationStatus.PUBLISHED)
    assert titles(curator_client.get(QUEUE)) == [plan.title]


@pytest.mark.parametrize("kind, expected", [("no-date", "plan"), ("no-place", "plan"), ("truncated", None)])
def test_the_queue_filters_by_the_importers_note(curator_client, letter_then_plan, kind, expected):
    documents = dict(zip(["letter", "plan"], letter_then_plan))
    response = curator_client.get(QUEUE, {"note": kind})
    assert titles(response) == ([documents[expected].title] if expected else [])


def test_an_unknown_note_kind_says_so_and_lists_every_draft(curator_client, letter_then_plan):
    response = curator_client.get(QUEUE, {"note": "<script>"})
    assert response.status_code == 200
    assert "没有这种导入提示" in response.content.decode()
    assert len(titles(response)) == 2


def test_readers_see_the_queue_and_visitors_are_sent_to_sign_in(read_only_staff_client, client, letter_then_plan):
    assert read_only_staff_client.get(QUEUE).status_code == 200
    assert client.get(QUEUE).status_code == 302
