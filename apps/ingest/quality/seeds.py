"""How close the importer's drafts come to the curated reading of the seed pages.

Shared by ``tests/test_quality.py`` (which holds the importer to its aims) and
``bench/import_quality.py`` (which prints the table). Counting, per field:
- a single-valued field (title, 文号 …) is a true positive when the draft gives the reading's
  value, a false positive when it gives another value, a false negative when the reading has
  a value the draft missed or got wrong; both empty is right and counts in neither;
- a set-valued field (regions, citations, initiatives, proposers) counts item by item;
- targets and observations are paired with the reading's by region and quote (one quote
  inside the other), then each field of a pair is compared; unpaired drafts are false
  positives and unpaired readings false negatives for every field.
Values are compared in the bare unit (7170 万元 = 71,700,000 元); titles ignore spaces;
indicator names, which the curators wrote by hand, count as matching when similar.
"""
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher

from apps.ingest.draft import Draft
from apps.ingest.numbers import MAGNITUDES

INDICATOR_SIMILARITY = 0.5


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass
class Report:
    fields: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    mistakes: list[str] = field(default_factory=list)

    def scalar(self, name: str, page: str, got, expected) -> None:
        tally = self.fields[name]
        if got == expected:
            if expected not in (None, "", ()):
                tally.tp += 1
            return
        if got not in (None, "", ()):
            tally.fp += 1
        if expected not in (None, "", ()):
            tally.fn += 1
        self.mistakes.append(f"{page} {name}: got {got!r}, expected {expected!r}")

    def items(self, name: str, page: str, got, expected, same=lambda a, b: a == b) -> None:
        """Pair items exactly first, then by ``same``; count the rest as extra or missed."""
        tally, unmatched, extra = self.fields[name], list(expected), []
        for item in got:
            if item in unmatched:
                unmatched.remove(item)
                tally.tp += 1
            else:
                extra.append(item)
        for item in extra:
            match = next((e for e in unmatched if same(item, e)), None)
            if match is None:
                tally.fp += 1
                self.mistakes.append(f"{page} {name}: extra {item!r}")
            else:
                tally.tp += 1
                unmatched.remove(match)
        tally.fn += len(unmatched)
        self.mistakes.extend(f"{page} {name}: missed {item!r}" for item in unmatched)


def similar(a: str, b: str) -> bool:
    a, b = _plain(a), _plain(b)
    if not a or not b:
        return a == b
    return a in b or b in a or SequenceMatcher(None, a, b).ratio() >= INDICATOR_SIMILARITY


def _plain(text: str) -> str:
    return re.sub(r"[\s“”\"()()]", "", text or "")


def base_value(value: Decimal | None, unit: str) -> Decimal | None:
    if value is None:
        return None
    for prefix, factor in sorted(MAGNITUDES.items(), key=lambda p: -len(p[0])):
        if unit.startswith(prefix) and unit != prefix:
            return value * factor
    return value


def _quotes_overlap(a: str, b: str) -> bool:
    a, b = _plain(a).rstrip("。;"), _plain(b).rstrip("。;")
    return bool(a and b) and (a in b or b in a)


def _spec_unit(spec) -> str:
    return getattr(spec, "unit", None) or spec.indicator.unit


def page_compare(report: Report, draft: Draft, seed) -> None:
    """Add one page's comparison to ``report``; ``seed`` is an ``apps.demo.seeds`` SeedPage."""
    page = seed.file_name[:3]
    document, spec = draft.document, seed.document
    report.scalar("document.title", page, _plain(document.title), _plain(spec.title))
    report.scalar("document.doc_type", page, document.doc_type, str(spec.doc_type))
    report.scalar("document.publish_date", page, document.publish_date, spec.publish_date)
    # The curated reading lists the most specific places; the importer also keeps the parents the page names.
    report.items("document.regions", page, document.specific_region_codes(), list(spec.regions))
    report.scalar("document.organization", page, document.organization, spec.organization.name if spec.organization else "")
    report.scalar("document.doc_number", page, document.doc_number, spec.doc_number)
    report.scalar("document.source_site", page, document.source_site, spec.source_site)
    report.items(
        "document.cites", page, [(c.title, c.doc_number) for c in document.cites],
        [(c.title, c.doc_number) for c in spec.citations],
    )
    _proposal_compare(report, page, draft, seed.proposal)
    report.items("initiatives", page, draft.initiatives, [i.name for i in seed.initiatives], same=similar)
    _targets_compare(report, page, draft, seed)
    _observations_compare(report, page, draft, seed)


def _proposal_compare(report: Report, page: str, draft: Draft, spec) -> None:
    proposal, reply = draft.proposal, draft.reply
    if spec is None:
        report.scalar("proposal", page, proposal is not None, False)
        return
    got = proposal or type("Missing", (), {"kind": "", "session": "", "number": "", "title": "", "proposers": []})()
    report.scalar("proposal.kind", page, got.kind, str(spec.kind))
    report.scalar("proposal.session", page, got.session, spec.session)
    report.scalar("proposal.number", page, got.number, spec.number)
    report.scalar("proposal.title", page, got.title, spec.title)
    report.items(
        "proposal.proposers", page, [(p.name, p.role) for p in got.proposers],
        [(p.name, str(p.role)) for p in spec.proposers],
    )
    expected = spec.reply
    for name in ("reply_date", "doc_number", "result_code", "disclosure", "signer", "contact"):
        got_value = getattr(reply, name) if reply else None
        want = getattr(expected, name)
        report.scalar(f"reply.{name}", page, got_value, str(want) if name == "result_code" else want)
    report.scalar(
        "reply.responding_organization", page, reply.responding_organization if reply else "",
        expected.responding_organization.name,
    )
    report.items("reply.copy_to", page, list(reply.copy_to) if reply else [], list(expected.copy_to))


def _pairs(drafts: list, specs: list, quote_of=lambda x: x.quote):
    """Pair drafts with readings by region and overlapping quotes; the rest stay unpaired."""
    pairs, unpaired = [], list(drafts)
    for spec in specs:
        match = next(
            (d for d in unpaired if d.region == spec.region and _quotes_overlap(d.quote, spec.quote)
             and base_value(d.value, d.unit) == base_value(spec.value, _spec_unit(spec))),
            None,
        ) or next((d for d in unpaired if d.region == spec.region and _quotes_overlap(d.quote, spec.quote)), None)
        if match is not None:
            unpaired.remove(match)
        pairs.append((match, spec))
    return pairs, unpaired


def _targets_compare(report: Report, page: str, draft: Draft, seed) -> None:
    pairs, extra = _pairs(draft.targets, list(seed.targets))
    checks = {
        "target.found": lambda d, s: True,
        "target.value+comparator+year": lambda d, s: (
            base_value(d.value, d.unit) == base_value(s.value, _spec_unit(s))
            and base_value(d.value_max, d.unit) == base_value(s.value_max, _spec_unit(s))
            and d.comparator == str(s.comparator) and d.deadline_year == s.deadline_year
        ),
        "target.value": lambda d, s: base_value(d.value, d.unit) == base_value(s.value, _spec_unit(s)),
        "target.comparator": lambda d, s: d.comparator == str(s.comparator),
        "target.deadline_year": lambda d, s: d.deadline_year == s.deadline_year,
        "target.indicator": lambda d, s: similar(d.indicator, s.indicator.name),
    }
    _pairs_tally(report, page, "target", pairs, extra, checks, observations=seed.observations)


def _observations_compare(report: Report, page: str, draft: Draft, seed) -> None:
    pairs, extra = _pairs(draft.observations, list(seed.observations))
    checks = {
        "observation.found": lambda d, s: True,
        "observation.value": lambda d, s: base_value(d.value, d.unit) == base_value(s.value, _spec_unit(s)),
        "observation.date": lambda d, s: d.date == s.observed_on,
        "observation.indicator": lambda d, s: similar(d.indicator, s.indicator.name),
    }
    _pairs_tally(report, page, "observation", pairs, extra, checks)


def _pairs_tally(report, page, kind, pairs, extra, checks, observations=()) -> None:
    for name, check in checks.items():
        tally = report.fields[name]
        for got, spec in pairs:
            if got is not None and check(got, spec):
                tally.tp += 1
                continue
            tally.fn += 1
            if got is not None:
                tally.fp += 1
            report.mistakes.append(f"{page} {name}: {'missed' if got is None else 'wrong'} “{spec.quote}”")
        tally.fp += len(extra)
    for got in extra:
        report.mistakes.append(f"{page} {kind}: extra {got.value}{got.unit} “{got.quote}”")
    # A past figure filed as a target: a draft target whose quote is one of the reading's observations.
    for got in extra if kind == "target" else ():
        if any(_quotes_overlap(got.quote, o.quote) for o in observations):
            report.fields["target.past_figure_as_target"].fp += 1


def seeds_compare(drafts: dict[str, Draft], seeds) -> Report:
    report = Report()
    for seed in seeds:
        page_compare(report, drafts[seed.file_name], seed)
    return report


def report_lines(report: Report) -> list[str]:
    def share(value):
        return "  n/a" if value is None else f"{value:5.0%}"

    lines = [f"{'field':32} {'precision':>9} {'recall':>7}   tp  fp  fn"]
    for name, tally in sorted(report.fields.items()):
        lines.append(
            f"{name:32} {share(tally.precision):>9} {share(tally.recall):>7} {tally.tp:4} {tally.fp:3} {tally.fn:3}"
        )
    return lines
