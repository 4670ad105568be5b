"""An import batch's page in the admin (/admin/import/batches/<id>/): progress, each file's fate,
cancel, retry. Everything is read from the batch's rows, so the page is the same after a restart;
while the batch runs it reloads itself (a <meta> refresh: no script for the CSP to allow)."""
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.ingest.batches import batch_cancel, item_retry
from apps.ingest.models import ImportBatch, ImportItem
from apps.ingest.views import ADD_PERMISSION

# Seconds between reloads of a batch page while its items are being read.
REFRESH_SECONDS = 2


def _allowed(request) -> None:
    if not request.user.has_perm(ADD_PERMISSION):
        raise PermissionDenied


def import_batch(request, pk: int):
    """The batch with its progress bar and one row per file."""
    _allowed(request)
    batch = get_object_or_404(ImportBatch.objects.select_related("started_by"), pk=pk)
    progress = batch.progress()
    items = batch.items.select_related("document", "held").defer("content")
    context = {
        **admin.site.each_context(request),
        "title": str(batch),
        "batch": batch,
        "progress": progress,
        "items": items,
        "refresh_seconds": None if progress.is_finished else REFRESH_SECONDS,
        "opts": ImportBatch._meta,
    }
    return TemplateResponse(request, "admin/ingest/import_batch.html", context)


@require_POST
def import_batch_cancel(request, pk: int):
    _allowed(request)
    batch = get_object_or_404(ImportBatch, pk=pk)
    cancelled = batch_cancel(batch=batch)
    messages.success(request, _("已取消批次，%(count)s 个等待中的文件不再读取。") % {"count": cancelled})
    return redirect(batch)


@require_POST
def import_item_retry(request, pk: int):
    _allowed(request)
    item = get_object_or_404(ImportItem.objects.select_related("batch"), pk=pk)
    if item_retry(item=item):
        messages.success(request, _("“%(file)s”已重新排队。") % {"file": item.name})
    else:
        messages.error(request, _("“%(file)s”不能重试：只有失败或读取中断的文件可以重试。") % {"file": item.name})
    return redirect(item.batch)
