"""Reading initiatives for the pages: lists through ``InitiativeFilter``, one initiative with its documents."""
from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from apps.curation.selectors import filtered
from apps.documents.models import Document
from apps.documents.models import NEWEST_FIRST
from apps.initiatives.filters import InitiativeFilter
from apps.initiatives.models import Initiative
from apps.regions.models import Region


def initiative_list(*, filters, user) -> QuerySet:
    """The initiatives ``user`` may see, each with ``document_count`` (documents they may see).

    Raises ``apps.curation.selectors.InvalidFilters`` on a malformed filter.
    """
    # A subquery per row shown, not a join counted over every initiative before the page is
    # cut: 0.7 s against a few ms at 31,000 initiatives (docs/performance.md).
    mentions = (
        Initiative.documents.through.objects
        .filter(initiative=OuterRef("pk"), document__in=Document.objects.visible_to(user))
        .order_by().values("initiative").annotate(n=Count("pk")).values("n")
    )
    initiatives = (
        Initiative.objects.visible_to(user)
        .select_related("region")
        .annotate(document_count=Coalesce(Subquery(mentions), 0))
        .order_by("name", "pk")
    )
    return filtered(InitiativeFilter, initiatives, filters=filters, user=user)


def initiative_detail(*, pk: int, user) -> Initiative:
    """One initiative with the documents that mention it and its sub-initiatives, as ``user`` may see them.

    ``visible_parent`` is the parent initiative when ``user`` may see it. Raises ``Initiative.DoesNotExist``.
    """
    visible = Initiative.objects.visible_to(user)
    documents = (
        Document.objects.visible_to(user).select_related("organization").defer("raw_text", "clean_text")
        .prefetch_related(Prefetch("regions", queryset=Region.objects.order_by("code")))
        .order_by(*NEWEST_FIRST)
    )
    initiative = (
        visible.select_related("region__parent__parent")
        .prefetch_related(Prefetch("documents", queryset=documents), Prefetch("children", queryset=visible))
        .get(pk=pk)
    )
    initiative.visible_parent = visible.filter(pk=initiative.parent_id).first() if initiative.parent_id else None
    return initiative
