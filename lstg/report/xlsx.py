"""The report as an Excel workbook: printable, and computable.

Every sheet starts with the issuing body, the sheet's title, the report's subject and
number, then one table with borders, its header row frozen and printed on every page,
columns as wide as their content, set to print on A4 landscape one page wide. Numbers
are stored as numbers: counts as counts, amounts in whole đồng with a thousands
format, shares as fractions (0.458) with a percent format, so that a formula on a
share gives the right result.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from lstg.core import format as fmt
from lstg.core.spreadsheets import defuse_workbook
from lstg.report.model import FIGURE_KINDS, TABLES, Report
from lstg.report.text import context, labels

_NUMBER_FORMATS = {
    "count": "#,##0",
    "number": "#,##0.0",
    "percent": "0.0%",
    "money": "#,##0",
}
_FONT = "Times New Roman"
_BOLD = Font(name=_FONT, bold=True)
_PLAIN = Font(name=_FONT)
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_SHEET_NAME_LIMIT = 31
_TOP = 6
"""The row of each table's header: the rows above hold the title and the particulars."""
_MAX_WIDTH = 45
_UNIT = {"vi": "Đơn vị tính: đồng", "en": "Unit: VND"}
_NUMBER = {"vi": "TT", "en": "No."}


def _value(value: Any, kind: str) -> Any:
    """A figure as the workbook stores it: a share as a fraction, the rest unchanged."""
    if kind == "percent" and isinstance(value, int | float):
        return value / 100
    return value


def _shown(value: Any, kind: str, language: str) -> str:
    """What a cell shows, for its column's width."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if kind == "percent":
            return fmt.percent(value * 100, language)
        return fmt.number(value, language)
    return "" if value is None else str(value)


class _Sheet:
    """One sheet: its title block, a table, and how wide its columns must be."""

    def __init__(self, book: Workbook, name: str, report: Report, parts: Any, title: str) -> None:
        self.sheet: Worksheet = book.create_sheet(title=name[:_SHEET_NAME_LIMIT])
        self.language = report.lang
        self.widths: dict[int, int] = {}
        self.sheet["A1"] = str(parts.doc_body())
        self.sheet["A1"].font = _BOLD
        self.sheet["A2"] = title
        self.sheet["A2"].font = Font(name=_FONT, bold=True, size=14)
        self.sheet["A3"] = str(parts.subtitle())
        self.sheet["A3"].font = _BOLD
        self.sheet["A4"] = str(parts.annex_ref())
        self.sheet["A4"].font = Font(name=_FONT, italic=True)

    def unit_line(self, text: str, column: int) -> None:
        cell = self.sheet.cell(row=_TOP - 1, column=column, value=text)
        cell.font = Font(name=_FONT, italic=True)
        cell.alignment = Alignment(horizontal="right")

    def header(self, titles: list[str]) -> None:
        for column, title in enumerate(titles, start=1):
            cell = self.sheet.cell(row=_TOP, column=column, value=title)
            cell.font = _BOLD
            cell.border = _BOX
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            longest = max((len(w) for w in title.split()), default=0)
            self.widths[column] = max(self.widths.get(column, 0), longest + 2, 6)
        self.sheet.freeze_panes = self.sheet.cell(row=_TOP + 1, column=min(3, len(titles)))
        self.sheet.print_title_rows = f"{_TOP}:{_TOP}"

    def row(self, line: int, values: list[tuple[Any, str]], *, bold: bool = False) -> None:
        """Row ``line`` of the table (0 is the first under the header)."""
        for column, (value, kind) in enumerate(values, start=1):
            cell = self.sheet.cell(row=_TOP + 1 + line, column=column, value=_value(value, kind))
            cell.border = _BOX
            cell.font = _BOLD if bold else _PLAIN
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if number:
                cell.number_format = _NUMBER_FORMATS.get(kind, "General")
                cell.alignment = Alignment(horizontal="right", vertical="top")
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            shown = _shown(cell.value, kind, self.language)
            self.widths[column] = max(self.widths.get(column, 0), len(shown) + 2)

    def finish(self) -> None:
        sheet = self.sheet
        lines = 1
        for column, width in self.widths.items():
            shown = min(width, _MAX_WIDTH)
            sheet.column_dimensions[get_column_letter(column)].width = shown
            title = str(sheet.cell(row=_TOP, column=column).value or "")
            lines = max(lines, _lines(title, shown - 1))
        sheet.row_dimensions[_TOP].height = 15 * lines + 3
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.print_options.horizontalCentered = True
        sheet.page_margins.left = 0.8
        sheet.page_margins.right = 0.5
        sheet.page_margins.top = 0.6
        sheet.page_margins.bottom = 0.6
        sheet.oddFooter.center.text = "&P/&N"


def _lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide."""
    count, length = 1, 0
    for word in text.split():
        if length and length + 1 + len(word) > width:
            count, length = count + 1, len(word)
        else:
            length += len(word) + (1 if length else 0)
    return count


_INFO_WIDTH = 88
"""The information sheet's two columns together, in characters: one A4 page wide."""


def _info(book: Workbook, report: Report, words: Any, parts: Any) -> None:
    info = book.active
    assert info is not None
    info.title = words.sheets["about"][:_SHEET_NAME_LIMIT]
    language = report.lang
    p = report.provenance
    lines: list[tuple[str, Any]] = [
        (words.about["scope"], report.scope.name.full),
        (
            words.about["period"],
            f"{fmt.short_date(report.start, language)} – {fmt.short_date(report.end, language)}",
        ),
        (words.about["as_of"], fmt.short_date(report.as_of, language)),
        (words.about["plan"], report.plan_name or ""),
        (words.about["document"], str(parts.doc_number())),
        (words.about["signed"], str(parts.doc_place_date())),
        (words.about["body"], report.particulars.body or ""),
        (words.about["commit"], p.commit or words.about["not_in_git"]),
        (words.about["dirty"], words.about["yes"] if p.dirty else words.about["no"]),
        (words.about["generated_at"], fmt.moment(p.generated_at, language)),
        (words.about["version"], p.lstg_version),
    ]
    if report.notice:
        banner = info.cell(row=1, column=1, value=report.notice)
        banner.font = Font(bold=True, color="C00000")
        banner.alignment = Alignment(wrap_text=True, vertical="top")
        info.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2)
        info.row_dimensions[1].height = 15 * _lines(report.notice, _INFO_WIDTH - 2) + 3
    for index, (key, value) in enumerate(lines, start=2 if report.notice else 1):
        info.cell(row=index, column=1, value=key).font = _BOLD
        cell = info.cell(row=index, column=2, value=value)
        cell.font = _PLAIN
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        key_cell = info.cell(row=index, column=1)
        key_cell.alignment = Alignment(vertical="top")
        info.row_dimensions[index].height = 15 * _lines(str(value), _INFO_WIDTH - 32 - 1) + 3
    info.column_dimensions["A"].width = 32
    info.column_dimensions["B"].width = _INFO_WIDTH - 32
    # One portrait page: the labels and their values side by side.
    info.page_setup.paperSize = info.PAPERSIZE_A4
    info.page_setup.orientation = info.ORIENTATION_PORTRAIT
    info.page_setup.fitToWidth = 1
    info.page_setup.fitToHeight = 0
    info.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    info.page_margins.left = 0.8
    info.page_margins.right = 0.5


def render_xlsx(report: Report) -> bytes:
    """The workbook's bytes: an information sheet, then one sheet per table."""
    language = report.lang
    words = labels(language)
    parts = _parts(report)
    book = Workbook()
    _info(book, report, words, parts)
    number = _NUMBER[language]

    for table, keys in TABLES.items():
        sheet = _Sheet(book, words.sheets[table], report, parts, words.sheets[table].upper())
        unit = report.unit_words[report.row_level]
        sheet.header([number, unit, *(words.figures[k] for k in keys)])
        if any(FIGURE_KINDS[k] == "money" for k in keys):
            sheet.unit_line(_UNIT[language], len(keys) + 2)
        for line, row in enumerate(report.rows):
            values = [(getattr(row.figures, k), FIGURE_KINDS[k]) for k in keys]
            sheet.row(line, [(line + 1, "count"), (row.name.full, "text"), *values])
        totals = [(getattr(report.totals, k), FIGURE_KINDS[k]) for k in keys]
        sheet.row(len(report.rows), [(None, "text"), (words.total, "text"), *totals], bold=True)
        sheet.finish()

    if report.targets:
        sheet = _Sheet(
            book, words.sheets["targets"], report, parts, words.sheets["targets"].upper()
        )
        first, bound, result, verdict = words.target_columns
        sheet.header(
            [number, first, words.operator_column, bound, words.upper_bound, result, verdict]
        )
        for line, target in enumerate(report.targets):
            kind = target.kind
            low: tuple[Any, str] = (
                (target.bounds[0], kind) if target.bounds else (target.target_text, "text")
            )
            high = (target.bounds[1], kind) if len(target.bounds) > 1 else (None, "text")
            sheet.row(
                line,
                [
                    (line + 1, "count"),
                    (target.label, "text"),
                    (words.operators[target.operator], "text"),
                    low,
                    high,
                    (target.actual, kind),
                    (words.status[target.status], "text"),
                ],
            )
        sheet.finish()

    if report.unit_targets:
        name = words.sheets["unit_targets"]
        sheet = _Sheet(book, name, report, parts, name.upper())
        first, _bound, result, verdict = words.target_columns
        sheet.header([number, words.unit_word[report.row_level], first, result, verdict])
        for line, (unit_name, target) in enumerate(report.unit_target_lines):
            sheet.row(
                line,
                [
                    (line + 1, "count"),
                    (unit_name.full, "text"),
                    (target.label, "text"),
                    (target.actual, target.kind),
                    (words.status[target.status], "text"),
                ],
            )
        sheet.finish()

    sheet = _Sheet(book, words.sheets["changes"], report, parts, words.sheets["changes"].upper())
    sheet.header(list(words.change_columns))
    for line, item in enumerate(report.changes):
        sheet.row(
            line,
            [
                (words.figures[item.key], "text"),
                (item.current, item.kind),
                (item.previous, item.kind),
                (item.delta, item.kind),
            ],
        )
    sheet.finish()

    if report.members is not None:
        sheet = _Sheet(
            book, words.sheets["members"], report, parts, words.sheets["members"].upper()
        )
        sheet.header(list(words.member_columns))
        for line, m in enumerate(report.members):
            sheet.row(
                line,
                [
                    (m.id, "text"),
                    (m.name, "text"),
                    (words.gender[m.gender], "text"),
                    (m.birth_year, "year"),
                    (fmt.short_date(m.joined, language), "text"),
                    (words.roles[m.board_role] if m.board_role else "", "text"),
                    (words.about["yes"] if m.borrowed else "", "text"),
                ],
            )
        sheet.finish()

    defuse_workbook(book)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _parts(report: Report) -> Any:
    """The sentences of ``parts.<lang>.j2`` for this report (title, number, particulars)."""
    from lstg.report.env import environment

    return environment().get_template(f"parts.{report.lang}.j2").make_module(context(report))
