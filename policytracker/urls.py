from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from apps.review.views import review_document, review_queue

admin.site.site_header = _("教育政策追踪 · 管理")
admin.site.site_title = _("教育政策追踪 · 管理")
admin.site.index_title = _("数据管理")

urlpatterns = [
    path("admin/import/", include("apps.ingest.urls")),
    path("admin/review/", admin.site.admin_view(review_queue), name="review_queue"),
    path("admin/review/<int:pk>/", admin.site.admin_view(review_document), name="review_document"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("policytracker.api_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]

# The analysts' pages: each app's own, then those spanning apps (home, search, the feed). The
# language is part of the address so that a shared link keeps it: Chinese at /documents/,
# English at /en/documents/ (apps.web.middleware).
urlpatterns += i18n_patterns(
    path("", include("apps.documents.urls")),
    path("", include("apps.proposals.urls")),
    path("", include("apps.targets.urls")),
    path("", include("apps.regions.urls")),
    path("", include("apps.initiatives.urls")),
    path("", include("apps.commitments.urls")),
    path("", include("apps.web.urls")),
    prefix_default_language=False,
)
