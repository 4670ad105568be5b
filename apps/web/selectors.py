"""What the home page shows: how much is recorded, what is new, what falls due, how replies came out."""
import datetime

from django.db.models import Count
from django.utils.translation import get_language

from apps.curation.memo import audience, remembered
from apps.documents.models import Document
from apps.documents.selectors import document_list
from apps.proposals.models import Proposal, Reply, ResultCode
from apps.regions.selectors import regions_with_records
from apps.targets.models import Target
from apps.targets.scorecards import progress_scorecard
from apps.targets.selectors import target_list

NEWEST_DOCUMENTS = 5
# The home page lists the first of this year's targets; the link beside them leads to all.
DUE_SHOWN = 10


def replies_by_result(*, user) -> list[tuple[str, str, int]]:
    """``(code, meaning, count)`` for A, B, C, D and replies without a code, over replies ``user`` may see."""
    replies = Reply.objects.visible_to(user).filter(proposal__in=Proposal.objects.visible_to(user))
    counts = dict(replies.order_by().values_list("result_code").annotate(n=Count("pk")))
    rows = [(code.value, code.label, counts.get(code.value, 0)) for code in ResultCode]
    return [*rows, ("", None, counts.get("", 0))]


def home_overview(*, user, today: datetime.date) -> dict:
    """What the home page shows; remembered (apps.curation.memo): its counts take 100 ms at 100 k documents."""
    # Per language too: the scorecard's links are reversed, /en/targets/… in English.
    return remembered(("home_overview", audience(user), today, get_language()), lambda: _home_overview(user=user, today=today))


def _home_overview(*, user, today: datetime.date) -> dict:
    due = target_list(filters={"deadline_year": today.year}, user=user)
    visible_replies = Reply.objects.visible_to(user).filter(proposal__in=Proposal.objects.visible_to(user))
    return {
        "counts": {
            "documents": Document.objects.visible_to(user).count(),
            "proposals": Proposal.objects.visible_to(user).count(),
            "replies": visible_replies.count(),
            "targets": Target.objects.visible_to(user).count(),
            "regions": len(regions_with_records(user=user)),
        },
        "newest_documents": list(document_list(filters={}, user=user)[:NEWEST_DOCUMENTS]),
        "due_this_year": list(due[:DUE_SHOWN]),
        "due_count": due.count(),
        "replies_by_result": replies_by_result(user=user),
        "scorecard": progress_scorecard(user=user, filters={}),
        "year": today.year,
    }
