"""Reading proposals for the pages: lists through ``ProposalFilter``, one proposal with its replies in full
and what was read from them."""
from django.db.models import Prefetch, QuerySet

from apps.curation.selectors import filtered
from apps.documents.models import Document
from apps.proposals.api.views import REPLY_ORDER, replies_in_full
from apps.proposals.filters import ProposalFilter
from apps.proposals.models import Proposal, Reply
from apps.targets.models import Observation, Target


def _with_replies(proposals: QuerySet, replies: QuerySet) -> QuerySet:
    return proposals.select_related("region").prefetch_related(
        "proposers", Prefetch("replies", queryset=replies.order_by(*REPLY_ORDER)),
    )


def proposal_list(*, filters, user) -> QuerySet:
    """The proposals ``user`` may see, each with its proposers and visible replies, narrowed by ``ProposalFilter``.

    Raises ``apps.curation.selectors.InvalidFilters`` on a malformed filter.
    """
    proposals = _with_replies(Proposal.objects.visible_to(user), Reply.objects.visible_to(user)).order_by("-pk")
    return filtered(ProposalFilter, proposals, filters=filters, user=user)


def proposal_detail(*, pk: int, user) -> Proposal:
    """One proposal with every reply ``user`` may see: organizations, and the full text when visible.

    Raises ``Proposal.DoesNotExist`` when it does not exist or is not visible.
    """
    replies = replies_in_full(Reply.objects.visible_to(user), Document.objects.visible_to(user))
    proposals = _with_replies(Proposal.objects.visible_to(user), replies).select_related("region__parent__parent")
    return proposals.get(pk=pk)


def drawn_from_replies(*, proposal: Proposal, user) -> tuple[list[Target], list[Observation]]:
    """The targets (each with its ``progress_value``) and observations read from the reply texts ``user``
    may see on ``proposal`` (``proposal_detail``'s): two queries, none when no text is visible."""
    documents = [reply.visible_document_id for reply in proposal.replies.all() if reply.visible_document_id]
    if not documents:
        return [], []
    targets = (
        Target.objects.visible_to(user).with_progress().filter(source_document__in=documents)
        .select_related("indicator", "region").order_by("deadline_year", "pk")
    )
    observations = (
        Observation.objects.visible_to(user).filter(source_document__in=documents)
        .select_related("indicator", "region").order_by("-observed_on", "pk")
    )
    return list(targets), list(observations)
