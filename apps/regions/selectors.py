"""Reading a region for its page: where it stands, what lies under it, and the records about it."""
import re
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse

from apps.curation.memo import audience, remembered
from apps.documents.models import Document
from apps.documents.selectors import document_list
from apps.initiatives.models import Initiative
from apps.initiatives.selectors import initiative_list
from apps.proposals.models import Proposal
from apps.proposals.selectors import proposal_list
from apps.regions.models import Region
from apps.targets.models import Observation, Target
from apps.targets.selectors import target_list

SHORT_CODE = re.compile(r"^(?:[0-9]{2}|[0-9]{4}|[0-9]{6})$")


def region_code_canonical(code: str) -> str | None:
    """The six-digit code a URL means: 32 → 320000, 3204 → 320400; None if it is no code at all."""
    if not SHORT_CODE.match(code):
        return None
    return code.ljust(6, "0")


class RecordedRegion(NamedTuple):
    code: str
    name: str
    level: str


def regions_recorded(*, user) -> QuerySet:
    """The regions that records ``user`` may see are about (documents, proposals, targets, ...).

    One EXISTS per kind of record, targets first as they cover the most regions: at 100 k
    documents this takes about 120 ms where five ``IN`` sub-selects took 900 (docs/performance.md).
    """
    documents = Document.objects.visible_to(user)
    held = [
        Target.objects.visible_to(user).filter(region=OuterRef("pk")),
        Document.regions.through.objects.filter(region=OuterRef("pk"), document__in=documents),
        Proposal.objects.visible_to(user).filter(region=OuterRef("pk")),
        Observation.objects.visible_to(user).filter(region=OuterRef("pk")),
        Initiative.objects.visible_to(user).filter(region=OuterRef("pk")),
    ]
    condition = Exists(held[0])
    for records in held[1:]:
        condition |= Exists(records)
    return Region.objects.filter(condition)


def regions_with_records(*, user) -> list[RecordedRegion]:
    """``regions_recorded`` with the provinces and cities above them, in code order (remembered)."""
    return remembered(
        ("regions_with_records", audience(user)), lambda: _regions_with_parents(regions_recorded(user=user))
    )


def _regions_with_parents(recorded: QuerySet) -> list[RecordedRegion]:
    # Tuples, not models: 3,000 regions with their parents as Region objects took 100 ms at a
    # million documents, on the first request after every change.
    columns = ("code", "name", "level")
    rows = recorded.values_list(
        *columns, *(f"parent__{c}" for c in columns), *(f"parent__parent__{c}" for c in columns),
    )
    found = {}
    for row in rows:
        for code, name, level in (row[0:3], row[3:6], row[6:9]):
            if code is not None:
                found[code] = RecordedRegion(code, name, level)
    return [found[code] for code in sorted(found)]


@dataclass
class Listed:
    """The first records of a list and how many there are in all."""

    records: list
    count: int


def _first(queryset: QuerySet, size: int, *, count_key: tuple) -> Listed:
    """The first ``size`` records, read fresh, and their total, remembered (apps.curation.memo) under
    ``count_key``: counting a province's documents or targets took 90–100 ms a request at 100 k documents."""
    return Listed(records=list(queryset[:size]), count=remembered(count_key, queryset.count))


def region_detail(*, code: str) -> Region:
    """The region with its parents and children. Raises ``Region.DoesNotExist``."""
    return Region.objects.select_related("parent__parent").prefetch_related("children").get(code=code)


def region_overview(*, region: Region, user, size: int = 10) -> dict:
    """The documents, proposals, targets and initiatives about ``region`` or anything under it."""
    filters = {"region": region.code}
    with_records = remembered(("codes_with_records", audience(user), region.code),
                              lambda: _codes_with_records_under(region, user=user))
    def key(kind: str) -> tuple:
        return ("region_count", kind, audience(user), region.code)

    return {
        "children": [(child, child.code in with_records) for child in region.children.all()],
        "documents": _first(document_list(filters=filters, user=user), size, count_key=key("documents")),
        "proposals": _first(proposal_list(filters=filters, user=user), size, count_key=key("proposals")),
        "targets": _first(target_list(filters=filters, user=user), size * 2, count_key=key("targets")),
        "initiatives": _first(initiative_list(filters=filters, user=user), size, count_key=key("initiatives")),
    }


def _codes_with_records_under(region: Region, *, user) -> set[str]:
    # Remembered on its own: reading back every region with records (3,200) took 11 ms a page.
    prefix = region.prefix
    return {r.code for r in regions_with_records(user=user) if r.code.startswith(prefix)}


def regions_index(*, user) -> list[tuple[RecordedRegion, int, str]]:
    """Every region that records are about, with their parents: each with its depth below the province and its page.

    The pages' addresses are built here from one reversed address: ``{% url %}`` for each of
    3,200 regions was most of the index page's 90 ms.
    """
    depth = {"province": 0, "prefecture": 1, "county": 2}
    sample = "000000"
    prefix, suffix = reverse("regions:detail", args=[sample]).split(sample)
    return [
        (region, depth.get(region.level, 0), f"{prefix}{region.code}{suffix}")
        for region in regions_with_records(user=user)
    ]
