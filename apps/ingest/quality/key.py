"""The hand reading of a page, in one shape for the seeds (apps.demo.seeds) and the dev corpus.

The dev corpus (``../shared/corpus/dev``: pages plus ``replies.json`` and ``goals.json``) lies
outside the repository; its README describes the key. ``None`` or an empty value means the
page does not show the field, and the field is not counted for that page.
"""
import datetime
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from apps.demo.seeds import SEEDS
from apps.demo.seeds.schema import RAW_DIR
from apps.regions.services import region_table

KEY_FILES = ("replies.json", "goals.json")
REPLY_TYPES = {"proposal_reply": "proposal", "suggestion_reply": "suggestion"}


def dev_corpus_dir() -> Path:
    """Where the dev corpus lies: ``IMPORT_QUALITY_CORPUS``, else ``../shared/corpus/dev`` beside the checkout."""
    configured = os.environ.get("IMPORT_QUALITY_CORPUS")
    return Path(configured) if configured else Path(settings.BASE_DIR).parent / "shared" / "corpus" / "dev"


@dataclass(frozen=True)
class ProposalKey:
    kind: str
    number: str | None
    session: str | None
    proposer: str | None
    title: str | None


@dataclass(frozen=True)
class FigureKey:
    """A target (``year`` its deadline) or an observation (``year`` that of its date) as read by hand;
    ``region`` is set where the page covers several places."""

    value: object
    unit: str
    year: int | None
    quote: str
    comparator: str | None = None
    value_high: object = None
    region: str | None = None
    indicator: str = ""


@dataclass(frozen=True)
class PageKey:
    name: str
    path: Path
    doc_type: str
    title: str | None
    regions: tuple[str, ...]
    publish_date: datetime.date | None
    proposal: ProposalKey | None = None
    result_code: str | None = None
    reply_doc_number: str | None = None
    targets: list[FigureKey] = field(default_factory=list)
    observations: list[FigureKey] = field(default_factory=list)
    commitments: list[str] | None = None  # None where the reading does not label promises
    extra: dict = field(default_factory=dict, compare=False)


def _date(value) -> datetime.date | None:
    if isinstance(value, datetime.date) or value is None:
        return value
    return datetime.date.fromisoformat(value)


def seed_keys() -> list[PageKey]:
    keys = []
    region_names = {region.code: region.name for region in region_table()}
    for seed in SEEDS:
        document, proposal = seed.document, seed.proposal
        keys.append(PageKey(
            name=seed.file_name[:3],
            path=RAW_DIR / seed.file_name,
            doc_type="reply" if proposal else str(document.doc_type),
            title=document.title,
            regions=tuple(region_names[code] for code in document.regions),
            publish_date=document.publish_date,
            proposal=None if proposal is None else ProposalKey(
                kind=str(proposal.kind), number=proposal.number, session=proposal.session,
                proposer="、".join(p.name for p in proposal.proposers), title=proposal.title,
            ),
            result_code=str(proposal.reply.result_code) or None if proposal else None,
            reply_doc_number=proposal.reply.doc_number or None if proposal else None,
            targets=[_seed_target(t, region_names, several=len(document.regions) > 1) for t in seed.targets],
            observations=[
                FigureKey(o.value, o.indicator.unit, o.observed_on.year, o.quote, indicator=o.indicator.name)
                for o in seed.observations
            ],
        ))
    return keys


def _seed_target(spec, region_names: dict[str, str], *, several: bool) -> FigureKey:
    return FigureKey(
        spec.value, spec.unit or spec.indicator.unit, spec.deadline_year, spec.quote, comparator=str(spec.comparator),
        value_high=spec.value_max, region=region_names.get(spec.region) if several and spec.region else None,
        indicator=spec.indicator.name,
    )


def _dev_figures(entries: list[dict] | None, year: str) -> list[FigureKey]:
    return [
        FigureKey(
            entry["value"], entry.get("unit") or "", entry.get(year), entry.get("quote", ""),
            comparator=entry.get("comparator"), value_high=entry.get("value_high"), region=entry.get("region"),
            indicator=entry.get("indicator", ""),
        )
        for entry in entries or []
        if entry.get("value") is not None
    ]


def dev_keys(directory: Path) -> list[PageKey]:
    """Every page of the dev corpus with its reading; [] when the corpus is not there."""
    keys = []
    for key_file in KEY_FILES:
        path = directory / key_file
        if not path.exists():
            continue
        for entry in json.loads(path.read_text(encoding="utf-8")):
            proposal, reply = entry.get("proposal"), entry.get("reply") or {}
            kind = REPLY_TYPES.get(entry["doc_type"])
            keys.append(PageKey(
                name=Path(entry["file"]).stem,
                path=directory / entry["file"],
                doc_type="reply" if kind else entry["doc_type"],
                title=entry.get("title"),
                regions=tuple(entry.get("regions") or ()),
                publish_date=_date(entry.get("publish_date")),
                proposal=None if not kind else ProposalKey(
                    kind=kind,
                    number=(proposal or {}).get("number"),
                    session=(proposal or {}).get("session"),
                    proposer=(proposal or {}).get("proposer"),
                    title=(proposal or {}).get("title"),
                ),
                result_code=reply.get("result_code"),
                reply_doc_number=reply.get("doc_number"),
                targets=_dev_figures(entry.get("targets"), "deadline_year"),
                observations=_dev_figures(entry.get("observations"), "year"),
                commitments=entry.get("commitments") if kind else None,
                extra=entry,
            ))
    return keys
