"""Commitments counted by state: per region (the children of a chosen one) and per replying body."""
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.db.models.functions import Substr

from apps.commitments.models import CommitmentState
from apps.regions.models import Region, code_prefix

BODIES_SHOWN = 30


@dataclass
class ScoreRow:
    label: str
    filters: dict  # the list's filters that give this row's commitments
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _counted(commitments: QuerySet, key: str) -> dict[str, dict[str, int]]:
    rows: dict[str, dict[str, int]] = {}
    for group, state, count in commitments.order_by().values_list(key, "state").annotate(n=Count("pk")):
        rows.setdefault(group, dict.fromkeys(CommitmentState.values, 0))[state] = count
    return rows


def by_region(commitments: QuerySet, region: Region | None) -> list[ScoreRow]:
    """One row per child of ``region`` (provinces when None) that has commitments."""
    length = {0: 2, 2: 4}.get(len(code_prefix(region.code)) if region else 0, 6)
    grouped = _counted(commitments.annotate(area=Substr("region_id", 1, length)), "area")
    names = dict(Region.objects.filter(code__in=[p.ljust(6, "0") for p in grouped if p]).values_list("code", "name"))
    rows = [
        ScoreRow(names.get(prefix.ljust(6, "0"), prefix), {"region": prefix.ljust(6, "0")}, counts)
        for prefix, counts in grouped.items() if prefix
    ]
    return sorted(rows, key=lambda row: (-row.total, row.filters["region"]))


def by_body(commitments: QuerySet) -> list[ScoreRow]:
    """One row per replying body, the most promising first (at most BODIES_SHOWN)."""
    grouped = _counted(commitments.exclude(organization=None), "organization__name")
    ids = dict(commitments.exclude(organization=None).values_list("organization__name", "organization_id").distinct())
    rows = [ScoreRow(name, {"organization": ids[name]}, counts) for name, counts in grouped.items()]
    return sorted(rows, key=lambda row: (-row.total, row.label))[:BODIES_SHOWN]


def totals(rows: list[ScoreRow]) -> dict[str, int]:
    return {state: sum(row.counts[state] for row in rows) for state in CommitmentState.values}
