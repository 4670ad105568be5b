from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    """What replies promised, and whether it was kept."""

    name = "apps.commitments"
    verbose_name = _("承诺")
