"""Proposals (提案/建议) and the bureaus' replies (答复)."""
from django.db.models import OuterRef, Prefetch, Subquery
from drf_spectacular.utils import extend_schema, extend_schema_view

from apps.commitments.models import Commitment
from apps.curation.api.views import ReadOnlyApiViewSet
from apps.documents.models import Document
from apps.organizations.models import Organization
from apps.proposals.api.examples import PROPOSAL_WITH_REPLY
from apps.proposals.api.serializers import (
    ProposalDetailSerializer,
    ProposalSerializer,
    ReplyDetailSerializer,
    ReplySerializer,
)
from apps.proposals.filters import ProposalFilter, ReplyFilter
from apps.proposals.models import Proposal, Reply

REPLY_ORDER = ["reply_date", "pk"]


def replies_in_full(replies, visible_documents):
    """Replies with what ``NestedReplySerializer`` shows: organizations, and the text if visible."""
    text = visible_documents.filter(pk=OuterRef("document"))
    return (
        replies.select_related("responding_organization")
        .prefetch_related(Prefetch("co_handling_organizations", queryset=Organization.objects.order_by("name")))
        .annotate(
            visible_document_id=Subquery(text.values("pk")),
            visible_full_text=Subquery(text.values("clean_text")),
        )
    )


@extend_schema_view(retrieve=extend_schema(examples=[PROPOSAL_WITH_REPLY]))
class ProposalViewSet(ReadOnlyApiViewSet):
    """Proposals and suggestions; the detail nests every reply you may see, in full."""

    parameter_examples = {"retrieve": {"id": 2}}
    serializer_class = ProposalSerializer
    detail_serializer_class = ProposalDetailSerializer
    filterset_class = ProposalFilter

    def get_queryset(self):
        replies = self.visible(Reply.objects).order_by(*REPLY_ORDER)
        proposals = self.visible(Proposal.objects).select_related("region").order_by("-pk")
        if self.action != "retrieve":
            return proposals.prefetch_related("proposers", Prefetch("replies", queryset=replies))
        promised = self.visible(Commitment.objects).with_state().filter(reply__in=replies).order_by("pk")
        return proposals.prefetch_related(
            "proposers",
            Prefetch("replies", queryset=replies_in_full(replies, self.visible(Document.objects))),
            Prefetch("replies__commitments", queryset=promised, to_attr="visible_commitments"),
        )


class ReplyViewSet(ReadOnlyApiViewSet):
    """Formal replies. A reply is visible when it and its proposal both are."""

    serializer_class = ReplySerializer
    detail_serializer_class = ReplyDetailSerializer
    filterset_class = ReplyFilter

    def get_queryset(self):
        replies = (
            self.visible(Reply.objects)
            .filter(proposal__in=self.visible(Proposal.objects))
            .select_related("proposal__region", "responding_organization")
            .order_by(*REPLY_ORDER)
        )
        if self.action == "retrieve":
            return replies_in_full(replies, self.visible(Document.objects))
        return replies
