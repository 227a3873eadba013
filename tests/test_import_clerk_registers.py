"""A commune clerk's own register, as it is printed and signed: a title, headers over two
rows with merged cells, the year of birth under Nam or Nữ, a total, the signatures; poor
households without a certification column. Every bad cell in one pass; the rejected rows,
corrected, import as they are and add exactly the rows that were missing."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from conftest_edit import CLUB, make_data, run
from openpyxl import Workbook, load_workbook

from lstg.read.reader import read_yaml
from lstg.validate.run import validate

HEADERS = ["STT", "Họ và tên", "Năm sinh", None, "Dân tộc", "Hộ nghèo/cận nghèo"]
HEADERS += ["Ngày vào CLB", "Tổ", "Ghi chú"]
ROWS: list[tuple[Any, ...]] = [
    (1, "Vi   Văn  Đức", 1950, None, "Tày", "Nghèo", "01/03/2020", "to-1", None),
    (2, "Lục Thị Mai", None, 1956, "Nùng", "Cận nghèo", "01/03/2020", "to-2", None),
    (3, "Hà Văn Nam", 195, None, "Tày", None, "01/03/2020", "to-1", None),
    (4, "Triệu Thị Lý", None, 1961, "Dao", None, "31/02/2020", "to-9", None),
    (5, "Mã Thị Đào", None, 1948, "Tày", None, "01/03/2020", "to-2", None),
]


def clerk_register(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet["A1"] = "HỘI NGƯỜI CAO TUỔI XÃ QUANG LANG"
    sheet["A2"] = "DANH SÁCH THÀNH VIÊN CÂU LẠC BỘ LIÊN THẾ HỆ TỰ GIÚP NHAU"
    sheet.merge_cells("A2:I2")
    for column, header in enumerate(HEADERS, 1):
        sheet.cell(4, column, header)
    sheet.merge_cells("C4:D4")
    for letter in "ABEFGHI":
        sheet.merge_cells(f"{letter}4:{letter}5")
    sheet["C5"], sheet["D5"] = "Nam", "Nữ"
    for column in range(1, 10):
        sheet.cell(6, column, f"({column})")
    for number, row in enumerate(ROWS, 7):
        for column, value in enumerate(row, 1):
            sheet.cell(number, column, value)
    sheet["A12"] = "Tổng cộng: 5 thành viên"
    sheet["F14"] = "Quang Lang, ngày 10 tháng 01 năm 2026"
    sheet["B15"], sheet["F15"] = "NGƯỜI LẬP BIỂU", "CHỦ NHIỆM CLB"
    sheet["B16"] = "(Ký, ghi rõ họ tên)"
    sheet["B19"], sheet["F19"] = "Nông Thị Hằng", "Hoàng Thị Lan"
    book.save(path)
    return path


def windows_1258(text: str) -> bytes:
    """``text`` as Windows-1258 writes it: a letter that the code page lacks as one
    character (``ọ``, ``ự``) is its base letter (``o``, ``ư``) and a combining tone mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        for mark in marks:
            letter = unicodedata.normalize("NFC", base + mark)
            if len(letter) == 1 and _encodes(letter):
                rest = "".join(m for m in marks if m != mark)
                out += letter.encode("cp1258") + rest.encode("cp1258")
                break
        else:
            out += (base + "".join(marks)).encode("cp1258")
    return out


def _encodes(text: str) -> bool:
    try:
        text.encode("cp1258")
    except UnicodeEncodeError:
        return False
    return True


def members(root: Path) -> list[tuple[Any, ...]]:
    data = read_yaml(root / "clubs" / CLUB / "members.yaml", "members.yaml").data
    return [
        (m["id"], m["name"], m["gender"], m["birth_year"], m.get("household", "none"),
         m.get("household_certified"), str(m["joined"]), m["team"])
        for m in data
        if m["id"] >= "M004"
    ]  # fmt: skip


def test_every_bad_cell_of_every_row_in_one_pass_and_the_way_to_give_a_missing_column(
    tmp_path: Path,
) -> None:
    root = make_data(tmp_path)
    register = clerk_register(tmp_path / "so.xlsx")
    before = (root / "clubs" / CLUB / "members.yaml").read_bytes()
    code, out = run("import", "members", CLUB, str(register), "--data", str(root))
    assert code == 1
    assert out.splitlines() == [
        "Danh sách: đã đọc 5 dòng (Excel).",
        "Các cột không được nhập: STT, Ghi chú.",
        "  dòng 11: thêm M004 Mã Thị Đào",
        "  Danh sách: dòng 7: hộ nghèo hoặc cận nghèo cần có “Năm công nhận”, năm được công nhận",
        "  Danh sách: dòng 8: hộ nghèo hoặc cận nghèo cần có “Năm công nhận”, năm được công nhận",
        "  Danh sách: dòng 9, cột C (Năm sinh: Nam): “Năm sinh: Nam” là 195, nhỏ hơn mức tối "
        "thiểu cho phép là 1900",
        "  Danh sách: dòng 10, cột G (Ngày vào CLB): 31/02/2020 không phải là ngày có thật",
        "  Danh sách: dòng 10, cột H (Tổ): không có tổ “to-9” trong club.yaml",
        "Bỏ qua các dòng 12, 14, 15, 16, 19: nằm dưới danh sách (chữ ký, ghi chú) "
        "(“Tổng cộng: 5 thành viên”).",
        "Sổ không có cột “Năm công nhận”: hãy thêm cột này, hoặc cho một giá trị chung cho "
        "mọi dòng bằng --set household_certified=GIÁ_TRỊ.",
        "1 sẽ thêm, 0 đã có, 4 dòng không nhận được.",
        "Chưa ghi gì: hãy sửa các dòng trên, hoặc dùng --skip-invalid.",
    ]
    assert (root / "clubs" / CLUB / "members.yaml").read_bytes() == before


def test_set_then_corrected_rejects_add_exactly_the_missing_rows(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    register = clerk_register(tmp_path / "so.xlsx")
    rejects = tmp_path / "loi.xlsx"
    code, out = run(
        "import", "members", CLUB, str(register), "--set", "household_certified=2025",
        "--skip-invalid", "--rejected", str(rejects), "--data", str(root),
    )  # fmt: skip
    assert code == 0, out
    assert "Mọi dòng: Năm công nhận = 2025 (--set)." in out.splitlines()
    assert members(root) == [
        ("M004", "Vi Văn Đức", "male", 1950, "poor", 2025, "2020-03-01", "to-1"),
        ("M005", "Lục Thị Mai", "female", 1956, "near-poor", 2025, "2020-03-01", "to-2"),
        ("M006", "Mã Thị Đào", "female", 1948, "none", None, "2020-03-01", "to-2"),
    ]
    sheet = load_workbook(rejects).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[2][-1] == "Lỗi khi nhập (lstg)"
    assert rows[3][2:4] == ["Nam", "Nữ"]
    assert [r[1] for r in rows[5:]] == ["Hà Văn Nam", "Triệu Thị Lý"]
    assert rows[6][-1] == (
        "cột G (Ngày vào CLB): 31/02/2020 không phải là ngày có thật; "
        "cột H (Tổ): không có tổ “to-9” trong club.yaml [dòng 10 của sổ]"
    )
    corrections = {195: 1951, "31/02/2020": "28/02/2020", "to-9": "to-1"}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value in corrections:
                cell.value = corrections[cell.value]
    sheet.parent.save(tmp_path / "loi-da-sua.xlsx")
    code, out = run(
        "import", "members", CLUB, str(tmp_path / "loi-da-sua.xlsx"), "--data", str(root)
    )
    assert code == 0, out
    assert out.splitlines()[-2:] == [
        "2 sẽ thêm, 0 đã có, 0 dòng không nhận được.",
        "Đã nhập 2 thành viên từ Danh sách.",
    ]
    assert members(root)[3:] == [
        ("M007", "Hà Văn Nam", "male", 1951, "none", None, "2020-03-01", "to-1"),
        ("M008", "Triệu Thị Lý", "female", 1961, "none", None, "2020-02-28", "to-1"),
    ]
    code, out = run(
        "import", "members", CLUB, str(register), "--set", "household_certified=2025",
        "--dry-run", "--data", str(root),
    )  # fmt: skip
    assert "0 sẽ thêm, 3 đã có, 2 dòng không nhận được." in out.splitlines()
    assert [p for p in validate(root).problems if p.is_error] == []


def test_a_windows_1258_csv_with_two_header_rows_and_a_footer(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    text = (
        "DANH SÁCH THÀNH VIÊN\r\n"
        "STT,Họ và tên,Năm sinh,,Dân tộc,Ngày vào CLB,Tổ\r\n"
        ",,Nam,Nữ,,,\r\n"
        "1,Vi Văn Đức,1950,,Tày,01/03/2020,to-1\r\n"
        "2,Lục Thị Mai,,1956,Nùng,01/03/2020,to-2\r\n"
        "Tổng cộng,,,,,,\r\n"
        ",NGƯỜI LẬP BIỂU,,,CHỦ NHIỆM CLB,,\r\n"
    )
    path = tmp_path / "so.csv"
    path.write_bytes(windows_1258(text))
    assert "Lục Thị Mai".encode() not in path.read_bytes()
    code, out = run("import", "members", CLUB, str(path), "--data", str(root))
    assert code == 0, out
    assert members(root) == [
        ("M004", "Vi Văn Đức", "male", 1950, "none", None, "2020-03-01", "to-1"),
        ("M005", "Lục Thị Mai", "female", 1956, "none", None, "2020-03-01", "to-2"),
    ]


def test_a_loan_book_with_one_repayment_a_line_and_a_meeting_book_with_a_row_per_member(
    tmp_path: Path,
) -> None:
    root = make_data(tmp_path)
    book = Workbook()
    sheet = book.active
    sheet.title = "Sổ cho vay"
    sheet["A1"] = "SỔ THEO DÕI CHO VAY QUỸ TĂNG THU NHẬP"
    heads = ["STT", "Họ và tên người vay", "Số tiền vay", "Lãi suất (%/tháng)"]
    heads += ["Thời hạn (tháng)", "Ngày vay", "Mục đích vay", "Trả nợ", None, None]
    for column, header in enumerate(heads, 1):
        sheet.cell(3, column, header)
    sheet.merge_cells("H3:J3")
    for letter in "ABCDEFG":
        sheet.merge_cells(f"{letter}3:{letter}4")
    sheet["H4"], sheet["I4"], sheet["J4"] = "Ngày", "Gốc", "Lãi"
    rows = [
        (1, "Lương Văn Bình", "2.000.000", "0,5", 6, "01/06/2020", "Nuôi gà", "01/09/2020",
         "1.000.000", "30.000"),
        (None, None, None, None, None, None, None, "01/12/2020", "1.000.000", "30.000"),
        (2, "Vi Thị Hoa", "1.500.000", "0,5", 12, "15/07/2020", "Trồng hồi"),
    ]  # fmt: skip
    for number, row in enumerate(rows, 5):
        for column, value in enumerate(row, 1):
            sheet.cell(number, column, value)
    sheet["A8"], sheet["C8"] = "Tổng cộng", "3.500.000"
    sheet["B10"] = "NGƯỜI LẬP BIỂU"
    book.save(tmp_path / "vay.xlsx")
    code, out = run("import", "loans", CLUB, str(tmp_path / "vay.xlsx"), "--data", str(root))
    assert code == 0, out
    assert out.splitlines()[2:5] == [
        "  dòng 5–6: thêm L002 M002 2.000.000 đ",
        "  dòng 7: thêm L003 M003 1.500.000 đ",
        "Bỏ qua các dòng 8, 10: nằm dưới danh sách (chữ ký, ghi chú) (“Tổng cộng”).",
    ]
    loans = read_yaml(root / "clubs" / CLUB / "loans.yaml", "loans.yaml").data
    assert [(str(r["date"]), r["principal"]) for r in loans[1]["repayments"]] == [
        ("2020-09-01", 1000000),
        ("2020-12-01", 1000000),
    ]

    book = Workbook()
    sheet = book.active
    sheet.title = "Sổ sinh hoạt"
    heads = ["Ngày họp", "Nội dung sinh hoạt", "Mã TV", "Họ và tên", "Có mặt"]
    heads += ["Kiểm tra sức khỏe", None, None]
    for column, header in enumerate(heads, 1):
        sheet.cell(2, column, header)
    sheet.merge_cells("F2:H2")
    for letter in "ABCDE":
        sheet.merge_cells(f"{letter}2:{letter}3")
    sheet["F3"], sheet["G3"], sheet["H3"] = "Cân nặng", "Huyết áp", "Đường huyết"
    rows = [
        ("10/05/2020", "Chăm sóc sức khỏe; Văn hóa, văn nghệ, thể thao", "M001",
         "Hoàng Thị Lan", "x", "52,5", "130/85", "6,1"),
        (None, None, "M002", "Lương Văn Bình", "x", "61", "145/95"),
        (None, None, "M003", "Vi Thị Hoa"),
    ]  # fmt: skip
    for number, row in enumerate(rows, 4):
        for column, value in enumerate(row, 1):
            sheet.cell(number, column, value)
    sheet["D8"] = "NGƯỜI GHI SỔ"
    book.save(tmp_path / "hop.xlsx")
    code, out = run("import", "meetings", CLUB, str(tmp_path / "hop.xlsx"), "--data", str(root))
    assert code == 0, out
    assert out.splitlines()[1] == (
        "  dòng 4–6: thêm 10/05/2020: 2 người tham dự, 2 lượt kiểm tra sức khỏe"
    )
    text = (root / "clubs" / CLUB / "meetings" / "2020.yaml").read_text("utf-8")
    assert text.endswith(
        "- date: 2020-05-10\n"
        "  activities: [health, culture]\n"
        "  attendance: [M001, M002]\n"
        "  health_checks:\n"
        "    - {member: M001, weight: 52.5, bp: 130/85, glucose: 6.1}\n"
        "    - {member: M002, weight: 61, bp: 145/95}\n"
    )
    assert [p for p in validate(root).problems if p.is_error] == []
