"""The bundled Word templates, ``templates/report.<lang>.docx``, made with python-docx.

The templates follow Nghị định 30/2020/NĐ-CP, Phụ lục I, Mẫu 1.4 (a báo cáo): A4
portrait, Times New Roman, the header as a two-column table without borders (the
superior and issuing bodies and the number on the left, the national title, the motto
and the place and date on the right), "BÁO CÁO" and its subject over a short rule,
"Kính gửi", the body in numbered sections, then "Nơi nhận" beside the signer. The
wide tables are appendices, each on its own landscape pages, numbered on their own.

The templates are committed; users open them in Word and edit their wording, fonts
and layout. This module makes the originals again, after a change of the report
model::

    python -m lstg.report.docx_template

The templates use docxtpl's tags: ``{{ … }}`` for a value, ``{%tr for … %}`` around a
table row that repeats, ``{%p if … %}`` around paragraphs shown only sometimes.
Sentences shared with Markdown and HTML (the results paragraph, the particulars of
the document, the source line) come from ``templates/parts.<lang>.j2`` as ``text.*``.
Column widths are set when a report is written, from what its cells hold
(:mod:`lstg.report.docx_layout`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.shared import Cm, Emu

from lstg.report import docx_parts as dp
from lstg.report.docx_parts import CENTER, JUSTIFY, LEFT, RIGHT, paragraph, tag
from lstg.report.env import TEMPLATES_DIR
from lstg.report.model import FIGURE_KINDS, TABLES
from lstg.report.text import labels

BODY = 14
"""The body's size in points (the decree: 13–14)."""
TABLE = 12
"""The size of the tables' text; :mod:`lstg.report.docx_layout` makes it smaller when a
table's numbers would not fit otherwise."""

_WORDS: dict[str, dict[str, Any]] = {
    "vi": {
        "nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": "Độc lập - Tự do - Hạnh phúc",
        "title": "BÁO CÁO",
        "period": "{{ text.period_line }}",
        "results": "I. KẾT QUẢ THỰC HIỆN",
        "clubs": "1. Câu lạc bộ và thành viên",
        "clubs_more": "Số liệu của từng {{ unit_word | lower }} tại Phụ lục I.",
        "activities": "2. Hoạt động, vốn vay và quỹ",
        "activities_more": "Số liệu của từng {{ unit_word | lower }} tại Phụ lục II và "
        "Phụ lục III.",
        "targets": "II. ĐÁNH GIÁ THỰC HIỆN CÁC CHỈ TIÊU",
        "unit_targets_more": "Kết quả thực hiện các chỉ tiêu của từng {{ unit_word | lower }} "
        "tại Phụ lục IV.",
        "changes": "{{ 'III' if r.targets else 'II' }}. SO VỚI KỲ TRƯỚC",
        "changes_intro": "So với kỳ trước cùng độ dài (từ ngày {{ r.previous_start | date }} "
        "đến ngày {{ r.previous_end | date }}):",
        "annex": "Phụ lục",
        "annex_titles": {
            "clubs": "CÂU LẠC BỘ VÀ THÀNH VIÊN",
            "loans": "VỐN VAY VÀ QUỸ",
            "activities": "SINH HOẠT, CHĂM SÓC SỨC KHỎE VÀ CHĂM SÓC TẠI NHÀ",
            "unit_targets": "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA TỪNG {{ unit_word | upper }}",
            "members": "DANH SÁCH THÀNH VIÊN",
        },
        "number": "TT",
        "female": "Nữ",
        "male": "Nam",
        "yes": "Có",
        "note": "Ghi chú: ",
    },
    "en": {
        "nation": "SOCIALIST REPUBLIC OF VIETNAM",
        "motto": "Independence - Freedom - Happiness",
        "title": "REPORT",
        "period": "{{ text.period_line }}",
        "results": "I. RESULTS",
        "clubs": "1. Clubs and members",
        "clubs_more": "The figures of each {{ unit_word | lower }} are in Appendix I.",
        "activities": "2. Activities, loans and funds",
        "activities_more": "The figures of each {{ unit_word | lower }} are in Appendices II "
        "and III.",
        "targets": "II. TARGETS",
        "unit_targets_more": "The targets of each {{ unit_word | lower }} are in Appendix IV.",
        "changes": "{{ 'III' if r.targets else 'II' }}. CHANGE SINCE THE PREVIOUS PERIOD",
        "changes_intro": "Compared with the previous period of the same length "
        "({{ r.previous_start | date }} to {{ r.previous_end | date }}):",
        "annex": "Appendix",
        "annex_titles": {
            "clubs": "CLUBS AND MEMBERS",
            "loans": "LOANS AND FUNDS",
            "activities": "MEETINGS, HEALTH CHECKS AND HOME CARE",
            "unit_targets": "THE TARGETS OF EACH {{ unit_word | upper }}",
            "members": "MEMBERS",
        },
        "number": "No.",
        "female": "Female",
        "male": "Male",
        "yes": "Yes",
        "note": "Note: ",
    },
}

HEADER_LEFT = Cm(7.2)
"""The left column of the header: the bodies and the number."""


def _cell_text(cell: Any, text: str, *, bold: bool = False, align: Any = LEFT) -> None:
    dp.first_paragraph(cell, text, bold=bold, size=TABLE, align=align, after=0)


def _grid(
    doc: Any,
    header: list[str],
    repeat: str | None,
    cells: list[str],
    total: list[str] | None,
    numeric: set[int],
) -> None:
    """A bordered table: a header row repeated on every page, a row repeated for each item
    of ``repeat``, and a total row. Columns in ``numeric`` are right-aligned."""
    rows = [header]
    if repeat is not None:
        rows.append([f"{{%tr for {repeat} %}}"] + [""] * (len(header) - 1))
    rows.append(cells)
    if repeat is not None:
        rows.append(["{%tr endfor %}"] + [""] * (len(header) - 1))
    if total is not None:
        rows.append(total)
    table = dp.grid_table(doc, len(rows), len(header))
    for r, values in enumerate(rows):
        heading = r == 0
        bold = heading or (total is not None and r == len(rows) - 1)
        for c, value in enumerate(values):
            if heading:
                align = CENTER
            elif c in numeric:
                align = RIGHT
            else:
                align = LEFT
            _cell_text(table.cell(r, c), value, bold=bold, align=align)
            if heading:
                table.cell(r, c).vertical_alignment = WD_ALIGN_VERTICAL.CENTER


def _header(doc: Any, words: dict[str, Any], width: int) -> None:
    """The two-column header of Mẫu 1.4, without borders."""
    left = int(HEADER_LEFT)
    table = dp.plain_table(doc, 2, [HEADER_LEFT, Emu(width - left)])
    bodies, nation = table.cell(0, 0), table.cell(0, 1)
    dp.first_paragraph(bodies, "{{ text.doc_superior }}", size=13, align=CENTER, after=0)
    paragraph(bodies, "{{ text.doc_body }}", bold=True, size=13, align=CENTER, after=0)
    dp.rule(bodies, length=Cm(2.2), width=left, before=2, after=4)
    dp.first_paragraph(nation, words["nation"], bold=True, size=12, align=CENTER, after=0)
    paragraph(nation, words["motto"], bold=True, underline=True, size=13, align=CENTER, after=6)
    dp.first_paragraph(table.cell(1, 0), "{{ text.doc_number }}", size=13, align=CENTER, after=0)
    dp.first_paragraph(
        table.cell(1, 1), "{{ text.doc_place_date }}", italic=True, size=14, align=CENTER, after=0
    )


def _recipients(doc: Any) -> None:
    """``Kính gửi``: one body on one line, several as a list; a blank without particulars."""
    tag(doc, "{%p if r.particulars.to | length == 1 %}")
    paragraph(doc, "{{ text.doc_to_word }} {{ r.particulars.to[0] }}.", size=BODY, align=CENTER,
              before=6, after=12)  # fmt: skip
    tag(doc, "{%p elif r.particulars.to %}")
    tag(doc, "{%p for name in r.particulars.to %}")
    item = paragraph(
        doc,
        "{% if loop.first %}{{ text.doc_to_word }}{% endif %}\t- {{ name }}"
        "{{ '.' if loop.last else ';' }}",
        size=BODY,
        after=0,
    )
    item.paragraph_format.left_indent = Cm(5.5)
    item.paragraph_format.first_line_indent = Cm(-2.4)
    item.paragraph_format.tab_stops.add_tab_stop(Cm(5.5))
    tag(doc, "{%p endfor %}")
    paragraph(doc, after=6)
    tag(doc, "{%p elif not r.particulars.source %}")
    paragraph(doc, "{{ text.doc_to_word }} {{ text.long_blank }}", size=BODY, align=CENTER,
              before=6, after=12)  # fmt: skip
    tag(doc, "{%p endif %}")


def _signature(doc: Any, width: int) -> None:
    """``Nơi nhận`` on the left, the signer's block on the right."""
    left = Cm(7.5)
    table = dp.plain_table(doc, 1, [left, Emu(width - int(left))])
    copies, signer = table.cell(0, 0), table.cell(0, 1)
    dp.first_paragraph(
        copies, "{{ text.doc_recipients_word }}", bold=True, italic=True, size=12, after=0
    )
    tag(copies, "{%p for name in r.particulars.copies %}")
    paragraph(copies, "- {{ name }};", size=11, after=0)
    tag(copies, "{%p endfor %}")
    tag(copies, "{%p if not r.particulars.copies %}")
    paragraph(copies, "- {{ text.blank }};", size=11, after=0)
    tag(copies, "{%p endif %}")
    paragraph(copies, "{{ text.doc_archive }}", size=11, after=0)
    dp.first_paragraph(signer, "{{ text.doc_authority }}", bold=True, size=BODY, align=CENTER,
                       after=0)  # fmt: skip
    paragraph(signer, "{{ text.doc_position }}", bold=True, size=BODY, align=CENTER, after=0)
    for _ in range(4):
        paragraph(signer, size=BODY, after=6)
    paragraph(signer, "{{ text.doc_signer }}", bold=True, size=BODY, align=CENTER, after=0)


def _annex_title(doc: Any, number: str, title: str) -> None:
    paragraph(doc, number, bold=True, size=BODY, align=CENTER, after=0)
    paragraph(doc, title, bold=True, size=BODY, align=CENTER, after=0)
    paragraph(doc, "{{ text.annex_ref }}", italic=True, size=BODY, align=CENTER, after=6)


def _rows_table(
    doc: Any, words: dict[str, Any], names: Any, table: str, keys: tuple[str, ...]
) -> None:
    """The table of an appendix: a row per unit and a total row. Amounts of the table of
    loans and funds are in the unit of its unit line."""
    money = table == "loans"

    def value(source: str, key: str) -> str:
        kind = FIGURE_KINDS[key]
        if money and kind == "money":
            return f"{{{{ {source}.{key} | money_in(money_unit) }}}}"
        return f'{{{{ {source}.{key} | figure("{kind}") }}}}'

    header = [words["number"], "{{ unit_word }}"] + [names.figures[k] for k in keys]
    cells = ["{{ loop.index }}", "{{ row.name.full }}"] + [value("row.figures", k) for k in keys]
    total = ["", names.total] + [value("r.totals", k) for k in keys]
    numeric = {0} | set(range(2, len(header)))
    _grid(doc, header, "row in r.rows", cells, total, numeric)


def make_template(language: str, path: Path) -> None:
    """Write the Word template of ``language`` to ``path``."""
    words = _WORDS[language]
    names = labels(language)
    doc = Document()
    dp.set_fonts(doc, BODY)
    section = doc.sections[0]
    dp.portrait(section)
    dp.page_number_header(section, 13)
    width = dp.text_width(section)

    _header(doc, words, width)
    paragraph(doc, words["title"], bold=True, size=BODY, align=CENTER, before=18, after=0)
    paragraph(doc, "{{ text.subtitle }}", bold=True, size=BODY, align=CENTER, after=0)
    dp.rule(doc, length=Cm(5), width=width, before=2, after=6)
    _recipients(doc)

    def body(text: str, **kwargs: Any) -> None:
        paragraph(doc, text, size=BODY, align=JUSTIFY, indent=True, after=6, **kwargs)

    def heading(text: str) -> None:
        paragraph(doc, text, bold=True, size=BODY, align=JUSTIFY, indent=True, after=6,
                  before=6, keep=True)  # fmt: skip

    body(words["period"], italic=True)
    tag(doc, "{%p if text.completeness %}")
    body("{{ text.completeness }}", italic=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if r.no_plan %}")
    body("{{ r.no_plan }}", italic=True)
    tag(doc, "{%p endif %}")
    heading(words["results"])
    heading(words["clubs"])
    body("{{ text.results }}")
    body(words["clubs_more"])
    heading(words["activities"])
    body("{{ text.activities }}")
    body(words["activities_more"])

    tag(doc, "{%p if r.targets %}")
    heading(words["targets"])
    body("{{ text.targets_sentence }}")
    tag(doc, "{%p if text.criteria_basis %}")
    body("{{ text.criteria_basis }}")
    tag(doc, "{%p endif %}")
    _grid(
        doc,
        [words["number"], *names.target_columns],
        "target in r.targets",
        [
            "{{ loop.index }}",
            "{{ target.label }}",
            "{{ bound(target) }}",
            "{{ target.actual_text }}",
            "{{ status[target.status] }}",
        ],
        None,
        {0},
    )
    paragraph(doc, after=0)
    tag(doc, "{%p if r.unit_targets %}")
    body(words["unit_targets_more"])
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")

    heading(words["changes"])
    body(words["changes_intro"])
    _grid(
        doc,
        list(names.change_columns),
        "change in r.changes",
        [
            "{{ figures[change.key] }}",
            "{{ change.current | figure(change.kind) }}",
            "{{ change.previous | figure(change.kind) }}",
            "{{ change.delta | signed(change.kind) }}",
        ],
        None,
        {1, 2, 3},
    )
    paragraph(doc, after=0)
    tag(doc, "{%p if r.data_errors %}")
    body("{{ text.errors_warning }}", bold=True)
    tag(doc, "{%p endif %}")
    body("{{ text.doc_closing }}")
    paragraph(doc, after=0)
    _signature(doc, width)

    titles = words["annex_titles"]
    for number, (table, keys) in zip(("I", "II", "III"), TABLES.items(), strict=True):
        dp.landscape_section(doc)
        _annex_title(doc, f"{words['annex']} {number}", titles[table])
        if table == "loans":
            paragraph(doc, "{{ text.money_unit_line }}", italic=True, size=13, align=RIGHT, after=2)
        _rows_table(doc, words, names, table, keys)

    tag(doc, "{%p if r.unit_targets %}")
    dp.landscape_section(doc)
    _annex_title(doc, f"{words['annex']} IV", titles["unit_targets"])
    _grid(
        doc,
        [
            words["number"],
            "{{ unit_word }}",
            names.target_columns[0],
            names.target_columns[2],
            names.target_columns[3],
        ],
        "line in r.unit_target_lines",
        [
            "{{ loop.index }}",
            "{{ line[0].full }}",
            "{{ line[1].label }}",
            "{{ line[1].actual_text }}",
            "{{ status[line[1].status] }}",
        ],
        None,
        {0},
    )
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if r.members is not none %}")
    dp.landscape_section(doc)
    _annex_title(
        doc, f"{words['annex']} {{{{ 'V' if r.unit_targets else 'IV' }}}}", titles["members"]
    )
    _grid(
        doc,
        list(names.member_columns),
        "m in r.members",
        [
            "{{ m.id }}",
            "{{ m.name }}",
            f"{{{{ '{words['female']}' if m.gender == 'female' else '{words['male']}' }}}}",
            "{{ m.birth_year or '–' }}",
            "{{ m.joined | date }}",
            "{{ roles[m.board_role] if m.board_role else '' }}",
            f"{{{{ '{words['yes']}' if m.borrowed else '' }}}}",
        ],
        None,
        {3},
    )
    tag(doc, "{%p endif %}")

    paragraph(doc, after=0)
    paragraph(doc, words["note"] + "{{ text.source }}", italic=True, size=10, align=JUSTIFY,
              after=0)  # fmt: skip
    tag(doc, "{%p if r.provenance.dirty %}")
    paragraph(doc, "{{ text.dirty_warning }}", bold=True, size=10, align=JUSTIFY, after=0)
    tag(doc, "{%p endif %}")
    doc.core_properties.title = words["title"]
    doc.save(str(path))


def main() -> None:
    for language in ("vi", "en"):
        make_template(language, TEMPLATES_DIR / f"report.{language}.docx")


if __name__ == "__main__":
    main()
