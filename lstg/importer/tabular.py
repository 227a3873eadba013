"""Reading registers: the rows of an Excel sheet or a CSV file, with where each cell is.

Excel files are read with openpyxl (read-only, values rather than formulas); a
formula cell whose value was never computed and saved (a file written by a
program, not by Excel) is a :class:`FormulaCell`, which the import reports at its
cell rather than reading it as empty. CSV
files are decoded as UTF-8 when they are valid UTF-8, else as Windows-1258 (the
legacy Vietnamese code page of Excel on Windows), then normalised to NFC: the
cp1258 codec gives decomposed letters (a base letter followed by a combining
tone mark).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from lstg.errors import UserError
from lstg.i18n import _


@dataclass(frozen=True, slots=True)
class FormulaCell:
    """A cell holding a formula without a saved value."""

    formula: str

    def __str__(self) -> str:
        return self.formula


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a register: its sheet, its row number, and its values by column letter."""

    sheet: str
    number: int
    values: dict[str, Any]


@dataclass(slots=True)
class Table:
    """A register's sheet: its headers by column letter and its rows below the header row.

    Attributes:
        encoding: the text encoding of a CSV file (``utf-8`` or ``cp1258``); ``None`` for Excel.
        above: rows above the header row (a title, the club's name), as read.
    """

    sheet: str
    headers: dict[str, str]
    rows: list[Row] = field(default_factory=list)
    encoding: str | None = None
    above: list[tuple[int, list[Any]]] = field(default_factory=list)
    header_number: int = 1

    def with_header_at(self, number: int) -> Table:
        """The same sheet read with row ``number`` as its header row."""
        everything = [*self.above, (self.header_number, list(self._header_cells))] + [
            (row.number, _cells(row.values)) for row in self.rows
        ]
        return _table(self.sheet, everything, self.encoding, header=number)

    @property
    def _header_cells(self) -> list[Any]:
        return _cells(self.headers)

    def candidates(self) -> list[tuple[int, list[str]]]:
        """Rows that could be the header row: those above it, and the header row itself."""
        found = [(n, [str(c) for c in cells if c is not None]) for n, cells in self.above]
        found.append((self.header_number, list(self.headers.values())))
        found.extend((row.number, [str(v) for v in row.values.values()]) for row in self.rows[:10])
        return found


def _cells(values: dict[str, Any]) -> list[Any]:
    if not values:
        return []
    width = max(column_index_from_string(letter) for letter in values)
    return [values.get(get_column_letter(i + 1)) for i in range(width)]


def decode_text(raw: bytes) -> tuple[str, str]:
    """Text of a CSV file and its encoding: UTF-8 if the bytes are valid UTF-8, else cp1258."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text, encoding = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = raw.decode("cp1258", errors="replace"), "cp1258"
    return unicodedata.normalize("NFC", text), encoding


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        text = unicodedata.normalize("NFC", value).strip()
        return text if text else None
    return value


def _table(
    sheet: str, rows: list[tuple[int, list[Any]]], encoding: str | None, header: int | None = None
) -> Table:
    """A table whose header row is row ``header``, else the first row that is not empty."""
    filled = [(n, cells) for n, cells in rows if any(c is not None for c in cells)]
    if not filled:
        return Table(sheet, {}, [], encoding)
    at = next((i for i, (n, _c) in enumerate(filled) if n == header), 0)
    number, header_cells = filled[at]
    headers = {
        get_column_letter(i + 1): str(h).strip()
        for i, h in enumerate(header_cells)
        if h is not None and str(h).strip()
    }
    table = Table(sheet, headers, [], encoding, above=filled[:at], header_number=number)
    for row_number, cells in filled[at + 1 :]:
        values = {
            get_column_letter(i + 1): v for i, v in enumerate(cells) if v is not None and v != ""
        }
        if values:
            table.rows.append(Row(sheet, row_number, values))
    return table


def _delimiter(text: str) -> str:
    """The separator of a CSV text: the one of ``,`` ``;`` and tab that splits most of the
    first lines into the same, largest number of columns (a title line above does not count)."""
    sample = "\n".join(text.splitlines()[:30])
    best, best_width = ",", 1
    for delimiter in (",", ";", "\t"):
        widths = [
            len(r) for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if len(r) > 1
        ]
        if not widths:
            continue
        width = max(set(widths), key=lambda w: (widths.count(w), w))
        if width > best_width:
            best, best_width = delimiter, width
    return best


def read_csv(path: Path) -> Table:
    """Read a CSV register (``,`` ``;`` or tab separated; UTF-8 or Windows-1258)."""
    text, encoding = decode_text(path.read_bytes())
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    rows = [(n, [_clean(c) for c in cells]) for n, cells in enumerate(reader, start=1)]
    return _table(path.name, rows, encoding)


def read_xlsx(path: Path, sheet: str | None = None) -> Table:
    """Read one sheet of an Excel register (the first sheet unless ``sheet`` is given)."""
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise UserError(
            _("{path} cannot be read as an Excel file: {reason}").format(path=path, reason=exc)
        ) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise UserError(
                _("{path} has no sheet “{sheet}”; its sheets are: {names}.").format(
                    path=path, sheet=sheet, names=", ".join(book.sheetnames)
                )
            )
        name = sheet if sheet is not None else book.sheetnames[0]
        ws = book[name]
        formulas = [list(cells) for cells in ws.iter_rows(values_only=True)]
    finally:
        book.close()
    if any(_is_formula(c) for cells in formulas for c in cells):
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            values = [list(cells) for cells in book[name].iter_rows(values_only=True)]
        finally:
            book.close()
        for r, cells in enumerate(formulas):
            for c, cell in enumerate(cells):
                if not _is_formula(cell):
                    continue
                saved = values[r][c] if r < len(values) and c < len(values[r]) else None
                cells[c] = FormulaCell(str(cell)) if saved is None else saved
    rows = [(n, [_clean(c) for c in cells]) for n, cells in enumerate(formulas, start=1)]
    return _table(ws.title, rows, None)


def cell(row: Row, column: str | None) -> Any:
    """The value of ``row`` in ``column``.

    Raises:
        UserError: the cell holds a formula whose value was never saved, at its cell.
    """
    value = None if column is None else row.values.get(column)
    if isinstance(value, FormulaCell):
        raise UserError(
            _(
                "{sheet}: row {row}, column {column}: the cell holds a formula ({formula}) "
                "whose value was never saved; type the value, or open the file in Excel and "
                "save it."
            ).format(sheet=row.sheet, row=row.number, column=column, formula=value.formula[:40])
        )
    return value


def _is_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("=") and len(value) > 1


def read_table(path: Path, sheet: str | None = None) -> Table:
    """Read a register from ``.xlsx`` or ``.csv``.

    Raises:
        UserError: the file is missing, of another kind, or unreadable.
    """
    if not path.is_file():
        raise UserError(_("{path} does not exist.").format(path=path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, sheet)
    if suffix in (".csv", ".txt"):
        return read_csv(path)
    raise UserError(
        _("{path}: registers are read from .xlsx or .csv files (save .xls as .xlsx).").format(
            path=path
        )
    )
