"""The admin's review pages: the queue of drafts (/admin/review/) and one document's review
(/admin/review/<id>/). Curators correct and reject; curators and reviewers accept and publish;
readers look."""
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.curation.locking import changes_since
from apps.curation.models import CurationStatus
from apps.curation.permissions import REVIEW_PERMISSION
from apps.documents.marking import marked_text
from apps.documents.models import Document
from apps.ingest.note_kinds import NOTE_KINDS
from apps.proposals.models import Reply
from apps.review.forms import FORMS, DocumentReviewForm
from apps.review.items import DocumentReview, current_versions, document_review
from apps.review.queue import queue_rows, waiting
from apps.review.services import review_apply

VIEW_PERMISSION = "documents.view_document"
CHANGE_PERMISSION = "documents.change_document"
DELETE_PERMISSION = "documents.delete_document"
QUEUE_PAGE_SIZE = 50


def _rights(user) -> dict:
    if not user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    return {
        "editable": user.has_perm(CHANGE_PERMISSION),
        "can_reject": user.has_perm(DELETE_PERMISSION),
        "can_review": user.has_perm(REVIEW_PERMISSION),
    }


def _forms(review: DocumentReview, rights: dict, data=None):
    document_form = DocumentReviewForm(
        data, instance=review.document, prefix="document", editable=rights["editable"], version=review.version,
    )
    proposal_shared = {
        item.record.pk for item in review.of_kind("proposal")
        if Reply.objects.filter(proposal=item.record).exclude(document=review.document).exists()
    }
    item_forms = []
    for item in review.items:
        shared = item.kind == "proposal" and item.record.pk in proposal_shared
        item_forms.append((item, FORMS[item.kind](
            data, instance=item.record, prefix=item.anchor, version=item.version,
            editable=rights["editable"] and not shared, can_reject=rights["can_reject"] and not shared,
        )))
    return document_form, item_forms


def _stale(review: DocumentReview, document_form, item_forms) -> bool:
    """Mark each form whose record someone saved after the page was opened; True if any."""
    current = current_versions(review)
    stale = False
    for record, form in [(review.document, document_form), *((item.record, form) for item, form in item_forms)]:
        loaded = form.cleaned_data.get("version")
        if loaded is not None and loaded != current.get((type(record), record.pk), 0):
            form.add_error(None, changes_since(record, loaded))
            stale = True
    return stale


def _admin_url(record) -> str:
    meta = record._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])


def _next_draft(document: Document) -> Document | None:
    """The draft after this one in the queue (imported just before it)."""
    created = document.created_at
    return waiting().filter(Q(created_at__lt=created) | Q(created_at=created, pk__lt=document.pk)).first()


def review_document(request, pk: int):
    rights = _rights(request.user)
    document = get_object_or_404(Document.objects.select_related("organization").prefetch_related("regions"), pk=pk)
    if request.method == "POST":
        if not (rights["editable"] or rights["can_review"]):
            raise PermissionDenied
        publish = request.POST.get("action") == "publish"
        if publish and not rights["can_review"]:
            raise PermissionDenied
        with transaction.atomic():
            # Two reviews of one document take turns; each then compares versions afresh.
            Document.objects.select_for_update().filter(pk=pk).exists()
            review = document_review(document)
            document_form, item_forms = _forms(review, rights, request.POST)
            valid = document_form.is_valid() and all([form.is_valid() for _item, form in item_forms])
            if valid and not _stale(review, document_form, item_forms):
                status = CurationStatus.PUBLISHED if publish else CurationStatus.REVIEWED
                outcome = review_apply(
                    document=document, document_form=document_form, item_forms=item_forms,
                    user=request.user, status=status,
                )
                messages.success(request, outcome.summary(status.label))
                return redirect("review_document", pk=pk)
        messages.error(request, _("没有保存：请按下面标出的地方修改后再提交。"))
    else:
        review = document_review(document)
        document_form, item_forms = _forms(review, rights)
    text, found = marked_text(document.clean_text, [item.marked() for item in review.items if item.quote])
    context = {
        **admin.site.each_context(request),
        "title": _("审核：%(title)s") % {"title": document.title},
        "opts": Document._meta,
        "document": document,
        "review": review,
        "document_form": document_form,
        "sections": _sections(item_forms, found),
        "marked_text": text,
        "rights": rights,
        "document_admin_url": _admin_url(document),
        "next_draft": _next_draft(document),
    }
    return TemplateResponse(request, "admin/review/review_document.html", context)


def _sections(item_forms, found: set[str]) -> list[dict]:
    headings = {
        "proposal": _("提案/建议"), "reply": _("答复"), "target": _("目标"), "observation": _("观测值"),
        "commitment": _("承诺"), "initiative": _("举措"), "citation": _("引用文件"),
    }
    sections = []
    for kind, heading in headings.items():
        rows = [
            {"item": item, "form": form, "in_text": item.anchor in found, "admin_url": _admin_url(item.record)}
            for item, form in item_forms if item.kind == kind
        ]
        if rows:
            sections.append({"kind": kind, "heading": heading, "rows": rows})
    return sections


def review_queue(request):
    _rights(request.user)
    note_kind = request.GET.get("note", "")
    if note_kind and note_kind not in NOTE_KINDS:
        messages.error(request, _("没有这种导入提示：“%(kind)s”。下面是全部待审核的文件。") % {"kind": note_kind[:40]})
        note_kind = ""
    page = Paginator(waiting(note_kind), QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        **admin.site.each_context(request),
        "title": _("待审核的导入文件"),
        "opts": Document._meta,
        "rows": queue_rows(list(page.object_list)),
        "page": page,
        "note_kind": note_kind,
        "note_kinds": [(key, label) for key, (label, _messages) in NOTE_KINDS.items()],
    }
    return TemplateResponse(request, "admin/review/review_queue.html", context)
