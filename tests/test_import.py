"""Importing registers: Excel and CSV (UTF-8 or Windows-1258), Vietnamese headers and values."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

from conftest_edit import CLUB, MEMBERS, make_data, run
from openpyxl import Workbook

from lstg.read.reader import read_yaml
from lstg.validate.run import validate

FOLDER = f"clubs/{CLUB}"
HEADERS = [
    "STT",
    "HỌ VÀ TÊN",
    "Giới tính",
    "Năm sinh",
    "Dân tộc",
    "Hộ nghèo/cận nghèo",
    "Năm  công nhận",
    "Sống một mình",
    "Ngày vào CLB",
    "Tổ",
    "Tình nguyện viên CSTN",
]
ROWS: list[list[Any]] = [
    [
        1,
        "Đinh Thị Mận",
        "Nữ",
        1952,
        "Tày",
        "Cận nghèo",
        2023,
        "Có",
        datetime(2020, 3, 1),
        "Tổ 1",
        "x",
    ],
    [2, "Hà Văn Khởi", "Nam", 1948, "Nùng", "Không", None, "Không", "15/03/2020", "Tổ 2", None],
    [3, "Lộc Thị Yến", "Nữ", 1987, "Kinh", None, None, None, datetime(2021, 5, 20), "to-1", None],
]


def register(path: Path, rows: list[list[Any]] = ROWS, title: bool = True) -> Path:
    """An Excel register as clubs keep them: a title row, then headers, then one row each."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Danh sách"
    if title:
        sheet.append(["DANH SÁCH THÀNH VIÊN CLB LIÊN THẾ HỆ TỰ GIÚP NHAU XÃ QUANG LANG"])
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def members(root: Path, club: str = CLUB) -> Any:
    return read_yaml(root / "clubs" / club / "members.yaml", "members.yaml").data


def errors(root: Path) -> list[str]:
    return [f"{p.file}:{p.line} {p.code}" for p in validate(root).problems if p.is_error]


def test_an_excel_register_is_imported(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    code, out = run(
        "import",
        "members",
        CLUB,
        str(register(tmp_path / "tv.xlsx")),
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 0
    assert out.splitlines() == [
        "Danh sách: 3 rows read (Excel).",
        "Columns not imported: STT.",
        "  row 3: add M004 Đinh Thị Mận",
        "  row 4: add M005 Hà Văn Khởi",
        "  row 5: add M006 Lộc Thị Yến",
        "3 to add, 0 already there, 0 rows that cannot be taken.",
        "Imported 3 members from Danh sách.",
    ]
    text = (root / FOLDER / "members.yaml").read_text("utf-8")
    assert text == MEMBERS + (
        "\n- id: M004\n  name: Đinh Thị Mận\n  gender: female\n  birth_year: 1952\n"
        "  ethnicity: Tày\n  household: near-poor\n  household_certified: 2023\n"
        "  living_alone: true\n  joined: 2020-03-01\n  team: to-1\n  home_care_volunteer: true\n"
        "\n- id: M005\n  name: Hà Văn Khởi\n  gender: male\n  birth_year: 1948\n"
        "  ethnicity: Nùng\n  joined: 2020-03-15\n  team: to-2\n"
        "\n- id: M006\n  name: Lộc Thị Yến\n  gender: female\n  birth_year: 1987\n"
        "  ethnicity: Kinh\n  joined: 2021-05-20\n  team: to-1\n"
    )
    assert errors(root) == []


def test_importing_the_same_register_twice_adds_nothing(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    path = register(tmp_path / "tv.xlsx")
    assert run("import", "members", CLUB, str(path), "--data", str(root), "--lang", "en")[0] == 0
    before = (root / FOLDER / "members.yaml").read_bytes()
    code, out = run("import", "members", CLUB, str(path), "--data", str(root), "--lang", "en")
    assert code == 0
    assert out.splitlines()[-3:] == [
        "  row 5: already there (M006)",
        "0 to add, 3 already there, 0 rows that cannot be taken.",
        "Nothing to add.",
    ]
    assert (root / FOLDER / "members.yaml").read_bytes() == before


def test_a_bad_row_is_named_by_row_and_column_and_nothing_is_written(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    rows = [
        *ROWS[:1],
        [2, "Hà Văn Khởi", "X", 1948, "Nùng", None, None, None, "31/02/2020", "Tổ 9"],
    ]
    before = (root / FOLDER / "members.yaml").read_bytes()
    code, out = run(
        "import",
        "members",
        CLUB,
        str(register(tmp_path / "tv.xlsx", rows)),
        "--dry-run",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 1
    assert out.splitlines() == [
        "Danh sách: 2 rows read (Excel).",
        "Columns not imported: STT.",
        "  row 3: add M004 Đinh Thị Mận",
        "  Danh sách: row 4, column C (Giới tính): “X” is not a gender; write Nam or Nữ "
        "(male or female)",
        "  Danh sách: row 4, column I (Ngày vào CLB): 31/02/2020 is not a date that exists",
        "  Danh sách: row 4, column J (Tổ): no team “Tổ 9” in club.yaml",
        "1 to add, 0 already there, 1 rows that cannot be taken.",
        "Nothing was written: correct the rows above, or use --skip-invalid.",
    ]
    code, _out = run(
        "import", "members", CLUB, str(tmp_path / "tv.xlsx"), "--data", str(root), "--lang", "en"
    )
    assert code == 1
    assert (root / FOLDER / "members.yaml").read_bytes() == before


def test_skip_invalid_writes_the_good_rows_and_saves_the_others(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    rows = [*ROWS[:1], [2, "Hà Văn Khởi", "X", 1948, "Nùng", None, None, None, "15/03/2020"]]
    rejected = tmp_path / "rejected.csv"
    code, out = run(
        "import",
        "members",
        CLUB,
        str(register(tmp_path / "tv.xlsx", rows)),
        "--skip-invalid",
        "--rejected",
        str(rejected),
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 0
    assert out.splitlines()[-2:] == [
        f"Saved 1 rejected rows to {rejected}, in the register's layout: correct them there "
        "and import that file.",
        "Imported 1 member from Danh sách.",
    ]
    assert [m["name"] for m in members(root)][-1] == "Đinh Thị Mận"
    assert rejected.read_text("utf-8-sig").splitlines() == [
        "DANH SÁCH THÀNH VIÊN CLB LIÊN THẾ HỆ TỰ GIÚP NHAU XÃ QUANG LANG",
        ",".join([*HEADERS, "Import problems (lstg)"]),
        "2,Hà Văn Khởi,X,1948,Nùng,,,,15/03/2020,,,"
        "column C (Giới tính): “X” is not a gender; write Nam or Nữ (male or female) "
        "[row 4 of the register]",
    ]
    corrected = rejected.read_text("utf-8-sig").replace(",X,", ",Nam,")
    rejected.write_text(corrected, "utf-8-sig")
    code, out = run("import", "members", CLUB, str(rejected), "--data", str(root), "--lang", "en")
    assert (code, out.splitlines()[2:4]) == (
        0,
        [
            "  row 3: add M005 Hà Văn Khởi",
            "1 to add, 0 already there, 0 rows that cannot be taken.",
        ],
    )
    assert errors(root) == []


def to_cp1258(text: str) -> bytes:
    """Text as Excel on Vietnamese Windows saves it: base letters with their hats and horns
    precomposed, tone marks as separate combining characters."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out.append(base + "".join(c for c in decomposed if c in tones))
    return "".join(out).encode("cp1258")


def test_a_windows_1258_csv_imports_with_correct_vietnamese(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    csv_text = (
        "Họ và tên;Giới tính;Ngày sinh;Dân tộc;Ngày vào CLB;Khuyết tật\r\n"
        "Nguyễn Thị Hường;Nữ;12/05/1956;Tày;01/03/2025;Có\r\n"
        "Dương Văn Đức;Nam;03/11/1950;Nùng;01/03/2025;Không\r\n"
    )
    path = tmp_path / "tv.csv"
    path.write_bytes(to_cp1258(csv_text))
    try:
        path.read_bytes().decode("utf-8")
        raise AssertionError("the register should not be valid UTF-8")
    except UnicodeDecodeError:
        pass
    code, out = run("import", "members", CLUB, str(path), "--data", str(root), "--lang", "en")
    assert code == 0
    assert out.splitlines()[0] == "tv.csv: 2 rows read (cp1258)."
    added = members(root)[-2:]
    assert [(m["name"], m["ethnicity"], m["birth_date"]) for m in added] == [
        ("Nguyễn Thị Hường", "Tày", "1956-05-12"),
        ("Dương Văn Đức", "Nùng", "1950-11-03"),
    ]
    text = (root / FOLDER / "members.yaml").read_text("utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert errors(root) == []


def test_round_trip_import_export_import_gives_identical_data(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    for club in ("chi-lang-a", "chi-lang-b"):
        code, _out = run(
            "club",
            "new",
            club,
            "--name",
            f"CLB {club}",
            "--commune",
            "06226",
            "--founded",
            "2019-03-01",
            "--data",
            str(root),
            "--lang",
            "en",
        )
        assert code == 0
        club_yaml = root / "clubs" / club / "club.yaml"
        club_yaml.write_text(
            club_yaml.read_text("utf-8")
            + "teams:\n  - {id: to-1, name: Tổ 1}\n  - {id: to-2, name: Tổ 2}\n",
            "utf-8",
        )
    path = register(tmp_path / "tv.xlsx")
    assert run("import", "members", "chi-lang-a", str(path), "--data", str(root))[0] == 0
    exported = tmp_path / "export.xlsx"
    code, _out = run(
        "export",
        "members",
        "--club",
        "chi-lang-a",
        "--format",
        "xlsx",
        "-o",
        str(exported),
        "--data",
        str(root),
    )
    assert code == 0
    assert run("import", "members", "chi-lang-b", str(exported), "--data", str(root))[0] == 0
    assert members(root, "chi-lang-b") == members(root, "chi-lang-a")
    assert len(members(root, "chi-lang-b")) == 3
    again = run(
        "import", "members", "chi-lang-a", str(exported), "--data", str(root), "--lang", "en"
    )
    assert again[1].splitlines()[-2] == "0 to add, 3 already there, 0 rows that cannot be taken."
    assert errors(root) == []


def test_loans_by_borrower_name_and_meetings_by_date(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    loans = tmp_path / "vay.csv"
    loans.write_text(
        "Họ và tên,Số tiền vay,Lãi suất (%/tháng),Thời hạn (tháng),Ngày vay,Mục đích\n"
        'Vi Thị Hoa,"2.000.000","0,5",12,10/01/2020,Nuôi gà\n',
        "utf-8",
    )
    code, out = run("import", "loans", CLUB, str(loans), "--data", str(root), "--lang", "en")
    assert code == 0, out
    assert "  row 2: add L002 M003 2,000,000 VND" in out.splitlines()
    meetings = tmp_path / "hop.csv"
    meetings.write_text(
        "Ngày họp,Loại,Nội dung,Thành viên dự\n"
        '15/03/2020,Thường kỳ,"Chăm sóc sức khỏe, Văn hóa văn nghệ","M001, M003"\n'
        "15/01/2020,,Sức khỏe,M001\n",
        "utf-8",
    )
    code, out = run("import", "meetings", CLUB, str(meetings), "--data", str(root), "--lang", "en")
    assert code == 0, out
    assert out.splitlines()[-3:] == [
        "  row 3: already there (2020-01-15)",
        "1 to add, 1 already there, 0 rows that cannot be taken.",
        "Imported 1 meeting from hop.csv.",
    ]
    text = (root / FOLDER / "meetings" / "2020.yaml").read_text("utf-8")
    assert (
        "- date: 2020-03-15\n  activities: [health, culture]\n  attendance: [M001, M003]\n" in text
    )
    assert errors(root) == []


def test_a_mapping_file_teaches_new_headers(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "name: [Tên hội viên]\ngender: [Phái]\nbirth_year: [Sinh năm]\njoined: [Vào hội]\n", "utf-8"
    )
    path = tmp_path / "tv.csv"
    path.write_text("Tên hội viên,Phái,Sinh năm,Vào hội\nLăng Thị Bé,nữ,1949,2025-01-05\n", "utf-8")
    code, out = run(
        "import",
        "members",
        CLUB,
        str(path),
        "--mapping",
        str(mapping),
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 0, out
    assert members(root)[-1] == {
        "id": "M004",
        "name": "Lăng Thị Bé",
        "gender": "female",
        "birth_year": 1949,
        "joined": "2025-01-05",
    }


def test_rows_of_other_clubs_in_a_province_export_are_left_out(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    run(
        "club",
        "new",
        "chi-lang-a",
        "--name",
        "CLB A",
        "--commune",
        "06226",
        "--founded",
        "2019-03-01",
        "--data",
        str(root),
    )
    run(
        "member",
        "add",
        "chi-lang-a",
        "--name",
        "Lý Văn Tú",
        "--gender",
        "nam",
        "--birth-year",
        "1950",
        "--joined",
        "2019-03-01",
        "--data",
        str(root),
    )
    exported = tmp_path / "province.csv"
    assert run("export", "members", "--province", "-o", str(exported), "--data", str(root))[0] == 0
    code, out = run("import", "members", CLUB, str(exported), "--data", str(root), "--lang", "en")
    assert code == 0
    assert out.splitlines()[-3:] == [
        "1 rows of other clubs (column “club”) left out.",
        "0 to add, 3 already there, 0 rows that cannot be taken.",
        "Nothing to add.",
    ]


def test_a_sheet_is_chosen_by_name_and_an_unknown_one_is_named(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Ghi chú"
    first.append(["Sổ thành viên năm 2025"])
    sheet = book.create_sheet("Thành viên")
    sheet.append(["Họ và tên", "Giới tính", "Năm sinh", "Ngày vào CLB"])
    sheet.append(["Chu Thị Hiền", "Nữ", 1957, "02/01/2025"])
    path = tmp_path / "so.xlsx"
    book.save(path)
    code, out = run(
        "import", "members", CLUB, str(path), "--sheet", "Ghi", "--data", str(root), "--lang", "en"
    )
    assert (code, out) == (
        1,
        f"lstg: {path} has no sheet “Ghi”; its sheets are: Ghi chú, Thành viên.\n",
    )
    code, out = run(
        "import",
        "members",
        CLUB,
        str(path),
        "--sheet",
        "Thành viên",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 0
    assert out.splitlines()[1] == "  row 2: add M004 Chu Thị Hiền"


def test_a_meeting_row_naming_someone_not_a_member_is_rejected_at_its_cell(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    path = tmp_path / "hop.csv"
    path.write_text('Ngày họp,Nội dung,Thành viên dự\n15/05/2020,Hát,"M001, M099"\n', "utf-8")
    code, out = run("import", "meetings", CLUB, str(path), "--data", str(root), "--lang", "en")
    assert code == 1
    assert out.splitlines()[1:3] == [
        "  hop.csv: row 2, column B (Nội dung): “Hát” is not one of the 8 activity areas; "
        "write one of: 1–8, income, health, home-care, self-help, rights, learning, culture, "
        "resources",
        "  hop.csv: row 2, column C (Thành viên dự): no member M099 in members.yaml",
    ]


def test_an_error_the_club_would_have_is_named_at_the_register_cell(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    loans = tmp_path / "vay.csv"
    loans.write_text(
        "Mã TV,Số tiền,Lãi suất,Thời hạn,Ngày vay\n"
        "M003,1.000.000,0.5,6,01/03/2019\n"
        "M001,1.000.000,0.5,6,01/03/2020\n",
        "utf-8",
    )
    before = (root / FOLDER / "loans.yaml").read_bytes()
    code, out = run("import", "loans", CLUB, str(loans), "--data", str(root), "--lang", "en")
    assert code == 1
    assert out.splitlines()[2:5] == [
        "  vay.csv: row 2, column A (Mã TV): member M003 only joined on 2019-04-15, "
        "after 2019-03-01",
        "  vay.csv: row 2, column B (Số tiền): loan L002 of 1,000,000 đ was disbursed on "
        "2019-03-01, but the fund “income” held only 0 đ that day",
        "  vay.csv: row 2, column E (Ngày vay): loan L002 was disbursed on 2019-03-01, "
        "before the fund “income” was opened on 2019-04-15",
    ]
    assert (root / FOLDER / "loans.yaml").read_bytes() == before


def test_a_departure_without_its_reason_is_rejected_at_the_reason_column(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    path = tmp_path / "tv.csv"
    path.write_text(
        "Họ và tên,Giới tính,Năm sinh,Ngày vào CLB,Ngày ra,Lý do ra\n"
        "Lăng Thị Bé,Nữ,1949,05/01/2025,01/06/2025,\n",
        "utf-8",
    )
    code, out = run("import", "members", CLUB, str(path), "--data", str(root), "--lang", "en")
    assert code == 1
    assert out.splitlines()[1] == (
        "  tv.csv: row 2, column F (Lý do ra): the required field “Lý do ra” is missing"
    )
