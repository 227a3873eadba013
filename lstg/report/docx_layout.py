"""Column widths of a rendered Word report, from what its cells hold.

A template cannot know how long a report's names and numbers are: a province of 120
communes has longer names than one of 11 districts, a province's amounts have more
digits than a club's. After docxtpl has filled the template, every bordered table
(style "Table Grid") is laid out again here:

- a number (``1.050``, ``4.812.500``, ``45,8%``, ``+1,5 điểm %``) is never broken: its
  cell does not wrap, and its column is at least as wide as its longest number;
- a text column is at least as wide as its longest word, and gets the room that is
  left in proportion to its text;
- the table spans the width between the margins of its section (portrait or
  landscape); if its numbers do not fit at its font size, its text is made smaller,
  a point at a time, down to 8 pt.

Widths are measured with the advance widths of Times New Roman (the decree's font,
metrically the same as Liberation Serif), in thousandths of an em.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

_WIDTHS = {
    **dict.fromkeys("0123456789", 500),
    " ": 250, ".": 250, ",": 250, ":": 278, ";": 278, "%": 833, "-": 333, "+": 564,
    "–": 500, "—": 1000, "−": 564, "(": 333, ")": 333, "/": 278, "…": 1000, "'": 180,
    "A": 722, "B": 667, "C": 667, "D": 722, "E": 611, "F": 556, "G": 722, "H": 722,
    "I": 333, "J": 389, "K": 722, "L": 611, "M": 889, "N": 722, "O": 722, "P": 556,
    "Q": 722, "R": 667, "S": 556, "T": 611, "U": 722, "V": 722, "W": 944, "X": 722,
    "Y": 722, "Z": 611, "a": 444, "b": 500, "c": 444, "d": 500, "e": 444, "f": 333,
    "g": 500, "h": 500, "i": 278, "j": 278, "k": 500, "l": 278, "m": 778, "n": 500,
    "o": 500, "p": 500, "q": 500, "r": 333, "s": 389, "t": 278, "u": 500, "v": 500,
    "w": 722, "x": 500, "y": 500, "z": 444,
}  # fmt: skip
"""Advance widths of Times New Roman (regular), in thousandths of an em."""
_OTHER = 556
_BOLD = 1.08
"""Times New Roman Bold is about this much wider than the regular face."""
_SAFETY = 1.06
"""Room for the difference between these widths and the font a computer has."""
MIN_SIZE = 8.0
HEADING_LINES = 3
"""A header cell asks for the width of its text on this many lines, unless the whole table
fits with every header on one line."""

NUMBER = re.compile(r"^[+\-–−]?\d[\d.,]*(?:\s?(?:%|đ|VND|điểm %|pp))?$|^[–-]$")
"""A cell that holds a number (a count, an amount, a share, a change) and nothing else."""

_BASE = {"Đ": "D", "đ": "d", "Ơ": "O", "ơ": "o", "Ư": "U", "ư": "u"}


def char_width(char: str) -> int:
    """The advance width of ``char`` in thousandths of an em; a Vietnamese letter is as
    wide as its letter without marks."""
    char = _BASE.get(char, char)
    if char not in _WIDTHS:
        char = unicodedata.normalize("NFD", char)[:1] or char
    return _WIDTHS.get(char, _OTHER)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` on one line at ``size`` points, in twentieths of a point."""
    ems = sum(char_width(c) for c in text) / 1000
    return ems * size * 20 * (_BOLD if bold else 1.0) * _SAFETY


def is_number(text: str) -> bool:
    """Whether a cell holds one number and nothing else (``1.050``, ``45,8%``, ``–``)."""
    return bool(NUMBER.match(text.strip()))


@dataclass(slots=True)
class _Cell:
    element: Any
    text: str
    size: float
    bold: bool
    span: int
    heading: bool


def _cells(table: Any, default: float) -> list[list[_Cell]]:
    rows = []
    for tr in table.iter(qn("w:tr")):
        heading = tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        row = []
        for tc in tr.iter(qn("w:tc")):
            texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))]
            sizes = [int(s.get(qn("w:val"))) / 2 for s in tc.iter(qn("w:sz"))]
            bold = any(b.get(qn("w:val")) in (None, "1", "true") for b in tc.iter(qn("w:b")))
            span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            row.append(
                _Cell(
                    tc,
                    " ".join(t for t in texts if t),
                    max(sizes, default=default),
                    bold,
                    int(span.get(qn("w:val"))) if span is not None else 1,
                    heading,
                )
            )
        rows.append(row)
    return rows


def _margins(table: Any) -> int:
    """The left and right cell margins of ``table``, in twips."""
    total = 0
    for edge in ("left", "right"):
        found = table.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}/{qn('w:' + edge)}")
        total += int(found.get(qn("w:w"))) if found is not None else 108
    return total


def _needs(
    rows: list[list[_Cell]], columns: int, scale: float, padding: int, lines: int = HEADING_LINES
) -> tuple[list[float], list[float]]:
    """Each column's least width (its longest number or word) and its width on one line."""
    least = [0.0] * columns
    whole = [0.0] * columns
    for row in rows:
        for index, cell in enumerate(row[:columns]):
            if cell.span != 1 or not cell.text:
                continue
            size = cell.size * scale
            full = text_width(cell.text, size, cell.bold) + padding
            if is_number(cell.text):
                unbroken = full
            else:
                words = cell.text.split()
                unbroken = max(text_width(w, size, cell.bold) for w in words) + padding
            if cell.heading:
                # A heading wraps freely: it asks for ``lines`` lines' width, no more.
                full = max(unbroken, (full - padding) / lines + padding)
            least[index] = max(least[index], unbroken)
            whole[index] = max(whole[index], full)
    return least, whole


def _share(least: list[float], whole: list[float], room: int) -> list[int]:
    """Widths that add up to ``room``.

    When every column fits on one line, each gets its width and the spare room in
    proportion to it. Otherwise columns narrow enough to fit on one line within an even
    share of the room get their width; the others get their least width and the rest of
    the room in proportion to what each needs beyond it.
    """
    if sum(whole) <= room:
        spare = room - sum(whole)
        total = sum(whole) or 1
        return [int(w + spare * w / total) for w in whole]
    widths = list(least)
    open_ = set(range(len(least)))
    while True:
        left = room - sum(widths[i] for i in range(len(widths)) if i not in open_)
        fair = left / max(len(open_), 1)
        short = {i for i in open_ if whole[i] <= fair}
        if not short:
            break
        for i in short:
            widths[i] = whole[i]
        open_ -= short
    spare = room - sum(widths)
    wants = {i: whole[i] - least[i] for i in open_}
    total = sum(wants.values()) or 1
    for i in open_:
        widths[i] = least[i] + spare * wants[i] / total
    return [int(w) for w in widths]


def _resize(table: Any, scale: float) -> None:
    for size in table.iter(qn("w:sz")):
        size.set(
            qn("w:val"), str(max(int(MIN_SIZE * 2), round(int(size.get(qn("w:val"))) * scale)))
        )


def _set(parent: Any, name: str, **values: str) -> Any:
    element = parent.find(qn(name))
    if element is None:
        element = OxmlElement(name)
        parent.append(element)
    for key, value in values.items():
        element.set(qn(key), value)
    return element


def lay_out_table(table: Any, room: int, default: float) -> list[int]:
    """Set the widths of a bordered table that may span ``room`` twips; its widths."""
    grid = table.find(qn("w:tblGrid"))
    columns = len(grid.findall(qn("w:gridCol")))
    rows = _cells(table, default)
    padding = _margins(table)
    largest = max((c.size for row in rows for c in row), default=default)
    scale = 1.0
    least, whole = _needs(rows, columns, scale, padding)
    while sum(least) > room and largest * scale > MIN_SIZE:
        scale = (largest * scale - 1) / largest
        least, whole = _needs(rows, columns, scale, padding)
    if scale != 1.0:
        _resize(table, scale)
    _, flat = _needs(rows, columns, scale, padding, lines=1)
    if sum(flat) <= room:
        whole = flat
    widths = _share(least, whole, room) if sum(least) <= room else [int(w) for w in least]
    pr = table.find(qn("w:tblPr"))
    _set(pr, "w:tblW", **{"w:w": str(sum(widths)), "w:type": "dxa"})
    _set(pr, "w:tblLayout", **{"w:type": "fixed"})
    for gridcol, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        gridcol.set(qn("w:w"), str(width))
    for row in rows:
        start = 0
        for cell in row:
            width = sum(widths[start : start + cell.span])
            start += cell.span
            cell_pr = cell.element.find(qn("w:tcPr"))
            if cell_pr is None:
                cell_pr = OxmlElement("w:tcPr")
                cell.element.insert(0, cell_pr)
            _set(cell_pr, "w:tcW", **{"w:w": str(width), "w:type": "dxa"})
            if is_number(cell.text) and cell_pr.find(qn("w:noWrap")) is None:
                cell_pr.append(OxmlElement("w:noWrap"))
    return widths


def _room(sect_pr: Any) -> int:
    size = sect_pr.find(qn("w:pgSz"))
    margins = sect_pr.find(qn("w:pgMar"))
    return (
        int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))
    )


def tables_by_section(body: Any) -> list[tuple[Any, Any]]:
    """Each table of ``body`` with the ``w:sectPr`` of the section it is in."""
    found: list[tuple[Any, Any]] = []
    waiting: list[Any] = []
    for child in body.iterchildren():
        if child.tag == qn("w:tbl"):
            waiting.append(child)
        elif child.tag == qn("w:p"):
            sect_pr = child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
            if sect_pr is not None:
                found.extend((t, sect_pr) for t in waiting)
                waiting = []
        elif child.tag == qn("w:sectPr"):
            found.extend((t, child) for t in waiting)
            waiting = []
    return found


def lay_out(document: Any, default: float = 12.0) -> None:
    """Lay out every bordered table of ``document`` (a python-docx document)."""
    body = document.element.body
    for table, sect_pr in tables_by_section(body):
        style = table.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
        if style is None or style.get(qn("w:val")) != "TableGrid":
            continue
        lay_out_table(table, _room(sect_pr), default)
