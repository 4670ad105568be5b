"""The admin's "Import pages" page (/admin/import/): upload captured pages or give addresses, get draft documents.

An upload becomes an import batch and the curator is sent at once to its page
(apps.ingest.batch_views), which follows the background workers; only a preview (dry run)
is read inside the request, since it writes nothing.
"""
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.contrib import admin
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from apps.documents.models import Document
from apps.ingest.batches import batch_create
from apps.ingest.draft import Draft, Status
from apps.ingest.archives import pages_unpacked
from apps.ingest.decode import DecodeError
from apps.ingest.files import PAGE_SUFFIXES, suffix_of, unsupported_type_note, upload_limit
from apps.ingest.forms import ImportPagesForm
from apps.ingest.services import ImportResult, document_import, import_reader
from apps.ingest.uploads import FileCountLimit

ADD_PERMISSION = "documents.add_document"


def _upload_bytes(upload, max_bytes: int) -> bytes:
    """The upload's bytes, cut one past the limit so the importer reports an oversized file."""
    if upload.size is not None and upload.size > max_bytes:
        return upload.read(max_bytes + 1)
    return upload.read()


def _preview(name: str, raw: bytes | Exception, *, reader, user) -> ImportResult:
    suffix = suffix_of(name)
    if isinstance(raw, DecodeError):
        return ImportResult(Draft(file=name, status=Status.ERROR, error=raw.note))
    if suffix not in PAGE_SUFFIXES:
        return ImportResult(Draft(file=name, status=Status.ERROR, error=unsupported_type_note(suffix or name)))
    return document_import(raw=raw, filename=name, dry_run=True, reader=reader, user=user)


@csrf_exempt
def import_pages(request):
    """Staff with the right to add documents upload pages or give addresses: a batch for the workers,
    or a preview of uploaded files.

    The upload is counted as Django parses it (apps.ingest.uploads), which must be set up before
    anything reads the request's body: hence CSRF checked here, after, rather than by the admin."""
    if not request.user.has_perm(ADD_PERMISSION):
        raise PermissionDenied
    counter = FileCountLimit(request)
    request.upload_handlers.insert(0, counter)
    return _import_pages(request, counter)


@csrf_protect
def _import_pages(request, counter: FileCountLimit):
    results = []
    if request.method == "POST":
        form = ImportPagesForm(request.POST, request.FILES, too_many_files=counter.exceeded)
    else:
        form = ImportPagesForm()
    if request.method == "POST" and form.is_valid():
        files = [(upload.name, _upload_bytes(upload, upload_limit(upload.name))) for upload in form.cleaned_data["files"]]
        if not form.cleaned_data["dry_run"]:
            return redirect(batch_create(files=files, urls=form.cleaned_data["urls"], user=request.user))
        reader = import_reader()
        for name, raw in pages_unpacked(files):
            result = _preview(name, raw, reader=reader, user=request.user)
            results.append({
                "result": result,
                "held_url": reverse("admin:documents_document_change", args=[result.held.pk]) if result.held else "",
            })
    context = {
        **admin.site.each_context(request),
        "title": _("导入页面"),
        "form": form,
        "results": results,
        "opts": Document._meta,
        "max_megabytes": settings.IMPORT_MAX_BYTES / (1024 * 1024),
    }
    return TemplateResponse(request, "admin/ingest/import_pages.html", context)
