"""A curator sees what later records may show a promise kept, and sets the finding in one click."""
import datetime

import pytest
from django.urls import reverse

from apps.commitments.evidence import evidence_candidates, key_terms
from apps.commitments.models import Commitment, CommitmentState, Fulfilment
from apps.curation.models import CurationStatus
from apps.documents.models import Document
from apps.search.services import search_entry_update
from apps.targets.models import Observation
from apps.web.tests.support import demo  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]
NUMERIC = "到2025年义务教育紧密型集团化办学覆盖率达到60%以上"
OUR_WORDS = "2025年,全区义务教育紧密型集团化办学覆盖率达到63%,名校办分校又新增4所。"


@pytest.fixture
def later_report():
    """A 2026 report of the same district (written here), published, with its figure."""
    promise = Commitment.objects.get(summary=NUMERIC)
    report = Document.objects.create(
        title="区教育局2025年工作总结", doc_type="work_report", raw_text=OUR_WORDS, clean_text=OUR_WORDS,
        publish_date=datetime.date(2026, 1, 20), status=CurationStatus.PUBLISHED,
    )
    report.regions.add(promise.region_id)
    search_entry_update(document=report)
    observation = Observation.objects.create(
        indicator=promise.target.indicator, region_id=promise.region_id, value=63, unit="%",
        observed_on=datetime.date(2025, 12, 31), source_document=report, quote=OUR_WORDS[:-12],
        status=CurationStatus.PUBLISHED,
    )
    return promise, report, observation


def test_the_key_terms_leave_out_the_words_every_promise_uses():
    assert "进一步" not in key_terms("进一步加强集团化办学") and "集团化办学" in key_terms("进一步加强集团化办学")


def test_later_records_of_the_same_place_are_offered_and_earlier_or_draft_ones_are_not(later_report):
    promise, report, observation = later_report
    offered = [(c.kind, c.record.pk) for c in evidence_candidates(promise)]
    assert ("observation", observation.pk) in offered and ("document", report.pk) in offered
    Observation.objects.filter(pk=observation.pk).update(status=CurationStatus.DRAFT)
    Document.objects.filter(pk=report.pk).update(publish_date=datetime.date(2020, 1, 1))
    assert all(c.record.pk != observation.pk for c in evidence_candidates(promise))


def test_one_click_sets_the_finding_with_its_evidence_and_who_set_it(curator, curator_client, later_report):
    promise, _report, observation = later_report
    change = reverse("admin:commitments_commitment_change", args=[promise.pk])
    assert f'value="kept:observation:{observation.pk}"' in curator_client.get(change).content.decode()

    curator_client.post(reverse("admin:commitments_evidence", args=[promise.pk]),
                        {"evidence": f"kept:observation:{observation.pk}"})
    promise.refresh_from_db()
    assert promise.fulfilment == Fulfilment.KEPT and promise.evidence_observation == observation
    assert promise.evidence_quote == observation.quote and promise.fulfilment_set_by == curator
    assert Commitment.objects.with_state(datetime.date(2027, 1, 1)).get(pk=promise.pk).state == CommitmentState.KEPT
    assert promise.history.first().history_user == curator


def test_a_forged_or_stale_choice_changes_nothing(curator_client, read_only_staff_client, later_report):
    promise, _report, observation = later_report
    url = reverse("admin:commitments_evidence", args=[promise.pk])
    curator_client.post(url, {"evidence": "kept:observation:999999"})
    assert read_only_staff_client.post(url, {"evidence": f"kept:observation:{observation.pk}"}).status_code == 403
    promise.refresh_from_db()
    assert promise.fulfilment == Fulfilment.OPEN and promise.evidence_observation is None
