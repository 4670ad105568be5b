"""A proposal's dates in order: assigned (交办), due, each reply (interim, final, second, follow-up)."""
import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from apps.proposals.models import Proposal, Reply


@dataclass(frozen=True)
class Step:
    kind: str  # "assigned", "due" or "reply", for styling
    label: str
    date: datetime.date | None
    reply: Reply | None = None
    late: bool = False  # a reply dated after the due date


def proposal_timeline(proposal: Proposal, replies: list[Reply]) -> list[Step]:
    """Assignment and due date first when they are not known (they come first in the handling),
    then every dated step by date, then replies with no date in the order recorded."""
    due = proposal.due_date
    steps = [Step("assigned", _("交办"), proposal.assigned_date), Step("due", _("答复期限"), due)]
    steps += [
        Step("reply", reply.get_reply_kind_display(), reply.reply_date, reply,
             late=bool(due and reply.reply_date and reply.reply_date > due))
        for reply in replies
    ]
    undated_process = [step for step in steps if step.date is None and step.reply is None]
    dated = sorted((step for step in steps if step.date is not None), key=lambda step: step.date)
    undated_replies = [step for step in steps if step.date is None and step.reply is not None]
    return [*undated_process, *dated, *undated_replies]
