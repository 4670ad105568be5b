"""The read API's filter backend: a filter naming a record you cannot see is a 404, a malformed one a 400."""
from django.utils.translation import gettext as _
from django_filters import ModelChoiceFilter
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from rest_framework.exceptions import NotFound

from apps.curation.api.parameters import WHOLE_NUMBER


def missing_records(filterset) -> dict[str, list[str]]:
    """Record filters (``organization=7``) whose well-formed id names no record the user may see.

    Unknown ids and drafts get the same answer, so a filter does not tell which drafts exist.
    """
    missing = {}
    for name, errors in filterset.form.errors.as_data().items():
        value = filterset.form.data.get(name, "")
        if (
            isinstance(filterset.filters.get(name), ModelChoiceFilter)
            and WHOLE_NUMBER.fullmatch(value)
            and all(error.code == "invalid_choice" for error in errors)
        ):
            missing[name] = [_("没有 id 为 %(id)s 的记录。") % {"id": value}]
    return missing


class ApiFilterBackend(DjangoFilterBackend):
    """``DjangoFilterBackend``, telling a request that is well formed but names a missing record (404,
    keyed by the parameter) from one that is malformed (400): a client generated from the schema can
    only know the first kind is valid."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            missing = missing_records(filterset)
            if missing and len(missing) == len(filterset.errors):
                raise NotFound(missing)
            raise translate_validation(filterset.errors)
        return filterset.qs
