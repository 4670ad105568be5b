"""The stored evidence behind progress stays true through every change, and the date needs no task.

Each test reads progress the way the list filter and the scorecards do (from the stored columns)
and checks it against ``Target.progress_on``, which reads the observations afresh.
"""
import datetime
from decimal import Decimal

import pytest

from apps.curation.models import CurationStatus
from apps.regions.tests.factories import CountyFactory
from apps.targets.evidence import target_evidence_refresh
from apps.targets.models import Target, TargetEvidence, TargetProgress
from apps.targets.progress_counts import progress_counts
from apps.targets.services import indicators_merge
from apps.targets.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2024, 6, 30)


@pytest.fixture(autouse=True)
def pinned_today(settings):
    settings.PROGRESS_TODAY = TODAY


def progress_read(target: Target, today: datetime.date = TODAY) -> str:
    """The state as the list filter finds it and the scorecard counts it, checked against the model."""
    expected = Target.objects.get(pk=target.pk).progress_on(today)
    filtered = [state for state in TargetProgress if Target.objects.filter(pk=target.pk).with_progress_in([state], today)]
    counted = progress_counts(Target.objects.filter(pk=target.pk), today=today)
    annotated = Target.objects.with_progress(today).get(pk=target.pk).progress_value
    assert filtered == [expected] and counted == [("", expected, 1)] and annotated == expected
    return expected


def test_an_observation_added_removed_and_edited_moves_the_target():
    target = TargetFactory(deadline_year=2025, value=Decimal("60"))
    assert progress_read(target) == TargetProgress.OPEN

    observation = ObservationFactory(indicator=target.indicator, value=Decimal("50"))
    assert progress_read(target) == TargetProgress.ON_TRACK

    observation.value = Decimal("61")
    observation.save()
    assert progress_read(target) == TargetProgress.ACHIEVED

    observation.delete()
    assert progress_read(target) == TargetProgress.OPEN


def test_the_newest_observation_decides_and_an_older_one_added_later_does_not():
    target = TargetFactory(deadline_year=2023, value=Decimal("60"))
    ObservationFactory(indicator=target.indicator, value=Decimal("55"), observed_on=datetime.date(2023, 9, 1))
    ObservationFactory(indicator=target.indicator, value=Decimal("70"), observed_on=datetime.date(2021, 9, 1))
    assert progress_read(target) == TargetProgress.MISSED


def test_an_observation_moved_to_another_region_leaves_the_first_target_without_evidence():
    target = TargetFactory(deadline_year=2023)
    elsewhere = CountyFactory(code="320116", name="六合区")
    other = TargetFactory(indicator=target.indicator, region=elsewhere, deadline_year=2023)
    observation = ObservationFactory(indicator=target.indicator, value=Decimal("70"))
    assert progress_read(target) == TargetProgress.ACHIEVED
    assert progress_read(other) == TargetProgress.UNVERIFIED

    observation = type(observation).objects.get(pk=observation.pk)  # as a curator's form loads it
    observation.region = elsewhere
    observation.save()
    assert progress_read(target) == TargetProgress.UNVERIFIED
    assert progress_read(other) == TargetProgress.ACHIEVED


def test_a_draft_observation_counts_only_once_published():
    target = TargetFactory(deadline_year=2025)
    observation = ObservationFactory(indicator=target.indicator, value=Decimal("70"), status=CurationStatus.DRAFT)
    assert progress_read(target) == TargetProgress.OPEN
    observation.status = CurationStatus.PUBLISHED
    observation.save()
    assert progress_read(target) == TargetProgress.ACHIEVED


def test_a_targets_value_and_deadline_edited_are_read_at_once():
    target = TargetFactory(deadline_year=2025, value=Decimal("60"))
    ObservationFactory(indicator=target.indicator, value=Decimal("65"))
    assert progress_read(target) == TargetProgress.ACHIEVED

    target.value = Decimal("80")
    target.save()
    assert progress_read(target) == TargetProgress.ON_TRACK

    target.deadline_year = 2023
    target.save(update_fields=["deadline_year"])
    assert progress_read(target) == TargetProgress.MISSED

    target.deadline_year, target.deadline_date = 2025, datetime.date(2024, 3, 1)  # a date beats the year
    target.save()
    assert progress_read(target) == TargetProgress.MISSED


def test_a_curators_override_wins_and_is_found_by_the_filter():
    target = TargetFactory(deadline_year=2023)
    assert progress_read(target) == TargetProgress.UNVERIFIED
    target.progress_override, target.progress_note = TargetProgress.ACHIEVED, "统计公报已确认"
    target.save()
    assert progress_read(target) == TargetProgress.ACHIEVED


def test_time_passing_a_deadline_changes_the_state_without_any_write():
    open_target = TargetFactory(deadline_year=2024, quote="未观测")
    tracked = TargetFactory(indicator=IndicatorFactory(name="另一指标"), deadline_year=2024, quote="已观测")
    ObservationFactory(indicator=tracked.indicator, value=Decimal("50"))
    stored = list(Target.objects.order_by("pk").values_list("evidence", "deadline_on", "updated_at"))

    assert progress_read(open_target, TODAY) == TargetProgress.OPEN
    assert progress_read(tracked, TODAY) == TargetProgress.ON_TRACK
    assert progress_read(open_target, datetime.date(2024, 12, 31)) == TargetProgress.OPEN  # due that day: not yet passed
    new_year = datetime.date(2025, 1, 1)
    assert progress_read(open_target, new_year) == TargetProgress.UNVERIFIED
    assert progress_read(tracked, new_year) == TargetProgress.MISSED
    assert list(Target.objects.order_by("pk").values_list("evidence", "deadline_on", "updated_at")) == stored


def test_the_targets_page_follows_the_date_setting(client, settings):
    TargetFactory(deadline_year=2024)
    settings.PROGRESS_TODAY = datetime.date(2024, 6, 30)
    assert client.get("/targets/?progress=open").context["page_obj"].paginator.count == 1
    settings.PROGRESS_TODAY = datetime.date(2025, 1, 2)
    assert client.get("/targets/?progress=open").context["page_obj"].paginator.count == 0
    assert client.get("/targets/?progress=unverified").context["page_obj"].paginator.count == 1
    assert client.get("/targets/?progress=no_evidence").context["page_obj"].paginator.count == 1  # deprecated word


def test_an_indicator_merge_brings_the_moved_figures_to_the_kept_indicators_targets(curator, without_catalogue):
    kept = IndicatorFactory(name="义务教育集团化办学覆盖率")
    merged = IndicatorFactory(name="集团化办学覆盖率")
    target = TargetFactory(indicator=kept, deadline_year=2025)
    ObservationFactory(indicator=merged, value=Decimal("70"))
    assert progress_read(target) == TargetProgress.OPEN
    indicators_merge(kept=kept, merged=[merged], user=curator)
    assert progress_read(target) == TargetProgress.ACHIEVED


def test_a_bulk_write_is_set_right_by_one_refresh():
    target = TargetFactory(deadline_year=2025)
    ObservationFactory(indicator=target.indicator, value=Decimal("70"))
    Target.objects.filter(pk=target.pk).update(value=Decimal("90"), deadline_year=2023)  # skips save()
    assert Target.objects.get(pk=target.pk).evidence == TargetEvidence.MET  # stale until refreshed
    assert target_evidence_refresh(Target.objects.all()) == 1
    assert progress_read(target) == TargetProgress.MISSED
    assert target_evidence_refresh(Target.objects.all()) == 0  # only what changed is written
