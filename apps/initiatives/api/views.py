"""Initiatives: named programmes and reforms."""
from django.db.models import OuterRef, Prefetch, Subquery

from apps.curation.api.views import ReadOnlyApiViewSet
from apps.documents.models import Document
from apps.initiatives.api.serializers import InitiativeDetailSerializer, InitiativeSerializer
from apps.initiatives.filters import InitiativeFilter
from apps.initiatives.models import Initiative


class InitiativeViewSet(ReadOnlyApiViewSet):
    """Programmes and reforms (举措/项目) with their theme, region and years."""

    serializer_class = InitiativeSerializer
    detail_serializer_class = InitiativeDetailSerializer
    filterset_class = InitiativeFilter

    def get_queryset(self):
        parents = self.visible(Initiative.objects).filter(pk=OuterRef("parent")).values("pk")
        initiatives = (
            self.visible(Initiative.objects).select_related("region").order_by("name", "pk")
            .annotate(visible_parent_id=Subquery(parents))  # a hidden parent reads as null, not as its id
        )
        if self.action == "retrieve":
            return initiatives.prefetch_related(
                Prefetch("children", queryset=self.visible(Initiative.objects).order_by("name", "pk")),
                Prefetch(
                    "documents",
                    queryset=self.visible(Document.objects)
                    .only("id", "title", "doc_type", "publish_date")
                    .order_by("-publish_date", "-pk"),
                ),
            )
        return initiatives
