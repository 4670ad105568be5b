"""CSV output for every list: nested records flattened into dotted columns."""
import csv
import io

from rest_framework.renderers import BaseRenderer
from rest_framework.settings import api_settings

# Values of a list of related records share one cell, separated by this.
LIST_SEPARATOR = "; "


def flatten(record, prefix: str = "") -> dict:
    """``{"region": {"code": "320115"}}`` → ``{"region.code": "320115"}``.

    A list of scalars becomes one cell; a list of objects becomes one cell per key,
    each holding the values of every object in order.
    """
    if isinstance(record, dict):
        row = {}
        for key, value in record.items():
            row.update(flatten(value, f"{prefix}{key}."))
        return row
    column = prefix.rstrip(".")
    if isinstance(record, list):
        if all(not isinstance(item, (dict, list)) for item in record):
            return {column: LIST_SEPARATOR.join("" if item is None else str(item) for item in record)}
        columns: dict[str, list[str]] = {}
        for item in record:
            for key, value in flatten(item, prefix).items():
                columns.setdefault(key, []).append("" if value is None else str(value))
        return {key: LIST_SEPARATOR.join(values) for key, values in columns.items()}
    if record is None:
        return {column: ""}
    if isinstance(record, bool):
        return {column: "true" if record else "false"}
    return {column: record}


class CSVRenderer(BaseRenderer):
    """One row per record, columns in the order the serializer gives them.

    The body starts with a UTF-8 byte-order mark so spreadsheet programs read the
    Chinese text correctly; ``csv`` readers should open it as ``utf-8-sig``.
    """

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        records = data if isinstance(data, list) else [data]
        # DRF keeps ``?format=csv`` on every link it builds for this request; a spreadsheet
        # cell should hold the record's plain URL.
        own_format = f"?{api_settings.URL_FORMAT_OVERRIDE}={self.format}"
        rows = [
            {
                column: value.removesuffix(own_format) if isinstance(value, str) else value
                for column, value in flatten(record).items()
            }
            for record in records
        ]
        header: dict[str, None] = {}
        for row in rows:
            header.update(dict.fromkeys(row))
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(header), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
        response = (renderer_context or {}).get("response")
        view = (renderer_context or {}).get("view")
        if response is not None and view is not None and not response.exception:
            response["Content-Disposition"] = f'attachment; filename="{view.basename}.csv"'
        return ("\ufeff" + buffer.getvalue()).encode(self.charset)
