"""Applying an app's FilterSet: how every selector filters, so the API and the pages agree."""
from types import SimpleNamespace

from django.db.models import QuerySet


class InvalidFilters(ValueError):
    """The filters failed validation; ``errors`` maps each parameter to its messages."""

    def __init__(self, errors):
        super().__init__(dict(errors))
        self.errors = errors


def filtered(filterset_class, queryset: QuerySet, *, filters, user) -> QuerySet:
    """``queryset`` narrowed by ``filters`` (a dict or QueryDict) through ``filterset_class``.

    The FilterSet sees ``user`` as the API's FilterSets see the request's user, so
    visibility rules inside it (``visible_choices``, ``self.visible``) hold here too.
    Raises ``InvalidFilters`` rather than dropping a malformed value, which would widen
    the list silently.
    """
    filterset = filterset_class(filters, queryset=queryset, request=SimpleNamespace(user=user))
    if not filterset.is_valid():
        raise InvalidFilters(filterset.errors)
    return filterset.qs
