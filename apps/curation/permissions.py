"""The three staff roles, as groups: curators edit, reviewers review and publish, readers look.

| group       | curated apps' models            | review actions (``curation.review_records``) |
|-------------|---------------------------------|----------------------------------------------|
| curators    | add, change, delete, view       | yes                                          |
| reviewers   | view (change forms read-only)   | yes                                          |
| readers     | view                            | no                                           |

Members must also be staff (``is_staff``) to sign in to the admin. Importing pages needs
``documents.add_document``, so only curators import.
"""
from django.contrib.auth.models import Group, Permission

CURATORS_GROUP = "curators"
REVIEWERS_GROUP = "reviewers"
READERS_GROUP = "readers"
CURATED_APPS = [
    "regions", "organizations", "documents", "proposals", "initiatives", "targets", "commitments", "ingest",
]
REVIEW_PERMISSION = "curation.review_records"


def role_groups_sync(sender=None, **kwargs) -> None:
    """Grant each group its permissions, including those of models added since its migration.

    Connected to post_migrate, which fires once per app after that app's permissions exist.
    Permissions are only ever added here; one taken away by hand stays away until then.
    """
    if sender is not None and sender.label not in [*CURATED_APPS, "curation"]:
        return
    curated = Permission.objects.filter(content_type__app_label__in=CURATED_APPS)
    viewing = curated.filter(codename__startswith="view_")
    app_label, codename = REVIEW_PERMISSION.split(".")
    reviewing = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    grants = {
        CURATORS_GROUP: [curated, reviewing],
        REVIEWERS_GROUP: [viewing, reviewing],
        READERS_GROUP: [viewing],
    }
    for name, permission_sets in grants.items():
        group, _ = Group.objects.get_or_create(name=name)
        for permissions in permission_sets:
            group.permissions.add(*permissions)
