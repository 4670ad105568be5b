"""Commitments: what replies promised, and whether it was kept."""
from apps.commitments.api.serializers import CommitmentSerializer
from apps.commitments.filters import CommitmentFilter
from apps.commitments.models import Commitment
from apps.curation.api.views import ReadOnlyApiViewSet
from apps.documents.models import Document
from apps.proposals.models import Proposal, Reply
from apps.targets.models import Observation, Target


class CommitmentViewSet(ReadOnlyApiViewSet):
    """Promises drawn from replies (承诺), with their state (open, kept, partly kept, not kept, overdue,
    withdrawn) and the evidence a curator attached. A link to a record you may not see reads as null."""

    serializer_class = CommitmentSerializer
    filterset_class = CommitmentFilter

    def get_queryset(self):
        return (
            self.visible(Commitment.objects).with_state()
            .select_related("organization", "region")
            .annotate(
                visible_document_id=self.visible_link(Document, "source_document"),
                visible_reply_id=self.visible_link(Reply, "reply"),
                visible_proposal_id=self.visible_link(Proposal, "reply__proposal"),
                visible_target_id=self.visible_link(Target, "target"),
                visible_evidence_document_id=self.visible_link(Document, "evidence_document"),
                visible_evidence_observation_id=self.visible_link(Observation, "evidence_observation"),
            )
            .order_by("-id")
        )
