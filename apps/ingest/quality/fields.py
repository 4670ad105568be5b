"""Which fields of a page the importer read as the hand reading has them, counted per field.

A field counts only on the pages whose reading has it (the seeds and the dev corpus leave
out what a page does not show). The rules are the issue's (docs/importer.md, "Quality"):
titles equal without whitespace and quotes and in simplified characters; every place of the
reading among the places found, a short name being enough (江宁区 ~ 江宁); the publish date
or the reply date on the reading's date; proposal numbers by their digits, sessions when one
holds the other, proposers as a set of names, 文号 with one kind of bracket.
"""
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from apps.ingest.clean import normalise, remove_pinyin_artefacts, to_simplified
from apps.ingest.draft import Draft
from apps.ingest.quality.key import PageKey

QUOTES_AND_SPACE = re.compile(r"[\s“”‘’《》\"'「」]")
BRACKETS = str.maketrans("[]()【】﹝﹞", "〔〕〔〕〔〕〔〕")  # full-width forms are made ASCII first
# 张三等5名, 李四等六位: the lead name, then the count of co-signers.
CO_SIGNER_COUNT = re.compile(r"等([\d一二三四五六七八九十]+[名位人]?)?(代表|委员)?$")
PLACE_SUFFIX = re.compile(r"(自治[区州县旗]|特别行政区|地区|新区|省|市|区|县|州|盟|旗|镇|乡|街道)$")
PLAN_LIKE = {"annual_goals", "plan"}


def plain(text: str | None) -> str:
    """Without spaces, quotes and conversion pinyin (the key keeps `學(xué)` where the importer removes it)."""
    return QUOTES_AND_SPACE.sub("", to_simplified(remove_pinyin_artefacts(text or "")[0]))


def doc_number_plain(text: str | None) -> str:
    return plain(normalise(text or "")).translate(BRACKETS)


def names(proposers: str | None) -> set[str]:
    return {CO_SIGNER_COUNT.sub("", plain(name)) for name in re.split(r"[、,,]", proposers or "") if name.strip()}


def place_stem(name: str) -> str:
    name = plain(name)
    stem = PLACE_SUFFIX.sub("", name)
    return stem if len(stem) >= 2 else name


def place_found(wanted: str, found: list[str]) -> bool:
    stem = place_stem(wanted)
    return any(place_stem(name).startswith(stem) or stem.startswith(place_stem(name)) for name in found)


@dataclass(frozen=True)
class Field:
    name: str
    applies: Callable[[PageKey], bool]
    got: Callable[[Draft], object]
    expected: Callable[[PageKey], object]
    right: Callable[[object, object], bool] = lambda got, expected: got == expected


def _doc_type_right(got, expected) -> bool:
    return got == expected or {got, expected} <= PLAN_LIKE


def _proposal(draft: Draft, name: str):
    return getattr(draft.proposal, name) if draft.proposal else None


def _dates(draft: Draft) -> set:
    return {draft.document.publish_date, draft.reply.reply_date if draft.reply else None} - {None}


def _is_reply(key: PageKey) -> bool:
    return key.proposal is not None


FIELDS = [
    Field("doc_type", lambda k: True, lambda d: d.document.doc_type, lambda k: k.doc_type, _doc_type_right),
    Field("title", lambda k: bool(k.title), lambda d: d.document.title, lambda k: k.title,
          lambda got, expected: plain(got) == plain(expected)),
    Field("regions", lambda k: bool(k.regions),
          lambda d: [r.name for r in d.document.regions] + list(d.document.localities),
          lambda k: list(k.regions), lambda got, expected: all(place_found(place, got) for place in expected)),
    Field("date", lambda k: k.publish_date is not None, _dates, lambda k: k.publish_date,
          lambda got, expected: expected in got),
    Field("proposal", _is_reply, lambda d: d.proposal is not None, lambda k: True),
    Field("proposal.kind", _is_reply, lambda d: _proposal(d, "kind"), lambda k: k.proposal.kind),
    Field("proposal.number", lambda k: _is_reply(k) and bool(k.proposal.number), lambda d: _proposal(d, "number"),
          lambda k: k.proposal.number, lambda got, expected: re.sub(r"\D", "", got or "") == re.sub(r"\D", "", expected)),
    Field("proposal.session", lambda k: _is_reply(k) and bool(k.proposal.session), lambda d: _proposal(d, "session"),
          lambda k: k.proposal.session,
          lambda got, expected: bool(plain(got)) and (plain(got) in plain(expected) or plain(expected) in plain(got))),
    Field("proposal.proposers", lambda k: _is_reply(k) and bool(k.proposal.proposer),
          lambda d: "、".join(p.name for p in d.proposal.proposers) if d.proposal else None,
          lambda k: k.proposal.proposer, lambda got, expected: names(got) == names(expected)),
    Field("reply.result_code", lambda k: _is_reply(k) and bool(k.result_code),
          lambda d: d.reply.result_code if d.reply else None, lambda k: k.result_code),
    Field("reply.doc_number", lambda k: _is_reply(k) and bool(k.reply_doc_number),
          lambda d: d.reply.doc_number if d.reply else None, lambda k: k.reply_doc_number,
          lambda got, expected: doc_number_plain(got) == doc_number_plain(expected)),
    Field("no_proposal_invented", lambda k: not _is_reply(k), lambda d: d.proposal is None, lambda k: True),
]


@dataclass
class FieldCount:
    pages: int = 0
    right: int = 0


@dataclass
class Scorecard:
    counts: dict[str, FieldCount] = field(default_factory=lambda: {f.name: FieldCount() for f in FIELDS})
    mistakes: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        pages = sum(c.pages for c in self.counts.values())
        return sum(c.right for c in self.counts.values()) / pages if pages else 0.0

    def add(self, key: PageKey, draft: Draft) -> None:
        if draft.document is None:
            self.refused.append(f"{key.name}: {draft.error}")
        for rule in FIELDS:
            if not rule.applies(key):
                continue
            count = self.counts[rule.name]
            count.pages += 1
            got = rule.got(draft) if draft.document is not None else None
            if draft.document is not None and rule.right(got, rule.expected(key)):
                count.right += 1
            else:
                self.mistakes.append(f"{key.name} {rule.name}: {rule.expected(key)!r} → {got!r}")


def scorecard_lines(title: str, card: Scorecard) -> list[str]:
    lines = [title, f"  {'field':24} {'pages':>5} {'right':>5} {'share':>6}"]
    for name, count in card.counts.items():
        if count.pages:
            lines.append(f"  {name:24} {count.pages:5} {count.right:5} {count.right / count.pages:6.0%}")
    total_pages = sum(c.pages for c in card.counts.values())
    total_right = sum(c.right for c in card.counts.values())
    lines.append(f"  {'all fields':24} {total_pages:5} {total_right:5} {card.share:6.1%}")
    return lines
