import pytest
from django.core.management import call_command
from django.db import DataError, IntegrityError, transaction

from apps.regions.models import Region, RegionLevel, code_prefix, code_range

pytestmark = pytest.mark.django_db


@pytest.fixture
def all_regions():
    call_command("load_regions", verbosity=0)


def test_load_regions_loads_every_division_with_its_parent(all_regions):
    assert Region.objects.count() == 3210
    assert Region.objects.filter(level=RegionLevel.PROVINCE).count() == 34
    liyang = Region.objects.get(code="320481")
    assert (liyang.name, liyang.level, liyang.parent.name) == ("溧阳市", RegionLevel.COUNTY, "常州市")
    assert [r.name for r in liyang.ancestors()] == ["江苏省", "常州市"]
    # Districts of a municipality and province-administered cities hang under the province.
    assert Region.objects.get(code="110101").parent_id == "110000"
    assert Region.objects.get(code="419001").parent_id == "410000"
    assert not Region.objects.filter(level=RegionLevel.COUNTY, parent__isnull=True).exists()


def test_load_regions_twice_changes_nothing(all_regions, capsys):
    Region.objects.filter(code="320115").update(name="改错的名字")
    call_command("load_regions")
    assert "1 updated" in capsys.readouterr().out
    call_command("load_regions")
    assert "0 created, 0 updated, 3210 unchanged" in capsys.readouterr().out
    assert Region.objects.get(code="320115").name == "江宁区"


@pytest.mark.parametrize(
    ("code", "expected"), [("320000", "32"), ("320400", "3204"), ("320481", "320481"), ("3201", "3201")]
)
def test_code_prefix_is_what_everything_under_a_region_shares(code, expected):
    assert code_prefix(code) == expected


def test_within_finds_a_region_and_everything_under_it(all_regions):
    changzhou = set(Region.objects.within("320400").values_list("name", flat=True))
    assert {"常州市", "钟楼区", "溧阳市"} <= changzhou
    assert "南京市" not in changzhou
    assert Region.objects.within("32").filter(level=RegionLevel.PREFECTURE).count() == 13


@pytest.mark.parametrize("bad_code", ["32011", "3201150", "32011a", "ABCDEF"])
def test_a_code_must_be_six_digits(bad_code):
    # PostgreSQL rejects an over-long code by its column width, SQLite by the check constraint.
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        Region.objects.create(code=bad_code, name="错误", level=RegionLevel.COUNTY)


@pytest.mark.parametrize("code", ["320000", "320400", "320481", "130900", "650000"])
def test_the_code_range_holds_exactly_the_codes_under_a_region(all_regions, code):
    low, high = code_range(code)
    under = set(Region.objects.filter(code__startswith=code_prefix(code)).values_list("code", flat=True))
    assert under and set(Region.objects.filter(code__gte=low, code__lt=high).values_list("code", flat=True)) == under
