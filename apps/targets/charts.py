"""Geometry for the indicator page's charts, drawn as inline SVG by templates (no script, no CDN).

Pure functions over targets and observations: each returns the numbers a template needs
(positions, sizes, labels) so the SVG itself is plain markup.
"""
import datetime
from dataclasses import dataclass
from decimal import Decimal

from apps.targets.models import Comparator

# A change ("down 1 point") is not a level and cannot stand beside an observed value.
CHANGE_COMPARATORS = {Comparator.INCREASE_BY, Comparator.DECREASE_BY}

# Drawn for a phone, as the comparison chart below: a 360-unit viewBox with 14-unit text
# (site.css) is about 12 px at 375 px wide, and the figure scales up on wider screens.
WIDTH = 360
LABEL_WIDTH = 92  # room for a region's name (six characters) left of its bars
VALUE_ROOM = 104  # room for the value printed after a bar
BAR_HEIGHT = 18
BAR_GAP = 4
GROUP_GAP = 14
TOP = 10
# Series colours are CSS classes series--0 … series--7 (web/site.css), not inline styles,
# which the Content-Security-Policy refuses.
PALETTE_SIZE = 8


def plain(value) -> str:
    return f"{Decimal(value).normalize():f}"


@dataclass
class Bar:
    kind: str  # "observed" or "target"
    y: float
    width: float
    label: str


@dataclass
class BarGroup:
    region: str
    label_y: float
    bars: list


def _latest_by_region(records, key, value):
    latest = {}
    for record in records:
        if value(record) is None:
            continue
        region = record.region.name if record.region else None
        if region not in latest or key(record) >= key(latest[region]):
            latest[region] = record
    return latest


def bar_chart(targets, observations, *, unplaced_label: str) -> dict | None:
    """One group per region: the latest observed value and the latest target's value, side by side."""
    observed = _latest_by_region(observations, key=lambda o: (o.observed_on, o.pk), value=lambda o: o.value)
    targets = [t for t in targets if t.comparator not in CHANGE_COMPARATORS]
    targeted = _latest_by_region(targets, key=lambda t: (t.deadline_year or 0, t.pk), value=lambda t: t.value)
    regions = sorted(set(observed) | set(targeted), key=lambda name: (name is None, name or ""))
    if not regions:
        return None
    values = [o.value for o in observed.values()] + [t.value for t in targeted.values()]
    top = max(max(values), Decimal(0)) or Decimal(1)
    span = WIDTH - LABEL_WIDTH - VALUE_ROOM
    groups, y = [], TOP
    for region in regions:
        bars = []
        if region in observed:
            o = observed[region]
            bars.append(Bar("observed", y, round(float(max(o.value, 0) / top) * span, 1),
                            f"{plain(o.value)}{o.unit} ({o.observed_on:%Y})"))
            y += BAR_HEIGHT + BAR_GAP
        if region in targeted:
            t = targeted[region]
            year = f" ({t.deadline_year})" if t.deadline_year else ""
            bars.append(Bar("target", y, round(float(max(t.value, 0) / top) * span, 1), f"{t.describe_value()}{year}"))
            y += BAR_HEIGHT + BAR_GAP
        first_y = bars[0].y
        groups.append(BarGroup(region or unplaced_label, round(first_y + (y - BAR_GAP - first_y) / 2, 1), bars))
        y += GROUP_GAP
    return {
        "width": WIDTH, "height": y, "label_width": LABEL_WIDTH, "bar_x": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT, "groups": groups,
    }


@dataclass
class Series:
    region: str
    palette_index: int  # which of the PALETTE_SIZE colours: CSS class series--<index>
    points: list  # (x, y, label)

    @property
    def polyline(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _label in self.points)


def timeline(observations, *, unplaced_label: str) -> dict | None:
    """Observed values over time, one line per region; None without observations."""
    observations = [o for o in observations if o.value is not None]
    if not observations:
        return None
    left, right, top, bottom, height = 48, 24, 24, 40, 240
    first = min(o.observed_on for o in observations)
    last = max(o.observed_on for o in observations)
    days = max((last - first).days, 1)
    high = max(max(o.value for o in observations), Decimal(0)) or Decimal(1)

    def x(day: datetime.date) -> float:
        if first == last:
            return left + (WIDTH - left - right) / 2
        return round(left + (day - first).days / days * (WIDTH - left - right), 1)

    def y(value) -> float:
        return round(top + (1 - float(max(value, 0) / high)) * (height - top - bottom), 1)

    by_region: dict = {}
    for o in sorted(observations, key=lambda o: o.observed_on):
        by_region.setdefault(o.region.name if o.region else unplaced_label, []).append(o)
    series = [
        Series(region, i % PALETTE_SIZE,
               [(x(o.observed_on), y(o.value), f"{plain(o.value)}{o.unit}") for o in records])
        for i, (region, records) in enumerate(by_region.items())
    ]
    years = range(first.year, last.year + 1)
    ticks = [(x(datetime.date(year, 1, 1)), str(year)) for year in years if first <= datetime.date(year, 1, 1) <= last]
    if not ticks:
        ticks = [(x(first), str(first.year))]
    return {
        "width": WIDTH, "height": height, "left": left, "baseline": height - bottom, "right_x": WIDTH - right,
        "top": top, "high": plain(high), "series": series, "ticks": ticks,
    }


# The comparison chart is drawn for a phone: a narrow viewBox, so that at 375 px its 14-unit
# text is still about 12 px, and it scales up on wider screens.
COMPARE_WIDTH, COMPARE_HEIGHT = 360, 240
COMPARE_LEFT, COMPARE_RIGHT, COMPARE_TOP, COMPARE_BOTTOM = 48, 14, 28, 34
MAX_YEAR_TICKS = 6


@dataclass
class CompareSeries:
    region: str
    palette_index: int
    points: list  # (x, y, label) of observations, oldest first
    targets: list  # (x, y, label) of targets at their deadlines

    @property
    def polyline(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _label in self.points)


def _deadline(target) -> datetime.date | None:
    return target.deadline


def comparison_chart(targets, observations, *, unit: str, unplaced_label: str) -> dict | None:
    """Observations over time, one line per region, each target a marker at its deadline; None if empty."""
    observations = [o for o in observations if o.value is not None]
    targets = [t for t in targets if t.value is not None and t.comparator not in CHANGE_COMPARATORS and t.deadline]
    if not observations and not targets:
        return None
    dates = [o.observed_on for o in observations] + [_deadline(t) for t in targets]
    first_year, last_year = min(dates).year, max(dates).year
    first, last = datetime.date(first_year, 1, 1), datetime.date(last_year, 12, 31)
    days = (last - first).days
    values = [o.value for o in observations] + [t.value for t in targets]
    high = max(max(values), Decimal(0)) or Decimal(1)
    plot_width = COMPARE_WIDTH - COMPARE_LEFT - COMPARE_RIGHT
    baseline = COMPARE_HEIGHT - COMPARE_BOTTOM

    def x(day: datetime.date) -> float:
        return round(COMPARE_LEFT + (day - first).days / days * plot_width, 1)

    def y(value) -> float:
        return round(COMPARE_TOP + (1 - float(max(value, 0) / high)) * (baseline - COMPARE_TOP), 1)

    def region_name(record) -> str:
        return record.region.name if record.region else unplaced_label

    names = sorted({region_name(r) for r in [*observations, *targets]}, key=lambda n: (n == unplaced_label, n))
    series = []
    for index, name in enumerate(names):
        # The same figure or target restated by several documents is drawn once.
        points = list(dict.fromkeys(
            (x(o.observed_on), y(o.value), f"{plain(o.value)}{o.unit} ({o.observed_on:%Y})")
            for o in sorted(observations, key=lambda o: o.observed_on) if region_name(o) == name
        ))
        marks = list(dict.fromkeys(
            (x(_deadline(t)), y(t.value), f"{t.describe_value()} ({_deadline(t):%Y})")
            for t in targets if region_name(t) == name
        ))
        series.append(CompareSeries(name, index % PALETTE_SIZE, points, marks))
    step = -(-(last_year - first_year + 1) // MAX_YEAR_TICKS)
    ticks = [(x(datetime.date(year, 7, 1)), str(year)) for year in range(first_year, last_year + 1, step)]
    middle = high / 2
    return {
        "width": COMPARE_WIDTH, "height": COMPARE_HEIGHT, "left": COMPARE_LEFT, "right_x": COMPARE_WIDTH - COMPARE_RIGHT,
        "top": COMPARE_TOP, "baseline": baseline, "unit": unit, "series": series, "ticks": ticks,
        "y_ticks": [(y(high), plain(high)), (y(middle), plain(round(middle, 2))), (baseline, "0")],
    }
