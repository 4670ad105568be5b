"""The catalogue of indicators in the database: loaded by a migration, loaded again without change."""
import pytest
from django.urls import reverse

from apps.targets.catalogue import catalogue_entries, catalogue_sync
from apps.targets.models import Indicator, IndicatorDirection, IndicatorLevel
from apps.targets.tests.factories import IndicatorFactory, TargetFactory

pytestmark = pytest.mark.django_db

INDICATORS = reverse("admin:targets_indicator_changelist")


def test_the_migration_loaded_every_entry():
    entries = catalogue_entries()
    assert Indicator.objects.filter(code__isnull=False).count() == len(entries) >= 60
    preschool = Indicator.objects.get(code="preschool_gross_enrolment")
    assert (preschool.name, preschool.unit, preschool.direction, preschool.level) == (
        "学前教育毛入园率", "%", IndicatorDirection.HIGHER, IndicatorLevel.PRESCHOOL,
    )
    assert "学前三年毛入园率" in preschool.alias_list()
    assert preschool.definition and preschool.in_catalogue


def test_every_entry_uses_the_model_choices():
    assert {entry.level for entry in catalogue_entries()} <= set(IndicatorLevel.values)
    assert {entry.direction for entry in catalogue_entries()} <= set(IndicatorDirection.values)


def test_loading_again_changes_nothing():
    assert catalogue_sync(Indicator) == (0, 0)


def test_loading_adopts_a_draft_of_the_same_name_and_keeps_curators_aliases():
    Indicator.objects.filter(code="new_school_places").delete()
    draft = IndicatorFactory(name="新增学位数", unit="个", aliases="学位供给新增量")
    target = TargetFactory(indicator=draft)
    catalogue = Indicator.objects.get(code="preschool_gross_enrolment")
    catalogue.aliases += "\n幼儿入园率(三年)"
    catalogue.save()

    assert catalogue_sync(Indicator) == (0, 1)  # the curator's alias is kept: nothing to change

    draft.refresh_from_db()
    assert draft.code == "new_school_places" and target.indicator_id == draft.pk
    assert {"学位供给新增量", "新增学位"} <= set(draft.alias_list())
    catalogue.refresh_from_db()
    assert "幼儿入园率(三年)" in catalogue.alias_list()


def test_a_draft_indicator_has_no_code():
    # Codes are unique; many drafts without one must not collide.
    first, second = IndicatorFactory(name="示范校数"), IndicatorFactory(name="示范园数")
    assert first.code is None and second.code is None and not first.in_catalogue


def test_changelist_shows_and_filters_catalogue_indicators(curator_client):
    draft = IndicatorFactory(name="学科教研示范学校数", unit="所")

    response = curator_client.get(INDICATORS, {"catalogue": "no"})
    assert list(response.context["cl"].result_list) == [draft]

    response = curator_client.get(INDICATORS, {"catalogue": "yes", "level": "preschool", "q": "毛入园率"})
    rows = list(response.context["cl"].result_list)
    assert {row.code for row in rows} == {"preschool_one_year_enrolment", "preschool_gross_enrolment"}
    page = response.content.decode()
    assert "preschool_gross_enrolment" in page and "学前教育" in page


def test_change_form_keeps_the_code_read_only(curator_client):
    indicator = Indicator.objects.get(code="myopia_rate")
    response = curator_client.get(reverse("admin:targets_indicator_change", args=[indicator.pk]))
    assert "code" not in response.context["adminform"].form.fields
    assert "myopia_rate" in response.content.decode()
