"""load_demo works on an empty database and a second run changes nothing, history included."""
import io

import pytest
from django.apps import apps
from django.core.management import call_command

from apps.demo.services import demo_load, record_upsert
from apps.documents.models import Citation, Document
from apps.initiatives.models import Initiative
from apps.organizations.models import Organization, OrganizationKind
from apps.proposals.models import Proposal, Proposer, Reply
from apps.regions.models import Region
from apps.targets.models import Indicator, Observation, Target

pytestmark = pytest.mark.django_db

LOADED_MODELS = [
    Region, Organization, Document, Citation, Proposal, Proposer, Reply, Initiative, Indicator, Target, Observation,
]


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in LOADED_MODELS}


def history_counts() -> dict[str, int]:
    """Rows of every django-simple-history table, the many-to-many history tables included."""
    return {
        model.__name__: model.objects.count()
        for model in apps.get_models()
        if model.__name__.startswith("Historical")
    }


def test_load_demo_fills_an_empty_database_regions_first():
    assert Region.objects.count() == 0

    summary = demo_load()

    assert summary.regions.created == 3210
    assert Document.objects.count() == 5
    assert Proposal.objects.count() == 2
    assert Target.objects.exists() and Observation.objects.exists()


def test_second_run_creates_no_rows_and_no_history_entries():
    demo_load()
    rows, history = row_counts(), history_counts()

    summary = demo_load()

    assert row_counts() == rows
    assert history_counts() == history
    assert not summary.changed
    assert all(t.created == 0 and t.updated == 0 for t in summary.tallies.values())
    assert summary.regions.created == summary.regions.updated == 0


def test_history_counts_cover_the_many_to_many_tables():
    demo_load()

    counts = history_counts()

    assert counts["HistoricalDocument_regions"] > 0
    assert counts["HistoricalInitiative_documents"] > 0


def test_rerun_restores_a_changed_field_with_one_history_entry():
    demo_load()
    document = Document.objects.get(doc_number="邯教办〔2018〕57号")
    document.title = "改错的标题"
    document.save()
    history_before = document.history.count()

    summary = demo_load()

    document.refresh_from_db()
    assert document.title == "对人大076号建议的答复"
    assert document.history.count() == history_before + 1
    assert document.history.first().history_change_reason == "load_demo"
    assert summary.tallies["Document"].updated == 1
    assert summary.tallies["Target"].updated == 0


def test_rerun_restores_a_removed_region_link():
    demo_load()
    document = Document.objects.get(title="辖市区年度教育“小目标”")
    document.regions.remove("320481")

    summary = demo_load()

    assert set(document.regions.values_list("code", flat=True)) == {"320404", "320481"}
    assert summary.tallies["Document"].updated == 1


def test_rerun_keeps_documents_curators_linked_to_an_initiative():
    demo_load()
    extra = Document.objects.create(title="另一篇", doc_type="news", raw_text="集团化办学")
    school_groups = Initiative.objects.get(name="集团化办学", region=None)
    school_groups.documents.add(extra)

    demo_load()

    assert school_groups.documents.filter(pk=extra.pk).exists()
    assert school_groups.documents.count() == 6  # the five seed pages and the curator's


def test_record_upsert_saves_only_when_a_field_differs():
    lookup = {"name": "邯郸市教育局"}
    values = {"short_name": "市教育局", "kind": OrganizationKind.EDUCATION_BUREAU, "region_id": None}

    row, created = record_upsert(Organization, lookup=lookup, values=values)
    _, unchanged = record_upsert(Organization, lookup=lookup, values=values)
    _, updated = record_upsert(Organization, lookup=lookup, values={**values, "short_name": "教育局"})

    assert (created, unchanged, updated) == ("created", "unchanged", "updated")
    assert row.history.count() == 2
    assert Organization.objects.get(name="邯郸市教育局").short_name == "教育局"


def test_command_prints_created_then_unchanged_counts():
    first, second = io.StringIO(), io.StringIO()

    call_command("load_demo", stdout=first)
    call_command("load_demo", stdout=second)

    assert "Region: 3210 created, 0 updated, 0 unchanged" in first.getvalue()
    assert "Document: 5 created, 0 updated, 0 unchanged" in first.getvalue()
    assert "Document: 0 created, 0 updated, 5 unchanged" in second.getvalue()
    assert "already up to date" in second.getvalue()
