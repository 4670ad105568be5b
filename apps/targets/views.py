"""Target pages: the filtered table, the scorecard of regions × progress, and one indicator across regions."""
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from apps.targets import charts, comparison, scorecards, selectors
from apps.targets.comparison import ComparisonForm
from apps.targets.filters import IndicatorFilter, TargetFilter
from apps.targets.models import Indicator, TargetProgress
from apps.web.export import EXPORT_FORMATS, EXPORT_MAX_ROWS, Column, export_response
from apps.web.filter_form import table_filters
from apps.web.listing import FilteredListView

SORT_FIELDS = {
    "deadline_year": _("截止年份"), "indicator": _("指标"), "region": _("地区"), "value": _("数值"),
}
FILTER_HELP = {"q": _("原文语句中的文字，如“学位”")}


def _progress_label(target) -> str:
    return TargetProgress(target.progress_value).label


EXPORT_COLUMNS = [
    Column(_("指标"), lambda t: t.indicator.name),
    Column(_("地区"), lambda t: t.region.name if t.region else ""),
    Column(_("行政区划代码"), lambda t: t.region_id or ""),
    Column(_("比较方式"), lambda t: t.get_comparator_display()),
    Column(_("数值"), lambda t: t.value),
    Column(_("上限"), lambda t: t.value_max),
    Column(_("单位"), lambda t: t.unit),
    Column(_("目标"), lambda t: t.describe_value()),
    Column(_("截止年份"), lambda t: t.deadline_year),
    Column(_("进展"), _progress_label),
    Column(_("认定说明"), lambda t: t.progress_note if t.progress_override else ""),
    Column(_("原文语句"), lambda t: t.quote),
    Column(_("来源文件"), lambda t: t.source_title or ""),
    Column(_("来源文件编号"), lambda t: t.source_id),
]


class TargetListView(FilteredListView):
    filterset_class = TargetFilter
    selector = staticmethod(selectors.target_list)
    template_name = "targets/target_list.html"
    sort_fields = SORT_FIELDS
    filter_help = FILTER_HELP
    export_columns = EXPORT_COLUMNS
    export_basename = "targets"

    def get_context_data(self, context):
        # The quote filter matches the text as typed (not cut into words), so that is what is marked.
        q = self.request.GET.get("q", "").strip()
        context["terms"] = [q] if q and context["filters_valid"] else []
        return context


CATALOGUE_FILTER_LABELS = {"level": _("学段"), "direction": _("方向")}
CATALOGUE_FILTER_HELP = {"q": _("指标名称、别名或定义中的文字，如“入园率”")}


def _themes(indicator) -> str:
    return "、".join(str(theme) for theme in indicator.themes)


CATALOGUE_EXPORT_COLUMNS = [
    Column(_("指标"), lambda i: i.name),
    Column(_("目录编码"), lambda i: i.code or ""),
    Column(_("定义"), lambda i: i.definition),
    Column(_("单位"), lambda i: i.unit),
    Column(_("方向"), lambda i: i.get_direction_display() if i.direction else ""),
    Column(_("学段"), lambda i: i.get_level_display() if i.level else ""),
    Column(_("主题"), _themes),
    Column(_("目标数"), lambda i: i.target_count),
    Column(_("观测值数"), lambda i: i.observation_count),
    Column(_("地区数"), lambda i: i.region_count),
]


class IndicatorCatalogueView(FilteredListView):
    """``/indicators/``: every indicator the reader may see, with how much is recorded on it and where."""

    filterset_class = IndicatorFilter
    selector = staticmethod(selectors.indicator_catalogue)
    template_name = "targets/indicator_catalogue.html"
    sort_fields = {"name": _("指标")}
    filter_labels = CATALOGUE_FILTER_LABELS
    filter_help = CATALOGUE_FILTER_HELP
    export_columns = CATALOGUE_EXPORT_COLUMNS
    export_basename = "indicators"
    detail_url_name = "targets:indicator"

    def get_export_records(self, rows):
        return selectors.indicator_reach(list(rows[: EXPORT_MAX_ROWS + 1]), user=self.request.user)

    def get_context_data(self, context):
        context["rows"] = selectors.indicator_reach(context["rows"], user=self.request.user)
        return context


# The sentences of the first this many records; the rest are in the targets list and the export.
DETAIL_ROWS_SHOWN = 100

COMPARISON_EXPORT_COLUMNS = [
    Column(_("地区"), lambda row: row.region.name if row.region else _("未注明地区")),
    Column(_("行政区划代码"), lambda row: row.region.code if row.region else ""),
    Column(_("年份"), lambda row: row.year),
    Column(_("目标"), comparison.targets_text),
    Column(_("观测值"), comparison.observations_text),
]


def _indicator_export(request, pk: int, form: ComparisonForm, export_format: str):
    try:
        indicator, targets, observations = selectors.indicator_comparison(
            pk=pk, user=request.user, region_lookup=form.region_lookup(),
        )
    except Indicator.DoesNotExist:
        raise Http404(_("没有这个指标。")) from None
    return export_response(comparison.comparison_rows(targets, observations), COMPARISON_EXPORT_COLUMNS,
                           export_format=export_format, basename=f"indicator-{indicator.pk}")


def indicator_detail(request, pk: int):
    """One indicator across regions; ``?region=`` (everything under a code) or ``?regions=a,b`` compares those."""
    form = ComparisonForm(request.GET)
    valid = form.is_valid()
    export_format = request.GET.get("format")
    if valid and export_format in EXPORT_FORMATS:
        return _indicator_export(request, pk, form, export_format)
    try:
        shown = selectors.indicator_page(
            pk=pk, user=request.user,  # A malformed choice of regions compares none, beside its error.
            region_lookup=form.region_lookup() if valid else {"region_id__in": []},
        )
    except Indicator.DoesNotExist:
        raise Http404(_("没有这个指标。")) from None
    indicator, targets, observations = shown.indicator, shown.targets, shown.observations
    unplaced = _("未注明地区")
    scorecard_filters = {"indicator": indicator.pk}
    if valid and form.cleaned_data.get("region"):
        scorecard_filters["region"] = form.cleaned_data["region"]
    rows = sorted(
        [("target", t.region, t.deadline_year, t) for t in targets]
        + [("observation", o.region, o.observed_on.year, o) for o in observations],
        key=lambda row: (row[1] is None, row[1].code if row[1] else "", row[2] or 0, row[0]),
    )
    chosen = valid and bool(form.region_lookup())
    return render(request, "targets/indicator_detail.html", {
        "rows_shown": rows[:DETAIL_ROWS_SHOWN], "rows_total": shown.target_count + shown.observation_count,
        "more_regions": shown.more_regions, "regions_shown": selectors.MAX_PAGE_REGIONS,
        "comparison_chosen": chosen, "targets_list_url": scorecards.list_url(scorecard_filters),
        "indicator": indicator, "targets": targets, "observations": observations, "rows": rows,
        "scorecard": scorecards.progress_scorecard(user=request.user, filters=scorecard_filters),
        "bar_chart": charts.bar_chart(targets, observations, unplaced_label=unplaced),
        "timeline": charts.timeline(observations, unplaced_label=unplaced),
        "comparison_form": form, "compared": comparison.comparison_rows(targets, observations),
        "filters_valid": valid,
        "comparison_chart": chosen and charts.comparison_chart(
            targets, observations, unit=indicator.unit, unplaced_label=unplaced,
        ),
    }, status=200 if valid else 400)


SCORECARD_SHOWN_FILTERS = ("region", "deadline_year", "theme")


def _scorecard_export_columns() -> list[Column]:
    columns = [
        Column(_("地区"), lambda row: row.label),
        Column(_("行政区划代码"), lambda row: row.region.code if row.region else ""),
    ]
    for index, state in enumerate(TargetProgress):
        columns.append(Column(state.label, lambda row, index=index: row.scorecard.cells[index][2].count))
    columns.append(Column(_("合计"), lambda row: row.scorecard.total.count))
    return columns


def target_scorecard(request):
    """``/targets/scorecard/?region=&deadline_year=&theme=``: the children of a region × progress, with totals."""
    filterset = TargetFilter(request.GET, request=request)
    context = {**table_filters(filterset, user=request.user, shown=SCORECARD_SHOWN_FILTERS),
               "states": list(TargetProgress)}
    valid, region = context["filters_valid"], context["region"]
    if not valid:
        return render(request, "targets/scorecard.html", {**context, "rows": []}, status=400)
    rows, totals = scorecards.regions_by_progress(user=request.user, filters=request.GET, region=region)
    export_format = request.GET.get("format")
    if export_format in EXPORT_FORMATS:
        total_row = scorecards.ScorecardRow(str(_("合计")), None, totals)
        return export_response([*rows, total_row], _scorecard_export_columns(), export_format=export_format,
                               basename="target-scorecard")
    return render(request, "targets/scorecard.html", {**context, "rows": rows, "totals": totals})
