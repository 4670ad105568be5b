"""Commitment pages: the filtered list, and the scorecard of promises by region and by body."""
from urllib.parse import urlencode

from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.commitments import scorecard, selectors
from apps.commitments.filters import CommitmentFilter
from apps.commitments.models import CommitmentState
from apps.curation.memo import audience, remembered
from apps.curation.selectors import InvalidFilters
from apps.regions.models import Region
from apps.regions.selectors import region_code_canonical
from apps.targets.progress import progress_today
from apps.web.export import Column
from apps.web.listing import FilteredListView

SORT_FIELDS = {"deadline_year": _("期限年份"), "kind": _("类别")}
FILTER_LABELS = {
    "year": _("承诺年份"), "state": _("兑现情况"), "proposal_kind": _("提案/建议"), "organization": _("承诺单位"),
}
FILTER_HELP = {"q": _("承诺内容或原文语句中的文字")}

EXPORT_COLUMNS = [
    Column(_("承诺内容"), lambda c: c.summary),
    Column(_("原文语句"), lambda c: c.quote),
    Column(_("类别"), lambda c: c.get_kind_display()),
    Column(_("期限年份"), lambda c: c.deadline_year),
    Column(_("兑现情况"), lambda c: c.state_label),
    Column(_("承诺单位"), lambda c: c.organization.name if c.organization else ""),
    Column(_("地区"), lambda c: c.region.name if c.region else ""),
    Column(_("行政区划代码"), lambda c: c.region_id or ""),
]


class CommitmentListView(FilteredListView):
    filterset_class = CommitmentFilter
    selector = staticmethod(selectors.commitment_list)
    template_name = "commitments/commitment_list.html"
    sort_fields = SORT_FIELDS
    filter_labels = FILTER_LABELS
    filter_help = FILTER_HELP
    export_columns = EXPORT_COLUMNS
    export_basename = "commitments"


def commitment_scorecard(request):
    """Promised, kept, partly kept, not kept, overdue, open: by region and by replying body."""
    filters = QueryDict(mutable=True)
    filters.update({key: value for key, value in request.GET.items() if key in CommitmentFilter.base_filters})
    try:
        commitments = selectors.commitment_list(filters=filters, user=request.user)
    except InvalidFilters as error:
        return render(request, "commitments/scorecard.html", {"errors": error.errors}, status=400)
    # ?region=13 means 130000, as in the list it links to.
    region = Region.objects.filter(code=region_code_canonical(request.GET.get("region", "")) or "").first()
    base = {key: value for key, value in filters.items() if key not in ("region", "organization", "state")}
    # Counting every promise in China takes a few hundred ms; the counts change only when a curator saves.
    key = ("commitment_scorecard", audience(request.user), sorted(filters.items()), progress_today())
    regions, bodies = remembered(key, lambda: (scorecard.by_region(commitments, region), scorecard.by_body(commitments)))
    return render(request, "commitments/scorecard.html", {
        "region": region,
        "states": CommitmentState.choices,
        "tables": [
            (_("按地区"), _("地区"), _table(regions, base)),
            (_("按承诺单位"), _("承诺单位"), _table(bodies, base)),
        ],
    })


def _table(rows: list[scorecard.ScoreRow], base: dict) -> list[dict]:
    """Each row's counts as links into the list, the row's filters and the state added to ``base``."""
    def link(filters: dict) -> str:
        return reverse("commitments:list") + "?" + urlencode({**base, **filters})

    return [
        {
            "label": row.label,
            "total": (row.total, link(row.filters)),
            "cells": [(row.counts[state], link({**row.filters, "state": state}), label)
                      for state, label in CommitmentState.choices],
        }
        for row in rows
    ]
