"""Proposals and replies in the API; a proposal's detail nests its replies with their full text."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.commitments.api.serializers import CommitmentSummarySerializer
from apps.curation.api.serializers import ApiModelSerializer, DescribedFieldsMixin, LinkField
from apps.organizations.api.serializers import OrganizationSummarySerializer
from apps.proposals.models import Proposal, Proposer, Reply, ResultCode
from apps.regions.api.serializers import RegionSummarySerializer

PROPOSAL_DESCRIPTIONS = {
    "kind": "proposal (提案, filed by a CPPCC member) or suggestion (建议, filed by a people's congress deputy).",
    "kind_display": "The kind in Chinese.",
    "session": "The session it was filed at (届次/会议), e.g. 江宁区政协十三届一次会议.",
    "number": "Its number within the session, e.g. JNZX13010181 or 76.",
    "title": "Title of the proposal.",
    "region": "The region whose CPPCC or congress it was filed with.",
    "subject": "Subject area, if recorded.",
    "assigned_date": "Date it was assigned (交办) to the handling body.",
    "due_date": "Date the reply is due (three months after assignment unless set).",
    "proposers": "Lead proposer (领衔) first, then co-signers (联名).",
}
REPLY_DESCRIPTIONS = {
    "proposal": "The proposal answered.",
    "reply_kind": "final, interim, second (after dissatisfaction) or follow_up (跟踪办理).",
    "reply_kind_display": "The reply kind in Chinese.",
    "responding_organization": "The body that replied (主办单位).",
    "co_handling_organizations": "Co-handling units (会办单位).",
    "reply_date": "Date of the reply.",
    "doc_number": "文号 of the reply, e.g. 邯教办〔2018〕57号.",
    "result": "Handling result (办理结果): the letter, its usual meaning, and the scheme printed on the page.",
    "disclosure": "Whether disclosure was agreed (是否同意公开); null if the page does not say.",
    "signer": "The leader who signed it (领导签发).",
    "contact": "Contact person and telephone (联系人及电话).",
    "copy_to": "Copy-to list (抄送).",
    "satisfaction": "The proposer's feedback: satisfied, basically or unsatisfied; empty until it comes back.",
    "document": "The document holding the reply's full text.",
    "full_text": "The reply's full text (the document's clean text); null if not held or not visible to you.",
}


class ProposerSerializer(DescribedFieldsMixin, serializers.ModelSerializer):
    """A lead proposer (领衔) or co-signer (联名)."""

    class Meta:
        model = Proposer
        fields = ["name", "role", "is_lead"]
        descriptions = {
            "name": "Name of the proposer.",
            "role": "委员 (CPPCC member) or 代表 (congress deputy).",
            "is_lead": "True for the lead proposer (领衔), false for a co-signer (联名).",
        }


class ResultSerializer(DescribedFieldsMixin, serializers.Serializer):
    """The handling result (办理结果) of a reply."""

    code = serializers.CharField(source="result_code", help_text="The result letter as printed: A, B, C or D.")
    meaning = serializers.SerializerMethodField(help_text="The letter's usual meaning.")
    scheme = serializers.CharField(
        source="result_scheme", help_text="The meaning of the letters as the page itself states it, if it does.",
    )

    def get_meaning(self, reply) -> str:
        # A letter outside the usual four is kept as printed; only its scheme explains it.
        return str(ResultCode(reply.result_code).label) if reply.result_code in ResultCode.values else ""


class ResultField(ResultSerializer):
    """The result object, or null when the page printed no result code."""

    def get_attribute(self, instance):
        return instance if instance.result_code else None


class ReplyBriefSerializer(ApiModelSerializer):
    """A reply as a proposal list shows it."""

    class Meta:
        model = Reply
        fields = ["url", "id", "reply_kind", "reply_date", "result_code"]
        descriptions = {**REPLY_DESCRIPTIONS, "result_code": "The result letter as printed (A, B, C, D) or empty."}


class NestedReplySerializer(ApiModelSerializer):
    """A reply in full. Needs the queryset from ``replies_in_full``."""

    reply_kind_display = serializers.CharField(source="get_reply_kind_display")
    responding_organization = OrganizationSummarySerializer(allow_null=True)
    co_handling_organizations = OrganizationSummarySerializer(many=True)
    result = ResultField(allow_null=True)
    copy_to = serializers.ListField(child=serializers.CharField())
    document = LinkField("document-detail", source="visible_document_id", allow_null=True)
    full_text = serializers.CharField(source="visible_full_text", allow_null=True)

    class Meta:
        model = Reply
        fields = [
            "url", "id", "reply_kind", "reply_kind_display", "responding_organization", "co_handling_organizations",
            "reply_date", "doc_number", "result", "disclosure", "signer", "contact", "copy_to", "satisfaction",
            "document", "full_text", "status", "updated_at",
        ]
        descriptions = REPLY_DESCRIPTIONS


class ProposalBriefSerializer(ApiModelSerializer):
    """The proposal as a reply shows it."""

    region = RegionSummarySerializer(allow_null=True)

    class Meta:
        model = Proposal
        fields = ["url", "id", "kind", "session", "number", "title", "region"]
        descriptions = PROPOSAL_DESCRIPTIONS


class ProposalSerializer(ProposalBriefSerializer):
    """A proposal in a list, with its proposers and brief replies."""

    kind_display = serializers.CharField(source="get_kind_display")
    proposers = ProposerSerializer(many=True)
    replies = ReplyBriefSerializer(many=True, help_text="The replies you may see, oldest first.")

    class Meta(ProposalBriefSerializer.Meta):
        fields = [
            "url", "id", "kind", "kind_display", "session", "number", "title", "region", "subject", "assigned_date",
            "due_date", "proposers", "replies", "status", "updated_at",
        ]


class ProposalDetailSerializer(ProposalSerializer):
    """A proposal in full, each reply nested with its full text, and what the replies promised."""

    replies = NestedReplySerializer(many=True, help_text="The replies you may see, oldest first, in full.")
    commitments = serializers.SerializerMethodField(help_text="What the replies you may see promised, with their state.")

    class Meta(ProposalSerializer.Meta):
        fields = [*ProposalSerializer.Meta.fields, "commitments", "created_at"]

    @extend_schema_field(CommitmentSummarySerializer(many=True))
    def get_commitments(self, proposal) -> list:
        promised = [commitment for reply in proposal.replies.all() for commitment in reply.visible_commitments]
        return CommitmentSummarySerializer(promised, many=True, context=self.context).data


class ReplySerializer(ApiModelSerializer):
    """A reply in a list: who answered what, when, with which result; no text."""

    proposal = ProposalBriefSerializer()
    responding_organization = OrganizationSummarySerializer(allow_null=True)
    result = ResultField(allow_null=True)

    class Meta:
        model = Reply
        fields = [
            "url", "id", "proposal", "reply_kind", "responding_organization", "reply_date", "doc_number", "result",
            "satisfaction", "status", "updated_at",
        ]
        descriptions = REPLY_DESCRIPTIONS


class ReplyDetailSerializer(NestedReplySerializer):
    """A reply in full, with the proposal it answers and its full text."""

    proposal = ProposalBriefSerializer()

    class Meta(NestedReplySerializer.Meta):
        fields = ["url", "id", "proposal", *NestedReplySerializer.Meta.fields[2:], "created_at"]
