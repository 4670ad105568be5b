"""Writes of the review workflow, shared by admin actions, views and management commands."""
from django.db import transaction
from django.db.models import QuerySet

from apps.curation.models import CurationStatus


@transaction.atomic
def records_set_status(*, queryset: QuerySet, status: str, user) -> int:
    """Move every record in ``queryset`` to ``status``; return how many changed.

    Each record is saved on its own rather than with ``queryset.update()`` so that
    django-simple-history writes a historical row naming ``user`` for every change.
    Records already in ``status`` are left alone, so they gain no empty history entry.
    """
    status = CurationStatus(status)
    # Re-select by primary key: the caller's queryset may carry DISTINCT or outer joins
    # (admin search over many-to-many fields), which SELECT ... FOR UPDATE refuses.
    records = (
        queryset.model._default_manager.select_for_update()
        .filter(pk__in=list(queryset.values_list("pk", flat=True)))
        .exclude(status=status)
        .order_by("pk")
    )
    changed = 0
    for record in records:
        record.status = status
        record._history_user = user
        record._change_reason = str(status.label)
        record.save(update_fields=["status", "updated_at"])
        changed += 1
    return changed


def _named(counted) -> list[tuple[str, int]]:
    return [(str(model._meta.verbose_name_plural), count) for model, count in counted if count]


def pending_changes(querysets: list[QuerySet], status: str) -> list[tuple[str, int]]:
    """How many records of each queryset moving to ``status`` would change, by the records' name."""
    return _named((queryset.model, queryset.exclude(status=status).count()) for queryset in querysets)


@transaction.atomic
def querysets_set_status(*, querysets: list[QuerySet], status: str, user) -> list[tuple[str, int]]:
    """``records_set_status`` over several querysets in one transaction, in order; what changed, by name."""
    return _named(
        (queryset.model, records_set_status(queryset=queryset, status=status, user=user)) for queryset in querysets
    )
