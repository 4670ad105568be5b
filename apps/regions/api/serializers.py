"""Regions in the API: addressed by their GB/T 2260 code."""
from rest_framework import serializers

from apps.curation.api.serializers import ApiModelSerializer, list_url
from apps.regions.models import Region


def region_link(**kwargs):
    """A link to a region from a record that holds its code as the foreign key (no query)."""
    return serializers.HyperlinkedRelatedField(
        view_name="region-detail", lookup_field="pk", lookup_url_kwarg="code", read_only=True, **kwargs
    )


class RegionSummarySerializer(ApiModelSerializer):
    """The region as other records show it: code, name, level and its URL."""

    class Meta:
        model = Region
        fields = ["url", "code", "name", "level"]
        extra_kwargs = {"url": {"lookup_field": "code"}}
        descriptions = {
            "code": "Six-digit GB/T 2260 administrative division code (行政区划代码).",
            "name": "Name of the division (e.g. 江宁区).",
            "level": "province (省级), prefecture (地级) or county (县级).",
        }


class RegionSerializer(RegionSummarySerializer):
    """A region in a list."""

    parent = region_link(allow_null=True)
    parent_code = serializers.CharField(source="parent_id", allow_null=True)
    level_display = serializers.CharField(source="get_level_display")

    class Meta(RegionSummarySerializer.Meta):
        fields = ["url", "code", "name", "level", "level_display", "parent", "parent_code"]
        descriptions = {
            **RegionSummarySerializer.Meta.descriptions,
            "parent": "The region directly above this one.",
            "parent_code": "Code of the region directly above this one.",
            "level_display": "The level in Chinese.",
        }


class RegionDetailSerializer(RegionSerializer):
    """A region with its chain of parents and its children."""

    full_name = serializers.CharField(help_text="Names from the province down, e.g. 江苏省南京市江宁区.")
    ancestors = RegionSummarySerializer(many=True, help_text="The chain of parents, province first.")
    children = RegionSummarySerializer(many=True, help_text="The regions directly under this one.")
    related = serializers.SerializerMethodField(
        help_text="Lists of the records in this region and everything under it."
    )

    class Meta(RegionSerializer.Meta):
        fields = [*RegionSerializer.Meta.fields, "full_name", "ancestors", "children", "related"]

    def get_related(self, region) -> dict[str, str]:
        request = self.context.get("request")
        lists = {
            "organizations": "organization", "documents": "document", "proposals": "proposal", "replies": "reply",
            "initiatives": "initiative", "targets": "target", "observations": "observation",
        }
        return {name: list_url(request, basename, region=region.code) for name, basename in lists.items()}
