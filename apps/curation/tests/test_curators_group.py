import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


def test_the_curators_group_may_edit_every_curated_model_including_later_ones():
    codenames = set(Group.objects.get(name="curators").permissions.values_list("codename", flat=True))
    for model in ["region", "organization", "document", "citation", "proposal", "proposer", "reply",
                  "initiative", "indicator", "target", "observation"]:
        assert {f"add_{model}", f"change_{model}", f"delete_{model}", f"view_{model}"} <= codenames
    assert "change_historicalregion" in codenames  # a model added after the group's migration
    assert "change_user" not in codenames
