from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CurationConfig(AppConfig):
    name = "apps.curation"
    verbose_name = _("审核流程")

    def ready(self):
        from apps.curation.permissions import role_groups_sync

        # Permissions of models added after the groups' migrations reach the groups on the next migrate.
        post_migrate.connect(role_groups_sync, dispatch_uid="role_groups_sync")
