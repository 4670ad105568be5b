"""Documents in the API: summaries in lists, the full text and what was drawn from it in detail."""
from rest_framework import serializers

from apps.curation.api.serializers import ApiModelSerializer, DescribedFieldsMixin, LinkField
from apps.documents.models import Citation, Document
from apps.initiatives.api.serializers import InitiativeSummarySerializer
from apps.organizations.api.serializers import OrganizationSummarySerializer
from apps.regions.api.serializers import RegionSummarySerializer
from apps.targets.api.serializers import ObservationSummarySerializer, TargetSummarySerializer

DESCRIPTIONS = {
    "title": "Title of the document.",
    "doc_type": "Type: reply, annual_goals, plan, work_report, news, policy or other.",
    "doc_type_display": "The type in Chinese.",
    "publish_date": "Date the page was published (not the page header's 'today').",
    "doc_number": "文号 as printed, e.g. 邯教办〔2018〕57号; empty if none.",
    "organization": "The issuing or replying body.",
    "regions": "The regions the document is about.",
    "source_url": "Where the page was captured.",
    "source_site": "The site it was captured from.",
    "clean_text": "The article text with boilerplate removed.",
    "raw_text": "The page text as captured, before cleaning.",
    "checksum": "SHA-256 of the raw text; identical captures share it.",
}


class CitationSerializer(DescribedFieldsMixin, serializers.ModelSerializer):
    """A document this one cites, by 《title》 and/or 文号."""

    cited_document = LinkField(
        "document-detail", source="visible_cited_document_id", allow_null=True,
        help_text="The cited document, when policytracker holds it and you may see it.",
    )

    class Meta:
        model = Citation
        fields = ["cited_title", "cited_doc_number", "cited_document"]
        descriptions = {
            "cited_title": "Title of the cited document as given in 《》.",
            "cited_doc_number": "文号 of the cited document as given.",
        }


class CitingSerializer(DescribedFieldsMixin, serializers.ModelSerializer):
    """A document that cites this one."""

    document = LinkField("document-detail", source="document_id", help_text="The document that cites this one.")

    class Meta:
        model = Citation
        fields = ["document", "cited_title", "cited_doc_number"]
        descriptions = CitationSerializer.Meta.descriptions


class DocumentSerializer(ApiModelSerializer):
    """A document in a list: what it is, where and when from; no text."""

    doc_type_display = serializers.CharField(source="get_doc_type_display")
    organization = OrganizationSummarySerializer(allow_null=True)
    regions = RegionSummarySerializer(many=True)

    class Meta:
        model = Document
        fields = [
            "url", "id", "title", "doc_type", "doc_type_display", "publish_date", "doc_number", "organization",
            "regions", "source_url", "source_site", "status", "updated_at",
        ]
        descriptions = DESCRIPTIONS


class DocumentDetailSerializer(DocumentSerializer):
    """A document in full: both texts, citations, and the initiatives, targets and observations drawn from it."""

    citations = CitationSerializer(many=True, help_text="Documents this one cites by title or 文号.")
    cited_by = CitingSerializer(many=True, help_text="Documents that cite this one.")
    initiatives = InitiativeSummarySerializer(many=True, help_text="Initiatives the document mentions.")
    targets = TargetSummarySerializer(many=True, help_text="Targets drawn from this document.")
    observations = ObservationSummarySerializer(many=True, help_text="Observations drawn from this document.")
    reply = LinkField(
        "reply-detail", source="visible_reply_id", allow_null=True,
        help_text="The reply whose full text this document is, if any.",
    )

    class Meta(DocumentSerializer.Meta):
        fields = [
            *DocumentSerializer.Meta.fields, "created_at", "checksum", "clean_text", "raw_text", "citations",
            "cited_by", "initiatives", "targets", "observations", "reply",
        ]
