import factory

from apps.organizations.models import Organization, OrganizationKind
from apps.regions.tests.factories import CountyFactory


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"测试教育局{n}")
    kind = OrganizationKind.EDUCATION_BUREAU
    region = factory.SubFactory(CountyFactory)
