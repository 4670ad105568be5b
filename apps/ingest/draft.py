"""What the importer read from one page, before anything is saved.

``Draft.as_json()`` is the line format of ``import_documents --dry-run --json``: other tools
read it, so its names are fixed (see the issue's shape, repeated in the tests).
"""
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from apps.ingest.extract.regions import is_above

from apps.ingest.notes import Note


class Status:
    OK = "ok"
    DUPLICATE = "duplicate"
    ERROR = "error"


@dataclass(frozen=True)
class PlaceRef:
    code: str
    name: str


@dataclass(frozen=True)
class CitationDraft:
    title: str = ""
    doc_number: str = ""


@dataclass
class DocumentDraft:
    title: str = ""
    doc_type: str = "other"
    publish_date: datetime.date | None = None
    regions: list[PlaceRef] = field(default_factory=list)
    organization: str = ""
    doc_number: str = ""
    cites: list[CitationDraft] = field(default_factory=list)
    source_site: str = ""
    # The address the page was fetched from (pages imported by address).
    source_url: str = ""
    # Towns and townships (镇, 乡, 街道): no GB/T 2260 code, so no Region; listed with a null code.
    localities: list[str] = field(default_factory=list)

    def specific_region_codes(self) -> list[str]:
        """The places named, less those that only contain another one named (江苏省 beside 海陵区)."""
        codes = [r.code for r in self.regions]
        return [code for code in codes if not any(is_above(code, other) for other in codes)]


@dataclass(frozen=True)
class ProposerDraft:
    name: str
    role: str | None


@dataclass
class ProposalDraft:
    kind: str
    session: str
    number: str
    title: str
    proposers: list[ProposerDraft] = field(default_factory=list)


@dataclass
class ReplyDraft:
    responding_organization: str = ""
    reply_date: datetime.date | None = None
    doc_number: str = ""
    result_code: str = ""
    disclosure: bool | None = None
    signer: str = ""
    contact: str = ""
    copy_to: list[str] = field(default_factory=list)
    result_text: str = ""
    co_handling: list[str] = field(default_factory=list)


@dataclass
class TargetDraft:
    indicator: str
    comparator: str
    value: Decimal | None
    value_max: Decimal | None
    unit: str
    deadline_year: int | None
    quote: str
    confidence: float
    region: str | None = None  # a code; not in the JSON line, the service needs it
    indicator_code: str | None = None  # the catalogue's (apps/targets/catalogue), when the words match one
    damaged: bool = False  # read from a damaged form (`达到85` for 85%): the curator is told to check it


@dataclass
class ObservationDraft:
    indicator: str
    value: Decimal
    unit: str
    date: datetime.date | None
    quote: str
    region: str | None = None
    indicator_code: str | None = None
    damaged: bool = False


@dataclass
class CommitmentDraft:
    """A promise of a reply letter (apps.ingest.extract.commitments)."""

    quote: str
    summary: str
    kind: str
    deadline_year: int | None


@dataclass
class Draft:
    file: str
    status: str = Status.OK
    error: Note | str | None = None  # notes; plain strings still read
    document: DocumentDraft | None = None
    proposal: ProposalDraft | None = None
    reply: ReplyDraft | None = None
    initiatives: list[str] = field(default_factory=list)
    targets: list[TargetDraft] = field(default_factory=list)
    observations: list[ObservationDraft] = field(default_factory=list)
    commitments: list[CommitmentDraft] = field(default_factory=list)
    warnings: list[Note | str] = field(default_factory=list)
    raw_text: str = ""
    clean_text: str = ""
    encoding: str = ""

    def as_json(self) -> dict:
        """The fixed JSON shape, with dates as ISO strings and numbers as JSON numbers."""
        document = self.document
        return {
            "file": self.file,
            "status": self.status,
            "error": None if self.error is None else str(self.error),
            "document": None if document is None else {
                "title": document.title,
                "doc_type": document.doc_type,
                "publish_date": _date(document.publish_date),
                "regions": [
                    *({"code": r.code, "name": r.name} for r in document.regions),
                    *({"code": None, "name": name} for name in document.localities),
                ],
                "organization": document.organization,
                "doc_number": document.doc_number,
                "cites": [{"title": c.title, "doc_number": c.doc_number} for c in document.cites],
            },
            "proposal": None if self.proposal is None else {
                "kind": self.proposal.kind,
                "session": self.proposal.session,
                "number": self.proposal.number,
                "title": self.proposal.title,
                "proposers": [{"name": p.name, "role": p.role} for p in self.proposal.proposers],
            },
            "reply": None if self.reply is None else {
                "responding_organization": self.reply.responding_organization,
                "reply_date": _date(self.reply.reply_date),
                "doc_number": self.reply.doc_number,
                "result_code": self.reply.result_code,
                "disclosure": self.reply.disclosure,
                "signer": self.reply.signer,
                "contact": self.reply.contact,
                "copy_to": list(self.reply.copy_to),
                "result_text": self.reply.result_text,
                "co_handling": list(self.reply.co_handling),
            },
            "initiatives": list(self.initiatives),
            "targets": [
                {
                    "indicator": t.indicator, "comparator": t.comparator, "value": _number(t.value),
                    "value_max": _number(t.value_max), "unit": t.unit, "deadline_year": t.deadline_year,
                    "quote": t.quote, "confidence": t.confidence, "indicator_code": t.indicator_code,
                }
                for t in self.targets
            ],
            "observations": [
                {"indicator": o.indicator, "value": _number(o.value), "unit": o.unit, "date": _date(o.date),
                 "quote": o.quote, "indicator_code": o.indicator_code}
                for o in self.observations
            ],
            "commitments": [
                {"quote": c.quote, "summary": c.summary, "kind": c.kind, "deadline_year": c.deadline_year}
                for c in self.commitments
            ],
            "warnings": [str(warning) for warning in self.warnings],
        }


def _date(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
