"""The shape of a curated reading of one seed page: plain data, no database.

Each seed module builds one ``SeedPage``; ``apps.demo.services`` turns it into records.
Regions are given by their six-digit code, organizations by their full name, and
initiatives and indicators by reference to their spec, so one spec can be shared by
several pages (``集团化办学`` is mentioned by four of the five).
"""
import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent
RAW_DIR = SEEDS_DIR / "raw"
CLEAN_DIR = SEEDS_DIR / "clean"


@dataclass(frozen=True)
class OrganizationSpec:
    name: str
    kind: str
    short_name: str = ""
    region: str | None = None


@dataclass(frozen=True)
class CitationSpec:
    """A title cited in 《》 and/or a 文号, as printed."""

    title: str = ""
    doc_number: str = ""


@dataclass(frozen=True)
class DocumentSpec:
    title: str
    doc_type: str
    regions: tuple[str, ...]
    organization: OrganizationSpec | None
    publish_date: datetime.date | None
    doc_number: str = ""
    source_site: str = ""
    source_url: str = ""
    citations: tuple[CitationSpec, ...] = ()


@dataclass(frozen=True)
class ProposerSpec:
    name: str
    role: str
    is_lead: bool = True


@dataclass(frozen=True)
class ReplySpec:
    responding_organization: OrganizationSpec
    reply_date: datetime.date | None
    doc_number: str = ""
    result_code: str = ""
    result_scheme: str = ""
    disclosure: bool | None = None
    signer: str = ""
    contact: str = ""
    copy_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProposalSpec:
    kind: str
    session: str
    number: str
    title: str
    region: str
    proposers: tuple[ProposerSpec, ...]
    reply: ReplySpec
    subject: str = ""


@dataclass(frozen=True)
class InitiativeSpec:
    """A programme; ``region=None`` is a generic one (集团化办学) shared across places."""

    name: str
    theme: str
    region: str | None = None
    start_year: int | None = None
    end_year: int | None = None
    parent: "InitiativeSpec | None" = None
    description: str = ""


@dataclass(frozen=True)
class IndicatorSpec:
    name: str
    unit: str
    description: str = ""


@dataclass(frozen=True)
class TargetSpec:
    """A commitment; ``quote`` is copied verbatim from the page's clean text."""

    indicator: IndicatorSpec
    region: str | None  # None only where the page blanks its place (seed 004)
    comparator: str
    value: Decimal | None
    quote: str
    value_max: Decimal | None = None
    deadline_year: int | None = None
    initiative: InitiativeSpec | None = None
    # The indicator's unit unless the commitment is a change in another unit (下降1个百分点).
    unit: str | None = None
    # A curator's judgement where the figures cannot be matched by place (seed 004), with its reason.
    progress_override: str = ""
    progress_note: str = ""


@dataclass(frozen=True)
class ObservationSpec:
    """A figure the page reports as reached; ``quote`` is copied verbatim from the clean text."""

    indicator: IndicatorSpec
    region: str | None
    value: Decimal
    observed_on: datetime.date
    quote: str


@dataclass(frozen=True)
class CommitmentSpec:
    """A promise of the reply, curated by hand; ``quote`` is copied verbatim from the clean text.
    A numeric promise names its target (``target``), found by that target's quote."""

    summary: str
    quote: str
    kind: str
    deadline_year: int | None = None
    target: TargetSpec | None = None


@dataclass(frozen=True)
class SeedPage:
    file_name: str
    document: DocumentSpec
    proposal: ProposalSpec | None = None
    initiatives: tuple[InitiativeSpec, ...] = ()
    targets: tuple[TargetSpec, ...] = ()
    observations: tuple[ObservationSpec, ...] = ()
    commitments: tuple[CommitmentSpec, ...] = ()

    def raw_text(self) -> str:
        """The page exactly as captured (bytes decoded, newlines untouched)."""
        return (RAW_DIR / self.file_name).read_bytes().decode("utf-8")

    def clean_text(self) -> str:
        """The article alone, cut by hand from the raw page."""
        return (CLEAN_DIR / self.file_name).read_bytes().decode("utf-8").rstrip("\n")
