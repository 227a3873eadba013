from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from lstg.report.provenance import GENERATED_AT_VAR, generated_now, provenance


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    data = root / "data"
    data.mkdir(parents=True)
    (data / "province.yaml").write_text("name: Lạng Sơn\n", encoding="utf-8")
    (root / "README").write_text("outside the data\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(
        root,
        "-c",
        "user.name=Test",
        "-c",
        "user.email=test@example.org",
        "commit",
        "-q",
        "-m",
        "data",
    )
    return root


def test_clean_data_folder_gives_its_commit(repo: Path) -> None:
    found = provenance(repo / "data")
    assert found.commit == git(repo, "rev-parse", "HEAD")
    assert found.dirty is False
    assert found.short_commit == found.commit[:12]


def test_changed_file_makes_it_dirty(repo: Path) -> None:
    (repo / "data" / "province.yaml").write_text("name: Lang Son\n", encoding="utf-8")
    assert provenance(repo / "data").dirty is True


def test_new_untracked_file_makes_it_dirty(repo: Path) -> None:
    (repo / "data" / "plans").mkdir()
    (repo / "data" / "plans" / "2021-2025.yaml").write_text("id: x\n", encoding="utf-8")
    assert provenance(repo / "data").dirty is True


def test_change_outside_the_data_folder_does_not_count(repo: Path) -> None:
    (repo / "README").write_text("changed\n", encoding="utf-8")
    assert provenance(repo / "data").dirty is False


def test_folder_outside_git_says_so(tmp_path: Path) -> None:
    found = provenance(tmp_path)
    assert found.commit is None
    assert found.dirty is None
    assert not found.in_git


def test_generation_time_can_be_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(GENERATED_AT_VAR, "2020-12-01T08:15:00")
    assert generated_now() == datetime(2020, 12, 1, 8, 15, tzinfo=UTC)
