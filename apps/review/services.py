"""The review page's one write: the curator's corrections, rejections and acceptances, and
(on "publish all") the document published with what was accepted, in one transaction."""
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from apps.curation.models import CurationStatus, CuratedModel
from apps.curation.services import querysets_set_status
from apps.documents.models import Document
from apps.initiatives.models import Initiative
from apps.review.forms import ACCEPT, REJECT
from apps.review.items import ReviewItem

CHANGE_REASON = "审核页"


@dataclass
class ReviewOutcome:
    corrected: int = 0
    rejected: int = 0
    later: int = 0
    status_changes: list[tuple[str, int]] = field(default_factory=list)

    def summary(self, status_label: str) -> str:
        changed = "、".join(f"{name} {count}" for name, count in self.status_changes) or _("无")
        return _("已设为“%(status)s”：%(changes)s。修改 %(corrected)d 项，驳回（删除）%(rejected)d 项，待定 %(later)d 项。") % {
            "status": status_label, "changes": changed,
            "corrected": self.corrected, "rejected": self.rejected, "later": self.later,
        }


def _save(record, user) -> None:
    record._history_user = user
    record._change_reason = CHANGE_REASON
    record.save()


def _reject(item: ReviewItem, document: Document, user) -> None:
    """Delete the record (its history keeps it). An initiative is only unlinked from this
    document, and deleted when nothing else mentions it and it was never published."""
    record = item.record
    record._history_user = user
    if isinstance(record, Initiative):
        document.initiatives.remove(record)
        if record.is_published or record.documents.exists() or record.targets.exists():
            return
    record.delete()


@transaction.atomic
def review_apply(*, document: Document, document_form, item_forms: list[tuple[ReviewItem, object]], user,
                 status: CurationStatus) -> ReviewOutcome:
    """Apply every form; then move the accepted records (and, when publishing, the document)
    to ``status``. Accepting as reviewed never takes a published record back."""
    outcome = ReviewOutcome()
    if document_form.has_changed():
        document_form.save(commit=False)
        _save(document, user)
        outcome.corrected += 1
    accepted: dict[type, list[int]] = defaultdict(list)
    for item, form in item_forms:
        decision = form.cleaned_data["decision"]
        if decision == REJECT:
            _reject(item, document, user)
            outcome.rejected += 1
            continue
        if set(form.changed_data) - {"decision", "version"}:
            form.save(commit=False)
            _save(item.record, user)
            outcome.corrected += 1
        if decision == ACCEPT and isinstance(item.record, CuratedModel):
            accepted[type(item.record)].append(item.record.pk)
        elif decision != ACCEPT:
            outcome.later += 1
    querysets = [
        Document.objects.filter(pk=document.pk),
        *(model._default_manager.filter(pk__in=pks) for model, pks in accepted.items()),
    ]
    if status != CurationStatus.PUBLISHED:
        querysets = [queryset.filter(status=CurationStatus.DRAFT) for queryset in querysets]
    outcome.status_changes = querysets_set_status(querysets=querysets, status=status, user=user)
    return outcome
