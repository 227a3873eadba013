"""Reading registers: the rows of an Excel sheet or a CSV file, with where each cell is.

Excel files are read with openpyxl (read-only, values rather than formulas); a
formula cell whose value was never computed and saved (a file written by a
program, not by Excel) is a :class:`FormulaCell`, which the import reports at its
cell rather than reading it as empty. The sheet's merged cells (a header written
once over two columns, or over two rows) are read from the sheet itself, so that
the header rows can be read as people see them (:mod:`lstg.importer.layout`).
CSV files are decoded as UTF-8 when they are valid UTF-8, else as Windows-1258
(the legacy Vietnamese code page of Excel on Windows), then normalised to NFC: the
cp1258 codec gives decomposed letters (a base letter followed by a combining
tone mark).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from lstg.core.errors import UserError
from lstg.core.i18n import _

CellRange = tuple[int, int, int, int]
"""A range of cells: first row, first column, last row, last column (1-based)."""


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
class Grid:
    """A register's sheet as it was read: every row that is not empty, and the merged cells.

    Attributes:
        sheet: the sheet's name (a CSV file's name).
        rows: (row number, cells from column A) of each row with a value.
        merges: the merged ranges of an Excel sheet.
        encoding: the text encoding of a CSV file; ``None`` for Excel.
        delimiter: the separator of a CSV file.
        widths: the width of each column of an Excel sheet, by letter, where set.
    """

    sheet: str
    rows: list[tuple[int, list[Any]]]
    merges: list[CellRange] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    widths: dict[str, float] = field(default_factory=dict)

    @property
    def is_excel(self) -> bool:
        return self.encoding is None


@dataclass(slots=True)
class Table:
    """A register's sheet: its headers by column letter and its rows below the header rows.

    Attributes:
        headers: the header of each column; a header written over several rows is
            read as one, its parts joined by ``": "`` (``Năm sinh: Nam``).
        rows: the rows below the header rows, as read.
        encoding: the text encoding of a CSV file (``utf-8`` or ``cp1258``); ``None`` for Excel.
        above: rows above the header rows (a title, the club's name), as read.
        header_number: the first header row.
        band: the header rows as read (their cells), for the rejected rows' file.
        grid: the sheet the table was read from.
    """

    sheet: str
    headers: dict[str, str]
    rows: list[Row] = field(default_factory=list)
    encoding: str | None = None
    above: list[tuple[int, list[Any]]] = field(default_factory=list)
    header_number: int = 1
    band: list[tuple[int, list[Any]]] = field(default_factory=list)
    grid: Grid | None = None

    def with_header_at(self, number: int, depth: int = 1) -> Table:
        """The same sheet read with rows ``number`` … ``number + depth - 1`` as its headers."""
        if self.grid is None:
            raise ValueError("a table made without its sheet cannot be read again")
        return table_at(self.grid, number, depth)

    def candidates(self) -> list[tuple[int, list[str]]]:
        """Rows that could start the header rows: the first rows of the sheet."""
        rows = self.grid.rows if self.grid is not None else []
        return [(n, [str(c) for c in cells if c is not None]) for n, cells in rows[:25]]


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


def _filled(rows: list[tuple[int, list[Any]]]) -> list[tuple[int, list[Any]]]:
    return [(n, cells) for n, cells in rows if any(c is not None for c in cells)]


def header_cells(grid: Grid, numbers: list[int]) -> dict[int, list[Any]]:
    """The cells of the rows ``numbers`` as people read them: a merged range shows its
    value in each of its cells, and in a CSV file a header followed by empty cells
    spans them when the row below has sub-headers there (``Năm sinh,,`` over
    ``Nam,Nữ``)."""
    by_number = dict(grid.rows)
    width = max((len(by_number.get(n, [])) for n in numbers), default=0)
    cells = {
        n: list(by_number.get(n, [])) + [None] * (width - len(by_number.get(n, [])))
        for n in numbers
    }
    wanted = set(numbers)
    for first_row, first_col, last_row, last_col in grid.merges:
        if first_row not in wanted:
            continue
        value = cells[first_row][first_col - 1] if first_col - 1 < width else None
        for n in range(first_row, last_row + 1):
            if n not in wanted:
                continue
            for c in range(first_col - 1, min(last_col, width)):
                if cells[n][c] is None:
                    cells[n][c] = value
    if not grid.merges:
        for upper, lower in pairwise(numbers):
            above, below = cells[upper], cells[lower]
            for c in range(1, width):
                spans = above[c - 1] is not None and below[c - 1] is not None
                if above[c] is None and below[c] is not None and spans:
                    above[c] = above[c - 1]
    return cells


_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")


def compose_headers(grid: Grid, numbers: list[int]) -> dict[str, str]:
    """The header of each column of the header rows ``numbers``: the parts written over
    it, from the top, joined by ``": "``; a repeated part (a header merged over two
    rows) is written once."""
    cells = header_cells(grid, numbers)
    width = max((len(c) for c in cells.values()), default=0)
    headers: dict[str, str] = {}
    for c in range(width):
        parts: list[str] = []
        for n in numbers:
            value = cells[n][c]
            if value is None or isinstance(value, FormulaCell):
                continue
            text = " ".join(str(value).split())
            if not text or (parts and parts[-1] == text) or _COLUMN_NUMBER.match(text):
                continue
            parts.append(text)
        if parts:
            headers[get_column_letter(c + 1)] = ": ".join(parts)
    return headers


def is_column_numbers(cells: list[Any]) -> bool:
    """Whether a row under the headers numbers the columns: ``(1) (2) (3)`` or ``1 2 3 …``."""
    values = [c for c in cells if c is not None]
    if len(values) < 3:
        return False
    numbers = []
    for value in values:
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        if not _COLUMN_NUMBER.match(text.strip()):
            return False
        numbers.append(int(text.strip("() ")))
    return all(b > a for a, b in pairwise(numbers))


def table_at(grid: Grid, header: int, depth: int = 1) -> Table:
    """The table whose header rows are the ``depth`` filled rows from row ``header``."""
    filled = _filled(grid.rows)
    if not filled:
        return Table(grid.sheet, {}, [], grid.encoding, grid=grid)
    at = next((i for i, (n, _c) in enumerate(filled) if n == header), 0)
    band = filled[at : at + depth]
    numbers = [n for n, _c in band]
    headers = compose_headers(grid, numbers)
    table = Table(
        grid.sheet,
        headers,
        [],
        grid.encoding,
        above=filled[:at],
        header_number=numbers[0],
        band=band,
        grid=grid,
    )
    body = filled[at + depth :]
    while body and is_column_numbers(body[0][1]):
        table.band.append(body[0])
        body = body[1:]
    for row_number, cells in body:
        values = {
            get_column_letter(i + 1): v for i, v in enumerate(cells) if v is not None and v != ""
        }
        if values:
            table.rows.append(Row(grid.sheet, row_number, values))
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


def read_csv_grid(path: Path) -> Grid:
    """Read a CSV register (``,`` ``;`` or tab separated; UTF-8 or Windows-1258)."""
    text, encoding = decode_text(path.read_bytes())
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = [(n, [_clean(c) for c in cells]) for n, cells in enumerate(reader, start=1)]
    return Grid(path.name, _filled(rows), [], encoding, delimiter)


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')
_COL = re.compile(rb"<(?:\w+:)?col\s([^>]*)>")
_ATTRIBUTE = re.compile(rb'(\w+)="([^"]*)"')


def _merges(sheet: Any) -> tuple[list[CellRange], dict[str, float]]:
    """The merged ranges and the column widths of a read-only sheet, read from its XML as
    it streams by: openpyxl reads them only when it loads the whole sheet into memory."""
    source = getattr(sheet, "_get_source", None)
    if source is None:
        return [], {}
    found: list[CellRange] = []
    widths: dict[str, float] = {}
    tail = b""
    with source() as stream:
        while True:
            chunk = stream.read(1 << 16)
            if not chunk:
                break
            data = tail + chunk
            end = 0
            if not found and len(widths) < 200:
                for match in _COL.finditer(data):
                    attributes = dict(_ATTRIBUTE.findall(match.group(1)))
                    try:
                        low, high = int(attributes[b"min"]), int(attributes[b"max"])
                        width = float(attributes[b"width"])
                    except (KeyError, ValueError):
                        continue
                    for index in range(low, min(high, low + 200) + 1):
                        widths[get_column_letter(index)] = width
            for match in _MERGE.finditer(data):
                a, r1, b, r2 = match.groups()
                found.append(
                    (
                        int(r1),
                        column_index_from_string(a.decode()),
                        int(r2),
                        column_index_from_string(b.decode()),
                    )
                )
                end = match.end()
            tail = data[max(end, len(data) - 200) :]
    return sorted(set(found)), widths


def read_xlsx_grid(path: Path, sheet: str | None = None) -> Grid:
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
        merges, widths = _merges(ws)
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
    return Grid(name, _filled(rows), merges, None, widths=widths)


def read_grid(path: Path, sheet: str | None = None) -> Grid:
    """Read a register from ``.xlsx`` or ``.csv`` as it is, without finding its headers.

    Raises:
        UserError: the file is missing, of another kind, or unreadable.
    """
    if not path.is_file():
        raise UserError(_("{path} does not exist.").format(path=path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx_grid(path, sheet)
    if suffix in (".csv", ".txt"):
        return read_csv_grid(path)
    raise UserError(
        _("{path}: registers are read from .xlsx or .csv files (save .xls as .xlsx).").format(
            path=path
        )
    )


def read_table(path: Path, sheet: str | None = None) -> Table:
    """Read a register with its first row that is not empty as its header row.

    Raises:
        UserError: the file is missing, of another kind, or unreadable.
    """
    grid = read_grid(path, sheet)
    first = grid.rows[0][0] if grid.rows else 1
    return table_at(grid, first)


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


def row_cells(row: Row) -> list[Any]:
    """The cells of ``row`` from column A, empty ones as ``None``."""
    return _cells(row.values)
