"""Editing the bundled data set's own files: only the intended lines change, and it validates."""

from __future__ import annotations

import difflib
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest_edit import run

from lstg.core.resources import sample_dir
from lstg.dataset.loader import load_dataset
from lstg.validate.run import validate

BUNDLED_DATA = sample_dir()

DAY = date(2025, 12, 5)


def _club_with_meetings() -> str | None:
    clubs = BUNDLED_DATA / "clubs"
    if not clubs.is_dir():
        return None
    return next(
        (
            p.name
            for p in sorted(clubs.iterdir())
            if (p / "meetings" / f"{DAY.year}.yaml").is_file()
        ),
        None,
    )


CLUB = _club_with_meetings()
pytestmark = pytest.mark.skipif(CLUB is None, reason="the bundled data set is not there")


def copy_club(tmp_path: Path) -> Path:
    assert CLUB is not None
    root = tmp_path / "data"
    root.mkdir()
    shutil.copy(BUNDLED_DATA / "province.yaml", root / "province.yaml")
    shutil.copytree(BUNDLED_DATA / "plans", root / "plans")
    shutil.copytree(BUNDLED_DATA / "clubs" / CLUB, root / "clubs" / CLUB)
    return root


def added_and_removed(old: str, new: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0))
    body = [x for x in diff if not x.startswith(("+++", "---", "@@"))]
    return [x[1:] for x in body if x[0] == "+"], [x[1:] for x in body if x[0] == "-"]


def test_a_member_a_meeting_and_an_edit_on_a_generated_club(tmp_path: Path) -> None:
    assert CLUB is not None
    root = copy_club(tmp_path)
    folder = root / "clubs" / CLUB
    members_before = (folder / "members.yaml").read_text("utf-8")
    meetings_before = (folder / "meetings" / f"{DAY.year}.yaml").read_text("utf-8")
    present = [m.id for m in load_dataset(root).clubs[CLUB].members_on(DAY)][:20]

    code, out = run(
        "member",
        "add",
        CLUB,
        "--name",
        "Hoàng Thị Lan",
        "--gender",
        "female",
        "--birth-year",
        "1956",
        "--joined",
        "2025-03-01",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 0, out
    code, out = run(
        "meeting",
        "add",
        CLUB,
        "--date",
        DAY.isoformat(),
        "--activity",
        "health",
        "--attendance",
        ",".join(present),
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 0, out
    code, out = run(
        "member",
        "edit",
        CLUB,
        present[0],
        "--name",
        "Lý Thị Mai",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 0, out

    added, removed = added_and_removed(members_before, (folder / "members.yaml").read_text("utf-8"))
    assert len(removed) == 1 and removed[0].startswith("  name: ")
    assert added[0] == "  name: Lý Thị Mai"
    assert added[1:] == [
        "- id: " + added[1].removeprefix("- id: "),
        "  name: Hoàng Thị Lan",
        "  gender: female",
        "  birth_year: 1956",
        "  joined: 2025-03-01",
    ]
    added, removed = added_and_removed(
        meetings_before, (folder / "meetings" / f"{DAY.year}.yaml").read_text("utf-8")
    )
    assert removed == []
    assert added[:2] == [f"- date: {DAY.isoformat()}", "  activities: [health]"]
    assert all(line == line.rstrip() for line in added)
    result = validate(root, clubs=[CLUB])
    assert [p for p in result.problems if p.is_error] == []
