"""Commitments in the API."""
from rest_framework import serializers

from apps.commitments.models import Commitment, CommitmentState
from apps.curation.api.serializers import ApiModelSerializer, LinkField
from apps.organizations.api.serializers import OrganizationSummarySerializer
from apps.regions.api.serializers import RegionSummarySerializer

DESCRIPTIONS = {
    "summary": "What is promised, in short.",
    "quote": "The sentence of the reply it is said in, as printed.",
    "kind": "target, plan, policy, funding, study, project, coordinate, strengthen or other.",
    "deadline_year": "The year it is due, printed or implied by the reply (年内, 三年内); null when the text gives none.",
    "evidence_quote": "The sentence that shows whether it was kept.",
    "fulfilment_set_at": "When a curator last set whether it was kept.",
}


class CommitmentSummarySerializer(ApiModelSerializer):
    """A commitment as a proposal lists it."""

    state = serializers.ChoiceField(
        choices=CommitmentState.choices,
        help_text="open, kept, partly_kept, not_kept, overdue (open with its year passed) or withdrawn.",
    )

    class Meta:
        model = Commitment
        fields = ["url", "id", "summary", "kind", "deadline_year", "state"]
        descriptions = DESCRIPTIONS


class CommitmentSerializer(CommitmentSummarySerializer):
    """A commitment with who made it, where, in answer to what, and its evidence."""

    kind_display = serializers.CharField(source="get_kind_display")
    state_display = serializers.SerializerMethodField(help_text="The state in Chinese.")
    organization = OrganizationSummarySerializer(allow_null=True)
    region = RegionSummarySerializer(allow_null=True)
    source_document = LinkField("document-detail", source="visible_document_id", allow_null=True)
    proposal = LinkField("proposal-detail", source="visible_proposal_id", allow_null=True)
    reply = LinkField("reply-detail", source="visible_reply_id", allow_null=True)
    target = LinkField("target-detail", source="visible_target_id", allow_null=True)
    evidence_document = LinkField("document-detail", source="visible_evidence_document_id", allow_null=True)
    evidence_observation = LinkField("observation-detail", source="visible_evidence_observation_id", allow_null=True)

    class Meta(CommitmentSummarySerializer.Meta):
        fields = [
            *CommitmentSummarySerializer.Meta.fields, "kind_display", "state_display", "quote", "organization",
            "region", "source_document", "proposal", "reply", "target", "evidence_document", "evidence_observation",
            "evidence_quote", "fulfilment_set_at", "status", "updated_at",
        ]

    def get_state_display(self, commitment) -> str:
        return str(commitment.state_label)
