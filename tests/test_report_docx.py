"""The Word report as Nghị định 30/2020/NĐ-CP (Mẫu 1.4) lays it out, read from the .docx."""

from __future__ import annotations

from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from conftest_report import write_small_data
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from lstg.report import Request, make_report, render
from lstg.report.docx_layout import is_number

MADE = datetime(2020, 12, 1, 8, 15, tzinfo=UTC)

REPORTS = """\
bodies:
  - id: tinh
    superior: Hội Người cao tuổi Việt Nam
    body: Ban đại diện Hội Người cao tuổi tỉnh Lạng Sơn
    place: Lạng Sơn
    symbol: BC-HNCT
    to: [Trung ương Hội Người cao tuổi Việt Nam, Ủy ban nhân dân tỉnh Lạng Sơn]
    copies: [Như Kính gửi, Sở Lao động - Thương binh và Xã hội tỉnh]
    archive: VT, VP
    signer: {authority: TM. Ban đại diện, position: Trưởng ban, name: Nguyễn Văn A}
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_small_data(tmp_path_factory.mktemp("docx") / "data")
    (root / "reports.yaml").write_text(REPORTS, encoding="utf-8")
    return root


def word(root: Path, *, number: int | None = 5, signed: date | None = date(2026, 2, 5)) -> object:
    request = Request(
        "province", None, None, date(2020, 11, 30), "2016-2020", "vi", number=number, signed=signed
    )
    report = make_report(root, request, today=date(2026, 1, 15), generated_at=MADE)
    return Document(BytesIO(render(report, "docx")))


@pytest.fixture(scope="module")
def document(small: Path) -> object:
    return word(small)


def texts(cell: object) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text]  # type: ignore[attr-defined]


def test_a4_portrait_with_the_decrees_margins_then_landscape_appendices(document) -> None:
    first, *appendices = document.sections
    assert abs(first.page_width - Mm(210)) < Mm(0.1)
    assert abs(first.page_height - Mm(297)) < Mm(0.1)
    assert first.orientation == WD_ORIENT.PORTRAIT
    assert Mm(20) <= first.top_margin <= Mm(25) and Mm(20) <= first.bottom_margin <= Mm(25)
    assert Mm(30) <= first.left_margin <= Mm(35)
    assert Mm(15) <= first.right_margin <= Mm(20)
    assert len(appendices) == 4  # I–III, and IV: the districts' own targets
    for section in appendices:
        assert section.orientation == WD_ORIENT.LANDSCAPE
        assert abs(section.page_width - Mm(297)) < Mm(0.1)
        assert abs(section.page_height - Mm(210)) < Mm(0.1)
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"


def test_times_new_roman_body_of_14_pt_justified_and_indented(document) -> None:
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(qn(f"w:{k}")) for k in ("ascii", "hAnsi", "cs", "eastAsia")} == {
        "Times New Roman"
    }
    body = [p for p in document.paragraphs if p.text.startswith("Tính đến ngày 30/11/2020")]
    [results] = body
    assert results.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert Mm(10) <= results.paragraph_format.first_line_indent <= Mm(12.7)
    assert results.paragraph_format.space_after >= Pt(6)
    assert {r.font.size for r in results.runs} == {Pt(14)}


def test_the_header_is_a_borderless_table_of_two_columns(document) -> None:
    header = document.tables[0]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    left, right = header.rows[0].cells
    assert texts(left) == [
        "HỘI NGƯỜI CAO TUỔI VIỆT NAM",
        "BAN ĐẠI DIỆN HỘI NGƯỜI CAO TUỔI TỈNH LẠNG SƠN",
    ]
    superior, body = (p.runs[0] for p in left.paragraphs[:2])
    assert (superior.bold, body.bold) == (None, True)
    rule = left.paragraphs[2]
    assert rule._p.pPr.find(qn("w:pBdr")) is not None
    assert rule.paragraph_format.left_indent > 0
    nation, motto = (p.runs[0] for p in right.paragraphs[:2])
    assert (nation.text, nation.bold, nation.font.size) == (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        True,
        Pt(12),
    )
    assert (motto.text, motto.bold, motto.underline, motto.font.size) == (
        "Độc lập - Tự do - Hạnh phúc",
        True,
        True,
        Pt(13),
    )
    number, date_line = header.rows[1].cells
    assert texts(number) == ["Số: 05/BC-HNCT"]
    assert texts(date_line) == ["Lạng Sơn, ngày 05 tháng 02 năm 2026"]
    assert date_line.paragraphs[0].runs[0].italic


def test_title_subject_and_recipients(document) -> None:
    lines = [p.text for p in document.paragraphs]
    at = lines.index("BÁO CÁO")
    assert lines[at + 1].startswith("Kết quả thực hiện Đề án nhân rộng mô hình")
    assert document.paragraphs[at + 2]._p.pPr.find(qn("w:pBdr")) is not None
    assert lines[at + 3 : at + 5] == [
        "Kính gửi:\t- Trung ương Hội Người cao tuổi Việt Nam;",
        "\t- Ủy ban nhân dân tỉnh Lạng Sơn.",
    ]
    assert "I. KẾT QUẢ THỰC HIỆN" in lines
    assert "1. Câu lạc bộ và thành viên" in lines
    assert "II. ĐÁNH GIÁ THỰC HIỆN CÁC CHỈ TIÊU" in lines
    assert "III. SO VỚI KỲ TRƯỚC" in lines


def test_the_signature_block_beside_the_recipients(document) -> None:
    [block] = [t for t in document.tables if t.rows[0].cells[0].text.startswith("Nơi nhận")]
    copies, signer = block.rows[0].cells
    assert texts(copies) == [
        "Nơi nhận:",
        "- Như Kính gửi;",
        "- Sở Lao động - Thương binh và Xã hội tỉnh;",
        "- Lưu: VT, VP.",
    ]
    title = copies.paragraphs[0].runs[0]
    assert (title.bold, title.italic, title.font.size) == (True, True, Pt(12))
    assert {p.runs[0].font.size for p in copies.paragraphs[1:]} == {Pt(11)}
    assert texts(signer) == ["TM. BAN ĐẠI DIỆN", "TRƯỞNG BAN", "Nguyễn Văn A"]
    assert all(p.runs[0].bold for p in signer.paragraphs if p.text)
    assert sum(1 for p in signer.paragraphs if not p.text) >= 3


def test_without_particulars_every_block_is_there_with_dotted_blanks(tmp_path: Path) -> None:
    root = write_small_data(tmp_path / "data")
    document = word(root, number=None, signed=None)
    header = document.tables[0]
    assert texts(header.rows[0].cells[0]) == ["………………………", "………………………"]
    assert texts(header.rows[1].cells[0]) == ["Số: ……/BC-……"]
    assert texts(header.rows[1].cells[1]) == ["……, ngày …… tháng …… năm 2026"]
    lines = [p.text for p in document.paragraphs]
    assert "Kính gửi: ………………………" in lines
    [block] = [t for t in document.tables if t.rows[0].cells[0].text.startswith("Nơi nhận")]
    copies, signer = block.rows[0].cells
    assert texts(copies) == [
        "Nơi nhận:",
        "- ……;",
        "- Lưu: VT, …….",
    ]
    assert texts(signer) == ["………………………", "………………………", "………………………"]


def test_the_page_number_is_in_the_header_from_page_2(document) -> None:
    for section in document.sections:
        assert section.different_first_page_header_footer
        assert "PAGE" in "".join(t.text for t in section.header._element.iter(qn("w:instrText")))
        assert list(section.first_page_header._element.iter(qn("w:instrText"))) == []
    [number] = section.header.paragraphs
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER


def grid_tables(document) -> list[object]:
    return [t for t in document.tables if t.style is not None and t.style.name == "Table Grid"]


def test_every_tables_header_repeats_and_no_row_splits(document) -> None:
    tables = grid_tables(document)
    assert len(tables) == 6
    for table in tables:
        first, *rest = table.rows
        assert first._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None for r in rest)
        assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)


def number_width(text: str, points: float) -> float:
    """The width of a number in Times New Roman, in twips: digits are half an em, the
    separators and spaces a quarter; a sign, a letter or a percent sign at most 0.84 em
    (the percent sign's 0.833)."""
    narrow = sum(c in ".,  " for c in text)
    other = len(text) - narrow - sum(c.isdigit() for c in text)
    return (0.5 * sum(c.isdigit() for c in text) + 0.25 * narrow + 0.84 * other) * points * 20


def test_no_column_is_narrower_than_its_longest_number(document) -> None:
    checked = 0
    for table in grid_tables(document):
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
        padding = sum(int(margins.find(qn(f"w:{e}")).get(qn("w:w"))) for e in ("left", "right"))
        for row in table.rows:
            for index, cell in enumerate(row.cells):
                if not is_number(cell.text) or not cell.text.strip("–"):
                    continue
                size = max(r.font.size.pt for p in cell.paragraphs for r in p.runs)
                assert grid[index] >= number_width(cell.text, size) + padding, cell.text
                assert cell._tc.tcPr.find(qn("w:noWrap")) is not None
                checked += 1
    assert checked > 100


def test_tables_span_the_width_between_the_margins(document) -> None:
    portrait = int(Mm(210 - 30 - 15).emu / 635)
    landscape = int(Mm(297 - 30 - 15).emu / 635)
    widths = [
        sum(int(c.get(qn("w:w"))) for c in t._tbl.tblGrid.findall(qn("w:gridCol")))
        for t in grid_tables(document)
    ]
    assert all(abs(w - portrait) < 20 for w in widths[:2])
    assert all(abs(w - landscape) < 20 for w in widths[2:])


def test_names_left_numbers_right(document) -> None:
    appendix = grid_tables(document)[2]
    row = appendix.rows[1]
    assert row.cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert {c.paragraphs[0].alignment for c in row.cells[2:]} == {WD_ALIGN_PARAGRAPH.RIGHT}


def test_amounts_in_the_appendix_are_in_the_unit_of_its_unit_line(document) -> None:
    lines = [p.text for p in document.paragraphs]
    assert "Đơn vị tính: nghìn đồng" in lines
    loans = grid_tables(document)[3]
    assert [c.text for c in loans.rows[-1].cells] == [
        "", "Tổng cộng", "2", "25,0%", "2", "5.000", "3.500", "100,0%", "2.590", "700",
    ]  # fmt: skip
    cells = [c.text for t in grid_tables(document)[2:] for r in t.rows[1:] for c in r.cells]
    assert not [c for c in cells if "đ" in c.split()[-1:] or c.endswith(" đ")]


def test_appendices_say_which_report_they_belong_to(document) -> None:
    lines = [p.text for p in document.paragraphs]
    assert lines.count("(Kèm theo Báo cáo số 05/BC-HNCT ngày 05/02/2026 của Ban đại diện Hội "
                       "Người cao tuổi tỉnh Lạng Sơn)") == 4  # fmt: skip
    assert [line for line in lines if line.startswith("Phụ lục")] == [
        "Phụ lục I", "Phụ lục II", "Phụ lục III", "Phụ lục IV",
    ]  # fmt: skip


def test_the_provenance_is_a_small_note_at_the_end(document) -> None:
    paragraphs = [p for p in document.paragraphs if p.text]
    note = paragraphs[-1]
    assert note.text.startswith("Ghi chú: Nguồn số liệu: thư mục dữ liệu không nằm trong git")
    assert {r.font.size for r in note.runs} == {Pt(10)}
    signature = next(i for i, p in enumerate(paragraphs) if p.text == "Phụ lục I")
    assert not [p for p in paragraphs[:signature] if "Nguồn số liệu" in p.text]
