"""The read API under /api/v1/: one router for every app's viewsets, the schema and its docs."""
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from apps.documents.api.views import DocumentViewSet
from apps.initiatives.api.views import InitiativeViewSet
from apps.organizations.api.views import OrganizationViewSet
from apps.proposals.api.views import ProposalViewSet, ReplyViewSet
from apps.regions.api.views import RegionViewSet
from apps.targets.api.views import IndicatorViewSet, ObservationViewSet, TargetViewSet

router = DefaultRouter()
router.register("regions", RegionViewSet, basename="region")
router.register("organizations", OrganizationViewSet, basename="organization")
router.register("documents", DocumentViewSet, basename="document")
router.register("proposals", ProposalViewSet, basename="proposal")
router.register("replies", ReplyViewSet, basename="reply")
router.register("initiatives", InitiativeViewSet, basename="initiative")
router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("targets", TargetViewSet, basename="target")
router.register("observations", ObservationViewSet, basename="observation")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
    path("", include(router.urls)),
]
