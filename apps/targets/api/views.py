"""Indicators, the targets set on them, and the observations that tell whether targets were met."""
from drf_spectacular.utils import extend_schema, extend_schema_view

from apps.curation.api.views import ReadOnlyApiViewSet
from apps.targets.api.examples import JIANGNING_FILTERS, JIANGNING_TARGETS_DUE_2025
from apps.targets.api.serializers import (
    IndicatorDetailSerializer,
    IndicatorSerializer,
    ObservationDetailSerializer,
    ObservationSerializer,
    TargetDetailSerializer,
    TargetSerializer,
)
from apps.targets.filters import IndicatorFilter, ObservationFilter, TargetFilter
from apps.targets.selectors import TARGET_ORDER
from apps.documents.models import Document
from apps.initiatives.models import Initiative
from apps.targets.models import Indicator, Observation, Target


class IndicatorViewSet(ReadOnlyApiViewSet):
    """What targets and observations measure (指标): the catalogue's, and those a visible target or observation is on."""

    serializer_class = IndicatorSerializer
    detail_serializer_class = IndicatorDetailSerializer
    filterset_class = IndicatorFilter

    def get_queryset(self):
        return Indicator.objects.visible_to(self.request.user).order_by("name", "pk")


@extend_schema_view(list=extend_schema(examples=[JIANGNING_TARGETS_DUE_2025]))
class TargetViewSet(ReadOnlyApiViewSet):
    """Quantitative commitments (目标) with their attainment as of today."""

    parameter_examples = {"list": JIANGNING_FILTERS}
    serializer_class = TargetSerializer
    detail_serializer_class = TargetDetailSerializer
    filterset_class = TargetFilter

    def get_queryset(self):
        return (
            self.visible(Target.objects)
            .with_progress()
            .select_related("indicator", "region")
            .annotate(
                visible_initiative_id=self.visible_link(Initiative, "initiative"),
                visible_source_document_id=self.visible_link(Document, "source_document"),
            )
            .order_by(*TARGET_ORDER)
        )


class ObservationViewSet(ReadOnlyApiViewSet):
    """Figures documents report as reached: the evidence for targets."""

    serializer_class = ObservationSerializer
    detail_serializer_class = ObservationDetailSerializer
    filterset_class = ObservationFilter

    def get_queryset(self):
        return (
            self.visible(Observation.objects)
            .select_related("indicator", "region")
            .annotate(visible_source_document_id=self.visible_link(Document, "source_document"))
            .order_by("indicator__name", "region_id", "-observed_on", "pk")
        )
