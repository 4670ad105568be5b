"""Filters for the initiative list, shared by the API and the web pages."""
import django_filters
from django.db.models import Q

from apps.curation.api.filters import (
    CuratedFilterSet,
    RegionPrefixFilter,
    StableOrderingFilter,
    TextQueryFilter,
    YearFilter,
    visible_choices,
)
from apps.documents.models import Document
from apps.initiatives.models import Initiative, Theme


def initiative_search(queryset, text: str):
    """Case-insensitive substring match over the name.

    The one place initiative text search happens, so segmented full-text search can
    replace it later without touching the FilterSet.
    """
    return queryset.filter(name__icontains=text)


class InitiativeFilter(CuratedFilterSet):
    region = RegionPrefixFilter(
        field_name="region__code",
        help_text="Initiatives of this region and everything under it, by GB/T 2260 code or prefix "
                  "(32, 3201, 320115). General initiatives without a region are left out.",
    )
    theme = django_filters.ChoiceFilter(
        choices=Theme.choices,
        help_text="Theme: resources 资源建设, balance 均衡发展, teachers 师资队伍, quality 教育质量, "
                  "informatization 信息化, preschool 学前教育, vocational 职业教育, safety 安全, party_building 党建.",
    )
    year_from = YearFilter(
        method="filter_year_from",
        help_text="Initiatives still running in or after this year (no end year counts as running).",
    )
    year_to = YearFilter(
        method="filter_year_to",
        help_text="Initiatives started in or before this year (no start year counts as started).",
    )
    document = django_filters.ModelChoiceFilter(
        field_name="documents", queryset=visible_choices(Document),
        help_text="Initiatives mentioned by the document with this id.",
    )
    q = TextQueryFilter(search=initiative_search, help_text="Text contained in the initiative's name.")
    ordering = StableOrderingFilter(
        fields=["name", "theme", "start_year", "end_year", "updated_at", "id"],
        help_text="Sort by name, theme, start_year, end_year, updated_at or id; prefix - for descending.",
    )

    class Meta:
        model = Initiative
        fields = []

    def filter_year_from(self, queryset, name, value):
        return queryset.filter(Q(end_year__isnull=True) | Q(end_year__gte=value))

    def filter_year_to(self, queryset, name, value):
        return queryset.filter(Q(start_year__isnull=True) | Q(start_year__lte=value))
