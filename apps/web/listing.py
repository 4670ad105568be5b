"""The list page every app builds on: filtered, sortable, paginated and exportable.

Filtering is the app's FilterSet, the one the API uses, applied by the app's selector;
sorting is that FilterSet's ``ordering`` parameter; the page number, the sort and every
filter live in the URL, so a list can be bookmarked and shared. ``?format=csv`` or
``?format=xlsx`` returns every filtered row instead of one page.
"""
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View

from apps.curation.paginator import CappedCountPaginator
from apps.web.export import EXPORT_FORMATS, Column, export_response
from apps.web.filter_form import sidebar_fields

PAGE_SIZE = 25


class FilteredListView(View):
    """Subclasses name the FilterSet, the selector, the template, the sort fields and the export columns."""

    filterset_class = None
    # The app's selector, ``(*, filters, user) -> QuerySet``; wrap it in staticmethod().
    selector = None
    template_name = ""
    paginate_by = PAGE_SIZE
    export_columns: list = []
    export_basename = ""
    # The record's page (a URL name taking its pk), added as the export's last column.
    detail_url_name = ""
    # Ordering parameters offered in column headers and the sidebar, with their labels.
    sort_fields: dict = {}
    filter_labels: dict = {}
    filter_help: dict = {}
    hidden_filters = frozenset()

    def get(self, request, *args, **kwargs):
        filterset = self.filterset_class(request.GET, request=request)
        # Relabel before validating: the form's bound fields keep the labels they were made with.
        filter_fields = sidebar_fields(
            filterset.form, user=request.user, labels=self.filter_labels, help_texts=self.filter_help,
            sort_fields=self.sort_fields, hidden=self.hidden_filters,
        )
        valid = filterset.is_valid()
        context = {
            "filter_form": filterset.form,
            "filter_fields": filter_fields,
            "sort_fields": self.sort_fields,
            "filters_valid": valid,
        }
        if not valid:
            # A malformed value is shown beside its control; listing everything instead would mislead.
            context.update(page_obj=None, rows=[])
            return render(request, self.template_name, self.get_context_data(context), status=400)
        rows = self.selector(filters=request.GET, user=request.user)
        export_format = request.GET.get("format")
        if export_format in EXPORT_FORMATS:
            return export_response(
                self.get_export_records(rows), self.get_export_columns(), export_format=export_format, basename=self.export_basename,
            )
        # get_page: a page number past the end shows the last page, a malformed one the first.
        # Totals past RESULT_COUNT_CAP are not counted: the page says "more than" instead.
        page = CappedCountPaginator(rows, self.paginate_by).get_page(request.GET.get("page"))
        context.update(page_obj=page, rows=list(page.object_list))
        return render(request, self.template_name, self.get_context_data(context))

    def get_export_columns(self) -> list[Column]:
        columns = list(self.export_columns)
        if self.detail_url_name:
            build = self.request.build_absolute_uri
            columns.append(Column(_("网页链接"), lambda record: build(reverse(self.detail_url_name, args=[record.pk]))))
        return columns

    def get_export_records(self, rows):
        """Hook: the records to export, a QuerySet or list (sliced to the export's cap)."""
        return rows

    def get_context_data(self, context: dict) -> dict:
        """Hook: add to the page's context (``rows`` holds this page's records)."""
        return context
