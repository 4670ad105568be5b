"""Import batches in the admin: the list of every batch, each linking to its progress page."""
from django.contrib import admin
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from apps.ingest.models import ERROR_STATES, FINISHED_STATES, ImportBatch
from apps.ingest.views import ADD_PERMISSION


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    """Read-only: batches are created by uploads and ``import_documents``, followed on their page."""

    list_display = ["batch_link", "started_by", "started_at", "origin", "progress", "errors", "cancelled_at"]
    list_filter = ["origin", "started_at"]
    search_fields = ["items__name", "started_by__username"]
    list_select_related = ["started_by"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            item_count=Count("items"),
            finished_count=Count("items", filter=Q(items__state__in=FINISHED_STATES)),
            error_count=Count("items", filter=Q(items__state__in=ERROR_STATES)),
        )

    @admin.display(description=_("批次"), ordering="pk")
    def batch_link(self, batch):
        return format_html('<a href="{}">{}</a>', batch.get_absolute_url(), batch)

    @admin.display(description=_("进度"))
    def progress(self, batch):
        return f"{batch.finished_count}/{batch.item_count}"

    @admin.display(description=_("出错"), ordering="error_count")
    def errors(self, batch):
        return batch.error_count

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return redirect("ingest_import_batch", pk=object_id)

    def has_module_permission(self, request):
        return request.user.has_perm(ADD_PERMISSION)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(ADD_PERMISSION)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
