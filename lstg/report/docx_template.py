"""The bundled Word templates, ``templates/report.<lang>.docx``, made with python-docx.

The templates are committed; users open them in Word and edit their wording,
fonts and layout. This module makes the originals again, after a change of the
report model::

    python -m lstg.report.docx_template

The templates use docxtpl's tags: ``{{ … }}`` for a value, ``{%tr for … %}``
around a table row that repeats, ``{%p if … %}`` around paragraphs shown only
sometimes. Sentences shared with Markdown and HTML (the results paragraph, the
targets sentence, the source line) come from ``templates/parts.<lang>.j2`` as
``text.*``.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from lstg.render.env import TEMPLATES_DIR
from lstg.report.model import FIGURE_KINDS, TABLES
from lstg.report.text import labels

_WORDS = {
    "vi": {
        "nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": "Độc lập - Tự do - Hạnh phúc",
        "title": "BÁO CÁO",
        "subtitle": "{{ text.subtitle }}",
        "period": "Kỳ báo cáo: từ ngày {{ r.start | date }} đến ngày {{ r.end | date }}; "
        "số liệu về câu lạc bộ và thành viên tính đến ngày {{ r.as_of | date }}."
        "{% if r.plan_name %} Chỉ tiêu đánh giá theo kế hoạch: {{ r.plan_name }}.{% endif %}",
        "results": "I. KẾT QUẢ THỰC HIỆN",
        "targets": "II. ĐÁNH GIÁ THỰC HIỆN CÁC CHỈ TIÊU",
        "changes": "{{ 'III' if r.targets else 'II' }}. SO VỚI KỲ TRƯỚC",
        "changes_intro": "So với kỳ trước cùng độ dài (từ ngày {{ r.previous_start | date }} "
        "đến ngày {{ r.previous_end | date }}):",
        "members": "DANH SÁCH THÀNH VIÊN",
        "unit_targets": "Kết quả thực hiện các chỉ tiêu của từng {{ unit_word | lower }}:",
        "female": "Nữ",
        "male": "Nam",
        "yes": "Có",
    },
    "en": {
        "nation": "SOCIALIST REPUBLIC OF VIETNAM",
        "motto": "Independence - Freedom - Happiness",
        "title": "REPORT",
        "subtitle": "{{ text.subtitle }}",
        "period": "Reporting period: {{ r.start | date }} to {{ r.end | date }}; clubs and "
        "members are counted as of {{ r.as_of | date }}."
        "{% if r.plan_name %} Targets of the plan: {{ r.plan_name }}.{% endif %}",
        "results": "I. RESULTS",
        "targets": "II. TARGETS",
        "changes": "{{ 'III' if r.targets else 'II' }}. CHANGE SINCE THE PREVIOUS PERIOD",
        "changes_intro": "Compared with the previous period of the same length "
        "({{ r.previous_start | date }} to {{ r.previous_end | date }}):",
        "members": "MEMBERS",
        "unit_targets": "The targets of each {{ unit_word | lower }}:",
        "female": "Female",
        "male": "Male",
        "yes": "Yes",
    },
}


def _paragraph(
    doc: object,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    size: int | None = None,
) -> None:
    paragraph = doc.add_paragraph()  # type: ignore[attr-defined]
    run = paragraph.add_run(text)
    run.bold = bold
    run.italic = italic
    if size is not None:
        run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align


def _table(
    doc: object, header: list[str], repeat: str | None, cells: list[str], total: list[str] | None
) -> None:
    """A Word table: a header row, a row repeated for each item of ``repeat``, a total row."""
    rows = [header]
    if repeat is not None:
        rows.append([f"{{%tr for {repeat} %}}"] + [""] * (len(header) - 1))
    rows.append(cells)
    if repeat is not None:
        rows.append(["{%tr endfor %}"] + [""] * (len(header) - 1))
    if total is not None:
        rows.append(total)
    table = doc.add_table(rows=len(rows), cols=len(header))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, values in enumerate(rows):
        bold = r == 0 or (total is not None and r == len(rows) - 1)
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(value)
            run.bold = bold
            run.font.size = Pt(9)
            if c > 0 and r > 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def make_template(language: str, path: Path) -> None:
    """Write the Word template of ``language`` to ``path``."""
    words = _WORDS[language]
    names = labels(language)
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)

    center, right, justify = (
        WD_ALIGN_PARAGRAPH.CENTER,
        WD_ALIGN_PARAGRAPH.RIGHT,
        WD_ALIGN_PARAGRAPH.JUSTIFY,
    )
    _paragraph(doc, words["nation"], bold=True, align=center)
    _paragraph(doc, words["motto"], bold=True, align=center)
    _paragraph(doc, "{{ r.scope.province }}, {{ r.as_of | long_date }}", italic=True, align=right)
    _paragraph(doc, words["title"], bold=True, align=center, size=14)
    _paragraph(doc, words["subtitle"], bold=True, align=center)
    _paragraph(doc, words["period"], italic=True, align=justify)
    _paragraph(doc, "{%p if text.completeness %}")
    _paragraph(doc, "{{ text.completeness }}", italic=True, align=justify)
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{%p if r.no_plan %}")
    _paragraph(doc, "{{ r.no_plan }}", italic=True, align=justify)
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, words["results"], bold=True)
    _paragraph(doc, "{{ text.results }}", align=justify)
    _paragraph(doc, "{{ text.activities }}", align=justify)

    for number, (table, keys) in enumerate(TABLES.items(), start=1):
        _paragraph(doc, f"{number}. {names.sheets[table]}", bold=True)
        cells = ["{{ row.name.full }}"] + [
            f'{{{{ row.figures.{key} | figure("{FIGURE_KINDS[key]}") }}}}' for key in keys
        ]
        total = [names.total] + [
            f'{{{{ r.totals.{key} | figure("{FIGURE_KINDS[key]}") }}}}' for key in keys
        ]
        header = ["{{ unit_word }}"] + [names.figures[k] for k in keys]
        _table(doc, header, "row in r.rows", cells, total)

    _paragraph(doc, "{%p if r.targets %}")
    _paragraph(doc, words["targets"], bold=True)
    _paragraph(doc, "{{ text.targets_sentence }}", align=justify)
    _paragraph(doc, "{%p if text.criteria_basis %}")
    _paragraph(doc, "{{ text.criteria_basis }}", align=justify)
    _paragraph(doc, "{%p endif %}")
    _table(
        doc,
        list(names.target_columns),
        "target in r.targets",
        [
            "{{ target.label }}",
            "{{ bound(target) }}",
            "{{ target.actual_text }}",
            "{{ status[target.status] }}",
        ],
        None,
    )
    _paragraph(doc, "{%p endif %}")

    _paragraph(doc, "{%p if r.unit_targets %}")
    _paragraph(doc, words["unit_targets"])
    _table(
        doc,
        [
            "{{ unit_word }}",
            names.target_columns[0],
            names.target_columns[2],
            names.target_columns[3],
        ],
        "line in r.unit_target_lines",
        [
            "{{ line[0].full }}",
            "{{ line[1].label }}",
            "{{ line[1].actual_text }}",
            "{{ status[line[1].status] }}",
        ],
        None,
    )
    _paragraph(doc, "{%p endif %}")

    _paragraph(doc, words["changes"], bold=True)
    _paragraph(doc, words["changes_intro"])
    _table(
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
    )

    _paragraph(doc, "{%p if r.members is not none %}")
    _paragraph(doc, words["members"], bold=True)
    _table(
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
    )
    _paragraph(doc, "{%p endif %}")

    _paragraph(doc, "{%p if r.data_errors %}")
    _paragraph(doc, "{{ text.errors_warning }}", bold=True)
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{%p if r.provenance.dirty %}")
    _paragraph(doc, "{{ text.dirty_warning }}", bold=True)
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{{ text.source }}", italic=True, size=11)
    doc.save(str(path))


def main() -> None:
    for language in ("vi", "en"):
        make_template(language, TEMPLATES_DIR / f"report.{language}.docx")


if __name__ == "__main__":
    main()
