"""The particulars file, reports.yaml: its model and the checks that span its bodies."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest_validate import copy_base, isolated

from lstg.core.i18n import set_language
from lstg.validate.run import validate

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")

TODAY = date(2026, 11, 29)

GOOD = """\
bodies:
  - id: tinh
    valid_to: 2025-06-30
    superior: Hội Người cao tuổi Việt Nam
    body: Ban đại diện Hội Người cao tuổi tỉnh Lạng Sơn
    place: Lạng Sơn
    symbol: BC-HNCT
    to: [Ủy ban nhân dân tỉnh Lạng Sơn]
    copies: [Như Kính gửi]
    signer: {authority: TM. Ban đại diện, position: Trưởng ban, name: Nguyễn Văn A}
  - id: huyen
    scope: district
    unit: "186"
    body: Ban đại diện Hội Người cao tuổi huyện Chi Lăng
    place: Chi Lăng
    symbol: BC-HNCT
"""


def problems(tmp_path: Path, text: str) -> list[tuple[str, int, int, str, str]]:
    set_language("en")
    root = copy_base(tmp_path)
    (root / "reports.yaml").write_text(text, encoding="utf-8")
    return [
        (p.file, p.line, p.column, p.code, p.message) for p in validate(root, today=TODAY).problems
    ]


def test_a_good_file_validates_clean(tmp_path: Path) -> None:
    assert problems(tmp_path, GOOD) == []


def test_an_authority_is_one_the_decree_knows(tmp_path: Path) -> None:
    text = GOOD.replace("authority: TM. Ban đại diện", "authority: Thay mặt")
    [(file, line, _column, code, message)] = problems(tmp_path, text)
    assert (file, line, code) == ("reports.yaml", 10, "schema.value")
    assert "TM., KT., TL., TUQ., Q." in message


def test_a_symbol_reads_like_bc_hnct(tmp_path: Path) -> None:
    text = GOOD.replace("symbol: BC-HNCT", "symbol: 15/BC-HNCT", 1)
    assert [(p[0], p[1], p[3]) for p in problems(tmp_path, text)] == [
        ("reports.yaml", 7, "schema.format")
    ]


def test_a_district_body_names_its_unit(tmp_path: Path) -> None:
    text = GOOD.replace('    unit: "186"\n', "")
    found = problems(tmp_path, text)
    assert [(p[1], p[3]) for p in found] == [(11, "schema.value")]
    assert "unit" in found[0][4]


def test_two_bodies_of_one_unit_on_one_day_are_refused(tmp_path: Path) -> None:
    text = GOOD + GOOD.split("  - id: huyen\n")[1].join(["  - id: huyen-2\n", ""])
    assert [(p[1], p[3], p[4]) for p in problems(tmp_path, text)] == [
        (17, "reports.overlap", "huyen-2 and huyen issue the same reports on the same days.")
    ]


def test_an_unknown_unit_is_located(tmp_path: Path) -> None:
    text = GOOD.replace('unit: "186"', 'unit: "999"')
    assert [(p[1], p[2], p[3], p[4]) for p in problems(tmp_path, text)] == [
        (13, 11, "reports.unknown-unit", "No district of the province file has the code 999.")
    ]


def test_unknown_keys_are_refused(tmp_path: Path) -> None:
    text = GOOD.replace("    place: Chi Lăng\n", "    place: Chi Lăng\n    signed: 2026-12-05\n")
    assert [(p[1], p[3]) for p in problems(tmp_path, text)] == [(16, "schema.unknown-field")]
