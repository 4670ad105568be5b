"""A curator reviews one imported reply letter on one page: every record read from it marked in
the text and shown as a short form, accepted, corrected or rejected, then all published at once."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.curation.models import CurationStatus
from apps.documents.models import Document
from apps.proposals.models import Proposal, Reply
from apps.review.tests.pages import PLACE, REPLY_LETTER, UNDATED_PLAN
from apps.review.tests.support import imported, posted_back
from apps.targets.models import Observation, Target

pytestmark = pytest.mark.django_db
PUBLISHED = CurationStatus.PUBLISHED


@pytest.fixture
def letter(curator):
    return imported(REPLY_LETTER, "letter", user=curator)


def review_url(document) -> str:
    return reverse("review_document", args=[document.pk])


def test_every_record_read_from_the_letter_is_marked_in_its_text_and_has_a_form(curator_client, letter):
    response = curator_client.get(review_url(letter))
    page = response.content.decode()
    reply = Reply.objects.get(document=letter)
    records = [
        ("proposal", reply.proposal), ("reply", reply),
        *(("target", target) for target in Target.objects.filter(source_document=letter)),
        *(("observation", observation) for observation in Observation.objects.filter(source_document=letter)),
        *(("commitment", commitment) for commitment in letter.commitments.all()),
        *(("initiative", initiative) for initiative in letter.initiatives.all()),
    ]
    assert len(records) >= 8
    for kind, record in records:
        assert f'id="item-{kind}-{record.pk}"' in page, kind
        assert f'name="{kind}-{record.pk}-decision"' in page, kind
    for kind in ("proposal", "target", "observation", "commitment"):
        assert f'class="quote quote--{kind}"' in page
    local_programme = letter.initiatives.get(name__contains=PLACE)
    assert f'id="initiative-{local_programme.pk}"' in page  # marked inside the promise that names it
    assert "全部发布" in page


def test_publish_all_publishes_the_document_and_everything_accepted_in_one_step(curator_client, client, letter):
    response = curator_client.get(review_url(letter))
    after = curator_client.post(review_url(letter), posted_back(response, action="publish"), follow=True)

    message = str(list(after.context["messages"])[0])
    assert "已设为“已发布”" in message and "目标 3" in message
    reply = Reply.objects.select_related("proposal").get(document=letter)
    assert Document.objects.get(pk=letter.pk).status == PUBLISHED
    assert reply.status == PUBLISHED and reply.proposal.status == PUBLISHED
    assert set(Target.objects.filter(source_document=letter).values_list("status", flat=True)) == {PUBLISHED}
    assert set(Observation.objects.filter(source_document=letter).values_list("status", flat=True)) == {PUBLISHED}
    assert set(letter.commitments.values_list("status", flat=True)) == {PUBLISHED}
    public = client.get(f"/proposals/{reply.proposal.pk}/").content.decode()
    assert "尚无答复" not in public and "徐州市教育局" in public


def test_a_rejected_target_is_deleted_and_its_history_kept(curator_client, curator, letter):
    target = Target.objects.filter(source_document=letter).first()
    response = curator_client.get(review_url(letter))
    curator_client.post(review_url(letter), posted_back(response, **{f"target-{target.pk}-decision": "reject"}))

    assert not Target.objects.filter(pk=target.pk).exists()
    deleted = Target.history.filter(id=target.pk, history_type="-").get()
    assert deleted.history_user == curator
    assert Target.objects.filter(source_document=letter).count() == 2


def test_a_corrected_value_is_saved_under_the_curator_and_the_rest_marked_reviewed(curator_client, curator, letter):
    target = Target.objects.filter(source_document=letter, unit="个").get()
    response = curator_client.get(review_url(letter))
    curator_client.post(review_url(letter), posted_back(response, **{f"target-{target.pk}-value": "2750"}))

    target.refresh_from_db()
    assert target.value == 2750 and target.status == CurationStatus.REVIEWED
    assert target.history.first().history_user == curator
    assert Document.objects.get(pk=letter.pk).status == CurationStatus.REVIEWED


def test_an_item_left_for_later_stays_a_draft_when_the_rest_is_published(curator_client, letter):
    observation = Observation.objects.get(source_document=letter)
    response = curator_client.get(review_url(letter))
    data = posted_back(response, action="publish", **{f"observation-{observation.pk}-decision": "later"})
    curator_client.post(review_url(letter), data)

    observation.refresh_from_db()
    assert observation.status == CurationStatus.DRAFT
    assert Document.objects.get(pk=letter.pk).status == PUBLISHED


def test_an_unknown_indicator_name_is_refused_and_nothing_changes(curator_client, letter):
    target = Target.objects.filter(source_document=letter).first()
    response = curator_client.get(review_url(letter))
    data = posted_back(response, action="publish", **{f"target-{target.pk}-indicator_name": "没有这个指标"})
    refused = curator_client.post(review_url(letter), data)

    assert refused.status_code == 200
    assert "没有名为“没有这个指标”的指标" in refused.content.decode()
    assert Document.objects.get(pk=letter.pk).status == CurationStatus.DRAFT
    assert Target.objects.get(pk=target.pk).indicator_id == target.indicator_id


def test_a_page_opened_before_someone_elses_save_is_refused_with_what_they_changed(curator_client, letter):
    target = Target.objects.filter(source_document=letter, unit="个").get()
    response = curator_client.get(review_url(letter))
    target.value = 2800
    target.save()  # another curator, meanwhile
    refused = curator_client.post(review_url(letter), posted_back(response, **{f"target-{target.pk}-value": "2750"}))

    assert "您的修改没有保存" in refused.content.decode()
    target.refresh_from_db()
    assert target.value == 2800 and target.status == CurationStatus.DRAFT


def test_reviewers_publish_but_cannot_edit_or_reject(reviewer_client, letter):
    target = Target.objects.filter(source_document=letter, unit="个").get()
    response = reviewer_client.get(review_url(letter))
    page = response.content.decode()
    assert f'name="target-{target.pk}-decision" value="reject"' not in page
    data = posted_back(response, action="publish", **{f"target-{target.pk}-value": "1"})
    reviewer_client.post(review_url(letter), data)

    target.refresh_from_db()
    assert target.value == 2700 and target.status == PUBLISHED


def test_readers_look_without_buttons_and_cannot_post(read_only_staff_client, client, letter):
    response = read_only_staff_client.get(review_url(letter))
    assert response.status_code == 200 and "全部发布" not in response.content.decode()
    assert read_only_staff_client.post(review_url(letter), {"action": "publish"}).status_code == 403
    assert client.get(review_url(letter)).status_code == 302  # to the sign-in page
    assert Document.objects.get(pk=letter.pk).status == CurationStatus.DRAFT


def test_a_proposal_another_reply_answers_cannot_be_rejected_or_edited_here(curator_client, letter):
    second = imported(REPLY_LETTER.replace("2024年7月10日", "2024年9月2日").replace("2700", "2900"), "second")
    proposal = Reply.objects.get(document=second).proposal
    assert proposal == Reply.objects.get(document=letter).proposal
    page = curator_client.get(review_url(second)).content.decode()
    assert f'name="proposal-{proposal.pk}-decision" value="reject"' not in page
    assert "已收录" in page  # the importer's note, beside the proposal


def test_the_review_page_costs_the_same_queries_however_many_targets(curator_client, letter):
    more = "到2026年,片区学前三年毛入园率达到98%,公办园在园幼儿占比达到55%,新增保育教师120名。\n"
    longer = imported(REPLY_LETTER.replace("第73号", "第81号").replace("感谢您", more + "感谢您"), "longer")
    assert Target.objects.filter(source_document=longer).count() > Target.objects.filter(source_document=letter).count()
    counts = []
    for document in (letter, longer):
        with CaptureQueriesContext(connection) as queries:
            assert curator_client.get(review_url(document)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_missing_document_is_a_404(curator_client):
    assert curator_client.get(reverse("review_document", args=[999999])).status_code == 404


def test_the_draft_document_links_to_its_review(curator_client, letter):
    change = curator_client.get(reverse("admin:documents_document_change", args=[letter.pk])).content.decode()
    listing = curator_client.get(reverse("admin:documents_document_changelist")).content.decode()
    assert review_url(letter) in change and review_url(letter) in listing
    assert PLACE in listing


def test_the_review_page_and_its_notes_read_in_english(curator_client, settings):
    plan = imported(UNDATED_PLAN, "plan")
    curator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = curator_client.get(review_url(plan)).content.decode()
    assert "Publish all" in page and "Reject" in page
    assert "No publication date on the page" in page
    assert "全部发布" not in page
