"""The club folders of a data folder: real folders, in name order; a few asked, a few looked at."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from lstg.core import safefiles
from lstg.dataset import folder as folders
from lstg.dataset.folder import club_folders


@pytest.fixture
def root(tmp_path: Path) -> Path:
    clubs = tmp_path / "clubs"
    for name in ("b-club", "a-club", ".hidden", "c-club"):
        (clubs / name).mkdir(parents=True)
    (clubs / "notes.txt").write_text("x", "utf-8")
    # Windows may refuse a user the right to make links: then there is none to leave out.
    with contextlib.suppress(OSError):
        (clubs / "d-link").symlink_to(clubs / "a-club", target_is_directory=True)
    return tmp_path


def test_every_club_folder_in_name_order(root: Path) -> None:
    assert [p.name for p in club_folders(root)] == ["a-club", "b-club", "c-club"]


def test_the_folders_asked_are_the_only_ones_looked_at(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked: list[str] = []
    kind_of = safefiles.kind_of

    def noted(path: Path) -> safefiles.Kind:
        looked.append(path.name)
        return kind_of(path)

    monkeypatch.setattr(folders, "kind_of", noted)
    asked = ["c-club", "a-club", "notes.txt", "d-link", ".hidden", "missing", "../clubs"]
    assert [p.name for p in club_folders(root, asked)] == ["a-club", "c-club"]
    linked = ["d-link"] if (root / "clubs" / "d-link").is_symlink() else []
    assert sorted(looked) == sorted(["clubs", "a-club", "c-club", "notes.txt", *linked])
    assert club_folders(root, []) == []


def test_no_clubs_folder_is_no_club(tmp_path: Path) -> None:
    assert club_folders(tmp_path) == []
    assert club_folders(tmp_path, ["a-club"]) == []
