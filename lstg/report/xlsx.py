"""The report as an Excel workbook: one sheet per table, numbers stored as numbers.

Counts, amounts and shares are written as numbers with an Excel number format,
so that a reader can add them up or chart them. Shares are percentages, 0–100,
as in every other format, shown with a ``%`` sign.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lstg.render import format as fmt
from lstg.report.model import FIGURE_KINDS, TABLES, Report
from lstg.report.text import labels
from lstg.spreadsheets import defuse_workbook

_NUMBER_FORMATS = {
    "count": "#,##0",
    "number": "#,##0.0",
    "percent": '0.0"%"',
}
_MONEY_FORMAT = {"vi": '#,##0" đ"', "en": '#,##0" VND"'}
_BOLD = Font(bold=True)
_SHEET_NAME_LIMIT = 31


def _number_format(kind: str, language: str) -> str:
    if kind == "money":
        return _MONEY_FORMAT[language]
    return _NUMBER_FORMATS.get(kind, "General")


def _put(sheet: Worksheet, row: int, column: int, value: Any, kind: str, language: str) -> None:
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        cell.number_format = _number_format(kind, language)


def _header(sheet: Worksheet, titles: list[str]) -> None:
    for column, title in enumerate(titles, start=1):
        cell = sheet.cell(row=1, column=column, value=title)
        cell.font = _BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"


def _widths(sheet: Worksheet, first: int = 28, others: int = 16) -> None:
    for column in range(1, sheet.max_column + 1):
        sheet.column_dimensions[get_column_letter(column)].width = first if column == 1 else others


def _sheet(book: Workbook, title: str) -> Worksheet:
    sheet = book.create_sheet(title=title[:_SHEET_NAME_LIMIT])
    return sheet


def render_xlsx(report: Report) -> bytes:
    """The workbook's bytes: an information sheet, then one sheet per table."""
    language = report.lang
    words = labels(language)
    book = Workbook()
    info = book.active
    assert info is not None
    info.title = words.sheets["about"][:_SHEET_NAME_LIMIT]
    p = report.provenance
    lines: list[tuple[str, Any]] = [
        (words.about["scope"], report.scope.name.full),
        (
            words.about["period"],
            f"{fmt.short_date(report.start, language)} – {fmt.short_date(report.end, language)}",
        ),
        (words.about["as_of"], fmt.short_date(report.as_of, language)),
        (words.about["plan"], report.plan_name or ""),
        (words.about["commit"], p.commit or words.about["not_in_git"]),
        (words.about["dirty"], words.about["yes"] if p.dirty else words.about["no"]),
        (words.about["generated_at"], fmt.moment(p.generated_at, language)),
        (words.about["version"], p.lstg_version),
    ]
    for index, (key, value) in enumerate(lines, start=1):
        info.cell(row=index, column=1, value=key).font = _BOLD
        info.cell(row=index, column=2, value=value)
    _widths(info, first=30, others=60)

    for table, keys in TABLES.items():
        sheet = _sheet(book, words.sheets[table])
        _header(sheet, [words.unit_word[report.row_level], *(words.figures[k] for k in keys)])
        line = 2
        for row in report.rows:
            sheet.cell(row=line, column=1, value=row.name.full)
            for column, key in enumerate(keys, start=2):
                _put(sheet, line, column, getattr(row.figures, key), FIGURE_KINDS[key], language)
            line += 1
        sheet.cell(row=line, column=1, value=words.total).font = _BOLD
        for column, key in enumerate(keys, start=2):
            _put(sheet, line, column, getattr(report.totals, key), FIGURE_KINDS[key], language)
            sheet.cell(row=line, column=column).font = _BOLD
        _widths(sheet)

    if report.targets:
        sheet = _sheet(book, words.sheets["targets"])
        first, bound, result, verdict = words.target_columns
        _header(sheet, [first, words.operator_column, bound, words.upper_bound, result, verdict])
        for line, target in enumerate(report.targets, start=2):
            sheet.cell(row=line, column=1, value=target.label)
            sheet.cell(row=line, column=2, value=words.operators[target.operator])
            if not target.bounds:
                sheet.cell(row=line, column=3, value=target.target_text)
            else:
                _put(sheet, line, 3, target.bounds[0], target.kind, language)
            if len(target.bounds) > 1:
                _put(sheet, line, 4, target.bounds[1], target.kind, language)
            _put(sheet, line, 5, target.actual, target.kind, language)
            sheet.cell(row=line, column=6, value=words.status[target.status])
        _widths(sheet, first=50)

    if report.unit_targets:
        sheet = _sheet(book, words.sheets["unit_targets"])
        first, _bound, result, verdict = words.target_columns
        _header(sheet, [words.unit_word[report.row_level], first, result, verdict])
        for line, (unit, target) in enumerate(report.unit_target_lines, start=2):
            sheet.cell(row=line, column=1, value=unit.full)
            sheet.cell(row=line, column=2, value=target.label)
            _put(sheet, line, 3, target.actual, target.kind, language)
            sheet.cell(row=line, column=4, value=words.status[target.status])
        _widths(sheet, first=24, others=16)
        sheet.column_dimensions["B"].width = 60

    sheet = _sheet(book, words.sheets["changes"])
    _header(sheet, list(words.change_columns))
    for line, item in enumerate(report.changes, start=2):
        sheet.cell(row=line, column=1, value=words.figures[item.key])
        _put(sheet, line, 2, item.current, item.kind, language)
        _put(sheet, line, 3, item.previous, item.kind, language)
        _put(sheet, line, 4, item.delta, item.kind, language)
    _widths(sheet, first=40)

    if report.members is not None:
        sheet = _sheet(book, words.sheets["members"])
        _header(sheet, list(words.member_columns))
        for line, m in enumerate(report.members, start=2):
            values = [
                m.id,
                m.name,
                words.gender[m.gender],
                m.birth_year,
                fmt.short_date(m.joined, language),
                words.roles[m.board_role] if m.board_role else "",
                words.about["yes"] if m.borrowed else "",
            ]
            for column, value in enumerate(values, start=1):
                _put(sheet, line, column, value, "count" if column == 4 else "text", language)
            sheet.cell(row=line, column=4).number_format = "0"
        _widths(sheet, first=12, others=22)

    defuse_workbook(book)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
