import factory

from apps.curation.models import CurationStatus
from apps.initiatives.models import Initiative, Theme


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    name = factory.Sequence(lambda n: f"集团化办学 {n}")
    theme = Theme.BALANCE
    status = CurationStatus.PUBLISHED
