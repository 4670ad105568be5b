import datetime
from decimal import Decimal

import factory

from apps.curation.models import CurationStatus
from apps.regions.tests.factories import CountyFactory
from apps.targets.models import Comparator, Indicator, Observation, Target


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator
        django_get_or_create = ("name",)

    name = "义务教育紧密型集团化办学覆盖率"
    unit = "%"


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    indicator = factory.SubFactory(IndicatorFactory)
    region = factory.SubFactory(CountyFactory)
    comparator = Comparator.GTE
    value = Decimal("60")
    unit = "%"
    deadline_year = 2025
    quote = "到2025年,全区义务教育紧密型集团化办学覆盖率将达到60%以上"
    status = CurationStatus.PUBLISHED


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    indicator = factory.SubFactory(IndicatorFactory)
    region = factory.SubFactory(CountyFactory)
    value = Decimal("50")
    unit = "%"
    observed_on = datetime.date(2022, 10, 14)
    status = CurationStatus.PUBLISHED
