"""Document pages: the filtered list and one document with its figures marked in the text."""
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from apps.documents import selectors
from apps.documents.filters import DocumentFilter
from apps.documents.marking import figure_quotes, mark_records
from apps.documents.models import Document
from apps.search.segment import query_terms
from apps.targets.scorecards import progress_scorecard
from apps.web.export import Column
from apps.web.listing import FilteredListView

SORT_FIELDS = {"publish_date": _("发布日期"), "title": _("标题")}
FILTER_LABELS = {"organization": _("发文/答复机构")}
FILTER_HELP = {"q": _("标题和正文中的词，多个词以空格分隔，须全部出现")}

EXPORT_COLUMNS = [
    Column(_("编号"), lambda d: d.pk),
    Column(_("标题"), lambda d: d.title),
    Column(_("类型"), lambda d: d.get_doc_type_display()),
    Column(_("发布日期"), lambda d: d.publish_date),
    Column(_("文号"), lambda d: d.doc_number),
    Column(_("发文/答复机构"), lambda d: d.organization.name if d.organization else ""),
    Column(_("地区"), lambda d: "; ".join(r.name for r in d.regions.all())),
    Column(_("行政区划代码"), lambda d: "; ".join(r.code for r in d.regions.all())),
    Column(_("来源网站"), lambda d: d.source_site),
    Column(_("来源网址"), lambda d: d.source_url),
]


class DocumentListView(FilteredListView):
    filterset_class = DocumentFilter
    selector = staticmethod(selectors.document_list)
    template_name = "documents/document_list.html"
    sort_fields = SORT_FIELDS
    filter_labels = FILTER_LABELS
    filter_help = FILTER_HELP
    export_columns = EXPORT_COLUMNS
    export_basename = "documents"
    detail_url_name = "documents:detail"

    def get_context_data(self, context):
        context["terms"] = query_terms(self.request.GET.get("q", "")) if context["filters_valid"] else []
        return context


def document_detail(request, pk: int):
    try:
        document = selectors.document_detail(pk=pk, user=request.user)
    except Document.DoesNotExist:
        raise Http404(_("没有这份文件，或它尚未发布。")) from None
    targets, observations = document.targets.all(), document.observations.all()
    text = mark_records(document.clean_text, figure_quotes(targets, observations), [*targets, *observations])
    return render(request, "documents/document_detail.html", {
        "document": document, "marked_text": text,
        "scorecard": progress_scorecard(user=request.user, filters={"document": document.pk}),
        "show_raw": request.GET.get("view") == "raw",
    })
