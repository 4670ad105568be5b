"""``TargetQuerySet.with_progress()`` must read progress exactly as ``Target.progress`` does."""
import datetime
from decimal import Decimal

import pytest

from apps.targets.models import Comparator, Target, TargetProgress
from apps.targets.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory

pytestmark = pytest.mark.django_db

# Progress is judged at a pinned date (settings.PROGRESS_TODAY), not the machine's clock.
TODAY = datetime.date(2024, 6, 30)
PAST, FUTURE = TODAY.year - 1, TODAY.year + 1


@pytest.fixture(autouse=True)
def pinned_today(settings):
    settings.PROGRESS_TODAY = TODAY

# (comparator, value, value_max, baseline, deadline_year, observed values oldest first, expected)
CASES = {
    "gte met": (Comparator.GTE, "60", None, None, FUTURE, ["61"], TargetProgress.ACHIEVED),
    "gte met exactly": (Comparator.GTE, "60", None, None, PAST, ["60"], TargetProgress.ACHIEVED),
    "gte short, deadline ahead": (Comparator.GTE, "60", None, None, FUTURE, ["50"], TargetProgress.ON_TRACK),
    "gte short, deadline passed": (Comparator.GTE, "60", None, None, PAST, ["50"], TargetProgress.MISSED),
    "gte, no deadline": (Comparator.GTE, "60", None, None, None, ["50"], TargetProgress.ON_TRACK),
    "newest observation counts": (Comparator.GTE, "60", None, None, PAST, ["70", "55"], TargetProgress.MISSED),
    "no observation, deadline passed": (Comparator.GTE, "60", None, None, PAST, [], TargetProgress.UNVERIFIED),
    "no observation, deadline ahead": (Comparator.GTE, "60", None, None, FUTURE, [], TargetProgress.OPEN),
    "no observation, due this year": (Comparator.GTE, "60", None, None, TODAY.year, [], TargetProgress.OPEN),
    "no observation, no deadline": (Comparator.GTE, "60", None, None, None, [], TargetProgress.OPEN),
    "lte met": (Comparator.LTE, "5", None, None, PAST, ["4.5"], TargetProgress.ACHIEVED),
    "lte missed": (Comparator.LTE, "5", None, None, PAST, ["5.01"], TargetProgress.MISSED),
    "eq met": (Comparator.EQ, "13", None, None, PAST, ["13"], TargetProgress.ACHIEVED),
    "eq missed": (Comparator.EQ, "13", None, None, FUTURE, ["12"], TargetProgress.ON_TRACK),
    "approx within 5%": (Comparator.APPROX, "3", None, None, PAST, ["3.1"], TargetProgress.ACHIEVED),
    "approx on the edge": (Comparator.APPROX, "100", None, None, PAST, ["95"], TargetProgress.ACHIEVED),
    "approx outside": (Comparator.APPROX, "100", None, None, PAST, ["94.9"], TargetProgress.MISSED),
    "range lower bound met": (Comparator.RANGE, "3", "4", None, PAST, ["3"], TargetProgress.ACHIEVED),
    "range short": (Comparator.RANGE, "3", "4", None, PAST, ["2"], TargetProgress.MISSED),
    "increase met": (Comparator.INCREASE_BY, "10", None, "70", PAST, ["80"], TargetProgress.ACHIEVED),
    "increase short": (Comparator.INCREASE_BY, "10", None, "70", FUTURE, ["79.9"], TargetProgress.ON_TRACK),
    "increase without baseline": (Comparator.INCREASE_BY, "10", None, None, PAST, ["99"], TargetProgress.MISSED),
    "decrease met": (Comparator.DECREASE_BY, "1", None, "40.5", PAST, ["39.5"], TargetProgress.ACHIEVED),
    "decrease short": (Comparator.DECREASE_BY, "1", None, "40.5", PAST, ["40"], TargetProgress.MISSED),
    "maintain met": (Comparator.MAINTAIN, "92", None, None, PAST, ["92.5"], TargetProgress.ACHIEVED),
    "no value": (Comparator.GTE, None, None, None, FUTURE, ["50"], TargetProgress.ON_TRACK),
}


def make_target(name, comparator, value, value_max, baseline, deadline_year, observed):
    indicator = IndicatorFactory(name=f"指标 {name}")
    target = TargetFactory(
        indicator=indicator, comparator=comparator, value=value and Decimal(value),
        value_max=value_max and Decimal(value_max), baseline=baseline and Decimal(baseline),
        deadline_year=deadline_year,
    )
    for day, figure in enumerate(observed, start=1):
        ObservationFactory(indicator=indicator, value=Decimal(figure), observed_on=datetime.date(2020, 1, day))
    return target


@pytest.mark.parametrize("name", CASES)
def test_annotation_and_property_agree(name):
    *spec, expected = CASES[name]
    target = make_target(name, *spec)
    from_python = Target.objects.get(pk=target.pk).progress
    from_database = Target.objects.with_progress().get(pk=target.pk).progress_value
    assert from_python == expected
    assert from_database == expected


def test_a_past_deadline_date_wins_over_a_later_deadline_year():
    target = make_target("date", Comparator.GTE, "60", None, None, FUTURE, ["50"])
    target.deadline_date = TODAY - datetime.timedelta(days=1)
    target.save()
    assert Target.objects.get(pk=target.pk).progress == TargetProgress.MISSED
    assert Target.objects.with_progress().get(pk=target.pk).progress_value == TargetProgress.MISSED


def test_a_curators_override_wins_in_both():
    target = make_target("override", Comparator.GTE, "60", None, None, PAST, ["50"])
    target.progress_override = TargetProgress.ACHIEVED
    target.progress_note = "区教育局2024年通报已达成"
    target.save()
    assert Target.objects.get(pk=target.pk).progress == TargetProgress.ACHIEVED
    assert Target.objects.with_progress().get(pk=target.pk).progress_value == TargetProgress.ACHIEVED


def test_all_cases_agree_in_one_query():
    targets = {name: make_target(name, *spec[:-1]) for name, spec in CASES.items()}
    annotated = {t.pk: t.progress_value for t in Target.objects.with_progress()}
    for name, target in targets.items():
        assert annotated[target.pk] == CASES[name][-1], name


def test_the_injected_date_moves_a_target_from_open_to_unverified(settings):
    target = make_target("clock", Comparator.GTE, "60", None, None, TODAY.year, [])
    assert Target.objects.with_progress().get(pk=target.pk).progress_value == TargetProgress.OPEN
    settings.PROGRESS_TODAY = datetime.date(TODAY.year + 1, 1, 1)
    assert Target.objects.get(pk=target.pk).progress == TargetProgress.UNVERIFIED
    assert Target.objects.with_progress().get(pk=target.pk).progress_value == TargetProgress.UNVERIFIED
    assert Target.objects.with_progress(today=TODAY).get(pk=target.pk).progress_value == TargetProgress.OPEN


def test_an_unplaced_target_is_unverified_even_beside_unplaced_observations():
    target = make_target("unplaced", Comparator.GTE, "60", None, None, PAST, [])
    Target.objects.filter(pk=target.pk).update(region=None)
    ObservationFactory(indicator=target.indicator, region=None, value=Decimal("90"))
    assert Target.objects.get(pk=target.pk).progress == TargetProgress.UNVERIFIED
    assert Target.objects.with_progress().get(pk=target.pk).progress_value == TargetProgress.UNVERIFIED


def test_the_filter_finds_exactly_the_targets_in_any_set_of_states():
    """One state or several (an old name stands for two), curators' overrides among them: the filter
    an index serves picks the targets the annotation puts in those states."""
    targets = [make_target(name, *spec[:-1]) for name, spec in CASES.items()]
    for target, override in zip(targets[:3], [TargetProgress.MISSED, TargetProgress.ACHIEVED, TargetProgress.OPEN]):
        target.progress_override, target.progress_note = override, "区教育局通报"
        target.save()
    annotated = {t.pk: t.progress_value for t in Target.objects.with_progress()}
    assert annotated[targets[0].pk] == TargetProgress.MISSED  # met on its figures, overridden
    for states in [{state} for state in TargetProgress] + [
        {TargetProgress.OPEN, TargetProgress.UNVERIFIED}, {TargetProgress.ACHIEVED, TargetProgress.MISSED},
    ]:
        found = set(Target.objects.with_progress_in(states).values_list("pk", flat=True))
        assert found == {pk for pk, state in annotated.items() if state in states}, states
