"""The reviewers and readers groups, beside curators: created by migration, kept current after it."""
import pytest
from django.contrib.auth.models import Group, Permission

from apps.curation.permissions import CURATED_APPS, role_groups_sync

pytestmark = pytest.mark.django_db

MODELS = ["region", "organization", "document", "citation", "proposal", "proposer", "reply",
          "initiative", "indicator", "target", "observation"]


def codenames(group_name: str) -> set[str]:
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_reviewers_view_everything_and_review_but_change_nothing():
    reviewers = codenames("reviewers")
    assert {f"view_{model}" for model in MODELS} <= reviewers
    assert "review_records" in reviewers
    assert not {c for c in reviewers if c.startswith(("add_", "change_", "delete_"))}


def test_readers_only_view():
    readers = codenames("readers")
    assert {f"view_{model}" for model in MODELS} <= readers
    assert all(c.startswith("view_") for c in readers)


def test_curators_may_also_review():
    assert "review_records" in codenames("curators")


def test_a_lost_permission_comes_back_on_the_next_migrate():
    """post_migrate runs the sync: a model's permissions added after the migrations reach every group."""
    view_region = Permission.objects.get(content_type__app_label="regions", codename="view_region")
    for name in ("curators", "reviewers", "readers"):
        Group.objects.get(name=name).permissions.remove(view_region)
    Group.objects.filter(name="readers").delete()

    role_groups_sync()

    for name in ("curators", "reviewers", "readers"):
        assert "view_region" in codenames(name), name
    assert "regions" in CURATED_APPS
