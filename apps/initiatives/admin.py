"""Named programmes and reforms."""
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from apps.curation.admin import CURATION_FIELDSET, CuratedModelAdmin
from apps.initiatives.models import Initiative
from apps.regions.admin import province_filter


@admin.register(Initiative)
class InitiativeAdmin(CuratedModelAdmin):
    list_display = ["name", "theme", "region", "years", "parent", "document_count", "status"]
    list_filter = ["status", "theme", province_filter("region__code"), ("region", admin.EmptyFieldListFilter)]
    search_fields = ["name", "aliases", "description", "region__name"]
    autocomplete_fields = ["region", "parent", "documents"]
    list_select_related = ["region", "parent"]
    fieldsets = [
        (None, {"fields": [
            "name", "aliases", "theme", "region", ("start_year", "end_year"), "parent", "description", "documents",
        ]}),
        CURATION_FIELDSET,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(document_total=Count("documents"))

    @admin.display(description=_("年份"), ordering="start_year")
    def years(self, obj):
        if obj.start_year is None and obj.end_year is None:
            return "-"
        return f"{obj.start_year or '?'}–{obj.end_year or ''}"

    @admin.display(description=_("提及文件数"), ordering="document_total")
    def document_count(self, obj):
        return obj.document_total
