"""Region pages: where a region stands and everything recorded about it and the places under it."""
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.commitments.selectors import region_commitment_counts
from apps.curation.memo import audience, remembered

from apps.regions import selectors
from apps.regions.models import Region
from apps.targets.scorecards import progress_scorecard


def region_index(request):
    # 3,200 regions at full size: the list is rendered once and remembered (apps.curation.memo).
    tree = remembered(("region_tree", audience(request.user), get_language()), lambda: _region_tree(request.user))
    return render(request, "regions/region_index.html", {"tree": tree})


def _region_tree(user) -> str:
    regions = selectors.regions_index(user=user)
    return render_to_string("regions/_region_tree.html", {"regions": regions}) if regions else ""


def region_detail(request, code: str):
    canonical = selectors.region_code_canonical(code)
    if canonical is None:
        raise Http404(_("行政区划代码应为 2、4 或 6 位数字。"))
    if canonical != code:
        return redirect("regions:detail", code=canonical)
    try:
        region = selectors.region_detail(code=code)
    except Region.DoesNotExist:
        raise Http404(_("没有这个行政区划。")) from None
    context = {
        "region": region, **selectors.region_overview(region=region, user=request.user),
        "scorecard": progress_scorecard(user=request.user, filters={"region": region.code}),
        "commitment_counts": region_commitment_counts(region_code=region.code, user=request.user),
    }
    return render(request, "regions/region_detail.html", context)
