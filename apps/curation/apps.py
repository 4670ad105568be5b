from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class CurationConfig(AppConfig):
    name = "apps.curation"
    verbose_name = _("审核流程")

    def ready(self):
        from apps.curation.permissions import role_groups_sync

        # Permissions of models added after the groups' migrations reach the groups on the next migrate.
        post_migrate.connect(role_groups_sync, dispatch_uid="role_groups_sync")
        _forget_remembered_figures_on_changes()


def _forget_remembered_figures_on_changes() -> None:
    """Any record of the project's own apps: curated records, and the regions and organizations
    that lists are filtered by (a list's count is remembered too, ``apps.curation.paginator``)."""
    from apps.curation import memo

    def changed(sender, **kwargs):
        if sender.__module__.startswith("apps."):
            memo.forget_all()

    post_save.connect(changed, weak=False, dispatch_uid="memo_forget_save")
    post_delete.connect(changed, weak=False, dispatch_uid="memo_forget_delete")
    # A link added or removed (a document's regions, an initiative's documents) counts too.
    m2m_changed.connect(memo.forget_all, dispatch_uid="memo_forget_m2m")
