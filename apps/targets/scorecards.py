"""Counting targets by progress: the scorecard block on pages, and the region × progress table.

Both count the rows the targets list shows for the same filters (``target_list``: only what
the reader may see), so every count links to that list and the list has that many rows.
"""
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.curation.memo import audience, remembered
from apps.curation.selectors import filtered
from apps.regions.models import Region, code_prefix
from apps.targets.filters import TargetFilter
from apps.targets.models import Target, TargetProgress
from apps.targets.progress import progress_today
from apps.targets.progress_counts import progress_counts

# The filters a scorecard narrows by; its links carry them to the list.
SCORECARD_FILTERS = ("region", "deadline_year", "theme", "document", "indicator")


@dataclass(frozen=True)
class Cell:
    count: int
    url: str | None  # the targets list these are, None where no filter can say it (unplaced targets)


@dataclass(frozen=True)
class Scorecard:
    """Counts by progress in ``TargetProgress`` order, and their total."""

    cells: list[tuple[str, str, Cell]]  # (progress, label, cell)
    total: Cell


@dataclass(frozen=True)
class ScorecardRow:
    label: str
    region: Region | None
    scorecard: Scorecard


def list_url(filters: dict, **extra) -> str:
    query = {k: v for k, v in {**filters, **extra}.items() if v not in (None, "")}
    return f"{reverse('targets:list')}?{urlencode(query)}" if query else reverse("targets:list")


def _scorecard(counts: dict[str, int], filters: dict | None) -> Scorecard:
    """``filters`` None: the counts cannot be listed by a filter, so no links."""
    cells = [
        (state.value, state.label,
         Cell(counts.get(state.value, 0), None if filters is None else list_url(filters, progress=state.value)))
        for state in TargetProgress
    ]
    total = Cell(sum(counts.values()), None if filters is None else list_url(filters))
    return Scorecard(cells, total)


def _scored_targets(*, user, filters: dict) -> QuerySet:
    """The visible targets narrowed by ``filters``; raises ``InvalidFilters``."""
    chosen = {name: filters[name] for name in SCORECARD_FILTERS if filters.get(name) not in (None, "")}
    return filtered(TargetFilter, Target.objects.visible_to(user), filters=chosen, user=user)


def _clean(filters) -> dict:
    return {name: filters.get(name) for name in SCORECARD_FILTERS if filters.get(name) not in (None, "")}


def _remembered_counts(kind: str, *, user, chosen: dict, compute):
    """Counts are remembered (apps.curation.memo) per audience, filters and date: over all of China
    they judge every published target against its latest observation."""
    key = ("scorecard", kind, audience(user), tuple(sorted(chosen.items())), progress_today())
    return remembered(key, compute)


def progress_scorecard(*, user, filters) -> Scorecard:
    """Targets by progress for ``filters`` (region, deadline_year, theme, document, indicator): one query
    (and those the FilterSet makes to check a chosen record), or none while remembered.

    Raises ``apps.curation.selectors.InvalidFilters`` on a malformed filter.
    """
    chosen = _clean(filters)

    def count() -> dict[str, int]:
        targets = _scored_targets(user=user, filters=chosen)
        return {progress: n for _place, progress, n in progress_counts(targets, today=progress_today())}

    return _scorecard(_remembered_counts("total", user=user, chosen=chosen, compute=count), chosen)


def _child_prefix_length(region: Region | None) -> int:
    """How many leading digits tell the children of ``region`` apart: provinces 2, cities 4, counties 6."""
    if region is None:
        return 2
    return len(code_prefix(region.code)) + 2


def regions_by_progress(*, user, filters, region: Region | None) -> tuple[list[ScorecardRow], Scorecard]:
    """One row per child of ``region`` (the provinces when None), plus the region's own targets and,
    over all of China, the unplaced ones; and the totals. Two queries besides the filters' own.

    Raises ``InvalidFilters`` on a malformed filter.
    """
    chosen = _clean(filters)
    length = _child_prefix_length(region)

    def count() -> list[tuple]:
        targets = _scored_targets(user=user, filters=chosen)
        return progress_counts(targets, today=progress_today(), place_length=length)

    by_place: dict[str | None, dict[str, int]] = {}
    for place, progress, n in _remembered_counts(f"by_place_{length}", user=user, chosen=chosen, compute=count):
        by_place.setdefault(place, {})[progress] = n
    children = Region.objects.filter(parent=region) if region else Region.objects.filter(parent__isnull=True)
    rows = []
    for child in children.order_by("code"):
        counts = by_place.pop(code_prefix(child.code).ljust(length, "0")[:length], {})
        rows.append(ScorecardRow(child.name, child, _scorecard(counts, {**chosen, "region": child.code})))
    unplaced = by_place.pop(None, {})
    own = {}
    for counts in by_place.values():  # the region itself (320000 under 32), or codes without a child row
        for progress, count in counts.items():
            own[progress] = own.get(progress, 0) + count
    # Not a child's: set for the region itself (江苏省's own 320000 under 32). No filter lists
    # them apart from the places under it, so these rows have no links.
    if own:
        label = _("%(region)s本级") % {"region": region.name} if region else _("其他地区")
        rows.append(ScorecardRow(label, region, _scorecard(own, None)))
    if unplaced:
        rows.append(ScorecardRow(_("未注明地区"), None, _scorecard(unplaced, None)))
    totals: dict[str, int] = {}
    for row in rows:
        for progress, _label, cell in row.scorecard.cells:
            totals[progress] = totals.get(progress, 0) + cell.count
    return rows, _scorecard(totals, chosen)
