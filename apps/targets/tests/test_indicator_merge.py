"""Merging indicators: a draft indicator into a catalogue one, from the service and the admin."""
from decimal import Decimal

import pytest
from django.urls import reverse

from apps.targets.models import Indicator, Observation, Target
from apps.targets.services import IndicatorMergeError, indicators_merge
from apps.targets.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory

pytestmark = pytest.mark.django_db

INDICATORS = reverse("admin:targets_indicator_changelist")


@pytest.fixture
def catalogue_indicator():
    return Indicator.objects.get(code="inclusive_kindergarten_coverage")


@pytest.fixture
def draft_indicator():
    """What the importer makes of a page's own words for the same measure."""
    return IndicatorFactory(name="全县普惠性幼儿园覆盖面", unit="%", aliases="普惠园覆盖面")


def merge_post(client, kept, *merged):
    return client.post(INDICATORS, {
        "action": "merge_indicators", "_selected_action": [i.pk for i in merged], "merge_into": kept.pk,
    }, follow=True)


def test_merge_moves_targets_and_observations_and_keeps_the_names(curator, catalogue_indicator, draft_indicator):
    target = TargetFactory(indicator=draft_indicator, value=Decimal("90"))
    observation = ObservationFactory(indicator=draft_indicator, value=Decimal("85"))
    other = IndicatorFactory(name="普惠性幼儿园覆盖比例", unit="%")
    ObservationFactory(indicator=other)

    result = indicators_merge(kept=catalogue_indicator, merged=[draft_indicator, other], user=curator)

    assert (result.targets_moved, result.observations_moved) == (1, 2)
    target.refresh_from_db()
    observation.refresh_from_db()
    assert target.indicator == observation.indicator == catalogue_indicator
    assert not Indicator.objects.filter(pk__in=[draft_indicator.pk, other.pk]).exists()
    catalogue_indicator.refresh_from_db()
    assert {"全县普惠性幼儿园覆盖面", "普惠园覆盖面", "普惠性幼儿园覆盖比例", "普惠园覆盖率"} <= set(
        catalogue_indicator.alias_list()
    )


def test_merge_records_who_moved_each_record(curator, catalogue_indicator, draft_indicator):
    target = TargetFactory(indicator=draft_indicator)
    observation = ObservationFactory(indicator=draft_indicator)

    indicators_merge(kept=catalogue_indicator, merged=[draft_indicator], user=curator)

    for record in (target, observation):
        latest = record.history.latest()
        assert (latest.indicator_id, latest.history_user, latest.history_type) == (
            catalogue_indicator.pk, curator, "~",
        )
        assert catalogue_indicator.name in latest.history_change_reason
        # The version before the merge still names the old indicator, to revert to.
        assert record.history.earliest().indicator_id == draft_indicator.pk
    assert catalogue_indicator.history.latest().history_user == curator
    deleted = Indicator.history.filter(id=draft_indicator.pk).latest()
    assert (deleted.history_type, deleted.history_user) == ("-", curator)


def test_merge_refuses_an_indicator_into_itself(curator, catalogue_indicator, draft_indicator):
    target = TargetFactory(indicator=draft_indicator)
    with pytest.raises(IndicatorMergeError):
        indicators_merge(kept=draft_indicator, merged=[draft_indicator], user=curator)
    target.refresh_from_db()
    assert target.indicator == draft_indicator


def test_merge_refuses_to_delete_a_catalogue_indicator(curator, catalogue_indicator, draft_indicator):
    with pytest.raises(IndicatorMergeError):
        indicators_merge(kept=draft_indicator, merged=[catalogue_indicator], user=curator)
    assert Indicator.objects.filter(pk=catalogue_indicator.pk).exists()


def test_merge_is_all_or_nothing(curator, catalogue_indicator, draft_indicator):
    target = TargetFactory(indicator=draft_indicator)
    # One of the two is refused, so the other's target stays where it was.
    with pytest.raises(IndicatorMergeError):
        indicators_merge(kept=draft_indicator, merged=[catalogue_indicator, draft_indicator], user=curator)
    target.refresh_from_db()
    assert target.indicator == draft_indicator
    assert Target.history.filter(id=target.pk).count() == 1


def test_curator_merges_from_the_changelist(curator_client, curator, catalogue_indicator, draft_indicator):
    target = TargetFactory(indicator=draft_indicator)

    response = merge_post(curator_client, catalogue_indicator, draft_indicator)

    assert response.status_code == 200
    assert "移动目标 1 条" in response.content.decode()
    target.refresh_from_db()
    assert target.indicator == catalogue_indicator
    assert target.history.latest().history_user == curator


def test_the_changelist_says_when_nothing_was_chosen_to_keep(curator_client, draft_indicator):
    response = curator_client.post(INDICATORS, {
        "action": "merge_indicators", "_selected_action": [draft_indicator.pk],
    }, follow=True)
    assert "请先在“合并到”框中选定要保留的指标" in response.content.decode()
    assert Indicator.objects.filter(pk=draft_indicator.pk).exists()


def test_the_changelist_refuses_a_merge_into_itself(curator_client, draft_indicator):
    response = merge_post(curator_client, draft_indicator, draft_indicator)
    assert "合并到它自己" in response.content.decode()
    assert Indicator.objects.filter(pk=draft_indicator.pk).exists()


@pytest.mark.parametrize("client_fixture", ["reviewer_client", "read_only_staff_client"])
def test_only_curators_may_merge(request, client_fixture, catalogue_indicator, draft_indicator):
    client = request.getfixturevalue(client_fixture)
    target = TargetFactory(indicator=draft_indicator)

    assert "merge_indicators" not in client.get(INDICATORS).content.decode()
    merge_post(client, catalogue_indicator, draft_indicator)

    target.refresh_from_db()
    assert target.indicator == draft_indicator
    assert Indicator.objects.filter(pk=draft_indicator.pk).exists()


def test_readers_and_visitors_cannot_reach_the_changelist(reader_client, client, catalogue_indicator, draft_indicator):
    for visitor in (reader_client, client):
        response = visitor.post(INDICATORS, {
            "action": "merge_indicators", "_selected_action": [draft_indicator.pk], "merge_into": catalogue_indicator.pk,
        })
        assert response.status_code == 302
    assert Indicator.objects.filter(pk=draft_indicator.pk).exists()
