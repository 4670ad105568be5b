"""Indicators, the targets set against them, and the figures observed."""
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import Count, OuterRef, Subquery
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from apps.curation.admin import CURATION_FIELDSET, CuratedModelAdmin, HistoryAdmin
from apps.curation.admin_filters import (
    DateYearSpanFieldListFilter, UsedRelatedFieldListFilter, YearSpanFieldListFilter,
)
from apps.regions.admin import province_filter
from apps.targets.models import Indicator, Observation, Target
from apps.targets.selectors import TARGET_ORDER
from apps.targets.services import IndicatorMergeError, indicators_merge


def document_link(document):
    if document is None:
        return "-"
    url = reverse("admin:documents_document_change", args=[document.pk])
    return format_html('<a href="{}">{}</a>', url, document.title)


class IndicatorActionForm(ActionForm):
    """The changelist's action bar, with the indicator a merge keeps."""

    merge_into = forms.ModelChoiceField(
        queryset=Indicator.objects.all(), required=False, label=_("合并到"),
        # Searches the indicators as the target form's indicator field does: no list of thousands.
        widget=AutocompleteSelect(Target._meta.get_field("indicator"), admin.site),
    )


class CatalogueListFilter(admin.SimpleListFilter):
    """Indicators from the shipped catalogue, or those the importer and curators made."""

    title = _("指标目录")
    parameter_name = "catalogue"

    def lookups(self, request, model_admin):
        return [("yes", _("目录指标")), ("no", _("非目录指标"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(code__isnull=False)
        if self.value() == "no":
            return queryset.filter(code__isnull=True)
        return queryset


@admin.register(Indicator)
class IndicatorAdmin(HistoryAdmin):
    list_display = [
        "name", "code", "level", "in_catalogue", "unit", "target_count", "observation_count", "updated_at",
    ]
    list_filter = [CatalogueListFilter, "level", "direction", "unit"]
    search_fields = ["name", "code", "aliases", "description"]
    readonly_fields = ["code", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "code", "name_en", ("unit", "direction", "level"), "definition", "aliases"]}),
        (_("说明与时间"), {"classes": ["collapse"], "fields": ["description", ("created_at", "updated_at")]}),
    ]
    actions = ["merge_indicators"]
    action_form = IndicatorActionForm

    def get_queryset(self, request):
        # Two subqueries rather than two joins: counting across both joins would multiply the rows.
        def count_of(model):
            counted = model.objects.filter(indicator=OuterRef("pk")).order_by().values("indicator")
            return Subquery(counted.annotate(total=Count("pk")).values("total"))

        return super().get_queryset(request).annotate(
            target_total=count_of(Target), observation_total=count_of(Observation)
        )

    @admin.display(description=_("目标数"), ordering="target_total")
    def target_count(self, obj):
        return obj.target_total or 0

    @admin.display(description=_("观测值数"), ordering="observation_total")
    def observation_count(self, obj):
        return obj.observation_total or 0

    @admin.display(description=_("目录指标"), boolean=True, ordering="code")
    def in_catalogue(self, obj):
        return obj.in_catalogue

    def has_merge_permission(self, request):
        """Merging edits and deletes indicators and edits their targets and observations."""
        return request.user.has_perms([
            "targets.change_indicator", "targets.delete_indicator",
            "targets.change_target", "targets.change_observation",
        ])

    @admin.action(description=_("合并到“合并到”框中选定的指标"), permissions=["merge"])
    def merge_indicators(self, request, queryset):
        form = IndicatorActionForm(request.POST)
        form.fields["action"].choices = self.get_action_choices(request)
        kept = form.cleaned_data.get("merge_into") if form.is_valid() else None
        if kept is None:
            self.message_user(request, _("请先在“合并到”框中选定要保留的指标。"), messages.ERROR)
            return
        try:
            result = indicators_merge(kept=kept, merged=queryset, user=request.user)
        except IndicatorMergeError as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        self.message_user(
            request,
            _("已将 %(names)s 并入“%(kept)s”：移动目标 %(targets)d 条、观测值 %(observations)d 条。") % {
                "names": "、".join(f"“{name}”" for name in result.merged_names), "kept": result.kept.name,
                "targets": result.targets_moved, "observations": result.observations_moved,
            },
            messages.SUCCESS,
        )


class EvidenceListFilter(admin.SimpleListFilter):
    """Targets with or without any observation of their indicator in their region."""

    title = _("观测证据")
    parameter_name = "evidence"

    def lookups(self, request, model_admin):
        return [("yes", _("有观测值")), ("no", _("暂无观测值"))]

    def queryset(self, request, queryset):
        # Relies on the latest_observed_value annotation TargetAdmin.get_queryset adds.
        if self.value() == "yes":
            return queryset.filter(latest_observed_value__isnull=False)
        if self.value() == "no":
            return queryset.filter(latest_observed_value__isnull=True)
        return queryset


@admin.register(Target)
class TargetAdmin(CuratedModelAdmin):
    list_display = [
        "indicator", "region", "value_display", "deadline_year", "latest_observed", "progress_display",
        "source_link", "status",
    ]
    # Year and indicator choices from index look-ups, not SELECT DISTINCT over every target.
    list_filter = [
        "status", ("deadline_year", YearSpanFieldListFilter), "comparator", EvidenceListFilter, "progress_override",
        province_filter("region__code"), ("indicator", UsedRelatedFieldListFilter),
    ]
    # The lists' order, read from target_list_order_idx: the model's (by the indicator's name) sorts
    # a year's targets on every page view.
    ordering = TARGET_ORDER
    search_fields = ["indicator__name", "region__name", "^region__code", "quote", "initiative__name"]
    autocomplete_fields = ["indicator", "region", "initiative", "source_document"]
    list_select_related = ["indicator", "region", "source_document"]
    fieldsets = [
        (None, {"fields": [
            "indicator", "region", "initiative", ("comparator", "value", "value_max", "unit"),
            ("deadline_year", "deadline_date"), "source_document", "quote", "confidence",
        ]}),
        (_("进展与人工认定"), {"fields": ["progress_display", "baseline", "progress_override", "progress_note"]}),
        CURATION_FIELDSET,
    ]
    readonly_fields = [*CuratedModelAdmin.readonly_fields, "progress_display", "confidence"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_latest_observation()

    @admin.display(description=_("目标值"))
    def value_display(self, obj):
        return obj.describe_value()

    @admin.display(description=_("最新观测"), ordering="latest_observed_on")
    def latest_observed(self, obj):
        if obj.latest_observed_value is None:
            return "-"
        return f"{obj.latest_observed_value.normalize():f} ({obj.latest_observed_on:%Y-%m-%d})"

    @admin.display(description=_("进展"))
    def progress_display(self, obj):
        # On the add form the target is unsaved and has nothing to measure against yet.
        return obj.get_progress_display() if obj.pk else "-"

    @admin.display(description=_("来源文件"), ordering="source_document__title")
    def source_link(self, obj):
        return document_link(obj.source_document)


@admin.register(Observation)
class ObservationAdmin(CuratedModelAdmin):
    list_display = ["indicator", "region", "value_display", "observed_on", "source_link", "status"]
    list_filter = [
        "status", ("observed_on", DateYearSpanFieldListFilter), province_filter("region__code"),
        ("indicator", UsedRelatedFieldListFilter),
    ]
    search_fields = ["indicator__name", "region__name", "^region__code", "quote"]
    autocomplete_fields = ["indicator", "region", "source_document"]
    list_select_related = ["indicator", "region", "source_document"]
    fieldsets = [
        (None, {"fields": ["indicator", "region", ("value", "unit"), "observed_on", "source_document", "quote"]}),
        CURATION_FIELDSET,
    ]

    @admin.display(description=_("数值"), ordering="value")
    def value_display(self, obj):
        return f"{obj.value.normalize():f}{obj.unit}"

    @admin.display(description=_("来源文件"), ordering="source_document__title")
    def source_link(self, obj):
        return document_link(obj.source_document)
