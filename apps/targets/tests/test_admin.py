"""The target, observation and indicator admins: progress, evidence and the filters curators use."""
import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from apps.regions.tests.factories import CountyFactory
from apps.targets.models import TargetProgress
from apps.targets.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory

pytestmark = pytest.mark.django_db

TARGETS = reverse("admin:targets_target_changelist")
OBSERVATIONS = reverse("admin:targets_observation_changelist")
INDICATORS = reverse("admin:targets_indicator_changelist")


@pytest.fixture
def coverage_target():
    """Seed 000: school-group coverage ≥ 60% by 2025 in 江宁区."""
    return TargetFactory()


def rows(response):
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def test_progress_column_reads_the_latest_observation(curator_client, coverage_target):
    ObservationFactory(value=Decimal("50"), observed_on=datetime.date(2021, 12, 31))
    ObservationFactory(value=Decimal("62.5"), observed_on=datetime.date(2023, 12, 31))

    response = curator_client.get(TARGETS)

    [row] = rows(response)
    model_admin = response.context["cl"].model_admin
    assert row.progress == TargetProgress.ACHIEVED
    assert model_admin.progress_display(row) == "已达成"
    assert model_admin.latest_observed(row) == "62.5 (2023-12-31)"
    assert "已达成" in response.content.decode()


def test_progress_without_observations_is_unverified_once_due(curator_client, coverage_target, settings):
    settings.PROGRESS_TODAY = datetime.date(coverage_target.deadline_year + 1, 1, 1)
    response = curator_client.get(TARGETS)
    assert response.context["cl"].model_admin.progress_display(rows(response)[0]) == "到期未核实"


def test_evidence_filter(curator_client, coverage_target):
    other_indicator = IndicatorFactory(name="普惠性幼儿园覆盖率")
    with_evidence = TargetFactory(indicator=other_indicator, value=Decimal("92"))
    ObservationFactory(indicator=other_indicator, value=Decimal("93"))

    assert rows(curator_client.get(TARGETS, {"evidence": "yes"})) == [with_evidence]
    assert rows(curator_client.get(TARGETS, {"evidence": "no"})) == [coverage_target]


def test_targets_filter_by_deadline_year_and_search_by_quote(curator_client, coverage_target):
    due_2022 = TargetFactory(deadline_year=2022, quote="新增学位2800个")
    assert rows(curator_client.get(TARGETS, {"deadline_year": "2022"})) == [due_2022]
    assert rows(curator_client.get(TARGETS, {"q": "学位"})) == [due_2022]


def test_change_form_shows_progress_read_only(curator_client, coverage_target, settings):
    settings.PROGRESS_TODAY = datetime.date(coverage_target.deadline_year - 1, 1, 1)
    response = curator_client.get(reverse("admin:targets_target_change", args=[coverage_target.pk]))
    assert "progress_display" not in response.context["adminform"].form.fields
    assert "未到期" in response.content.decode()


def test_observations_filter_by_year_and_search_by_region(curator_client):
    old = ObservationFactory(observed_on=datetime.date(2018, 7, 26))
    ObservationFactory(observed_on=datetime.date(2022, 10, 14))
    assert rows(curator_client.get(OBSERVATIONS, {"observed_on__year": "2018"})) == [old]
    assert len(rows(curator_client.get(OBSERVATIONS, {"q": CountyFactory().name}))) == 2


def test_indicator_counts_targets_and_observations(curator_client, coverage_target):
    ObservationFactory.create_batch(3)
    # The catalogue's group-schooling indicators match too: look among the importer's own.
    response = curator_client.get(INDICATORS, {"q": "集团化", "catalogue": "no"})
    [indicator] = rows(response)
    model_admin = response.context["cl"].model_admin
    assert (model_admin.target_count(indicator), model_admin.observation_count(indicator)) == (1, 3)
