"""Initiatives in the API."""
from rest_framework import serializers

from apps.curation.api.serializers import ApiModelSerializer, LinkField, list_url
from apps.documents.models import Document
from apps.initiatives.models import Initiative
from apps.regions.api.serializers import RegionSummarySerializer

DESCRIPTIONS = {
    "name": "Name of the programme or reform (e.g. 集团化办学).",
    "theme": "Theme code (balance, teachers, informatization, ...).",
    "theme_display": "The theme in Chinese.",
    "region": "The region running it; null for a general initiative.",
    "start_year": "Year it started, if known.",
    "end_year": "Year it ends or ended, if known.",
    "parent": "The initiative this one continues or belongs to.",
    "description": "What the initiative is, in the curators' words.",
}


class InitiativeSummarySerializer(ApiModelSerializer):
    """The initiative as other records show it."""

    class Meta:
        model = Initiative
        fields = ["url", "id", "name", "theme"]
        descriptions = DESCRIPTIONS


class InitiativeSerializer(InitiativeSummarySerializer):
    """An initiative in a list."""

    theme_display = serializers.CharField(source="get_theme_display")
    region = RegionSummarySerializer(allow_null=True)
    parent = LinkField("initiative-detail", source="visible_parent_id", allow_null=True)

    class Meta(InitiativeSummarySerializer.Meta):
        fields = [
            "url", "id", "name", "theme", "theme_display", "region", "start_year", "end_year", "parent",
            "status", "updated_at",
        ]


class MentioningDocumentSerializer(ApiModelSerializer):
    """A document that mentions the initiative (defined here: documents' API imports this app's)."""

    class Meta:
        model = Document
        fields = ["url", "id", "title", "doc_type", "publish_date"]
        descriptions = {
            "title": "Title of the document.",
            "doc_type": "Type of document (reply, annual_goals, plan, work_report, news, policy, other).",
            "publish_date": "Date the page was published.",
        }


class InitiativeDetailSerializer(InitiativeSerializer):
    """An initiative in full, with the documents that mention it."""

    children = InitiativeSummarySerializer(many=True, help_text="Initiatives that continue or belong to this one.")
    documents = MentioningDocumentSerializer(many=True, help_text="Documents that mention this initiative.")
    related = serializers.SerializerMethodField(help_text="Lists of the targets and documents of this initiative.")

    class Meta(InitiativeSerializer.Meta):
        fields = [*InitiativeSerializer.Meta.fields, "description", "created_at", "children", "documents", "related"]

    def get_related(self, initiative) -> dict[str, str]:
        request = self.context.get("request")
        return {
            "targets": list_url(request, "target", initiative=initiative.pk),
            "documents": list_url(request, "document", initiative=initiative.pk),
        }
