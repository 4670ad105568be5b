"""Targets and observations against the hand reading: found, missed, extra, and how well the found are read.

A target of the reading is found when one extracted target, not already paired, has the same
value (and upper value, when the reading has a range) in the bare unit (7170 万元 = 71,700,000)
and the same deadline year when the reading gives one. Recall is the share of the reading's
targets found; precision the share of extracted targets that pair with one. Observations pair
the same way, on the value and the year of their date.
"""
from dataclasses import dataclass, field
from decimal import Decimal

from apps.ingest.clean import to_simplified
from apps.ingest.draft import Draft
from apps.ingest.numbers import MAGNITUDES
from apps.ingest.quality.key import FigureKey, PageKey

# The dev reading writes four symbols; the importer's names are finer (左右, a range, 保持, 提高 N):
# each is counted as the symbol it falls under there. 超过 (>) is read as ≥.
SYMBOLS = {">": ">=", "<": "<="}
COARSE = {"gte": ">=", "lte": "<=", "eq": "=", "approx": "=", "range": "=", "increase_by": "=", "decrease_by": "="}


def bare(value, unit: str) -> Decimal | None:
    """The value in the unit's base: 1.16 亿元 → 116,000,000; 4.68 万个 → 46,800."""
    if value is None:
        return None
    value = Decimal(str(value))
    unit = to_simplified(unit or "")
    for prefix, factor in sorted(MAGNITUDES.items(), key=lambda p: -len(p[0])):
        if unit.startswith(prefix):  # 万元, and a bare 万 (`资金44万`)
            return value * factor
    return value


def plain_unit(unit: str) -> str:
    """The counter or measure without its magnitude: 万元 → 元, 萬個 → 个."""
    unit = to_simplified(unit or "")
    for prefix in sorted(MAGNITUDES, key=len, reverse=True):
        if unit.startswith(prefix) and unit != prefix:
            return unit[len(prefix):]
    return unit


@dataclass
class FigureCount:
    in_key: int = 0
    extracted: int = 0
    found: int = 0
    comparator_right: int = 0
    unit_right: int = 0
    region_checked: int = 0
    region_right: int = 0
    catalogued: int = 0  # extracted figures placed on a catalogue indicator
    found_catalogued: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / self.in_key if self.in_key else None

    @property
    def precision(self) -> float | None:
        return self.found / self.extracted if self.extracted else None


@dataclass
class FigureScore:
    targets: FigureCount = field(default_factory=FigureCount)
    observations: FigureCount = field(default_factory=FigureCount)
    mistakes: list[str] = field(default_factory=list)

    def add(self, key: PageKey, draft: Draft, region_names: dict[str, str]) -> None:
        drafts = list(draft.targets) if draft.document else []
        self._pair("target", key, key.targets, drafts, self.targets, region_names)
        observations = list(draft.observations) if draft.document else []
        self._pair("observation", key, key.observations, observations, self.observations, region_names)

    def _pair(self, kind, key: PageKey, wanted: list[FigureKey], got: list, count: FigureCount, region_names) -> None:
        count.in_key += len(wanted)
        count.extracted += len(got)
        count.catalogued += sum(1 for figure in got if figure.indicator_code)
        unpaired = list(got)
        # Where several figures have the value, those in the reading's unit pair first (3名 and 3-5所).
        pairs: dict[int, object] = {}
        for same_unit in (True, False):
            for number, spec in enumerate(wanted):
                if number in pairs:
                    continue
                match = next((
                    figure for figure in unpaired
                    if _same(figure, spec, kind) and (not same_unit or plain_unit(figure.unit) == plain_unit(spec.unit))
                ), None)
                if match is not None:
                    pairs[number] = match
                    unpaired.remove(match)
        for number, spec in enumerate(wanted):
            match = pairs.get(number)
            if match is None:
                self.mistakes.append(f"{key.name} {kind} missed: {spec.value}{spec.unit} “{spec.quote[:60]}”")
                continue
            count.found += 1
            count.found_catalogued += bool(match.indicator_code)
            if kind == "target":
                self._read_well(key, spec, match, count, region_names)
        for figure in unpaired:
            self.mistakes.append(f"{key.name} {kind} extra: {figure.value}{figure.unit} “{figure.quote[:60]}”")

    def _read_well(self, key: PageKey, spec: FigureKey, figure, count: FigureCount, region_names) -> None:
        if spec.comparator is None or _comparator_same(spec.comparator, figure):
            count.comparator_right += 1
        else:
            self.mistakes.append(f"{key.name} target comparator: {spec.comparator} → {figure.comparator} “{spec.quote[:40]}”")
        if plain_unit(spec.unit) == plain_unit(figure.unit):
            count.unit_right += 1
        else:
            self.mistakes.append(f"{key.name} target unit: {spec.unit} → {figure.unit} “{spec.quote[:40]}”")
        if spec.region:
            count.region_checked += 1
            got = region_names.get(figure.region or "", "")
            if got and (to_simplified(spec.region).rstrip("市区县") in got or got.startswith(to_simplified(spec.region))):
                count.region_right += 1
            else:
                self.mistakes.append(f"{key.name} target region: {spec.region} → {got or None} “{spec.quote[:40]}”")


def _comparator_same(wanted: str, figure) -> bool:
    """The seeds' reading uses the importer's names; the dev reading four symbols."""
    if wanted == figure.comparator:
        return True
    held = ">=" if figure.comparator == "maintain" and "以上" in figure.quote else "="
    return SYMBOLS.get(wanted, wanted) == COARSE.get(figure.comparator, held)


def _same(figure, spec: FigureKey, kind: str) -> bool:
    if bare(figure.value, figure.unit) != bare(spec.value, spec.unit):
        return False
    if kind == "target":
        if spec.value_high is not None and bare(figure.value_max, figure.unit) != bare(spec.value_high, spec.unit):
            return False
        return spec.year is None or figure.deadline_year == spec.year
    return spec.year is None or (figure.date is not None and figure.date.year == spec.year)


def figure_lines(title: str, score: FigureScore) -> list[str]:
    def share(part: int, whole: int) -> str:
        return f"{part / whole:6.0%}" if whole else "   n/a"

    lines = [f"  {title}"]
    for name, count in (("targets", score.targets), ("observations", score.observations)):
        lines.append(
            f"  {name:13} in reading {count.in_key:4}  extracted {count.extracted:4}  found {count.found:4}"
            f"  recall {share(count.found, count.in_key)}  precision {share(count.found, count.extracted)}"
        )
    for name, count in (("targets", score.targets), ("observations", score.observations)):
        lines.append(
            f"  {name} on a catalogue indicator: {count.catalogued} of {count.extracted} extracted, "
            f"{count.found_catalogued} of {count.found} found"
        )
    targets = score.targets
    lines.append(
        f"  found targets: comparator right {share(targets.comparator_right, targets.found)}, unit right "
        f"{share(targets.unit_right, targets.found)}, region right {share(targets.region_right, targets.region_checked)}"
        f" (of {targets.region_checked} the reading places)"
    )
    return lines


def compared_indicators(drafts: list[Draft], at_least: int = 3) -> dict[str, set[str]]:
    """The catalogue indicators that importing ``drafts`` would give figures from ``at_least``
    regions, with those regions: what the indicator page's comparison of places shows. A figure
    counts as the writer saves it: with a region, and an observation only with a date."""
    regions: dict[str, set[str]] = {}
    for draft in drafts:
        if not draft.document:
            continue
        figures = [*draft.targets, *(o for o in draft.observations if o.date is not None)]
        for figure in figures:
            if figure.indicator_code and figure.region:
                regions.setdefault(figure.indicator_code, set()).add(figure.region)
    return {code: places for code, places in regions.items() if len(places) >= at_least}


def comparison_lines(compared: dict[str, set[str]], region_names: dict[str, str]) -> list[str]:
    lines = [f"  catalogue indicators with figures from 3 or more regions: {len(compared)}"]
    for code, places in sorted(compared.items(), key=lambda item: (-len(item[1]), item[0])):
        names = "、".join(sorted(region_names.get(place, place) for place in places))
        lines.append(f"    {code:40} {len(places):3}  {names}")
    return lines
