"""The data folder as a whole: province file, plans, club folders and stray files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest_validate import CLUB, copy_base, edit, headings, isolated

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")


def test_missing_plans_and_a_stray_file(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    shutil.rmtree(root / "plans")
    (root / "clubs" / "notes.txt").write_text("x", "utf-8")
    assert headings(root) == [
        "clubs/notes.txt:1:1: warning data.unknown-file: "
        "This file is not read: clubs/ holds one folder per club.",
        "plans: warning data.no-plans: The data folder has no plan files in plans/.",
    ]


def test_previous_plan_without_a_file(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, "plans/2016-2020.yaml", "rules: []", "previous: 2011-2015\nrules: []")
    assert headings(root) == [
        "plans/2016-2020.yaml:7:11: error plan.unknown-previous: "
        "The previous plan “2011-2015” has no file in plans/."
    ]


def test_club_folder_without_its_files(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    (root / CLUB / "club.yaml").unlink()
    (root / CLUB / "members.yaml").unlink()
    (root / CLUB / "notes.md").write_text("x", "utf-8")
    (root / CLUB / "meetings" / "2020-old.yaml").write_text("[]", "utf-8")
    found = headings(root)
    assert found == [
        f"{CLUB}: error club.no-club-file: The club folder has no club.yaml.",
        f"{CLUB}: error club.no-members-file: The club folder has no members.yaml.",
        f"{CLUB}/meetings/2020-old.yaml:1:1: warning club.unknown-file: "
        "This file is not read: meeting files are named by year, such as 2021.yaml.",
        f"{CLUB}/notes.md:1:1: warning club.unknown-file: This file is not read: a club folder "
        "holds club.yaml, ledger.yaml, loans.yaml, meetings, members.yaml.",
    ]


def test_missing_province_file(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    (root / "province.yaml").unlink()
    assert headings(root) == [
        "province.yaml: error data.no-province: The data folder has no province.yaml."
    ]


def test_bad_club_folder_name(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    (root / CLUB).rename(root / "clubs" / "Chi Lăng")
    assert headings(root)[0] == (
        "clubs/Chi Lăng: error club.bad-id: The club folder name “Chi Lăng” is not a valid club id."
    )
