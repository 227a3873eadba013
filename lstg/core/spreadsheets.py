"""Text cells that no spreadsheet runs: the defence against formula (CSV) injection.

A value from the data that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return would be read by Excel or LibreOffice as a formula
(``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``) when the file is opened. Following
OWASP's advice on CSV injection:

- in CSV, such a text cell is written with a leading ``'``, which spreadsheets
  show as a plain text marker and never evaluate;
- in XLSX, every text cell is written as a text cell (type ``s``, with the
  "quote prefix" style on the risky ones), never as a formula.

Numbers stay numbers: only text is touched, so a negative amount is written as
``-450000``, a number, in both formats.
"""

from __future__ import annotations

from typing import Any

RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a text cell may not begin with, as it is, in a file a spreadsheet opens."""


def is_risky(text: str) -> bool:
    """Whether a spreadsheet could take ``text`` for a formula."""
    return text.startswith(RISKY_STARTS)


def csv_text(text: str) -> str:
    """``text`` for a CSV cell: with a leading ``'`` if a spreadsheet could run it."""
    return "'" + text if is_risky(text) else text


def defuse_workbook(book: Any) -> None:
    """Make every text cell of an openpyxl workbook a text cell, never a formula.

    openpyxl stores a string that begins with ``=`` as a formula; lstg writes no
    formula, so every such cell comes from data and is turned back into text.
    """
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and (cell.data_type == "f" or is_risky(value)):
                    cell.data_type = "s"
                    cell.quotePrefix = True
