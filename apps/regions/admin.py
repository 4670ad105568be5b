"""Administrative divisions, and the province filter other admins reuse."""
from django.contrib import admin
from django.contrib.admin.utils import lookup_spawns_duplicates
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from apps.curation.admin import HistoryAdmin
from apps.regions.models import Region, RegionLevel, code_prefix


class ProvinceListFilter(admin.SimpleListFilter):
    """Narrow a changelist to one province by code prefix: 32 is everything in Jiangsu.

    A foreign-key filter would list all ~3,200 divisions; provinces are a short list and
    the prefix catches every city and county under them. Subclass with ``code_lookup``
    set to the path to a region code (``"region__code"``, ``"regions__code"``).
    """

    title = _("省份")
    parameter_name = "province"
    code_lookup = "code"

    def lookups(self, request, model_admin):
        provinces = Region.objects.filter(level=RegionLevel.PROVINCE).order_by("code")
        return [(region.code, region.name) for region in provinces]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        lookup = {f"{self.code_lookup}__startswith": code_prefix(self.value())}
        if not lookup_spawns_duplicates(queryset.model._meta, self.code_lookup):
            # A foreign key: filter in place (the code prefix index answers it).
            return queryset.filter(**lookup)
        # A subquery on primary keys rather than a join, so a many-to-many path adds no duplicates.
        return queryset.filter(pk__in=queryset.model._default_manager.filter(**lookup).values("pk"))


def province_filter(code_lookup: str) -> type[ProvinceListFilter]:
    """A ProvinceListFilter over ``code_lookup``, for a model admin's ``list_filter``."""
    return type(f"ProvinceListFilter_{code_lookup}", (ProvinceListFilter,), {"code_lookup": code_lookup})


@admin.register(Region)
class RegionAdmin(HistoryAdmin):
    list_display = ["code", "name", "level", "parent", "children_count"]
    list_filter = ["level", ProvinceListFilter]
    # "^code" matches by prefix, so searching 3201 lists Nanjing and every district in it.
    search_fields = ["^code", "name"]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]
    ordering = ["code"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(children_total=Count("children"))

    def get_readonly_fields(self, request, obj=None):
        # The code is the primary key: editing it would save a second region, not rename this one.
        return ["code"] if obj is not None else []

    @admin.display(description=_("下级数量"), ordering="children_total")
    def children_count(self, obj):
        return obj.children_total
