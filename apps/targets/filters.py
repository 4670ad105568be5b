"""Filters for indicators, targets and observations, shared by the API and the web pages."""
import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.curation.api.filters import (
    ApiFilterSet,
    CuratedFilterSet,
    DateFilter,
    RegionPrefixFilter,
    StableOrderingFilter,
    TextQueryFilter,
    YearFilter,
    visible_choices,
)
from apps.documents.models import Document
from apps.initiatives.models import Initiative, Theme
from apps.targets.figures import indicators_with_theme
from apps.targets.models import Indicator, IndicatorDirection, IndicatorLevel, Observation, Target, TargetProgress
from apps.targets.progress import LEGACY_PROGRESS

# The deprecated words (apps.targets.progress.LEGACY_PROGRESS) stay in the API's schema for one release.
PROGRESS_CHOICES = [
    *TargetProgress.choices, ("overdue", _("逾期未达成（旧值）")), ("no_evidence", _("暂无证据（旧值）")),
]


class ProgressChoiceField(django_filters.fields.ChoiceField):
    """Offers only the current words in a form, and still accepts the deprecated ones."""

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, choices=[c for c in choices if c[0] not in LEGACY_PROGRESS], **kwargs)

    def valid_value(self, value):
        return value in LEGACY_PROGRESS or super().valid_value(value)


class ProgressFilter(django_filters.ChoiceFilter):
    field_class = ProgressChoiceField

REGION_HELP = "in this region and everything under it, by GB/T 2260 code or prefix (32, 3201, 320115)."


def indicator_search(queryset, text: str):
    """Case-insensitive substring match over the indicator's name, other names and definition."""
    return queryset.filter(Q(name__icontains=text) | Q(aliases__icontains=text) | Q(definition__icontains=text))


def quote_search(queryset, text: str):
    """Case-insensitive substring match over the quoted sentence of targets and observations.

    The one place this app searches text, so segmented full-text search can replace it.
    """
    return queryset.filter(quote__icontains=text)


class IndicatorFilter(ApiFilterSet):
    q = TextQueryFilter(
        search=indicator_search,
        help_text="Text contained in the indicator's name, its other names or its definition (e.g. 覆盖率).",
    )
    level = django_filters.ChoiceFilter(choices=IndicatorLevel.choices, help_text="Indicators of this level of schooling.")
    direction = django_filters.ChoiceFilter(
        choices=IndicatorDirection.choices, help_text="Indicators where higher, or lower, is better (or neither).",
    )
    theme = django_filters.ChoiceFilter(
        choices=Theme.choices, method="filter_theme",
        help_text="Indicators with a target of an initiative with this theme.",
    )
    ordering = StableOrderingFilter(
        fields=["name", "updated_at", "id"], help_text="Sort by name, updated_at or id; prefix - for descending.",
    )

    class Meta:
        model = Indicator
        fields = []

    def filter_theme(self, queryset, name, value):
        # From the remembered figures (apps.targets.figures): a join of every target with its
        # initiative took 0.45 s a query at 558,000 targets.
        return queryset.filter(pk__in=indicators_with_theme(value, user=getattr(self.request, "user", None)))


class TargetFilter(CuratedFilterSet):
    region = RegionPrefixFilter(field_name="region__code", help_text=f"Targets {REGION_HELP}")
    indicator = django_filters.ModelChoiceFilter(
        queryset=visible_choices(Indicator), help_text="Targets on the indicator with this id.",
    )
    initiative = django_filters.ModelChoiceFilter(
        queryset=visible_choices(Initiative), help_text="Targets of the initiative with this id.",
    )
    theme = django_filters.ChoiceFilter(
        choices=Theme.choices, method="filter_theme", help_text="Targets of initiatives with this theme.",
    )
    document = django_filters.ModelChoiceFilter(
        field_name="source_document", queryset=visible_choices(Document),
        help_text="Targets drawn from the document with this id.",
    )
    deadline_year = YearFilter(help_text="Targets due in this year (到2025年 → 2025).")
    deadline_year_from = YearFilter(
        field_name="deadline_year", lookup_expr="gte", help_text="Targets due in or after this year.",
    )
    deadline_year_to = YearFilter(
        field_name="deadline_year", lookup_expr="lte", help_text="Targets due in or before this year.",
    )
    progress = ProgressFilter(
        choices=PROGRESS_CHOICES, method="filter_progress",
        help_text="Attainment as of today: achieved (the latest observation meets the target), on_track "
                  "(an observation, not met, deadline ahead), missed (deadline passed, the latest observation "
                  "falls short), unverified (deadline passed, nothing observed), open (deadline ahead, nothing "
                  "observed yet). A curator's recorded judgement overrides. Deprecated, for one release: "
                  "overdue (= missed) and no_evidence (= unverified or open). Not the curation status: "
                  "that is `status`.",
    )
    q = TextQueryFilter(search=quote_search, help_text="Text contained in the quoted sentence.")
    ordering = StableOrderingFilter(
        fields=[("deadline_year", "deadline_year"), ("indicator__name", "indicator"), ("region_id", "region"),
                ("value", "value"), ("updated_at", "updated_at"), ("id", "id")],
        help_text="Sort by deadline_year, indicator (its name), region (its code), value, updated_at or id; "
                  "prefix - for descending.",
    )

    class Meta:
        model = Target
        fields = []

    def filter_theme(self, queryset, name, value):
        return queryset.filter(initiative__in=self.visible(Initiative.objects).filter(theme=value))

    def filter_progress(self, queryset, name, value):
        return queryset.with_progress_in(LEGACY_PROGRESS.get(value, (value,)))


class ObservationFilter(CuratedFilterSet):
    region = RegionPrefixFilter(field_name="region__code", help_text=f"Observations {REGION_HELP}")
    indicator = django_filters.ModelChoiceFilter(
        queryset=visible_choices(Indicator), help_text="Observations of the indicator with this id.",
    )
    document = django_filters.ModelChoiceFilter(
        field_name="source_document", queryset=visible_choices(Document),
        help_text="Observations drawn from the document with this id.",
    )
    date_from = DateFilter(field_name="observed_on", lookup_expr="gte", help_text="Observed on or after this date.")
    date_to = DateFilter(field_name="observed_on", lookup_expr="lte", help_text="Observed on or before this date.")
    year_from = YearFilter(
        field_name="observed_on", lookup_expr="year__gte", help_text="Observed in or after this year.",
    )
    year_to = YearFilter(
        field_name="observed_on", lookup_expr="year__lte", help_text="Observed in or before this year.",
    )
    q = TextQueryFilter(search=quote_search, help_text="Text contained in the quoted sentence.")
    ordering = StableOrderingFilter(
        fields=[("observed_on", "observed_on"), ("indicator__name", "indicator"), ("region_id", "region"),
                ("value", "value"), ("updated_at", "updated_at"), ("id", "id")],
        help_text="Sort by observed_on, indicator (its name), region (its code), value, updated_at or id; "
                  "prefix - for descending.",
    )

    class Meta:
        model = Observation
        fields = []
