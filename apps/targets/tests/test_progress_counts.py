"""The scorecards' one-pass count reads progress exactly as ``with_progress()`` does, case by case."""
from collections import Counter

import pytest

from apps.targets.models import Target, TargetProgress
from apps.targets.progress_counts import progress_counts
from apps.targets.tests.test_progress_annotation import CASES, TODAY, make_target, pinned_today  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", CASES)
def test_each_case_is_counted_in_the_state_with_progress_gives(name):
    *spec, expected = CASES[name]
    make_target(name, *spec)
    assert progress_counts(Target.objects.all(), today=TODAY) == [("", expected.value, 1)]


def test_all_cases_together_count_as_with_progress_reads_them():
    for name, spec in CASES.items():
        make_target(name, *spec[:-1])
    target = Target.objects.first()
    target.progress_override, target.progress_note = TargetProgress.MISSED, "研究员核对后认定"
    target.save()
    expected = Counter(Target.objects.with_progress(today=TODAY).values_list("progress_value", flat=True))
    counted = {progress: n for _place, progress, n in progress_counts(Target.objects.all(), today=TODAY)}
    assert counted == dict(expected)


def test_counts_by_place_split_on_the_code_prefix():
    make_target("placed", *CASES["no observation, deadline passed"][:-1])
    rows = progress_counts(Target.objects.all(), today=TODAY, place_length=4)
    assert rows == [("3201", TargetProgress.UNVERIFIED.value, 1)]
