"""Initiative pages: the filtered list, and one initiative with the documents that mention it."""
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from apps.initiatives import selectors
from apps.initiatives.filters import InitiativeFilter
from apps.initiatives.models import Initiative
from apps.targets.selectors import target_list
from apps.web.export import Column
from apps.web.listing import FilteredListView

SORT_FIELDS = {"name": _("名称"), "theme": _("主题"), "start_year": _("起始年份")}
FILTER_LABELS = {"year_from": _("仍在实施的年份不早于"), "year_to": _("开始年份不晚于")}
FILTER_HELP = {"q": _("名称中的文字")}

EXPORT_COLUMNS = [
    Column(_("名称"), lambda i: i.name),
    Column(_("主题"), lambda i: i.get_theme_display()),
    Column(_("地区"), lambda i: i.region.name if i.region else ""),
    Column(_("行政区划代码"), lambda i: i.region_id or ""),
    Column(_("起始年份"), lambda i: i.start_year),
    Column(_("结束年份"), lambda i: i.end_year),
    Column(_("提及文件数"), lambda i: i.document_count),
]


class InitiativeListView(FilteredListView):
    filterset_class = InitiativeFilter
    selector = staticmethod(selectors.initiative_list)
    template_name = "initiatives/initiative_list.html"
    sort_fields = SORT_FIELDS
    filter_labels = FILTER_LABELS
    filter_help = FILTER_HELP
    export_columns = EXPORT_COLUMNS
    export_basename = "initiatives"
    detail_url_name = "initiatives:detail"


def initiative_detail(request, pk: int):
    try:
        initiative = selectors.initiative_detail(pk=pk, user=request.user)
    except Initiative.DoesNotExist:
        raise Http404(_("没有这项举措，或它尚未发布。")) from None
    targets = target_list(filters={"initiative": initiative.pk}, user=request.user)
    return render(request, "initiatives/initiative_detail.html", {"initiative": initiative, "targets": targets})
