"""Taking a list away: every filtered row as CSV or Excel (.xlsx), the same columns in both.

Each list page names its columns once (``Column``) and ``export_response`` writes them
in the format asked for. Headers are translated into the visitor's language; values are
what the page shows, plus the page's address for each record so a spreadsheet links back.
"""
import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from apps.curation.api.views import CSV_MAX_ROWS

# As in the API: an export holds every filtered row up to this many, then says it was cut.
EXPORT_MAX_ROWS = CSV_MAX_ROWS
EXPORT_FORMATS = ("csv", "xlsx")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Column:
    header: str  # usually a lazy translation
    value: Callable[[Any], Any]


def plain_decimal(value: Decimal) -> int | Decimal:
    """A figure as people write it: ``2800.0000`` → ``2800``, ``92.5000`` → ``92.5``, never ``2.8E+3``."""
    normal = value.normalize()
    if normal == normal.to_integral_value():
        return int(normal)
    return Decimal(f"{normal:f}")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return plain_decimal(value) if value.is_finite() else str(value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, Promise):  # a lazy translation, such as a choice's label
        return str(value)
    return value


def _rows(records: Iterable, columns: list[Column]) -> Iterable[list]:
    for record in records:
        yield [_cell(column.value(record)) for column in columns]


def _csv_body(header: list[str], rows: Iterable[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    # A byte-order mark, so spreadsheet programs read the Chinese as UTF-8 (as the API's CSV does).
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx_body(header: list[str], rows: Iterable[list], *, title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31] or "Sheet1")

    def as_text(value):
        # openpyxl writes a string starting with "=" as a formula; text from web pages must stay text.
        if isinstance(value, str) and value.startswith("="):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            return cell
        return value

    sheet.append(header)
    for row in rows:
        sheet.append([as_text(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_response(records, columns: list[Column], *, export_format: str, basename: str) -> HttpResponse:
    """Every record of ``records`` (a QuerySet, filtered) up to ``EXPORT_MAX_ROWS``, as a download.

    Past the cap the response carries ``X-Rows-Truncated: true``: narrow the filters.
    """
    batch = list(records[: EXPORT_MAX_ROWS + 1])
    header = [str(column.header) for column in columns]
    rows = _rows(batch[:EXPORT_MAX_ROWS], columns)
    if export_format == "xlsx":
        response = HttpResponse(_xlsx_body(header, rows, title=basename), content_type=XLSX_CONTENT_TYPE)
    else:
        response = HttpResponse(_csv_body(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{basename}.{export_format}"'
    if len(batch) > EXPORT_MAX_ROWS:
        response["X-Rows-Truncated"] = "true"
    return response
