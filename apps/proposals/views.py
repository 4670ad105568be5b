"""Proposal pages: the filtered list, and one proposal beside its replies."""
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from apps.commitments.selectors import proposal_commitments
from apps.proposals import selectors
from apps.proposals.filters import ProposalFilter
from apps.proposals.models import Proposal
from apps.web.export import Column
from apps.web.listing import FilteredListView

SORT_FIELDS = {"session": _("届次/会议"), "number": _("编号")}
FILTER_LABELS = {
    "organization": _("主办单位"),
    "date_from": _("答复日期不早于"),
    "date_to": _("答复日期不晚于"),
    "year_from": _("答复年份不早于"),
    "year_to": _("答复年份不晚于"),
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
    try:
        proposal = selectors.proposal_detail(pk=pk, user=request.user)
    except Proposal.DoesNotExist:
        raise Http404(_("没有这件提案/建议，或它尚未发布。")) from None
    commitments = proposal_commitments(proposal=proposal, user=request.user)
    return render(request, "proposals/proposal_detail.html", {"proposal": proposal, "commitments": commitments})
