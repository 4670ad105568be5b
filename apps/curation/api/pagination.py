"""Page-number pagination with a page size consumers may choose, up to a cap, and a capped total."""
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from apps.curation.paginator import CappedCountPaginator

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100


class ApiPagination(PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_query_description = "Page number, from 1; past the last page the answer is 404."
    page_size_query_param = "page_size"
    page_size_query_description = f"Records per page (default {DEFAULT_PAGE_SIZE}, at most {MAX_PAGE_SIZE})."
    max_page_size = MAX_PAGE_SIZE
    django_paginator_class = CappedCountPaginator

    def get_paginated_response(self, data):
        return Response({
            "count": self.page.paginator.count,
            "count_is_estimate": self.page.paginator.count_is_estimate,
            "next": self.get_next_link(),
            "previous": self.get_previous_link(),
            "results": data,
        })

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        bounds = {self.page_query_param: {"minimum": 1}, self.page_size_query_param: {"minimum": 1, "maximum": MAX_PAGE_SIZE}}
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters

    def get_paginated_response_schema(self, schema):
        envelope = super().get_paginated_response_schema(schema)
        descriptions = {
            "count": (
                "How many records match the filters, over all pages; when count_is_estimate is true, "
                "at least this many (the cap, RESULT_COUNT_CAP, default 10000) and more exist."
            ),
            "count_is_estimate": (
                "false: count is exact. true: more records match than count says; they were not all "
                "counted. Follow next to read them."
            ),
            "next": "The next page, or null on the last.",
            "previous": "The previous page, or null on the first.",
            "results": "This page's records.",
        }
        # Examples of one record are shown as a page holding just that record (drf-spectacular
        # builds them from these examples, with ``schema`` standing for the record).
        envelope["properties"] = {
            "count": envelope["properties"]["count"],
            "count_is_estimate": {"type": "boolean"},
            **{k: v for k, v in envelope["properties"].items() if k != "count"},
        }
        envelope["required"] = ["count", "count_is_estimate", "results"]
        examples = {"count": 1, "count_is_estimate": False, "next": None, "previous": None}
        for name, text in descriptions.items():
            field = envelope["properties"][name]
            if isinstance(field, dict):  # not the stand-in for the record
                field["description"] = text
                if name in examples:
                    field["example"] = examples[name]
        return envelope
