import pytest
from django.db import IntegrityError, transaction

from apps.initiatives.tests.factories import InitiativeFactory
from apps.regions.tests.factories import CountyFactory

pytestmark = pytest.mark.django_db


def test_an_initiative_cannot_end_before_it_starts():
    InitiativeFactory(start_year=2017, end_year=2019)
    with pytest.raises(IntegrityError), transaction.atomic():
        InitiativeFactory(start_year=2020, end_year=2019)


def test_a_generic_initiative_name_is_held_once_and_regional_ones_once_per_region():
    InitiativeFactory(name="集团化办学", region=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        InitiativeFactory(name="集团化办学", region=None)
    InitiativeFactory(name="集团化办学", region=CountyFactory())
    with pytest.raises(IntegrityError), transaction.atomic():
        InitiativeFactory(name="集团化办学", region=CountyFactory())
