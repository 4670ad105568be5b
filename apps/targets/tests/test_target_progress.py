"""A target's progress comes from its deadline and the latest observation of its indicator in its region."""
import datetime
from decimal import Decimal

import pytest

from apps.regions.tests.factories import PrefectureFactory
from apps.targets.models import Comparator, Target, TargetProgress
from apps.targets.tests.factories import ObservationFactory, TargetFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 2)
THIS_YEAR = TODAY.year


@pytest.fixture(autouse=True)
def pinned_today(settings):
    settings.PROGRESS_TODAY = TODAY


def observe(value, year, **kwargs):
    return ObservationFactory(value=Decimal(value), observed_on=datetime.date(year, 6, 30), **kwargs)


def test_without_any_observation_a_target_is_open_until_its_deadline_then_unverified():
    assert TargetFactory(deadline_year=THIS_YEAR + 1).progress == TargetProgress.OPEN
    assert TargetFactory(deadline_year=THIS_YEAR - 1).progress == TargetProgress.UNVERIFIED


def test_the_latest_observation_meeting_the_target_means_achieved():
    target = TargetFactory(value=Decimal(60), deadline_year=THIS_YEAR + 2)
    observe(40, THIS_YEAR - 2)
    observe(61, THIS_YEAR - 1)
    assert target.progress == TargetProgress.ACHIEVED


def test_an_unmet_target_is_on_track_before_its_deadline_and_missed_after():
    observe(50, THIS_YEAR - 1)
    assert TargetFactory(value=Decimal(60), deadline_year=THIS_YEAR + 1).progress == TargetProgress.ON_TRACK
    assert TargetFactory(value=Decimal(60), deadline_year=THIS_YEAR - 1).progress == TargetProgress.MISSED


def test_only_the_latest_observation_counts():
    target = TargetFactory(value=Decimal(60), deadline_year=THIS_YEAR - 1)
    observe(70, THIS_YEAR - 3)
    observe(55, THIS_YEAR - 2)
    assert target.progress == TargetProgress.MISSED


def test_observations_of_another_region_do_not_count():
    target = TargetFactory(value=Decimal(60), deadline_year=THIS_YEAR + 1)
    observe(90, THIS_YEAR - 1, region=PrefectureFactory())
    assert target.progress == TargetProgress.OPEN


@pytest.mark.parametrize(
    ("comparator", "value", "baseline", "observed", "met"),
    [
        (Comparator.LTE, 10, None, 9, True),
        (Comparator.LTE, 10, None, 11, False),
        (Comparator.APPROX, 3, None, Decimal("3.1"), True),
        (Comparator.APPROX, 3, None, 4, False),
        (Comparator.MAINTAIN, 92, None, 92, True),
        (Comparator.DECREASE_BY, 1, 20, 19, True),
        (Comparator.DECREASE_BY, 1, 20, Decimal("19.5"), False),
        (Comparator.DECREASE_BY, 1, None, 5, False),
        (Comparator.INCREASE_BY, 5, 65, 70, True),
    ],
)
def test_each_comparator_judges_an_observation(comparator, value, baseline, observed, met):
    target = TargetFactory.build(comparator=comparator, value=Decimal(value), baseline=baseline)
    assert target.is_met_by(Decimal(observed)) is met


def test_the_annotated_queryset_gives_the_same_progress_without_extra_queries(django_assert_num_queries):
    TargetFactory(value=Decimal(60), deadline_year=THIS_YEAR + 1)
    TargetFactory(value=Decimal(40), deadline_year=THIS_YEAR + 1)
    observe(50, THIS_YEAR - 1)
    with django_assert_num_queries(1):
        progress = sorted(t.progress for t in Target.objects.with_latest_observation())
    assert progress == [TargetProgress.ACHIEVED, TargetProgress.ON_TRACK]


def test_a_target_whose_page_blanks_its_place_is_not_verified_by_other_unplaced_figures():
    target = TargetFactory(region=None, value=Decimal(70), deadline_year=2015)
    ObservationFactory(region=None, value=Decimal(90), observed_on=datetime.date(2016, 6, 30))
    assert target.progress == TargetProgress.UNVERIFIED
    assert Target.objects.with_latest_observation().get().progress == TargetProgress.UNVERIFIED


def test_an_observation_still_in_review_does_not_move_a_target():
    target = TargetFactory(value=Decimal(60), deadline_year=THIS_YEAR + 1)
    observe(70, THIS_YEAR - 1, status="draft")
    assert target.progress == TargetProgress.OPEN
    assert Target.objects.with_latest_observation().get().progress == TargetProgress.OPEN
