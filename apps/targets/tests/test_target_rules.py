from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from apps.targets.models import Comparator
from apps.targets.tests.factories import TargetFactory

pytestmark = pytest.mark.django_db


def test_an_upper_value_below_the_value_is_refused():
    TargetFactory(comparator=Comparator.RANGE, value=Decimal(3), value_max=Decimal(4))
    with pytest.raises(IntegrityError), transaction.atomic():
        TargetFactory(comparator=Comparator.RANGE, value=Decimal(4), value_max=Decimal(3))


def test_a_range_needs_both_bounds():
    with pytest.raises(IntegrityError), transaction.atomic():
        TargetFactory(comparator=Comparator.RANGE, value=Decimal(3), value_max=None)


def test_a_comparator_outside_the_choices_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        TargetFactory(comparator="more_or_less")


def test_a_progress_override_needs_a_note():
    with pytest.raises(IntegrityError), transaction.atomic():
        TargetFactory(progress_override="achieved", progress_note="")
    target = TargetFactory(progress_override="achieved", progress_note="2025年市教育局年报确认达标")
    assert target.progress == "achieved"


def test_a_target_reads_like_the_page():
    assert TargetFactory(comparator=Comparator.RANGE, value=3, value_max=4, unit="所").describe_value() == "3–4所"
    assert TargetFactory(value=Decimal("60.0"), unit="%").describe_value() == "≥60%"


def test_a_direction_without_a_figure_reads_as_the_direction():
    assert TargetFactory(comparator=Comparator.DECREASE_BY, value=None, unit="").describe_value() == "下降"
