"""Organizations in the API."""
from rest_framework import serializers

from apps.curation.api.serializers import ApiModelSerializer, list_url
from apps.organizations.models import Organization
from apps.regions.api.serializers import RegionSummarySerializer


class OrganizationSummarySerializer(ApiModelSerializer):
    """The organization as other records show it."""

    class Meta:
        model = Organization
        fields = ["url", "id", "name"]
        descriptions = {"name": "Full name of the body (e.g. 南京市江宁区教育局)."}


class OrganizationSerializer(OrganizationSummarySerializer):
    """An organization in a list."""

    kind_display = serializers.CharField(source="get_kind_display")
    region = RegionSummarySerializer(allow_null=True)

    class Meta(OrganizationSummarySerializer.Meta):
        fields = ["url", "id", "name", "short_name", "kind", "kind_display", "region", "updated_at"]
        descriptions = {
            **OrganizationSummarySerializer.Meta.descriptions,
            "short_name": "How pages refer to it (e.g. 区教育局).",
            "kind": "Kind of body (education_bureau, cppcc, media, ...).",
            "kind_display": "The kind in Chinese.",
            "region": "The region the body belongs to.",
        }


class OrganizationDetailSerializer(OrganizationSerializer):
    """An organization in full, with links to its documents and replies."""

    related = serializers.SerializerMethodField(help_text="Lists of the documents and replies of this body.")

    class Meta(OrganizationSerializer.Meta):
        fields = [*OrganizationSerializer.Meta.fields, "created_at", "related"]

    def get_related(self, organization) -> dict[str, str]:
        request = self.context.get("request")
        return {
            "documents": list_url(request, "document", organization=organization.pk),
            "replies": list_url(request, "reply", organization=organization.pk),
        }
