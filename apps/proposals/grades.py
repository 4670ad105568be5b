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
from apps.curation.selectors import filtered
from apps.proposals.filters import RESULT_NOT_GIVEN, ReplyFilter
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
    url: str | None  # the proposals list these are; None when none, or where no filter can say it
    label: str = ""  # the column's heading, for a cell read on its own (a stacked card on a phone)


@dataclass(frozen=True)
class GradeRow:
    label: str
    region: Region | None  # a child region's row (linked to its page), else None
    year: int | None
    cells: list[Cell]  # in result_columns() order
    total: Cell

    @property
    def all_cells(self) -> list[Cell]:
        """The result columns' cells, then the total: one row of the table."""
        return [*self.cells, self.total]


def list_url(filters: dict, *, base: str | None = None, **extra) -> str:
    """The proposals list narrowed by ``filters`` and ``extra``; ``base`` is its path, if known already."""
    base = base or reverse("proposals:list")
    query = {k: v for k, v in {**filters, **extra}.items() if v not in (None, "")}
    return f"{base}?{urlencode(query)}" if query else base


def child_prefix_length(region: Region | None) -> int:
    """How many leading digits tell the children of ``region`` apart: provinces 2, cities 4, counties 6."""
    return 2 if region is None else len(code_prefix(region.code)) + 2


def grade_counts(*, filters: dict, place_length: int) -> list[tuple]:
    """``(place, year, result_code, replies)``: ``place`` the first ``place_length`` digits of the
    proposal's region code (None when unplaced), ``year`` the reply's (None when undated)."""
    published = Reply.objects.published().filter(proposal__status=CurationStatus.PUBLISHED)
    # The API's reply filters, so ``region`` and ``kind`` mean here what they mean on /api/v1/replies/.
    replies = filtered(ReplyFilter, published, filters=filters, user=None)
    grouped = (
        replies.annotate(place=Substr("proposal__region_id", 1, place_length), year=ExtractYear("reply_date"))
        .order_by().values_list("place", "year", "result_code").annotate(replies=Count("pk"))
    )
    return [tuple(row) for row in grouped]


class RowMaker:
    """Rows of counts with their links, the columns and the list's path worked out once per table:
    the provinces' table has over 200 cells."""

    def __init__(self):
        self.columns = result_columns()
        self.base = reverse("proposals:list")
        self.total_label = _("合计")

    def __call__(self, label, counts: dict[str, int], filters: dict | None, *, region=None, year=None,
                 total_filters: dict | None = None) -> GradeRow:
        """``filters`` None: no filter lists these replies apart, so no links."""
        def cell(count: int, label: str, **extra) -> Cell:
            url = list_url(filters, base=self.base, **extra) if filters is not None and count else None
            return Cell(count, url, label)

        cells = [cell(counts.get(column.code, 0), column.label, result_code=column.code) for column in self.columns]
        total = sum(counts.values())
        if total_filters is not None and filters is not None and total:
            total_cell = Cell(total, list_url(total_filters, base=self.base), self.total_label)
        else:
            total_cell = cell(total, self.total_label)
        return GradeRow(label, region, year, cells, total_cell)


def _add(into: dict[str, int], code: str, count: int) -> None:
    key = code or RESULT_NOT_GIVEN
    into[key] = into.get(key, 0) + count


def _tallied(counts: list[tuple]) -> tuple[dict, dict, dict]:
    """The grouped rows summed by place, by year and in all, each by result column."""
    by_place: dict[str | None, dict[str, int]] = {}
    by_year: dict[int | None, dict[str, int]] = {}
    totals: dict[str, int] = {}
    for place, year, code, count in counts:
        _add(by_place.setdefault(place, {}), code, count)
        _add(by_year.setdefault(year, {}), code, count)
        _add(totals, code, count)
    return by_place, by_year, totals


def grade_tables(*, filters: dict, region: Region | None) -> tuple[list[GradeRow], list[GradeRow]]:
    """The table by place (each child of ``region``, the provinces when None; then the region's own
    replies and the unplaced ones; then the total) and the table by year (then the total).

    ``filters`` holds only GRADES_FILTERS, validated. Two queries: the grouped count (none while
    remembered, until a record changes) and the children.
    """
    length = child_prefix_length(region)
    key = ("proposal_grades", tuple(sorted(filters.items())), length)
    by_place, by_year, totals = remembered(key, lambda: _tallied(grade_counts(filters=filters, place_length=length)))
    by_place = dict(by_place)  # rows are taken out of it below
    replied = {**filters, "replied": "true"}
    row = RowMaker()

    place_rows = []
    children = Region.objects.filter(parent=region) if region else Region.objects.filter(parent__isnull=True)
    for child in children.order_by("code"):
        child_filters = {**filters, "region": child.code}
        place_counts = by_place.pop(code_prefix(child.code).ljust(length, "0")[:length], {})
        place_rows.append(row(child.name, place_counts, child_filters, region=child,
                               total_filters={**child_filters, "replied": "true"}))
    unplaced = by_place.pop(None, {})
    own: dict[str, int] = {}
    for place_counts in by_place.values():  # the region itself (130000 under 13), or codes with no child row
        for code, count in place_counts.items():
            _add(own, code, count)
    # No filter lists a region's own proposals apart from those under it: these rows have no links.
    if own:
        label = _("%(region)s本级") % {"region": region.name} if region else _("其他地区")
        place_rows.append(row(label, own, None))
    if unplaced:
        place_rows.append(row(_("未注明地区"), unplaced, None))
    place_rows.append(row(_("合计"), totals, filters, total_filters=replied))

    year_rows = []
    for year in sorted(y for y in by_year if y is not None):
        year_filters = {**filters, "year_from": year, "year_to": year}
        year_rows.append(row(str(year), by_year[year], year_filters, year=year))
    if None in by_year:
        year_rows.append(row(_("未注明日期"), by_year[None], None))
    year_rows.append(row(_("合计"), totals, filters, total_filters=replied))
    return place_rows, year_rows
