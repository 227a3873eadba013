"""Careless hand edits of the YAML: each gets a message in the secretary's language, at
the line where the slip is, whose first problem is the cause."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest_edit import CLUB, make_data, run

MEETINGS = f"clubs/{CLUB}/meetings/2020.yaml"
MEMBERS = f"clubs/{CLUB}/members.yaml"


def slip(tmp_path: Path, rel: str, old: str, new: str, lang: str = "vi") -> list[str]:
    root = make_data(tmp_path)
    path = root / rel
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    code, out = run("validate", "--data", str(root), "--lang", lang)
    assert code == 1
    return out.splitlines()


def test_a_decimal_comma_inside_braces(tmp_path: Path) -> None:
    assert slip(tmp_path, MEETINGS, "weight: 52.5,", "weight: 52,5,")[:4] == [
        f"{MEETINGS}:5:32: lỗi yaml.decimal-comma: “weight: 52,5” dùng dấu phẩy thập phân: "
        "trong {…} dấu phẩy ngăn cách các mục.",
        "  5 |     - {member: M001, weight: 52,5, bp: 130/85, glucose: 6.1}",
        "    |                                ^",
        "  gợi ý: Trong tệp dữ liệu, số thập phân ghi bằng dấu chấm: “weight: 52.5”.",
    ]


def test_a_decimal_comma_in_block_style(tmp_path: Path) -> None:
    lines = slip(
        tmp_path,
        MEETINGS,
        "    - {member: M001, weight: 52.5, bp: 130/85, glucose: 6.1}",
        "    - member: M001\n      weight: 52,5",
        lang="en",
    )
    assert (
        lines[0] == f"{MEETINGS}:6:15: error schema.type: “weight” should be a number, not “52,5”."
    )
    assert lines[3] == "  hint: Write the number with a point: “weight: 52.5”."


def test_a_list_never_closed_is_shown_where_it_opens(tmp_path: Path) -> None:
    assert slip(tmp_path, MEETINGS, "[M001, M002, M003]", "[M001, M002,\n    M003")[:4] == [
        f"{MEETINGS}:3:15: lỗi yaml.syntax: Dấu “[” mở ở đây chưa được đóng: tại dòng 5, "
        "cột 16 gặp “:” ở chỗ cần “,” hoặc “]”.",
        "  3 |   attendance: [M001, M002,",
        "    |               ^",
        "  gợi ý: Hãy thêm “]” sau mục cuối cùng, trước dòng 5, cột 16.",
    ]


def test_a_mapping_never_closed(tmp_path: Path) -> None:
    lines = slip(tmp_path, MEETINGS, "glucose: 6.1}", "glucose: 6.1", lang="en")
    assert lines[0] == (
        f"{MEETINGS}:5:7: error yaml.syntax: The “{{” opened here is not closed: at line 8, "
        "column 1, “-” comes where “,” or “}” was expected."
    )


def test_a_quote_never_closed(tmp_path: Path) -> None:
    lines = slip(tmp_path, MEETINGS, "reason: nghỉ Tết", 'reason: "nghỉ Tết', lang="en")
    assert lines[0] == (
        f'{MEETINGS}:10:11: error yaml.syntax: The “"” opened here is never closed: '
        "the file ends first."
    )
    assert lines[3] == '  hint: Close the quote with “"” at the end of the text, on line 10.'


def test_a_missing_comma_between_ids(tmp_path: Path) -> None:
    lines = slip(tmp_path, MEETINGS, "[M001, M002, M003]", "[M001, M002 M003]")
    assert lines[0] == (
        f"{MEETINGS}:3:22: lỗi schema.format: “M002 M003” không phải là giá trị hợp lệ "
        "của “attendance”."
    )
    assert lines[3] == "  gợi ý: Thiếu dấu phẩy giữa “M002” và “M003”: hãy ghi M002, M003."


def test_one_mistyped_joining_year_is_one_error_that_counts_what_it_causes(
    tmp_path: Path,
) -> None:
    lines = slip(tmp_path, MEMBERS, "joined: 2019-03-01\n  team: to-1\n  groups", (
        "joined: 2071-03-01\n  team: to-1\n  groups"
    ))  # fmt: skip
    # the only error; a warning of the member's file may come first, in line order (the
    # member's data, dated 2071, is held without a consent)
    first = next(i for i, line in enumerate(lines) if " lỗi " in line)
    assert [line for line in lines if line.startswith(f"{MEMBERS}:") and " lỗi " in line] == [
        lines[first]
    ]
    assert lines[first : first + 4] == [
        f"{MEMBERS}:9:11: lỗi date.future: Ngày 01/03/2071 là ngày trong tương lai (hôm nay "
        "là 01/12/2026). Vì ngày này, các bản ghi nêu tên thành viên trước ngày đó cũng bị "
        "coi là sai (2 buổi sinh hoạt, 1 vị trí trong Ban Chủ nhiệm); chúng không được liệt "
        "kê từng cái và sẽ đúng lại khi sửa ngày này.",
        "  9 |   joined: 2071-03-01",
        "    |           ^",
        "  gợi ý: Chỉ ghi những việc đã xảy ra; hãy kiểm tra lại năm.",
    ]
    # the other problems are warnings: the data folder's lack of plans, and the consent
    assert lines[-1] == "1 lỗi, 2 cảnh báo trong 2 tệp (đã kiểm tra 1 câu lạc bộ)"


def test_a_date_written_day_first_says_how_files_write_dates(tmp_path: Path) -> None:
    lines = slip(tmp_path, MEETINGS, "date: 2020-01-15", "date: 15/01/2020")
    assert lines[0] == (
        f"{MEETINGS}:1:9: lỗi schema.value: “date”: trong tệp dữ liệu, ngày ghi theo thứ tự "
        "năm-tháng-ngày: hãy ghi 2020-01-15 thay cho 15/01/2020."
    )


@pytest.mark.parametrize(("typed", "meant"), [("M903", "M003"), ("M030", "M003"), ("M004", "M003")])
def test_a_mistyped_id_suggests_the_id_a_slip_away(tmp_path: Path, typed: str, meant: str) -> None:
    lines = slip(tmp_path, MEETINGS, "[M001, M002, M003]", f"[M001, M002, {typed}]")
    assert lines[0].endswith(f"Thành viên {typed} không có trong danh sách thành viên.")
    assert lines[3] == f"  gợi ý: Có phải là {meant} không?"
