from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CurationConfig(AppConfig):
    name = "apps.curation"
    verbose_name = _("审核流程")

    def ready(self):
        from apps.curation.permissions import curators_group_sync

        # Permissions of models added after the group's migration reach the group on the next migrate.
        post_migrate.connect(curators_group_sync, dispatch_uid="curators_group_sync")
