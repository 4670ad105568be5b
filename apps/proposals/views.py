"""Proposal pages: the filtered list, the replies' results by place and year, and one proposal."""
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from apps.commitments.selectors import proposal_commitments
from apps.documents.marking import commitment_quotes, figure_quotes, mark_records
from apps.proposals import grades, selectors
from apps.proposals.filters import ProposalFilter
from apps.proposals.models import Proposal
from apps.proposals.timeline import proposal_timeline
from apps.web.export import EXPORT_FORMATS, Column, export_response
from apps.web.filter_form import table_filters
from apps.web.listing import FilteredListView

SORT_FIELDS = {"session": _("届次/会议"), "number": _("编号")}
FILTER_LABELS = {
    "organization": _("主办单位"),
    "date_from": _("答复日期不早于"),
    "date_to": _("答复日期不晚于"),
    "year_from": _("答复年份不早于"),
    "year_to": _("答复年份不晚于"),
    "replied": _("是否已答复"),
}
FILTER_HELP = {"q": _("标题或主题中的文字"), "result_code": _("有该办理结果答复的提案/建议")}


def _lead_name(proposal) -> str:
    lead = proposal.lead_proposer
    return lead.name if lead else ""


EXPORT_COLUMNS = [
    Column(_("编号"), lambda p: p.number),
    Column(_("类别"), lambda p: p.get_kind_display()),
    Column(_("届次/会议"), lambda p: p.session),
    Column(_("标题"), lambda p: p.title),
    Column(_("领衔"), _lead_name),
    Column(_("联名"), lambda p: "; ".join(x.name for x in p.proposers.all() if not x.is_lead)),
    Column(_("地区"), lambda p: p.region.name if p.region else ""),
    Column(_("行政区划代码"), lambda p: p.region_id or ""),
    Column(_("主题"), lambda p: p.subject),
    Column(_("办理结果"), lambda p: "; ".join(r.result_code for r in p.replies.all() if r.result_code)),
    Column(_("答复日期"), lambda p: "; ".join(f"{r.reply_date:%Y-%m-%d}" for r in p.replies.all() if r.reply_date)),
]


class ProposalListView(FilteredListView):
    filterset_class = ProposalFilter
    selector = staticmethod(selectors.proposal_list)
    template_name = "proposals/proposal_list.html"
    sort_fields = SORT_FIELDS
    filter_labels = FILTER_LABELS
    filter_help = FILTER_HELP
    export_columns = EXPORT_COLUMNS
    export_basename = "proposals"
    detail_url_name = "proposals:detail"


def proposal_detail(request, pk: int):
    """What was asked, the grade, the figures and promises read from the replies, the texts marked, the dates."""
    try:
        proposal = selectors.proposal_detail(pk=pk, user=request.user)
    except Proposal.DoesNotExist:
        raise Http404(_("没有这件提案/建议，或它尚未发布。")) from None
    commitments = proposal_commitments(proposal=proposal, user=request.user)
    targets, observations = selectors.drawn_from_replies(proposal=proposal, user=request.user)
    replies = list(proposal.replies.all())
    for reply in replies:
        # Each reply's text marks the figures read from it and what it promised.
        document = reply.visible_document_id
        own_targets = [t for t in targets if document and t.source_document_id == document]
        own_observations = [o for o in observations if document and o.source_document_id == document]
        promises = [c for c in commitments if c.reply_id == reply.pk]
        quotes = [*figure_quotes(own_targets, own_observations), *commitment_quotes(promises)]
        reply.marked_text = mark_records(reply.visible_full_text or "", quotes,
                                         [*own_targets, *own_observations, *promises])
    return render(request, "proposals/proposal_detail.html", {
        "proposal": proposal, "replies": replies, "commitments": commitments,
        "targets": targets, "observations": observations, "timeline": proposal_timeline(proposal, replies),
    })


def _grades_export_columns() -> list[Column]:
    columns = [
        Column(_("分组"), lambda item: item[0]),
        Column(_("地区或年份"), lambda item: item[1].label),
        Column(_("行政区划代码"), lambda item: item[1].region.code if item[1].region else ""),
    ]
    for index, column in enumerate(grades.result_columns()):
        columns.append(Column(column.label, lambda item, index=index: item[1].cells[index].count))
    columns.append(Column(_("合计"), lambda item: item[1].total.count))
    return columns


def proposal_grades(request):
    """``/proposals/grades/?region=&kind=``: replies by handling result, per child region and per year."""
    filterset = ProposalFilter(request.GET, request=request)
    context = {**table_filters(filterset, user=request.user, shown=grades.GRADES_FILTERS),
               "columns": grades.result_columns()}
    valid, region = context["filters_valid"], context["region"]
    if not valid:
        return render(request, "proposals/grades.html", {**context, "rows": []}, status=400)
    chosen = {name: filterset.form.cleaned_data[name] for name in grades.GRADES_FILTERS
              if filterset.form.cleaned_data.get(name)}
    if region:
        chosen["region"] = region.code  # 13 → 130000: the list's select then names it
    place_rows, year_rows = grades.grade_tables(filters=chosen, region=region)
    export_format = request.GET.get("format")
    if export_format in EXPORT_FORMATS:
        by_place, by_year = str(_("按地区")), str(_("按年份"))
        records = [(by_place, row) for row in place_rows] + [(by_year, row) for row in year_rows]
        return export_response(records, _grades_export_columns(), export_format=export_format,
                               basename="proposal-grades")
    return render(request, "proposals/grades.html", {
        **context, "rows": place_rows, "place_rows": place_rows, "year_rows": year_rows,
        "replies_counted": place_rows[-1].total.count, "list_url": grades.list_url(chosen),
    })
