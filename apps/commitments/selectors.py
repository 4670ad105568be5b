"""Reading commitments for the pages and the API: each with its ``state`` as of today."""
import datetime

from django.db.models import Count, QuerySet

from apps.commitments.filters import CommitmentFilter
from apps.commitments.models import Commitment, CommitmentState
from apps.curation.memo import audience, remembered
from apps.curation.models import sees_drafts
from apps.curation.selectors import filtered
from apps.proposals.models import Reply
from apps.targets.progress import progress_today


def visible_commitments(user, today: datetime.date | None = None) -> QuerySet:
    """The commitments ``user`` may see, annotated with ``state``; hidden links are the caller's to null."""
    return Commitment.objects.visible_to(user).with_state(today)


def commitment_list(*, filters, user) -> QuerySet:
    """Raises ``apps.curation.selectors.InvalidFilters`` on a malformed filter."""
    commitments = (
        visible_commitments(user)
        .select_related("organization", "region", "reply__proposal")
        .order_by("-id")
    )
    return filtered(CommitmentFilter, commitments, filters=filters, user=user)


def proposal_commitments(*, proposal, user) -> list[Commitment]:
    """What the replies ``user`` may see promised for ``proposal``; each with ``shown_evidence_document``,
    its evidence document when ``user`` may see it."""
    replies = Reply.objects.visible_to(user).filter(proposal=proposal)
    commitments = list(
        visible_commitments(user).filter(reply__in=replies).select_related("evidence_document").order_by("pk")
    )
    for commitment in commitments:
        evidence = commitment.evidence_document
        commitment.shown_evidence_document = evidence if evidence and (sees_drafts(user) or evidence.is_published) else None
    return commitments


def state_counts(commitments: QuerySet) -> dict[str, int]:
    """How many of ``commitments`` stand in each state, every state present (0 when none)."""
    counted = dict(commitments.order_by().values_list("state").annotate(n=Count("pk")))
    return {state: counted.get(state, 0) for state in CommitmentState.values}


def region_commitment_counts(*, region_code: str, user) -> dict:
    """The commitments of a region and everything under it, counted by state, for its page."""
    key = ("region_commitment_counts", audience(user), region_code, progress_today())
    counts = remembered(key, lambda: state_counts(commitment_list(filters={"region": region_code}, user=user)))
    return {
        "total": sum(counts.values()),
        "states": [(state, label, counts[state]) for state, label in CommitmentState.choices],
    }
