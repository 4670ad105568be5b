"""The indicator, target and observation endpoints."""
import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from apps.curation.models import CurationStatus
from apps.curation.tests.api_support import (  # noqa: F401 (fresh_throttle_history is an autouse fixture)
    API,
    assert_bad_parameter,
    assert_query_budget,
    fresh_throttle_history,
    result_ids,
    results,
)
from apps.documents.tests.factories import DocumentFactory
from apps.initiatives.models import Theme
from apps.initiatives.tests.factories import InitiativeFactory
from apps.regions.tests.factories import CountyFactory, PrefectureFactory
from apps.targets.models import Comparator
from apps.targets.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory

INDICATOR_LIST_QUERIES = 2  # count, page
INDICATOR_DETAIL_QUERIES = 1
TARGET_LIST_QUERIES = 2  # count, page with indicators, regions and the latest observation
TARGET_DETAIL_QUERIES = 1
OBSERVATION_LIST_QUERIES = 2  # count, page with indicators and regions joined
OBSERVATION_DETAIL_QUERIES = 1

pytestmark = pytest.mark.django_db

NEXT_YEAR = timezone.localdate().year + 1


@pytest.fixture
def records():
    jiangning = CountyFactory()
    changzhou = PrefectureFactory(code="320400", name="常州市")
    zhonglou = CountyFactory(code="320404", name="钟楼区", parent=changzhou)
    coverage = IndicatorFactory(name="义务教育紧密型集团化办学覆盖率")
    places = IndicatorFactory(name="新增学位", unit="个")
    groups = InitiativeFactory(name="集团化办学", theme=Theme.BALANCE)
    source = DocumentFactory()
    coverage_target = TargetFactory(
        indicator=coverage, region=jiangning, initiative=groups, source_document=source, deadline_year=2025,
    )
    places_target = TargetFactory(
        indicator=places, region=zhonglou, comparator=Comparator.EQ, value=Decimal("2800"), unit="个",
        deadline_year=NEXT_YEAR, quote="新增学位2800个",
    )
    draft_target = TargetFactory(indicator=places, region=jiangning, status=CurationStatus.DRAFT, deadline_year=2030)
    old = ObservationFactory(
        indicator=coverage, region=jiangning, value=Decimal("50"), observed_on=datetime.date(2018, 7, 26),
        quote="覆盖率达到50%", source_document=source,
    )
    recent = ObservationFactory(
        indicator=coverage, region=jiangning, value=Decimal("62"), observed_on=datetime.date(2022, 10, 14),
        quote="覆盖率已达62%",
    )
    zhonglou_places = ObservationFactory(
        indicator=places, region=zhonglou, value=Decimal("1200"), unit="个", observed_on=datetime.date(2021, 12, 31),
    )
    return {
        "coverage": coverage, "places": places, "groups": groups, "source": source,
        "coverage_target": coverage_target, "places_target": places_target, "draft_target": draft_target,
        "old": old, "recent": recent, "zhonglou_places": zhonglou_places,
    }


def ids(*objects):
    return {obj.pk for obj in objects}


def targets(client, **params):
    return result_ids(client.get(API + "targets/", params))


def observations(client, **params):
    return result_ids(client.get(API + "observations/", params))


def test_indicator_list_and_text_query(client, without_catalogue, records):
    assert result_ids(client.get(API + "indicators/")) == ids(records["coverage"], records["places"])
    assert result_ids(client.get(API + "indicators/", {"q": "学位"})) == ids(records["places"])


def test_indicator_detail_links_to_targets_and_observations(client, records):
    body = client.get(API + f"indicators/{records['places'].pk}/").json()
    assert body["unit"] == "个"
    assert body["related"]["observations"].endswith(f"/api/v1/observations/?indicator={records['places'].pk}")


def test_target_filters(client, records):
    coverage_target, places_target = records["coverage_target"], records["places_target"]
    assert targets(client) == ids(coverage_target, places_target)
    assert targets(client, region="3201") == ids(coverage_target)
    assert targets(client, region="320400") == ids(places_target)
    assert targets(client, indicator=records["places"].pk) == ids(places_target)
    assert targets(client, initiative=records["groups"].pk) == ids(coverage_target)
    assert targets(client, theme="balance") == ids(coverage_target)
    assert targets(client, document=records["source"].pk) == ids(coverage_target)
    assert targets(client, deadline_year=2025) == ids(coverage_target)
    assert targets(client, deadline_year_from=2026) == ids(places_target)
    assert targets(client, deadline_year_to=2025) == ids(coverage_target)
    assert targets(client, q="2800") == ids(places_target)


def test_progress_filter_uses_the_latest_observation(client, records):
    # Jiangning's coverage reached 62% against ≥60%; Zhonglou has 1200 of 2800 places, due next year.
    assert targets(client, progress="achieved") == ids(records["coverage_target"])
    assert targets(client, progress="on_track") == ids(records["places_target"])
    assert targets(client, progress="missed") == set()
    assert targets(client, progress="unverified") == set()
    assert targets(client, progress="open") == set()
    body = client.get(API + f"targets/{records['coverage_target'].pk}/").json()
    assert body["progress"] == "achieved"
    assert body["progress_legacy"] == "achieved"
    assert body["progress_display"] == "已达成"
    assert body["value_text"] == "≥60%"
    assert body["initiative"].endswith(f"/api/v1/initiatives/{records['groups'].pk}/")


def test_progress_and_status_are_different_filters(curator_client, records):
    assert records["draft_target"].pk in targets(curator_client, status="draft")
    assert records["draft_target"].pk in targets(curator_client, progress="open")


def test_the_deprecated_progress_words_still_filter_and_show(client, records):
    unobserved = IndicatorFactory(name="无观测的指标")
    unverified = TargetFactory(indicator=unobserved, deadline_year=2020)
    open_target = TargetFactory(indicator=unobserved, deadline_year=2099)
    # Jiangning's latest coverage is 62%: short of 90%, and 2020 has passed.
    missed = TargetFactory(
        indicator=records["coverage"], region=records["coverage_target"].region, deadline_year=2020,
        value=Decimal("90"),
    )
    assert targets(client, progress="no_evidence") == ids(unverified, open_target)
    assert targets(client, progress="unverified") == ids(unverified)
    assert targets(client, progress="overdue") == ids(missed) == targets(client, progress="missed")
    body = client.get(API + f"targets/{unverified.pk}/").json()
    assert (body["progress"], body["progress_legacy"]) == ("unverified", "no_evidence")
    body = client.get(API + f"targets/{missed.pk}/").json()
    assert (body["progress"], body["progress_legacy"]) == ("missed", "overdue")


def test_an_unknown_progress_word_is_a_clear_error(client, records):
    response = client.get(API + "targets/", {"progress": "late"})
    assert response.status_code == 400
    assert "progress" in response.json()


def test_target_ordering_by_deadline_descending(client, records):
    ordered = [r["id"] for r in results(client.get(API + "targets/", {"ordering": "-deadline_year"}))]
    assert ordered == [records["places_target"].pk, records["coverage_target"].pk]


def test_observation_filters(client, records):
    old, recent, zhonglou_places = records["old"], records["recent"], records["zhonglou_places"]
    assert observations(client, region="320115") == ids(old, recent)
    assert observations(client, region="3204") == ids(zhonglou_places)
    assert observations(client, indicator=records["places"].pk) == ids(zhonglou_places)
    assert observations(client, document=records["source"].pk) == ids(old)
    assert observations(client, date_from="2021-12-31") == ids(recent, zhonglou_places)
    assert observations(client, date_to="2018-12-31") == ids(old)
    assert observations(client, year_from=2021, year_to=2021) == ids(zhonglou_places)
    assert observations(client, q="62%") == ids(recent)


def test_observation_ordering_by_value(client, records):
    values = [r["value"] for r in results(client.get(API + "observations/", {"ordering": "value"}))]
    assert [Decimal(v) for v in values] == [Decimal("50"), Decimal("62"), Decimal("1200")]


@pytest.mark.parametrize(
    ("parameter", "value"),
    [("region", "32-01"), ("indicator", "coverage"), ("initiative", "0x1"), ("theme", "x"),
     ("deadline_year", "2025年"), ("deadline_year_from", "99999"), ("progress", "done"),
     ("progress", "published"), ("status", "achieved"), ("document", "1; DROP TABLE"), ("ordering", "quote")],
)
def test_malformed_target_filters_are_400_naming_the_parameter(client, records, parameter, value):
    assert_bad_parameter(client.get(API + "targets/", {parameter: value}), parameter)


@pytest.mark.parametrize(
    ("parameter", "value"),
    [("region", "1"), ("indicator", "-"), ("date_from", "2022"), ("year_to", "x"), ("ordering", "unit")],
)
def test_malformed_observation_filters_are_400_naming_the_parameter(client, records, parameter, value):
    assert_bad_parameter(client.get(API + "observations/", {parameter: value}), parameter)


def test_indicator_list_query_budget(client, without_catalogue, django_assert_num_queries):
    made = []

    def add_indicators(count):
        # The public sees an indicator once a published target is on it.
        made.extend(TargetFactory(indicator=IndicatorFactory(name=f"指标{len(made) + i}")).indicator for i in range(count))

    body = assert_query_budget(
        client, django_assert_num_queries, API + "indicators/", add_indicators, INDICATOR_LIST_QUERIES,
    )
    assert body["count"] == 50


def test_indicator_detail_query_budget(client, django_assert_num_queries):
    indicator = IndicatorFactory()
    assert_query_budget(
        client, django_assert_num_queries, API + f"indicators/{indicator.pk}/",
        lambda count: TargetFactory.create_batch(count, indicator=indicator), INDICATOR_DETAIL_QUERIES,
    )


def test_target_list_query_budget(client, django_assert_num_queries):
    def add_targets(count):
        made = TargetFactory.create_batch(count, initiative=InitiativeFactory(), source_document=DocumentFactory())
        for target in made:
            ObservationFactory(indicator=target.indicator, region=target.region)

    body = assert_query_budget(
        client, django_assert_num_queries, API + "targets/", add_targets, TARGET_LIST_QUERIES,
    )
    assert body["count"] == 50


def test_target_detail_query_budget(client, django_assert_num_queries):
    target = TargetFactory()
    assert_query_budget(
        client, django_assert_num_queries, API + f"targets/{target.pk}/",
        lambda count: ObservationFactory.create_batch(count, indicator=target.indicator, region=target.region),
        TARGET_DETAIL_QUERIES,
    )


def test_observation_list_query_budget(client, django_assert_num_queries):
    body = assert_query_budget(
        client, django_assert_num_queries, API + "observations/",
        lambda count: ObservationFactory.create_batch(count, source_document=DocumentFactory()),
        OBSERVATION_LIST_QUERIES,
    )
    assert body["count"] == 50


def test_observation_detail_query_budget(client, django_assert_num_queries):
    observation = ObservationFactory()
    assert_query_budget(
        client, django_assert_num_queries, API + f"observations/{observation.pk}/", lambda count: None,
        OBSERVATION_DETAIL_QUERIES,
    )


def test_an_indicator_only_drafts_are_on_is_hidden_from_the_public(client, curator_client, without_catalogue, records):
    drafted = IndicatorFactory(name="草稿里读出的指标")
    TargetFactory(indicator=drafted, status=CurationStatus.DRAFT)
    assert drafted.pk not in result_ids(client.get(API + "indicators/"))
    assert client.get(API + f"indicators/{drafted.pk}/").status_code == 404
    unknown = client.get(API + "targets/", {"indicator": 10**9})
    hidden = client.get(API + "targets/", {"indicator": drafted.pk})
    assert hidden.status_code == unknown.status_code >= 400  # a hidden id is answered as an unknown one
    assert "草稿里读出的指标" not in hidden.content.decode()
    assert drafted.pk in result_ids(curator_client.get(API + "indicators/"))


def test_a_published_record_does_not_link_to_a_hidden_one(client, curator_client, records):
    draft_source = DocumentFactory(status=CurationStatus.DRAFT)
    draft_initiative = InitiativeFactory(name="草稿举措", status=CurationStatus.DRAFT)
    target = TargetFactory(indicator=records["places"], source_document=draft_source, initiative=draft_initiative)
    observation = ObservationFactory(indicator=records["places"], source_document=draft_source)
    body = client.get(API + f"targets/{target.pk}/").json()
    assert (body["initiative"], body["source_document"]) == (None, None)
    assert client.get(API + f"observations/{observation.pk}/").json()["source_document"] is None
    listed = {row["id"]: row for row in client.get(API + "targets/").json()["results"]}
    assert listed[target.pk]["source_document"] is None
    seen = curator_client.get(API + f"targets/{target.pk}/").json()
    assert seen["source_document"].endswith(f"/documents/{draft_source.pk}/")
