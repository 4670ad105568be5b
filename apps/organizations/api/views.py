"""Organizations: bureaus, committees and sites that issue, reply or publish."""
from apps.curation.api.views import ReadOnlyApiViewSet
from apps.organizations.api.serializers import OrganizationDetailSerializer, OrganizationSerializer
from apps.organizations.filters import OrganizationFilter
from apps.organizations.models import Organization


class OrganizationViewSet(ReadOnlyApiViewSet):
    """Issuing, replying and publishing bodies (机构). Not curated: everyone sees all of them."""

    serializer_class = OrganizationSerializer
    detail_serializer_class = OrganizationDetailSerializer
    filterset_class = OrganizationFilter

    def get_queryset(self):
        return Organization.objects.select_related("region").order_by("name", "pk")
