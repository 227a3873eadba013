"""A plain document (a title, sections of paragraphs and tables) and its renderings:
text for the terminal, Markdown, HTML ready to print to PDF, and Word.

The person's data and the inventory of the impact assessment are built as such a
document once, in the user's language, and written in whichever format is asked.
Every value is escaped for the format it goes into.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field

from lstg.report.env import markdown_escape


@dataclass(slots=True)
class Table:
    """Rows of cells under a header; an empty table shows ``empty`` instead."""

    header: list[str]
    rows: list[list[str]]
    empty: str = ""


@dataclass(slots=True)
class Section:
    """A heading, then paragraphs and tables in order."""

    title: str
    parts: list[str | Table] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    """A title, lines under it (who made it, when), sections, and a closing note."""

    title: str
    subtitle: list[str]
    sections: list[Section]
    footer: list[str] = field(default_factory=list)
    language: str = "vi"


def to_text(doc: Document) -> str:
    """The document for a terminal: tables as aligned columns."""
    from tabulate import tabulate

    out = [doc.title, *doc.subtitle, ""]
    for section in doc.sections:
        out += [section.title, "-" * len(section.title)]
        for part in section.parts:
            if isinstance(part, Table):
                if part.rows:
                    out.append(tabulate(part.rows, headers=part.header, disable_numparse=True))
                else:
                    out.append(part.empty)
            else:
                out.append(part)
        out.append("")
    out += doc.footer
    return "\n".join(out).rstrip("\n") + "\n"


def _md_cell(text: str) -> str:
    return markdown_escape(text) if text else ""


def to_markdown(doc: Document) -> str:
    """The document as Markdown: one ``##`` heading per section, tables as pipe tables."""
    out = [f"# {_md_cell(doc.title)}", ""]
    out += [f"{_md_cell(line)}  " for line in doc.subtitle] + [""]
    for section in doc.sections:
        out += [f"## {_md_cell(section.title)}", ""]
        for part in section.parts:
            if isinstance(part, Table):
                if not part.rows:
                    out += [_md_cell(part.empty), ""]
                    continue
                out.append("| " + " | ".join(_md_cell(h) for h in part.header) + " |")
                out.append("|" + "|".join(" --- " for _h in part.header) + "|")
                out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in part.rows]
                out.append("")
            else:
                out += [_md_cell(part), ""]
    out += [f"*{_md_cell(line)}*" for line in doc.footer]
    return "\n".join(out).rstrip("\n") + "\n"


_STYLE = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", serif; font-size: 13pt; color: #000; }
h1 { font-size: 14pt; text-align: center; text-transform: uppercase; margin-bottom: 4pt; }
p.sub { text-align: center; font-style: italic; margin: 2pt 0; }
h2 { font-size: 13pt; margin-top: 14pt; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; font-size: 11pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { font-weight: bold; }
tr { page-break-inside: avoid; }
p.footer { font-size: 11pt; font-style: italic; margin-top: 14pt; }
"""


def to_html(doc: Document) -> str:
    """The document as a standalone HTML page, laid out to print on A4."""
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(doc.language)}"><head><meta charset="utf-8">',
        f"<title>{e(doc.title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{e(doc.title)}</h1>",
    ]
    out += [f'<p class="sub">{e(line)}</p>' for line in doc.subtitle]
    for section in doc.sections:
        out.append(f"<h2>{e(section.title)}</h2>")
        for part in section.parts:
            if isinstance(part, Table):
                if not part.rows:
                    out.append(f"<p>{e(part.empty)}</p>")
                    continue
                out.append("<table><thead><tr>")
                out += [f"<th>{e(h)}</th>" for h in part.header]
                out.append("</tr></thead><tbody>")
                for row in part.rows:
                    out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>")
                out.append("</tbody></table>")
            else:
                out.append(f"<p>{e(part)}</p>")
    out += [f'<p class="footer">{e(line)}</p>' for line in doc.footer]
    out.append("</body></html>")
    return "\n".join(out) + "\n"


_NUMBER = re.compile(r"^[\d.,%]+$")
"""A cell that holds a count, an amount or a share: set right, as in the reports."""


def to_docx(doc: Document) -> bytes:
    """The document as a Word file: A4, Times New Roman, the margins of official papers."""
    from docx import Document as WordDocument
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    word = WordDocument()
    for sec in word.sections:
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.top_margin = sec.bottom_margin = Mm(20)
        sec.left_margin, sec.right_margin = Mm(30), Mm(15)
    normal = word.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    title = word.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(doc.title.upper())
    run.bold = True
    run.font.size = Pt(14)
    for line in doc.subtitle:
        para = word.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.add_run(line).italic = True
    after_table = False
    for section in doc.sections:
        heading = word.add_paragraph()
        heading.paragraph_format.space_before = Pt(12)
        heading.paragraph_format.keep_with_next = True
        heading.add_run(section.title).bold = True
        for part in section.parts:
            if isinstance(part, Table) and part.rows:
                table = word.add_table(rows=1, cols=len(part.header))
                table.style = "Table Grid"
                for cell, text in zip(table.rows[0].cells, part.header, strict=True):
                    cell.text = ""
                    cell.paragraphs[0].add_run(text).bold = True
                for row in part.rows:
                    cells = table.add_row().cells
                    for cell, text in zip(cells, row, strict=True):
                        cell.text = text
                        if _NUMBER.match(text):
                            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
                for row in table.rows:
                    for cell in row.cells:
                        for para in cell.paragraphs:
                            for r in para.runs:
                                r.font.size = Pt(11)
                after_table = True
                continue
            para = word.add_paragraph(part.empty if isinstance(part, Table) else part)
            if after_table:
                para.paragraph_format.space_before = Pt(6)
            after_table = False
    for line in doc.footer:
        para = word.add_paragraph()
        para.add_run(line).italic = True
    word.core_properties.author = "lstg"
    stream = io.BytesIO()
    word.save(stream)
    return stream.getvalue()
