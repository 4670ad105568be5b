"""A proposal's status carried to its replies: a proposal publishes with the answers it got."""
from django.db.models import QuerySet

from apps.curation.services import pending_changes, querysets_set_status
from apps.proposals.models import Reply


def _with_replies(proposals: QuerySet) -> list[QuerySet]:
    return [proposals, Reply.objects.filter(proposal__in=list(proposals.values_list("pk", flat=True)))]


def proposal_changes(proposals: QuerySet, status: str) -> list[tuple[str, int]]:
    """What moving ``proposals`` to ``status`` would change: (records' name, how many)."""
    return pending_changes(_with_replies(proposals), status)


def proposals_set_status(*, proposals: QuerySet, status: str, user) -> list[tuple[str, int]]:
    """Move ``proposals`` and their replies to ``status`` in one transaction; return what changed."""
    return querysets_set_status(querysets=_with_replies(proposals), status=status, user=user)
