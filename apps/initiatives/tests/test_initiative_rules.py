import pytest
from django.db import IntegrityError, transaction

from apps.initiatives.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def test_an_initiative_cannot_end_before_it_starts():
    InitiativeFactory(start_year=2017, end_year=2019)
    with pytest.raises(IntegrityError), transaction.atomic():
        InitiativeFactory(start_year=2020, end_year=2019)
