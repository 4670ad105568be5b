from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class TargetsConfig(AppConfig):
    name = "apps.targets"
    verbose_name = _("目标与观测")

    def ready(self):
        from apps.targets import signals
        from apps.targets.models import Observation

        post_save.connect(signals.observation_saved, sender=Observation, dispatch_uid="target_evidence_save")
        post_delete.connect(signals.observation_deleted, sender=Observation, dispatch_uid="target_evidence_delete")
