from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    """The curator's review of one imported document, and the queue of drafts waiting for it."""

    name = "apps.review"
    verbose_name = _("审核")
