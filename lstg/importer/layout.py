"""How a register is laid out: where its header rows are, and which rows hold records.

Registers kept by clerks are made to be printed and signed: a title and the club's
name above, headers written over two rows (*Năm sinh* over *Nam* and *Nữ*, merged
cells), a row numbering the columns, then the records, then a total (*Tổng
cộng…*), the date and place, the titles of those who sign (*NGƯỜI LẬP BIỂU*,
*CHỦ NHIỆM CLB*), their signatures and names. The header rows are the one to three
rows, among the first, whose headers name the most fields; a record is a row that
fills at least two fields; rows after the last record, totals anywhere and rows
that fill no field are not records, and are reported as left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lstg.domain.vocabulary import fold
from lstg.importer.mapping import Columns, match_columns
from lstg.importer.tabular import Grid, Row, Table, compose_headers, table_at

HEADER_ROWS_SEARCHED = 25
"""How many of a sheet's first filled rows may start its header rows."""
MOST_HEADER_ROWS = 3
"""How many rows a header may be written over."""

_TOTAL = re.compile(r"^(tong|cong)( |$)")
_SIGNING = re.compile(
    r"^(nguoi (lap|ghi|ky|kiem tra)|xac nhan|chu nhiem|pho chu nhiem|thu quy|ke toan|"
    r"ban chu nhiem|truong ban|t ?m |tm |kt |ky|ky ten|ghi ro|ho ten|ubnd|uy ban|hoi nguoi cao)"
)
_DATE_LINE = re.compile(r"\bngay\b.*\bthang\b.*\bnam\b")


def find_table(grid: Grid, fields: Mapping[str, list[str]]) -> Table:
    """The table of ``grid``, read from its header rows.

    The header rows are the rows (one to :data:`MOST_HEADER_ROWS`), starting among the
    first :data:`HEADER_ROWS_SEARCHED`, whose headers match the most fields (at least
    two); fewer rows are preferred when more match no more fields. Without such rows,
    the first row that is not empty.
    """
    first = grid.rows[0][0] if grid.rows else 1
    # On equal matches, the header rows nearest the records, and the fewest: a title
    # merged over every column adds a part to each header and no field.
    best: tuple[int, int, int] = (1, 0, 0)
    numbers = [n for n, _c in grid.rows]
    for index, start in enumerate(numbers[:HEADER_ROWS_SEARCHED]):
        for depth in range(1, MOST_HEADER_ROWS + 1):
            if index + depth > len(numbers):
                break
            headers = compose_headers(grid, numbers[index : index + depth])
            count = len(match_columns(headers, fields).by_field)
            best = max(best, (count, start, -depth))
    best = (best[0], best[1], -best[2])
    if best[0] < 2:
        return table_at(grid, first)
    return table_at(grid, best[1], best[2])


@dataclass(frozen=True, slots=True)
class LeftOut:
    """Rows of a register that are not records, and why."""

    kind: str
    rows: list[Row] = field(default_factory=list)

    def first_text(self) -> str:
        for row in self.rows:
            for value in row.values.values():
                if isinstance(value, str):
                    return value
        return ""


def _texts(row: Row) -> list[str]:
    return [fold(str(v)) for v in row.values.values() if isinstance(v, str)]


def is_total(row: Row) -> bool:
    """A total or subtotal row: its first text starts *Tổng*, *Cộng*."""
    texts = _texts(row)
    return bool(texts) and bool(_TOTAL.match(texts[0]))


def is_signing(row: Row) -> bool:
    """A row of the signature block: every text in it is a signer's title, the place and
    date line, or *(Ký, ghi rõ họ tên)*."""
    texts = [t for t in _texts(row) if t]
    if not texts or len(texts) != len(row.values):
        return False
    return all(_SIGNING.match(t) or _DATE_LINE.search(t) for t in texts)


def filled_fields(row: Row, columns: Columns) -> int:
    """How many of the register's fields ``row`` fills."""
    letters = set(columns.by_field.values()) | {
        letter for group in columns.repeated.values() for letter in group
    }
    return sum(1 for letter in row.values if letter in letters)


def split_rows(table: Table, columns: Columns) -> tuple[list[Row], list[LeftOut]]:
    """The rows of ``table`` that are records, and those left out, by kind.

    A record fills at least two fields, or at least one when rows after it do. The
    list ends at its last record before the signature block (the place and date,
    the signers' titles). Left out: rows after the last record (the footer and the
    signatures, and the signers' names under them), totals, and rows that fill no
    field (a numbered empty row, a heading inside the list).
    """
    last = -1
    for index, row in enumerate(table.rows):
        if is_signing(row) and last >= 0:
            break
        if filled_fields(row, columns) >= 2 and not is_total(row) and not is_signing(row):
            last = index
    records: list[Row] = []
    totals = LeftOut("total")
    empty = LeftOut("empty")
    footer = LeftOut("footer", list(table.rows[last + 1 :]))
    for row in table.rows[: last + 1]:
        if is_total(row):
            totals.rows.append(row)
        elif filled_fields(row, columns) == 0 or is_signing(row):
            empty.rows.append(row)
        else:
            records.append(row)
    return records, [x for x in (totals, empty, footer) if x.rows]


def values_of(row: Row) -> list[Any]:
    """The values of ``row`` in column order, for messages."""
    return [row.values[k] for k in sorted(row.values, key=lambda k: (len(k), k))]
