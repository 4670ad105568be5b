"""Page-number pagination with a page size consumers may choose, up to a cap."""
from rest_framework.pagination import PageNumberPagination

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100


class ApiPagination(PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_query_description = "Page number, from 1; past the last page the answer is 404."
    page_size_query_param = "page_size"
    page_size_query_description = f"Records per page (default {DEFAULT_PAGE_SIZE}, at most {MAX_PAGE_SIZE})."
    max_page_size = MAX_PAGE_SIZE

    def get_paginated_response_schema(self, schema):
        envelope = super().get_paginated_response_schema(schema)
        descriptions = {
            "count": "How many records match the filters, over all pages.",
            "next": "The next page, or null on the last.",
            "previous": "The previous page, or null on the first.",
            "results": "This page's records.",
        }
        for name, text in descriptions.items():
            envelope["properties"][name]["description"] = text
        return envelope
