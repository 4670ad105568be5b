"""Regions: the GB/T 2260 table, with each region's parents and children."""
from apps.curation.api.views import ReadOnlyApiViewSet
from apps.regions.api.serializers import RegionDetailSerializer, RegionSerializer
from apps.regions.filters import RegionFilter
from apps.regions.models import Region


class RegionViewSet(ReadOnlyApiViewSet):
    """Administrative regions (行政区划), addressed by their six-digit code.

    Regions are reference data, not curated records: everyone sees all of them.
    """

    serializer_class = RegionSerializer
    detail_serializer_class = RegionDetailSerializer
    filterset_class = RegionFilter
    lookup_field = "code"
    lookup_value_regex = "[0-9]{6}"
    lookup_schema = {"type": "string", "pattern": f"^{lookup_value_regex}$"}
    lookup_description = "Six-digit GB/T 2260 code, e.g. 320115."

    def get_queryset(self):
        regions = Region.objects.order_by("code")
        if self.action == "retrieve":
            # Three levels at most, so two hops of parent reach the province.
            return regions.select_related("parent__parent").prefetch_related("children")
        return regions
