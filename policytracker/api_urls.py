"""The read API under /api/v1/: one router for every app's viewsets, the schema and its docs."""
from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from apps.commitments.api.views import CommitmentViewSet
from apps.curation.api.errors import api_not_found
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
router.register("commitments", CommitmentViewSet, basename="commitment")

# ReDoc styles itself by writing <style> elements, which cannot carry the request's nonce:
# this page alone allows inline styles (with no nonce in style-src, so that browsers honour
# 'unsafe-inline') and the blob: worker its search runs in. Scripts stay as strict as elsewhere.
redoc_policy = csp_replace({"style-src": [SELF, UNSAFE_INLINE], "worker-src": [SELF, "blob:"]})

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Both documentation pages use templates whose inline scripts carry the CSP nonce (templates/api/).
    path(
        "docs/", SpectacularSwaggerView.as_view(url_name="api-schema", template_name="api/swagger_ui.html"),
        name="api-docs",
    ),
    path(
        "redoc/", redoc_policy(SpectacularRedocView.as_view(url_name="api-schema", template_name="api/redoc.html")),
        name="api-redoc",
    ),
    path("", include(router.urls)),
    # Any other address ending in a slash, line breaks included, is a JSON 404 (without the slash,
    # Django first adds it).
    re_path(r"^[\s\S]*/$", api_not_found),
]
