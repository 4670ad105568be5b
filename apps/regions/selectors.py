"""Reading a region for its page: where it stands, what lies under it, and the records about it."""
import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet

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


def regions_recorded(*, user) -> QuerySet:
    """The regions that records ``user`` may see are about (documents, proposals, targets, ...)."""
    documents = Document.objects.visible_to(user)
    return Region.objects.filter(
        Q(code__in=Document.regions.through.objects.filter(document__in=documents).values("region_id"))
        | Q(code__in=Proposal.objects.visible_to(user).values("region_id"))
        | Q(code__in=Target.objects.visible_to(user).values("region_id"))
        | Q(code__in=Observation.objects.visible_to(user).values("region_id"))
        | Q(code__in=Initiative.objects.visible_to(user).values("region_id"))
    )


def regions_with_records(*, user) -> list[Region]:
    """``regions_recorded`` with the provinces and cities above them, in code order."""
    found = {}
    for region in regions_recorded(user=user).select_related("parent__parent"):
        node = region
        while node is not None:
            found[node.code] = node
            node = node.parent
    return [found[code] for code in sorted(found)]


@dataclass
class Listed:
    """The first records of a list and how many there are in all."""

    records: list
    count: int


def _first(queryset: QuerySet, size: int) -> Listed:
    return Listed(records=list(queryset[:size]), count=queryset.count())


def region_detail(*, code: str) -> Region:
    """The region with its parents and children. Raises ``Region.DoesNotExist``."""
    return Region.objects.select_related("parent__parent").prefetch_related("children").get(code=code)


def region_overview(*, region: Region, user, size: int = 10) -> dict:
    """The documents, proposals, targets and initiatives about ``region`` or anything under it."""
    filters = {"region": region.code}
    with_records = {r.code for r in regions_with_records(user=user) if r.code.startswith(region.prefix)}
    return {
        "children": [(child, child.code in with_records) for child in region.children.all()],
        "documents": _first(document_list(filters=filters, user=user), size),
        "proposals": _first(proposal_list(filters=filters, user=user), size),
        "targets": _first(target_list(filters=filters, user=user), size * 2),
        "initiatives": _first(initiative_list(filters=filters, user=user), size),
    }


def regions_index(*, user) -> list[tuple[Region, int]]:
    """Every region that records are about, with their parents, each with its depth below the province."""
    depth = {"province": 0, "prefecture": 1, "county": 2}
    return [(region, depth.get(region.level, 0)) for region in regions_with_records(user=user)]
