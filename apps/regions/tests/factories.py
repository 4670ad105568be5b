import factory

from apps.regions.models import Region, RegionLevel


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = "320000"
    name = "江苏省"
    level = RegionLevel.PROVINCE
    parent = None


class PrefectureFactory(ProvinceFactory):
    code = "320100"
    name = "南京市"
    level = RegionLevel.PREFECTURE
    parent = factory.SubFactory(ProvinceFactory)


class CountyFactory(ProvinceFactory):
    code = "320115"
    name = "江宁区"
    level = RegionLevel.COUNTY
    parent = factory.SubFactory(PrefectureFactory)
