from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TargetsConfig(AppConfig):
    name = "apps.targets"
    verbose_name = _("目标与观测")
