"""Changelist filters for large tables: the same choices as Django's, without a scan of the table."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.regions.models import Region, RegionLevel
from apps.regions.tests.factories import CountyFactory, ProvinceFactory
from apps.targets.tests.factories import IndicatorFactory, TargetFactory

pytestmark = pytest.mark.django_db

TARGETS = reverse("admin:targets_target_changelist")


def sidebar_choices(response, title: str) -> list[str]:
    specs = response.context["cl"].filter_specs
    spec = next((f for f in specs if str(f.title) == title), None)
    assert spec is not None, [str(f.title) for f in specs]
    return [str(choice["display"]) for choice in spec.choices(response.context["cl"])]


def test_deadline_years_run_from_the_first_to_the_last_held(curator_client):
    for year in (2019, 2022):
        TargetFactory(deadline_year=year)
    TargetFactory(deadline_year=None)
    response = curator_client.get(TARGETS)
    choices = sidebar_choices(response, "截止年份")
    assert choices[1:5] == ["2019", "2020", "2021", "2022"]
    assert len(choices) == 6  # all, four years, and "empty"


def test_choosing_a_year_filters_the_targets(curator_client):
    TargetFactory(deadline_year=2019, quote="甲")
    TargetFactory(deadline_year=2022, quote="乙")
    response = curator_client.get(TARGETS, {"deadline_year": 2022})
    assert [t.quote for t in response.context["cl"].result_list] == ["乙"]


def test_the_year_filter_does_not_scan_for_distinct_values(curator_client):
    TargetFactory()
    with CaptureQueriesContext(connection) as queries:
        curator_client.get(TARGETS)
    assert not [q["sql"] for q in queries if "DISTINCT" in q["sql"] and "deadline_year" in q["sql"]]


def test_only_indicators_some_target_uses_are_offered(curator_client):
    TargetFactory(indicator=IndicatorFactory(name="普惠性幼儿园覆盖率"))
    TargetFactory(indicator=IndicatorFactory(name="新增学位数"))
    IndicatorFactory(name="从未用过的指标")
    response = curator_client.get(TARGETS)
    choices = sidebar_choices(response, "指标")
    assert {"普惠性幼儿园覆盖率", "新增学位数"} <= set(choices)
    assert "从未用过的指标" not in choices


def test_the_province_filter_narrows_by_code_prefix_on_a_foreign_key(curator_client):
    jiangsu = ProvinceFactory(code="320000", name="江苏省")
    hebei = ProvinceFactory(code="130000", name="河北省")
    handan = Region.objects.create(code="130400", name="邯郸市", level=RegionLevel.PREFECTURE, parent=hebei)
    TargetFactory(region=CountyFactory(), quote="江苏的")
    TargetFactory(region=handan, quote="河北的")
    assert jiangsu.code.startswith("32")
    response = curator_client.get(TARGETS, {"province": "130000"})
    assert [t.quote for t in response.context["cl"].result_list] == ["河北的"]
