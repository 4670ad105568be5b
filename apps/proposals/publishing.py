"""A proposal's status carried to its replies: a proposal publishes with the answers it got."""
from django.db import transaction
from django.db.models import QuerySet

from apps.curation.services import records_set_status
from apps.proposals.models import Reply


def proposal_changes(proposals: QuerySet, status: str) -> list[tuple[str, int]]:
    """What moving ``proposals`` to ``status`` would change: (records' name, how many)."""
    counted = [
        (proposals.model, proposals.exclude(status=status).count()),
        (Reply, Reply.objects.filter(proposal__in=proposals).exclude(status=status).count()),
    ]
    return [(str(model._meta.verbose_name_plural), count) for model, count in counted if count]


@transaction.atomic
def proposals_set_status(*, proposals: QuerySet, status: str, user) -> list[tuple[str, int]]:
    """Move ``proposals`` and their replies to ``status`` in one transaction; return what changed."""
    replies = Reply.objects.filter(proposal__in=list(proposals.values_list("pk", flat=True)))
    changed = [
        (proposals.model, records_set_status(queryset=proposals, status=status, user=user)),
        (Reply, records_set_status(queryset=replies, status=status, user=user)),
    ]
    return [(str(model._meta.verbose_name_plural), count) for model, count in changed if count]
