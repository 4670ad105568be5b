"""The importer's admin pages, under /admin/import/ (each behind the admin's login)."""
from django.contrib import admin
from django.urls import path

from apps.ingest.batch_views import import_batch, import_batch_cancel, import_item_retry
from apps.ingest.views import import_pages

urlpatterns = [
    path("", admin.site.admin_view(import_pages), name="ingest_import_pages"),
    path("batches/<int:pk>/", admin.site.admin_view(import_batch), name="ingest_import_batch"),
    path("batches/<int:pk>/cancel/", admin.site.admin_view(import_batch_cancel), name="ingest_import_batch_cancel"),
    path("items/<int:pk>/retry/", admin.site.admin_view(import_item_retry), name="ingest_import_item_retry"),
]
