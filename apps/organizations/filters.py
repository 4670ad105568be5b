"""Filters for the organization list, shared by the API and the web pages."""
import django_filters
from django.db.models import Q

from apps.curation.api.filters import ApiFilterSet, RegionPrefixFilter, StableOrderingFilter, TextQueryFilter
from apps.organizations.models import Organization, OrganizationKind


def organization_search(queryset, text: str):
    """Case-insensitive substring match over name and short name; the one place to change it."""
    return queryset.filter(Q(name__icontains=text) | Q(short_name__icontains=text))


class OrganizationFilter(ApiFilterSet):
    region = RegionPrefixFilter(
        field_name="region__code",
        help_text="Organizations of this region and everything under it, by GB/T 2260 code or prefix "
                  "(32, 3201, 320115).",
    )
    kind = django_filters.ChoiceFilter(
        choices=OrganizationKind.choices,
        help_text="Kind of body: education bureau, education department, government, CPPCC, "
                  "people's congress, media, school or other.",
    )
    q = TextQueryFilter(search=organization_search, help_text="Text contained in the name or short name.")
    ordering = StableOrderingFilter(
        fields=["name", "kind", "updated_at", "id"],
        help_text="Sort by name, kind, updated_at or id; prefix - for descending.",
    )

    class Meta:
        model = Organization
        fields = []
