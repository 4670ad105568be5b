"""Documents: captured pages with their text, citations and the figures drawn from them."""
from django.db.models import OuterRef, Prefetch, Subquery

from apps.curation.api.views import ReadOnlyApiViewSet
from apps.documents.api.serializers import DocumentDetailSerializer, DocumentSerializer
from apps.documents.filters import DocumentFilter
from apps.documents.models import Citation, Document
from apps.documents.selectors import NEWEST_FIRST
from apps.initiatives.models import Initiative
from apps.proposals.models import Reply
from apps.regions.models import Region
from apps.targets.models import Observation, Target


class DocumentViewSet(ReadOnlyApiViewSet):
    """Pages and files (文件/文章). Lists leave out the texts; the detail has everything."""

    serializer_class = DocumentSerializer
    detail_serializer_class = DocumentDetailSerializer
    filterset_class = DocumentFilter
    lookup_value_regex = "[0-9]+"

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
        visible_documents = self.visible(Document.objects)
        return documents.annotate(
            visible_reply_id=Subquery(self.visible(Reply.objects).filter(document=OuterRef("pk")).values("pk")[:1]),
        ).prefetch_related(
            Prefetch(
                "citations",
                queryset=Citation.objects.annotate(
                    visible_cited_document_id=Subquery(
                        visible_documents.filter(pk=OuterRef("cited_document")).values("pk")
                    )
                ).order_by("pk"),
            ),
            Prefetch("cited_by", queryset=Citation.objects.filter(document__in=visible_documents).order_by("pk")),
            Prefetch("initiatives", queryset=self.visible(Initiative.objects).order_by("name", "pk")),
            Prefetch(
                "targets",
                queryset=self.visible(Target.objects).with_progress().select_related("indicator", "region")
                .order_by("deadline_year", "pk"),
            ),
            Prefetch(
                "observations",
                queryset=self.visible(Observation.objects).select_related("indicator", "region")
                .order_by("-observed_on", "pk"),
            ),
        )
