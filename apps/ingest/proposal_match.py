"""A reply letter's proposal: the one already held when it is the same, and whether the reply is too.

The same proposal is the same kind, session and number in the same region (or one within the
other, or a region unknown on either side; another region's is another proposal): a follow-up reply, or the same letter captured
from another site, belongs to it rather than to a second proposal. A second reply is added
only when it is another letter: another reply date or 文号.
"""
from dataclasses import dataclass

from apps.ingest.draft import ProposalDraft, ReplyDraft
from apps.ingest.extract.regions import LEVEL_WORDS, RegionMatcher, level_of
from apps.ingest.notes import N_, Note, note
from apps.proposals.models import Proposal, Reply
from apps.regions.models import Region, code_prefix

REPLY_HELD_NOTE = N_("提案/建议 %(session)s 第%(number)s号已有同一日期、同一文号的答复（文件 %(document)s）：未再添加答复")
PROPOSAL_HELD_NOTE = N_("提案/建议 %(session)s 第%(number)s号已收录：这份答复加在它下面")


def session_region(session: str, page_codes: list[str], matcher: RegionMatcher) -> str | None:
    """Where a session sits: the place its name gives (`贵州省人大…`), the page's place at the level
    it names (`市政协…` on a county's page is that county's city), else the page's own place."""
    named = matcher.find(session)[0]
    if named:
        return named[-1].code
    level = LEVEL_WORDS.get(session[:1])
    for code in page_codes:
        place = matcher.places.get(code)
        chain = [place, *matcher.ancestors(place)] if place else []
        at_level = next((p for p in chain if level_of(p.code) == level), None)
        if at_level is not None:
            return at_level.code
    return page_codes[0] if page_codes else None


def _same_place(region: Region | None, other: Region | None) -> bool:
    if region is None or other is None:
        return True
    return region.code.startswith(code_prefix(other.code)) or other.code.startswith(code_prefix(region.code))


@dataclass(frozen=True)
class ProposalMatch:
    spec: ProposalDraft
    held: Proposal | None = None
    reply_held: Reply | None = None

    @classmethod
    def find(cls, spec: ProposalDraft, reply: ReplyDraft, region: Region | None) -> "ProposalMatch":
        # One per region: kind, session and number are unique in a region (apps.proposals.models), and a
        # relative session (县十六届人大一次会议) recurs in every county.
        candidates = Proposal.objects.filter(
            kind=spec.kind, session=spec.session[:128], number=spec.number[:32]
        ).select_related("region")
        held = next((p for p in candidates if _same_place(region, p.region)), None)
        if held is None:
            return cls(spec)
        reply_held = held.replies.filter(reply_date=reply.reply_date, doc_number=reply.doc_number[:64]).first()
        return cls(spec, held, reply_held)

    @property
    def reply_wanted(self) -> bool:
        """False when the same reply (date and 文号) is held already."""
        return self.reply_held is None

    def notes(self) -> list[Note]:
        if self.held is None:
            return []
        values = {"session": self.spec.session, "number": self.spec.number}
        if self.reply_held:
            return [note(REPLY_HELD_NOTE, document=self.reply_held.document_id or "-", **values)]
        return [note(PROPOSAL_HELD_NOTE, **values)]
