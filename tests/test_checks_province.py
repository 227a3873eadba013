"""The province file's units hold together: codes, districts, and the links between eras."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest_validate import copy_base, edit, headings, isolated

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")

P = "province.yaml"
MAI_SAO = '      - code: "06229"\n        name: Xã Mai Sao\n        district: "186"\n'


def test_the_base_province_file_is_clean(tmp_path: Path) -> None:
    assert headings(copy_base(tmp_path)) == []


def test_a_successor_that_the_next_era_does_not_have(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, P, MAI_SAO + '        becomes: ["06223"]', MAI_SAO + '        becomes: ["06224"]')
    assert headings(root) == [
        f"{P}:19:19: error province.unknown-successor: Xã Mai Sao (06229) becomes 06224, "
        "which is not a unit of “2025”."
    ]


def test_a_commune_without_successor_or_note_is_warned(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, P, MAI_SAO + '        becomes: ["06223"]\n', MAI_SAO)
    assert headings(root) == [
        f"{P}:16:9: warning province.no-successor: Xã Mai Sao (06229) has no becomes: clubs "
        "there cannot be placed in the units of “2025”."
    ]


def test_a_note_says_why_the_successor_is_not_known(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(
        root,
        P,
        MAI_SAO + '        becomes: ["06223"]\n',
        MAI_SAO + "        note: Chưa xác định được đơn vị đã nhận địa bàn.\n",
    )
    assert headings(root) == []


def test_a_district_that_the_era_does_not_list(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, P, MAI_SAO, MAI_SAO.replace('"186"', '"187"'))
    assert headings(root) == [
        f"{P}:18:19: error province.unknown-district: Xã Mai Sao (06229) names the district "
        "187, not a district of “2008”."
    ]


def test_two_units_of_one_era_with_the_same_code(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, P, MAI_SAO, MAI_SAO.replace('"06229"', '"06226"'))
    problems = headings(root)
    assert problems[0] == (
        f"{P}:16:15: error province.duplicate-code: Two units of the era “2008” have the code "
        "06226."
    )


def test_becomes_in_the_last_era(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(
        root,
        P,
        "        name: Xã Quang Lạc",
        '        name: Xã Quang Lạc\n        becomes: ["06223"]',
    )
    assert headings(root) == [
        f"{P}:26:18: error province.becomes-in-last-era: Xã Quang Lạc (06223) is in the last "
        "era, which no era follows."
    ]
