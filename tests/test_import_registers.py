"""The sample registers of tests/fixtures/registers: Excel, and CSV saved in Windows-1258."""

from __future__ import annotations

from pathlib import Path

from conftest_edit import CLUB, make_data, run

from lstg.read.reader import read_yaml
from lstg.validate.run import validate

REGISTERS = Path(__file__).parent / "fixtures" / "registers"
NEW = {
    "M004": ("Hoàng Thị Lụa", "female", 1951, "Tày", "poor", True, False, "2019-03-01", "to-1"),
    "M005": ("Nông Văn Quyết", "male", 1946, "Nùng", "none", False, True, "2019-03-01", "to-2"),
    "M006": (
        "Lương Thị Hường",
        "female",
        1958,
        "Tày",
        "near-poor",
        False,
        False,
        "2019-04-15",
        "to-1",
    ),
    "M007": ("Vi Văn Đức", "male", 1990, "Nùng", "none", False, False, "2020-06-20", "to-2"),
    "M008": (
        "Đinh Thị Ngọc Ánh",
        "female",
        1962,
        "Kinh",
        "none",
        False,
        False,
        "2020-06-20",
        "to-1",
    ),
}


def imported(tmp_path: Path, register: str) -> list[dict[str, object]]:
    root = make_data(tmp_path)
    code, out = run(
        "import", "members", CLUB, str(REGISTERS / register), "--data", str(root), "--lang", "en"
    )
    assert code == 0, out
    assert [p for p in validate(root).problems if p.is_error] == []
    members = read_yaml(root / "clubs" / CLUB / "members.yaml", "members.yaml").data
    return [m for m in members if m["id"] in NEW]


def summary(member: dict[str, object]) -> tuple[object, ...]:
    return (
        member["name"],
        member["gender"],
        member["birth_year"],
        member["ethnicity"],
        member.get("household", "none"),
        member.get("living_alone", False),
        member.get("disability", False),
        member["joined"],
        member["team"],
    )


def test_the_excel_register(tmp_path: Path) -> None:
    members = imported(tmp_path, "so-thanh-vien.xlsx")
    assert {m["id"]: summary(m) for m in members} == NEW
    assert [m.get("household_certified") for m in members] == [2022, None, 2023, None, None]
    assert [m.get("home_care_volunteer", False) for m in members] == [
        True,
        False,
        True,
        False,
        False,
    ]


def test_the_windows_1258_register_gives_the_same_members(tmp_path: Path) -> None:
    raw = (REGISTERS / "so-thanh-vien-cp1258.csv").read_bytes()
    assert "Hoàng Thị Lụa".encode() not in raw
    from_csv = imported(tmp_path / "csv", "so-thanh-vien-cp1258.csv")
    from_xlsx = imported(tmp_path / "xlsx", "so-thanh-vien.xlsx")
    assert from_csv == from_xlsx
