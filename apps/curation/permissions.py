"""The curators group: permission to edit every curated part of the domain."""
from django.contrib.auth.models import Group, Permission

CURATORS_GROUP = "curators"
CURATED_APPS = ["regions", "organizations", "documents", "proposals", "initiatives", "targets", "ingest"]


def curators_group_sync(sender=None, **kwargs) -> None:
    """Grant the group every permission of the curated apps, including models added since its migration.

    Connected to post_migrate, which fires once per app after that app's permissions exist.
    """
    if sender is not None and sender.label not in CURATED_APPS:
        return
    group, _ = Group.objects.get_or_create(name=CURATORS_GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label__in=CURATED_APPS))
