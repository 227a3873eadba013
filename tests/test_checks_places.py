"""The club's commune: units of the province file, in force by the founding date, that
can be placed in one unit of every era the club's figures fall in."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest_validate import CLUB, after_edits, copy_base, edit, headings, isolated

from lstg.core.i18n import set_language
from lstg.validate.run import validate

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")

C = f"{CLUB}/club.yaml"
BUNDLED = Path(__file__).resolve().parent.parent / "data"
CLUB_FILE = "clubs/bac-son-bac-son/club.yaml"
BAC_SON = 'commune: {code: "06343", era: before-2020}'


def test_unknown_era(tmp_path: Path) -> None:
    assert after_edits(tmp_path, [(C, 'era: "2008"', 'era: "2009"')]) == [
        f"{C}:4:8: error club.unknown-era: The era “2009” is not one of the province file's eras."
    ]


def test_a_commune_of_an_era_that_ended_before_the_founding_is_an_error(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, "province.yaml", "valid_to: 2025-06-30", "valid_to: 2018-12-31")
    edit(root, "province.yaml", "valid_from: 2025-07-01", "valid_from: 2019-01-01")
    assert headings(root) == [
        f"{C}:4:8: error club.commune-not-in-force: The club was founded on 2019-03-01, "
        "after the units of “2008” were replaced (they were in force until 2018-12-31)."
    ]


def test_a_later_era_is_allowed_and_warned_when_it_cannot_be_traced_back(tmp_path: Path) -> None:
    # 06223 of 2025 was made of 06226 and 06229: the club's commune before the reform is
    # not known, though its district is
    edits = [(C, 'code: "06226"\n  era: "2008"', 'code: "06223"\n  era: "2025"')]
    assert after_edits(tmp_path, edits) == [
        f"{C}:3:3: warning club.split-commune: Xã Quang Lạc (06223, era “2025”) was made of "
        "several units: the club may lie in any of Xã Quang Lang (06226), Xã Mai Sao (06229) "
        "(era “2008”) and cannot be counted in one of them."
    ]


def test_recording_the_commune_of_the_earlier_era_settles_it(tmp_path: Path) -> None:
    edits = [
        (
            C,
            'code: "06226"\n  era: "2008"',
            'code: "06223"\n  era: "2025"\ncommunes:\n  - {code: "06226", era: "2008"}',
        )
    ]
    assert after_edits(tmp_path, edits) == []


def test_communes_that_lead_to_different_places_disagree(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(
        root,
        "province.yaml",
        '      - code: "06223"\n        name: Xã Quang Lạc',
        '      - code: "06223"\n        name: Xã Quang Lạc\n      - code: "06224"\n'
        "        name: Xã Khác",
    )
    edit(root, C, 'era: "2008"', 'era: "2008"\ncommunes:\n  - {code: "06224", era: "2025"}')
    assert headings(root) == [
        f"{C}:6:5: warning club.communes-disagree: The club's communes in club.yaml lead to "
        "no common unit of the era “2025”: the province file's links say they are different "
        "places."
    ]


def test_unknown_commune_code(tmp_path: Path) -> None:
    assert after_edits(tmp_path, [(C, 'code: "06226"', 'code: "06223"')]) == [
        f"{C}:3:9: error club.unknown-commune: No commune has the code 06223 in the era “2008”."
    ]


def test_a_code_of_another_era_is_named_in_the_hint(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, C, 'code: "06226"', 'code: "06223"')
    set_language("en")
    [problem] = validate(root, today=date(2026, 11, 29)).problems
    assert (problem.code, problem.hint) == (
        "club.unknown-commune",
        "06223 is Xã Quang Lạc in the era “2025”.",
    )


def test_an_unknown_code_among_communes_is_located(tmp_path: Path) -> None:
    edits = [(C, 'era: "2008"', 'era: "2008"\ncommunes:\n  - {code: "09999", era: "2025"}')]
    assert after_edits(tmp_path, edits) == [
        f"{C}:6:12: error club.unknown-commune: No commune has the code 09999 in the era “2025”."
    ]


# The bundled province file: four eras of Lạng Sơn's communes.


def _bundled_with(tmp_path: Path, commune: str) -> list[str]:
    root = tmp_path / "data"
    shutil.copytree(BUNDLED, root)
    edit(root, CLUB_FILE, BAC_SON, commune)
    return headings(root, clubs=["bac-son-bac-son"])


def test_a_club_in_a_commune_of_before_2020_that_still_exists_validates(tmp_path: Path) -> None:
    assert _bundled_with(tmp_path, BAC_SON) == []


def test_a_club_in_a_commune_split_in_2020_is_warned(tmp_path: Path) -> None:
    assert _bundled_with(tmp_path, 'commune: {code: "06052", era: before-2020}') == [
        f"{CLUB_FILE}:4:10: warning club.split-commune: Xã Bắc Ái (06052, era “before-2020”) "
        "was divided between several units: the club may lie in any of Xã Kim Đồng (06031), "
        "Xã Đề Thám (06046) (era “2020-01”) and cannot be counted in one of them."
    ]


def test_a_club_in_a_commune_whose_successor_is_not_known_is_warned(tmp_path: Path) -> None:
    [line] = _bundled_with(tmp_path, 'commune: {code: "06229", era: before-2020}')
    assert line.startswith(
        f"{CLUB_FILE}:4:10: warning club.commune-untraced: The province file does not say "
        "which unit took (all of) Xã Song Giáp (06229, era “before-2020”): the club may lie "
        "in any of "
    )
    # the candidates are the communes of its district, Cao Lộc, in 2020
    assert "Thị trấn Đồng Đăng (06184)" in line and "Phường Đông Kinh" not in line


def test_a_new_unit_made_of_two_districts_is_warned_with_the_districts(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(BUNDLED, root)
    edit(root, "clubs/xa-loi-bac/club.yaml", 'code: "06601"', 'code: "06286"')
    [line] = headings(root, clubs=["xa-loi-bac"])
    assert line == (
        "clubs/xa-loi-bac/club.yaml:4:10: warning club.split-commune: Xã Khánh Khê (06286, era "
        "“2025-07”) was made of several units: the club may lie in any of Xã Bình Trung "
        "(06217), Xã Xuân Long (06241), Xã Khánh Khê (06286) (era “2024-12”) and cannot be "
        "counted in one of them. They lie in different districts: Huyện Cao Lộc, Huyện Văn Quan."
    )
