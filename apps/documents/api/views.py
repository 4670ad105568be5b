"""Documents: captured pages with their text, citations and the figures drawn from them."""
from django.db.models import OuterRef, Prefetch, Subquery

from apps.curation.api.views import ReadOnlyApiViewSet
from apps.documents.api.serializers import DocumentDetailSerializer, DocumentSerializer
from apps.documents.filters import DocumentFilter
from apps.documents.models import NEWEST_FIRST, Document
from apps.documents.selectors import drawn_from_prefetches
from apps.proposals.models import Reply
from apps.regions.models import Region


class DocumentViewSet(ReadOnlyApiViewSet):
    """Pages and files (文件/文章). Lists leave out the texts; the detail has everything."""

    serializer_class = DocumentSerializer
    detail_serializer_class = DocumentDetailSerializer
    filterset_class = DocumentFilter

    def get_queryset(self):
        documents = (
            self.visible(Document.objects)
            .select_related("organization")
            .prefetch_related(Prefetch("regions", queryset=Region.objects.order_by("code")))
            # Undated last, as on the pages; the order document_newest_idx holds.
            .order_by(*NEWEST_FIRST)
        )
        if self.action != "retrieve":
            return documents.defer("raw_text", "clean_text")
        return documents.annotate(
            visible_reply_id=Subquery(self.visible(Reply.objects).filter(document=OuterRef("pk")).values("pk")[:1]),
        ).prefetch_related(*drawn_from_prefetches(self.request.user))
