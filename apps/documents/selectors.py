"""Reading documents for the pages: lists through ``DocumentFilter``, one document with all it links to."""
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from apps.curation.selectors import filtered
from apps.documents.filters import DocumentFilter
from apps.documents.models import NEWEST_FIRST, Citation, Document
from apps.initiatives.models import Initiative
from apps.proposals.models import Proposal, Reply
from apps.regions.models import Region
from apps.search.query import ParsedQuery, query_parse
from apps.search.services import SearchResults, documents_search
from apps.targets.models import Observation, Target

def _listed(user) -> QuerySet:
    return (
        Document.objects.visible_to(user)
        .select_related("organization")
        .prefetch_related(Prefetch("regions", queryset=Region.objects.order_by("code")))
        .defer("raw_text")
        .order_by(*NEWEST_FIRST)
    )


def document_list(*, filters, user) -> QuerySet:
    """The documents ``user`` may see, narrowed by ``DocumentFilter`` (newest first unless ``ordering``).

    Raises ``apps.curation.selectors.InvalidFilters`` on a malformed filter.
    """
    return filtered(DocumentFilter, _listed(user), filters=filters, user=user)


def document_search(*, filters, user, query: ParsedQuery | None = None) -> SearchResults:
    """Documents holding every word of ``filters["q"]``, most about it first, narrowed by the other
    filters; the nearest matches (flagged ``relaxed``) when none holds them all.

    An explicit ``ordering`` replaces relevance (and shows only full matches). No words, no documents.
    ``query``: ``filters["q"]`` parsed already (``apps.search.query.query_parse``).
    """
    query = query or query_parse(filters.get("q", ""))
    if filters.get("ordering"):
        return SearchResults(query, document_list(filters=filters, user=user))
    others = filters.copy()
    others.pop("q", None)
    return documents_search(document_list(filters=others, user=user), query)


def drawn_from_prefetches(user) -> list[Prefetch]:
    """What a document's detail shows beside its text, as ``user`` may see it: the citations
    both ways (each marking whether the cited document is visible), initiatives, targets
    with their progress, and observations. The page and the API's detail both use these.
    """
    visible_documents = Document.objects.visible_to(user)
    return [
        Prefetch(
            "citations",
            queryset=Citation.objects.annotate(
                visible_cited_document_id=Subquery(visible_documents.filter(pk=OuterRef("cited_document")).values("pk"))
            ).order_by("pk"),
        ),
        Prefetch(
            "cited_by",
            queryset=Citation.objects.filter(document__in=visible_documents).select_related("document").order_by("pk"),
        ),
        Prefetch("initiatives", queryset=Initiative.objects.visible_to(user).order_by("name", "pk")),
        Prefetch(
            "targets",
            queryset=Target.objects.visible_to(user).with_progress().select_related("indicator", "region")
            .order_by("deadline_year", "pk"),
        ),
        Prefetch(
            "observations",
            queryset=Observation.objects.visible_to(user).select_related("indicator", "region")
            .order_by("-observed_on", "pk"),
        ),
    ]


def document_detail(*, pk: int, user) -> Document:
    """One document ``user`` may see, with what it cites and what was drawn from it.

    Raises ``Document.DoesNotExist`` for a document that does not exist or is not visible.
    """
    return (
        Document.objects.visible_to(user).select_related("organization")
        .prefetch_related(
            Prefetch("regions", queryset=Region.objects.select_related("parent__parent").order_by("code")),
            *drawn_from_prefetches(user),
        )
        .annotate(
            visible_reply_proposal_id=Subquery(
                Reply.objects.visible_to(user)
                .filter(document=OuterRef("pk"), proposal__in=Proposal.objects.visible_to(user))
                .values("proposal")[:1]
            )
        )
        .get(pk=pk)
    )
