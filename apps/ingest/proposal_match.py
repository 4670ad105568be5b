"""A reply letter's proposal: the one already held when it is the same, and whether the reply is too.

The same proposal is the same kind, session and number in the same region (or one within the
other, or a region unknown on either side): a follow-up reply, or the same letter captured
from another site, belongs to it rather than to a second proposal. A second reply is added
only when it is another letter: another reply date or 文号.
"""
from dataclasses import dataclass

from apps.ingest.draft import ProposalDraft, ReplyDraft
from apps.ingest.notes import N_, Note, note
from apps.proposals.models import Proposal, Reply
from apps.regions.models import Region, code_prefix


def _regions_nested(code: str, other: str) -> bool:
    return code.startswith(code_prefix(other)) or other.startswith(code_prefix(code))


@dataclass(frozen=True)
class ProposalMatch:
    spec: ProposalDraft
    held: Proposal | None = None
    same_region: bool = True
    reply_held: Reply | None = None

    @classmethod
    def find(cls, spec: ProposalDraft, reply: ReplyDraft, region: Region | None) -> "ProposalMatch":
        # At most one: kind, session and number are unique together (apps.proposals.models).
        held = Proposal.objects.filter(
            kind=spec.kind, session=spec.session[:128], number=spec.number[:32]
        ).select_related("region").first()
        if held is None:
            return cls(spec)
        same_region = region is None or held.region is None or _regions_nested(region.code, held.region.code)
        reply_held = held.replies.filter(
            reply_date=reply.reply_date, doc_number=reply.doc_number[:64]
        ).first() if same_region else None
        return cls(spec, held, same_region, reply_held)

    @property
    def reply_wanted(self) -> bool:
        """False when the reply is held already, or its proposal cannot be told apart from another region's."""
        return self.same_region and self.reply_held is None

    def notes(self) -> list[Note]:
        if self.held is None:
            return []
        values = {"session": self.spec.session, "number": self.spec.number}
        if not self.same_region:
            return [note(
                N_("%(region)s已有提案/建议 %(session)s 第%(number)s号,同一届次、编号不能再建:这份答复未关联提案"),
                region=self.held.region.name, **values,
            )]
        if self.reply_held:
            return [note(
                N_("提案/建议 %(session)s 第%(number)s号已有同一日期、同一文号的答复(文件 %(document)s):未再添加答复"),
                document=self.reply_held.document_id or "-", **values,
            )]
        return [note(N_("提案/建议 %(session)s 第%(number)s号已收录:这份答复加在它下面"), **values)]
