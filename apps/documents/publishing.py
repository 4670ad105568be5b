"""A document's status carried to everything drawn from it: its reply and the reply's proposal,
its targets, observations and commitments, and the initiatives it introduced.

Publishing carries to all of them. Taking a document back (reviewed or draft) carries only to
what nothing else still holds up: a proposal another published reply answers stays published,
an initiative another document mentions stays as it is.
"""
from django.db.models import Count, QuerySet

from apps.commitments.models import Commitment
from apps.curation.models import CurationStatus
from apps.curation.services import pending_changes, querysets_set_status
from apps.initiatives.models import Initiative
from apps.proposals.models import Proposal, Reply
from apps.targets.models import Observation, Target


def drawn_from(documents: QuerySet, status: str) -> list[QuerySet]:
    """The records drawn from ``documents`` that moving them to ``status`` moves too, not yet in it."""
    replies = Reply.objects.filter(document__in=documents)
    proposals = Proposal.objects.filter(replies__in=replies)
    initiatives = Initiative.objects.filter(documents__in=documents)
    if status != CurationStatus.PUBLISHED:
        others = Reply.objects.exclude(pk__in=replies).filter(status=CurationStatus.PUBLISHED)
        proposals = proposals.exclude(replies__in=others)
        initiatives = Initiative.objects.annotate(mentions=Count("documents")).filter(
            pk__in=initiatives, mentions=1,
        )
    drawn = [
        replies,
        proposals,
        Target.objects.filter(source_document__in=documents),
        Observation.objects.filter(source_document__in=documents),
        Commitment.objects.filter(source_document__in=documents),
        initiatives,
    ]
    return [queryset.exclude(status=status).distinct() for queryset in drawn]


def changes(documents: QuerySet, status: str) -> list[tuple[str, int]]:
    """What moving ``documents`` to ``status`` would change: (records' name, how many), none left out."""
    return pending_changes([documents, *drawn_from(documents, status)], status)


def documents_set_status(*, documents: QuerySet, status: str, user) -> list[tuple[str, int]]:
    """Move ``documents`` and what is drawn from them to ``status`` in one transaction, each
    change in its record's history under ``user``; return what changed."""
    return querysets_set_status(querysets=[documents, *drawn_from(documents, status)], status=status, user=user)
