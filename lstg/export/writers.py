"""Writing tables as CSV, XLSX or JSON: the same tables give the same bytes.

CSV is UTF-8 with a byte-order mark (so that Excel reads Vietnamese) and CRLF
line ends, and a text cell that a spreadsheet could run as a formula starts with
``'`` (:mod:`lstg.core.spreadsheets`); XLSX text cells are text cells, never formulas;
XLSX files carry a fixed creation and modification time, in their
properties and in their zip entries; JSON keeps the column order.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from lstg.core.spreadsheets import csv_text, defuse_workbook
from lstg.export.localize import date_text, localized, rounded
from lstg.export.tables import Table

FIXED_TIME = datetime(2000, 1, 1)
"""The creation and modification time written into every XLSX file."""


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"


def _text(value: Any, language: str = "en") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return date_text(value, language)
    return str(value)


def to_csv(tables: list[Table], language: str = "en") -> bytes:
    """CSV, UTF-8 with a byte-order mark (so that Excel reads Vietnamese); a second table,
    such as the summary of a redacted export, follows after an empty line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for index, table in enumerate(tables):
        if index:
            writer.writerow([])
        writer.writerow([csv_text(c) for c in table.columns])
        for row in table.rows:
            writer.writerow(
                [csv_text(v) if isinstance(v, str) else _text(v, language) for v in row]
            )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_json(tables: list[Table], language: str = "en") -> bytes:
    """JSON: each table by name, as a list of objects with keys in column order."""
    document = {
        table.name: [
            {
                c: (_text(v) if isinstance(v, date) else v)
                for c, v in zip(table.columns, row, strict=True)
            }
            for row in table.rows
        ]
        for table in tables
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_xlsx(tables: list[Table], language: str = "en") -> bytes:
    """XLSX, one sheet per table, dates as date cells, with fixed document times."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for table in tables:
        sheet = book.create_sheet(table.name)
        sheet.append(table.columns)
        for row in table.rows:
            sheet.append(list(row))
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, date):
                    cell.number_format = "dd/mm/yyyy"
    defuse_workbook(book)
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.properties.creator = "lstg"
    book.properties.lastModifiedBy = None
    stream = io.BytesIO()
    # Workbook.save stamps the current time as "modified"; the writer itself does not.
    ExcelWriter(book, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED)).save()
    return _fixed_zip_times(stream.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """The same archive with every member dated :data:`FIXED_TIME`, so equal data gives
    equal bytes whatever the clock says."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


WRITERS = {ExportFormat.CSV: to_csv, ExportFormat.JSON: to_json, ExportFormat.XLSX: to_xlsx}


def render(tables: list[Table], fmt: ExportFormat, language: str = "en") -> bytes:
    """The bytes of ``tables`` in format ``fmt``.

    CSV and XLSX, which people open in a spreadsheet and set beside a printed report,
    speak ``language`` (:func:`lstg.export.localize.localized`) and hold shares rounded
    as reports show them; JSON, which programs read, keeps the data's field names,
    codes, ISO dates and the shares' full value, as ``lstg report --format json`` does.
    """
    if fmt is not ExportFormat.JSON:
        tables = localized(rounded(tables), language)
    return WRITERS[fmt](tables, language)
