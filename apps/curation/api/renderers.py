"""CSV output for every list: nested records flattened into dotted columns."""
import csv
import io
from decimal import Decimal, InvalidOperation

from rest_framework import serializers
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


def decimal_columns(serializer, prefix: str = "") -> set[str]:
    """The dotted columns that hold a ``DecimalField``'s value (``value``, ``observations.value``)."""
    if isinstance(serializer, serializers.ListSerializer):
        serializer = serializer.child
    columns = set()
    for name, field in getattr(serializer, "fields", {}).items():
        if isinstance(field, serializers.DecimalField):
            columns.add(f"{prefix}{name}")
        elif isinstance(field, (serializers.BaseSerializer, serializers.ListSerializer)):
            columns |= decimal_columns(field, f"{prefix}{name}.")
    return columns


def plain_figure(text: str) -> str:
    """``"2800.0000"`` → ``"2800"``, ``"92.5000"`` → ``"92.5"``: as a spreadsheet reader writes figures.

    The JSON keeps DRF's fixed four places (clients parse it); the CSV is read by people.
    """
    try:
        return f"{Decimal(text).normalize():f}"
    except InvalidOperation:
        return text


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
        view = (renderer_context or {}).get("view")
        if view is not None and hasattr(view, "get_serializer"):
            figures = decimal_columns(view.get_serializer())
            for row in rows:
                for column in figures.intersection(row):
                    if row[column]:
                        row[column] = LIST_SEPARATOR.join(plain_figure(v) for v in row[column].split(LIST_SEPARATOR))
        header: dict[str, None] = {}
        for row in rows:
            header.update(dict.fromkeys(row))
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(header), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
        response = (renderer_context or {}).get("response")
        if response is not None and view is not None and not response.exception:
            response["Content-Disposition"] = f'attachment; filename="{view.basename}.csv"'
        return ("\ufeff" + buffer.getvalue()).encode(self.charset)
