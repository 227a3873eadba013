"""Building blocks of the Word templates: paragraphs, rules, borderless tables, sections.

python-docx covers paragraphs, runs and sections; the few properties it does not (a
paragraph's border, a table's borders and cell margins, a repeated header row, a page
number field, numbering that restarts in a section) are set on the XML here.
"""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, Twips

FONT = "Times New Roman"
"""The font of Nghị định 30/2020/NĐ-CP."""

A4 = (Cm(21), Cm(29.7))
MARGINS = {"top": Twips(1134), "bottom": Twips(1134), "left": Twips(1701), "right": Twips(851)}
"""Top and bottom 20 mm, left 30 mm, right 15 mm: the decree's smallest margins, which
leave the most room for the tables."""
HEADER_DISTANCE = Cm(1.0)
INDENT = Cm(1.27)
"""The first-line indent of the body's paragraphs."""

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def set_fonts(document: Any, size: int) -> None:
    """Times New Roman for every script (Latin, Vietnamese, complex, East Asian) in the
    Normal style, at ``size`` points, single-spaced with 6 pt after each paragraph."""
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(6)
    style.paragraph_format.line_spacing = 1.0
    table_style = document.styles["Table Grid"]
    table_style.paragraph_format.space_after = Pt(0)


def paragraph(
    container: Any,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float | None = None,
    align: Any = None,
    indent: bool = False,
    before: float = 0,
    after: float | None = None,
    keep: bool = False,
) -> Any:
    """A paragraph of one run at the end of ``container`` (the document or a cell)."""
    p = container.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        run.underline = underline or None
        if size is not None:
            run.font.size = Pt(size)
    fmt = p.paragraph_format
    if align is not None:
        p.alignment = align
    if indent:
        fmt.first_line_indent = INDENT
    fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if keep:
        fmt.keep_with_next = True
    return p


def tag(container: Any, text: str) -> None:
    """A paragraph holding only a docxtpl tag (``{%p if … %}``): docxtpl removes it."""
    container.add_paragraph(text)


def first_paragraph(cell: Any, text: str, **kwargs: Any) -> Any:
    """Fill the paragraph a new cell starts with, rather than adding one after it."""
    p = cell.paragraphs[0]
    p._element.getparent().remove(p._element)
    return paragraph(cell, text, **kwargs)


def rule(container: Any, *, length: Any, width: Any, before: float = 0, after: float = 6) -> None:
    """A short horizontal rule, centred in ``width``: an empty paragraph of 2 pt with a
    bottom border, indented on both sides."""
    p = paragraph(container, before=before, after=after, align=CENTER)
    side = Emu(max(0, (int(width) - int(length)) // 2))
    p.paragraph_format.left_indent = side
    p.paragraph_format.right_indent = side
    p.paragraph_format.line_spacing = Pt(2)
    pr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    pr.append(borders)
    run = p.add_run()
    run.font.size = Pt(2)


def _set_borders(table: Any, value: str) -> None:
    pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), value)
        if value != "nil":
            element.set(qn("w:sz"), "4")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    pr.append(borders)


def cell_margins(table: Any, left: int, right: int, top: int = 0, bottom: int = 0) -> None:
    """A table's cell margins, in twentieths of a point (twips)."""
    pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for edge, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(value))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    pr.append(margins)


def fixed_widths(table: Any, widths: list[Any]) -> None:
    """Column widths that Word and LibreOffice both keep: a fixed layout, the grid and
    every cell's width."""
    table.autofit = False
    pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    pr.append(layout)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def plain_table(container: Any, rows: int, widths: list[Any]) -> Any:
    """A table without borders, for the header and the signature block."""
    table = container.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_borders(table, "nil")
    cell_margins(table, 0, 0)
    fixed_widths(table, widths)
    return table


def grid_table(container: Any, rows: int, columns: int) -> Any:
    """A table with a border on every cell, its first row repeated on every page, no row
    split across pages."""
    table = container.add_table(rows=rows, cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell_margins(table, 85, 85, 20, 20)
    for index, row in enumerate(table.rows):
        pr = row._tr.get_or_add_trPr()
        pr.append(OxmlElement("w:cantSplit"))
        if index == 0:
            pr.append(OxmlElement("w:tblHeader"))
    return table


def _field_run(
    paragraph: Any,
    size: int,
    *,
    char: str | None = None,
    text: str | None = None,
    instruction: str | None = None,
) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(size)
    if char is not None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), char)
    elif instruction is not None:
        element = OxmlElement("w:instrText")
        element.set(qn("xml:space"), "preserve")
        element.text = instruction
    else:
        element = OxmlElement("w:t")
        element.text = text or ""
    run._r.append(element)


def page_number_header(section: Any, size: int) -> None:
    """The page number, centred in the top margin, on every page of ``section`` but its
    first (whose header stays empty)."""
    section.different_first_page_header_footer = True
    section.header_distance = HEADER_DISTANCE
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.alignment = CENTER
    _field_run(p, size, char="begin")
    _field_run(p, size, instruction=" PAGE ")
    _field_run(p, size, char="separate")
    _field_run(p, size, text="2")
    _field_run(p, size, char="end")
    section.first_page_header.is_linked_to_previous = False


def restart_numbering(section: Any) -> None:
    """Pages of ``section`` are numbered from 1, as an appendix is."""
    pr = section._sectPr
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    pr.append(numbering)
    title = pr.find(qn("w:titlePg"))
    if title is None:
        pr.append(OxmlElement("w:titlePg"))


def portrait(section: Any) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = A4
    for side, value in MARGINS.items():
        setattr(section, f"{side}_margin", value)


def landscape_section(document: Any) -> Any:
    """A new section on a new page, A4 landscape, the binding margin still on the left."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = A4[1], A4[0]
    for side, value in MARGINS.items():
        setattr(section, f"{side}_margin", value)
    section.header_distance = HEADER_DISTANCE
    restart_numbering(section)
    return section


def text_width(section: Any) -> int:
    """The width between the margins of ``section``, in EMU."""
    return int(section.page_width) - int(section.left_margin) - int(section.right_margin)
