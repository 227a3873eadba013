"""The rows an import could not take, in the register's own layout, to correct and import.

The file has the register's title rows and header rows as they were (merged cells
too, in Excel), then the rejected rows with their cells as they were, and one more
column, *Lỗi khi nhập (lstg)*, with what is wrong in each row. An import never
reads that column (:data:`lstg.importer.mapping.REASON_HEADERS`), so the file,
once corrected, imports as it is: the rows already imported are not there, and
the corrected ones are added.

An ``.xlsx`` file is written as a workbook, anything else as CSV (UTF-8 with a
byte-order mark, the register's own separator). Text cells are never formulas
(:mod:`lstg.core.spreadsheets`).
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from lstg.core.i18n import _, current_language
from lstg.core.spreadsheets import csv_text, defuse_workbook
from lstg.importer.mapping import REASON_HEADERS
from lstg.importer.records import Rejection
from lstg.importer.tabular import FormulaCell, Row, row_cells

Rejected = list[tuple[list[Row], list[Rejection]]]


def reason_header() -> str:
    """The header of the column of reasons, in the active language."""
    return REASON_HEADERS[0] if current_language() == "vi" else REASON_HEADERS[1]


def _reasons(rows: list[Row], reasons: list[Rejection]) -> dict[int, str]:
    """The text of the column of reasons, for each row number of one rejected record."""
    out: dict[int, list[str]] = {row.number: [] for row in rows}
    for reason in reasons:
        out.setdefault(reason.row, []).append(reason.short())
    first = rows[0].number
    text: dict[int, str] = {}
    for row in rows:
        said = "; ".join(out.get(row.number, []))
        if not said and len(rows) > 1:
            said = _("(with row {row}, the same meeting)").format(row=first)
        origin = _("row {row} of the register").format(row=row.number)
        text[row.number] = f"{said} [{origin}]" if said else f"[{origin}]"
    return text


def _width(head: list[tuple[int, list[Any]]], rejected: Rejected) -> int:
    cells = [len(c) for _n, c in head] + [
        len(row_cells(row)) for rows, _r in rejected for row in rows
    ]
    return max(cells, default=0)


def rejected_file(
    path: Path,
    *,
    above: list[tuple[int, list[Any]]],
    band: list[tuple[int, list[Any]]],
    merges: list[tuple[int, int, int, int]],
    rejected: Rejected,
    delimiter: str = ",",
    widths: dict[str, float] | None = None,
    name: str = "",
) -> bytes:
    """The bytes of the file of rejected rows ``path`` (Excel if it ends ``.xlsx``), its
    sheet called ``name`` as the register's was."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _xlsx(above, band, merges, rejected, widths or {}, name)
    return _csv(above, band, rejected, delimiter)


def _fit(band: list[tuple[int, list[Any]]], rejected: Rejected, column: int) -> float:
    """A width for a column the register gave none: its longest header part or value."""
    longest = 4
    for _n, cells in band:
        if column <= len(cells) and cells[column - 1] is not None:
            longest = max(longest, min(len(str(cells[column - 1])), 24))
    for rows, _r in rejected:
        for row in rows:
            cells = row_cells(row)
            if column <= len(cells) and cells[column - 1] is not None:
                value = cells[column - 1]
                shown = 10 if isinstance(value, date | datetime) else len(str(value))
                longest = max(longest, min(shown, 40))
    return longest + 2.0


def _csv(
    above: list[tuple[int, list[Any]]],
    band: list[tuple[int, list[Any]]],
    rejected: Rejected,
    delimiter: str,
) -> bytes:
    width = _width([*above, *band], rejected)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for _n, cells in above:
        last = max((i for i, c in enumerate(cells) if c is not None), default=-1)
        writer.writerow([_text(c) for c in cells[: last + 1]])
    for index, (_n, cells) in enumerate(band):
        padded = list(cells) + [None] * (width - len(cells))
        writer.writerow([_text(c) for c in padded] + [reason_header() if index == 0 else ""])
    for rows, reasons in rejected:
        texts = _reasons(rows, reasons)
        for row in rows:
            cells = row_cells(row)
            padded = cells + [None] * (width - len(cells))
            writer.writerow([_text(c) for c in padded] + [csv_text(texts[row.number])])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return csv_text(str(value)) if isinstance(value, str) else str(value)


def _xlsx(
    above: list[tuple[int, list[Any]]],
    band: list[tuple[int, list[Any]]],
    merges: list[tuple[int, int, int, int]],
    rejected: Rejected,
    widths: dict[str, float],
    name: str,
) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = (name or _("Rejected rows"))[:31]
    width = _width([*above, *band], rejected)
    placed: dict[int, int] = {}
    at = 1
    for number, cells in [*above, *band]:
        placed[number] = at
        for column, value in enumerate(cells, start=1):
            if value is not None:
                sheet.cell(row=at, column=column, value=value)
        at += 1
    for first_row, first_col, last_row, last_col in merges:
        if first_row in placed and last_row in placed:
            top, bottom = placed[first_row], placed[last_row]
            if bottom - top == last_row - first_row:
                sheet.merge_cells(
                    start_row=top, start_column=first_col, end_row=bottom, end_column=last_col
                )
    reasons_column = width + 1
    if band:
        top = placed[band[0][0]]
        header = sheet.cell(row=top, column=reasons_column, value=reason_header())
        header.font = Font(bold=True, color="C00000")
        if len(band) > 1:
            sheet.merge_cells(
                start_row=top,
                start_column=reasons_column,
                end_row=placed[band[-1][0]],
                end_column=reasons_column,
            )
    for rows, reasons in rejected:
        texts = _reasons(rows, reasons)
        for row in rows:
            for column, value in enumerate(row_cells(row), start=1):
                if value is None:
                    continue
                if isinstance(value, FormulaCell):
                    value = str(value)
                written = sheet.cell(row=at, column=column, value=value)
                if isinstance(value, date | datetime):
                    written.number_format = "dd/mm/yyyy"
            note = sheet.cell(row=at, column=reasons_column, value=texts[row.number])
            note.alignment = Alignment(wrap_text=True, vertical="top")
            note.font = Font(color="C00000")
            at += 1
    for index in range(1, reasons_column):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = widths.get(letter) or _fit(band, rejected, index)
    sheet.column_dimensions[get_column_letter(reasons_column)].width = 60
    defuse_workbook(book)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()
