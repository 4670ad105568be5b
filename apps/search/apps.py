from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "apps.search"
    verbose_name = _("全文检索")

    def ready(self):
        from apps.search import signals  # noqa: F401  (connects the receivers)
