"""Replies counted by handling result (办理结果): by place (the children of a region) and by year.

Only published replies to published proposals count. One grouped query (place × year × result)
feeds both tables. The unit is the reply: a proposal answered twice (a follow-up reply, a
second reply after dissatisfaction) counts once per reply, each under its own result. Every
count links to the proposals list, whose reply filters ask about one and the same reply
(``ProposalFilter``), so a cell lists the proposals that hold the replies it counts.
"""
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count
from django.db.models.functions import ExtractYear, Substr
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.curation.memo import remembered
from apps.curation.models import CurationStatus
from apps.proposals.filters import RESULT_NOT_GIVEN
from apps.proposals.models import Reply, ResultCode
from apps.regions.models import Region, code_prefix

# The filters the grades page narrows by; its links carry them to the list.
GRADES_FILTERS = ("region", "kind")


@dataclass(frozen=True)
class ResultColumn:
    code: str  # the list's result_code value: a letter, or RESULT_NOT_GIVEN
    label: str  # the column's heading
    meaning: str  # what the letter usually means


def result_columns() -> list[ResultColumn]:
    """A, B, C, D as printed, then "not given" as a column like the others."""
    columns = [ResultColumn(code.value, code.value, code.label) for code in ResultCode]
    return [*columns, ResultColumn(RESULT_NOT_GIVEN, _("未给出"), _("答复页面未注明办理结果"))]


@dataclass(frozen=True)
class Cell:
    count: int
    url: str | None  # the proposals list these are; None where no filter can say it
    label: str = ""  # the column's heading, for a cell read on its own (a stacked card on a phone)


@dataclass(frozen=True)
class GradeRow:
    label: str
    region: Region | None  # a child region's row (linked to its page), else None
    year: int | None
    cells: list[Cell]  # in result_columns() order
    total: Cell


def list_url(filters: dict, **extra) -> str:
    query = {k: v for k, v in {**filters, **extra}.items() if v not in (None, "")}
    return f"{reverse('proposals:list')}?{urlencode(query)}" if query else reverse("proposals:list")


def child_prefix_length(region: Region | None) -> int:
    """How many leading digits tell the children of ``region`` apart: provinces 2, cities 4, counties 6."""
    return 2 if region is None else len(code_prefix(region.code)) + 2


def grade_counts(*, filters: dict, place_length: int) -> list[tuple]:
    """``(place, year, result_code, replies)``: ``place`` the first ``place_length`` digits of the
    proposal's region code (None when unplaced), ``year`` the reply's (None when undated)."""
    replies = Reply.objects.published().filter(proposal__status=CurationStatus.PUBLISHED)
    if filters.get("region"):
        replies = replies.filter(proposal__region__code__startswith=code_prefix(filters["region"]))
    if filters.get("kind"):
        replies = replies.filter(proposal__kind=filters["kind"])
    grouped = (
        replies.annotate(place=Substr("proposal__region_id", 1, place_length), year=ExtractYear("reply_date"))
        .order_by().values_list("place", "year", "result_code").annotate(replies=Count("pk"))
    )
    return [tuple(row) for row in grouped]


def _row(label, counts: dict[str, int], filters: dict | None, *, region=None, year=None,
         total_filters: dict | None = None) -> GradeRow:
    """``filters`` None: no filter lists these replies apart, so no links."""
    cells = [
        Cell(counts.get(column.code, 0), None if filters is None else list_url(filters, result_code=column.code),
             column.label)
        for column in result_columns()
    ]
    total_url = None if filters is None else list_url(total_filters if total_filters is not None else filters)
    return GradeRow(label, region, year, cells, Cell(sum(counts.values()), total_url, _("合计")))


def _add(into: dict[str, int], code: str, count: int) -> None:
    key = code or RESULT_NOT_GIVEN
    into[key] = into.get(key, 0) + count


def grade_tables(*, filters: dict, region: Region | None) -> tuple[list[GradeRow], list[GradeRow]]:
    """The table by place (each child of ``region``, the provinces when None; then the region's own
    replies and the unplaced ones; then the total) and the table by year (then the total).

    ``filters`` holds only GRADES_FILTERS, validated. Three queries: the grouped count (remembered
    until a record changes), the children, and nothing else.
    """
    length = child_prefix_length(region)
    key = ("proposal_grades", tuple(sorted(filters.items())), length)
    counts = remembered(key, lambda: grade_counts(filters=filters, place_length=length))
    by_place: dict[str | None, dict[str, int]] = {}
    by_year: dict[int | None, dict[str, int]] = {}
    totals: dict[str, int] = {}
    for place, year, code, count in counts:
        _add(by_place.setdefault(place, {}), code, count)
        _add(by_year.setdefault(year, {}), code, count)
        _add(totals, code, count)
    replied = {**filters, "replied": "true"}

    place_rows = []
    children = Region.objects.filter(parent=region) if region else Region.objects.filter(parent__isnull=True)
    for child in children.order_by("code"):
        child_filters = {**filters, "region": child.code}
        place_counts = by_place.pop(code_prefix(child.code).ljust(length, "0")[:length], {})
        place_rows.append(_row(child.name, place_counts, child_filters, region=child,
                               total_filters={**child_filters, "replied": "true"}))
    unplaced = by_place.pop(None, {})
    own: dict[str, int] = {}
    for place_counts in by_place.values():  # the region itself (130000 under 13), or codes with no child row
        for code, count in place_counts.items():
            _add(own, code, count)
    # No filter lists a region's own proposals apart from those under it: these rows have no links.
    if own:
        label = _("%(region)s本级") % {"region": region.name} if region else _("其他地区")
        place_rows.append(_row(label, own, None))
    if unplaced:
        place_rows.append(_row(_("未注明地区"), unplaced, None))
    place_rows.append(_row(_("合计"), totals, filters, total_filters=replied))

    year_rows = []
    for year in sorted(y for y in by_year if y is not None):
        year_filters = {**filters, "year_from": year, "year_to": year}
        year_rows.append(_row(str(year), by_year[year], year_filters, year=year))
    if None in by_year:
        year_rows.append(_row(_("未注明日期"), by_year[None], None))
    year_rows.append(_row(_("合计"), totals, filters, total_filters=replied))
    return place_rows, year_rows
