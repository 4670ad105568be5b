"""Pages that span the apps: the home dashboard and Chinese full-text search."""
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from apps.documents.filters import DocumentFilter
from apps.documents.selectors import document_search
from apps.documents.views import FILTER_HELP, FILTER_LABELS, SORT_FIELDS
from apps.search.query import query_parse
from apps.targets.progress import progress_today
from apps.web.filter_form import sidebar_fields
from apps.web.listing import PAGE_SIZE
from apps.web.selectors import home_overview


def home(request):
    return render(request, "web/home.html", home_overview(user=request.user, today=progress_today()))


def search(request):
    """``/search/?q=``: documents holding every word of ``q``, most about it first, the matching
    sentence marked; when none holds them all, the nearest matches, said so.

    The sidebar is the documents list's FilterSet, so a search narrows by region, type or date
    exactly as the list does.
    """
    filterset = DocumentFilter(request.GET, request=request)
    filter_fields = sidebar_fields(
        filterset.form, user=request.user, labels=FILTER_LABELS, help_texts=FILTER_HELP,
        sort_fields=SORT_FIELDS, hidden={"q"}, default_order_label=_("按相关度"),
    )
    valid = filterset.is_valid()
    q = request.GET.get("q", "").strip()
    query = query_parse(q) if valid else None
    context = {
        "q": q, "query": query, "relaxed": False, "capped": False,
        "filter_form": filterset.form, "filter_fields": filter_fields, "page_obj": None, "rows": [],
    }
    if not valid:
        return render(request, "web/search.html", context, status=400)
    if query:
        results = document_search(filters=request.GET, user=request.user, query=query)
        context["relaxed"], context["capped"] = results.relaxed, results.capped
        paginator = Paginator(results.documents, PAGE_SIZE)
        # Not every match is listed (apps.search.services.LISTED): the count shown is "more than".
        paginator.count_is_estimate = results.capped
        context["page_obj"] = paginator.get_page(request.GET.get("page"))
        context["rows"] = list(context["page_obj"].object_list)
    return render(request, "web/search.html", context)
