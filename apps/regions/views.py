"""Region pages: where a region stands and everything recorded about it and the places under it."""
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from apps.regions import selectors
from apps.regions.models import Region


def region_index(request):
    return render(request, "regions/region_index.html", {"regions": selectors.regions_index(user=request.user)})


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
    context = {"region": region, **selectors.region_overview(region=region, user=request.user)}
    return render(request, "regions/region_detail.html", context)
