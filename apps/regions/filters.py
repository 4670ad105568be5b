"""Filters for the region list, shared by the API and the web pages."""
import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from apps.curation.api.filters import (
    ApiFilterSet,
    RegionPrefixFilter,
    SchemaDescribedFilter,
    StableOrderingFilter,
    TextQueryFilter,
    UpdatedSinceFilter,
)
from apps.regions.models import CODE_PATTERN, Region


def region_search(queryset, text: str):
    """Case-insensitive substring match over the name; the one place to change region search."""
    return queryset.filter(name__icontains=text)


class RegionCodeField(forms.RegexField):
    default_error_messages = {"invalid": _("Enter a six-digit GB/T 2260 region code, e.g. 320115.")}

    def __init__(self, **kwargs):
        super().__init__(regex=CODE_PATTERN, strip=True, **kwargs)


class RegionCodeFilter(SchemaDescribedFilter, django_filters.CharFilter):
    """Exactly one six-digit code."""

    field_class = RegionCodeField
    schema = {"type": "string", "pattern": CODE_PATTERN}


class RegionFilter(ApiFilterSet):
    region = RegionPrefixFilter(
        field_name="code",
        help_text="This region and everything under it, by GB/T 2260 code or prefix: "
                  "32 or 320000 (Jiangsu), 3201 or 320100 (Nanjing), 320115 (Jiangning).",
    )
    level = django_filters.ChoiceFilter(
        choices=Region._meta.get_field("level").choices,
        help_text="Administrative level: province, prefecture or county.",
    )
    parent = RegionCodeFilter(
        field_name="parent_id", help_text="Only the direct children of the region with this six-digit code.",
    )
    q = TextQueryFilter(search=region_search, help_text="Text contained in the region's name (e.g. 江宁).")
    # Regions are reference data reloaded from the national table and carry no change
    # time; the parameter is accepted so one sync loop works for every list, and
    # returns every region (a full sync never misses a change).
    updated_since = UpdatedSinceFilter(
        method="filter_updated_since",
        help_text="Accepted for a uniform sync loop; regions carry no change time, so every region is returned.",
    )
    ordering = StableOrderingFilter(
        fields=["code", "name", "level"], help_text="Sort by code, name or level; prefix - for descending.",
    )

    class Meta:
        model = Region
        fields = []

    def filter_updated_since(self, queryset, name, value):
        return queryset
