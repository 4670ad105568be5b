"""The base every read-only API viewset builds on."""
from django.db.models import OuterRef, Subquery
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings

from apps.curation.api.pagination import ApiPagination
from apps.curation.api.parameters import query_errors
from apps.curation.api.renderers import CSVRenderer
from apps.curation.api.schema import ApiAutoSchema

# A CSV export returns every filtered row up to this many, not one page; past it the
# response carries ``X-Rows-Truncated: true`` and the consumer should narrow the filters.
CSV_MAX_ROWS = 10_000


class ReadOnlyApiViewSet(viewsets.ReadOnlyModelViewSet):
    """List and detail, paginated, filtered by the app's FilterSet, exportable as CSV.

    The API is read-only for everybody: the default ``IsAuthenticatedOrReadOnly`` refuses
    an anonymous write with 403 before the method is looked at (401 when the client
    offers HTTP Basic credentials that fail), and a logged-in user, curator or not, gets
    405. Curators edit in the admin.

    Subclasses set ``serializer_class`` (the list summary) and ``detail_serializer_class``
    (everything), and write ``get_queryset`` starting from ``self.visible(...)`` so that
    which records a user may see is decided there and nowhere else.
    """

    pagination_class = ApiPagination
    # Records are addressed by their integer id (regions, by their six-digit code, override it).
    lookup_value_regex = "[0-9]+"
    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, CSVRenderer]
    detail_serializer_class = None
    schema = ApiAutoSchema()
    lookup_description = "The record's id."

    def handle_exception(self, exc):
        """Errors are JSON whatever format was asked for: a CSV of one message helps nobody."""
        response = super().handle_exception(exc)
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        errors = query_errors(request.query_params, **self.query_parameters())
        if errors:
            raise ValidationError(errors)

    def query_parameters(self) -> dict:
        """Which parameters this action reads: a list its filters, paging and format; a detail its format.

        A list named with its format (``targets.csv``) is not paged and takes no ``format``.
        """
        # /api/v1/targets.csv names its format in the path; the query then has no format to give.
        accepted = set() if self.format_kwarg else {api_settings.URL_FORMAT_OVERRIDE}
        if self.action != "list":
            return {"accepted": accepted, "repeatable": set(), "paged": False}
        filters = self.filterset_class.base_filters
        paginator = self.pagination_class
        paging = set() if self.format_kwarg else {paginator.page_query_param, paginator.page_size_query_param}
        return {
            "accepted": accepted | set(filters) | paging,
            "repeatable": {name for name, field in filters.items() if getattr(field, "repeatable", False)},
            "paged": bool(paging),
        }

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return super().get_serializer_class()

    def visible(self, queryset):
        """Curators see every record; everyone else sees published ones only."""
        return queryset.visible_to(self.request.user)

    def visible_link(self, model, field: str) -> Subquery:
        """The id in ``field`` when the record it names is one the user may see, else null: a
        published record never shows that a hidden one exists."""
        return Subquery(self.visible(model.objects).filter(pk=OuterRef(field)).values("pk")[:1])

    def list(self, request, *args, **kwargs):
        if getattr(request.accepted_renderer, "format", None) != CSVRenderer.format:
            return super().list(request, *args, **kwargs)
        rows = list(self.filter_queryset(self.get_queryset())[: CSV_MAX_ROWS + 1])
        serializer = self.get_serializer(rows[:CSV_MAX_ROWS], many=True)
        headers = {"X-Rows-Truncated": "true"} if len(rows) > CSV_MAX_ROWS else {}
        return Response(serializer.data, headers=headers)
