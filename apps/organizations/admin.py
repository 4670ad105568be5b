"""Issuing, replying and publishing bodies."""
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from apps.curation.admin import HistoryAdmin
from apps.organizations.models import Organization
from apps.regions.admin import province_filter


@admin.register(Organization)
class OrganizationAdmin(HistoryAdmin):
    list_display = ["name", "short_name", "kind", "region", "document_count", "updated_at"]
    list_filter = ["kind", province_filter("region__code")]
    search_fields = ["name", "short_name", "region__name", "^region__code"]
    autocomplete_fields = ["region"]
    list_select_related = ["region"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "kind", "region"]}),
        (_("记录"), {"fields": [("created_at", "updated_at")], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(document_total=Count("documents"))

    @admin.display(description=_("文件数"), ordering="document_total")
    def document_count(self, obj):
        return obj.document_total
