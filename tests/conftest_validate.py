"""Helpers for the tests of ``lstg validate``: running the command and copying data folders."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_run import invoke

from lstg.core.i18n import current_language, set_language

BROKEN = Path(__file__).parent / "broken"
BASE = BROKEN / "_base"
CLUB = "clubs/chi-lang-quang-lac"
TODAY = "2026-12-01"


def run_validate(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run ``lstg validate`` in-process as the console script would: exit code and output."""
    environment = {"LSTG_TODAY": TODAY, "LSTG_NO_CACHE": "1", **(env or {})}
    ran = invoke("validate", *args, env=environment)
    return ran.code, ran.output


@pytest.fixture
def isolated(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Validate without the cache (nothing is written beside the data) and restore the language.

    The language is process-wide; a test that changes it must not change it for the next.
    """
    monkeypatch.setenv("LSTG_NO_CACHE", "1")
    before = current_language()
    yield
    set_language(before)


def copy_base(tmp_path: Path) -> Path:
    """A fresh copy of the clean data folder that the broken cases are made from."""
    target = tmp_path / "data"
    shutil.copytree(BASE, target)
    return target


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in a file of the data folder."""
    path = root / rel
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {rel}"
    path.write_text(text.replace(old, new), "utf-8")


def headings(root: Path, *, today: str = TODAY, clubs: list[str] | None = None) -> list[str]:
    """The first line of every problem that validating ``root`` finds, in English."""
    from datetime import date

    from lstg.render.problems import heading
    from lstg.validate.run import validate

    set_language("en")
    result = validate(root, clubs=clubs, today=date.fromisoformat(today))
    return [heading(p) for p in result.problems]


def append(root: Path, rel: str, text: str) -> None:
    """Add ``text`` at the end of a file of the data folder."""
    path = root / rel
    path.write_text(path.read_text("utf-8") + text, "utf-8")


Edit = tuple[str, str, str]
"""``(file, old, new)``: replace ``old`` by ``new``; ``old`` empty: add ``new`` at the end."""


def after_edits(tmp_path: Path, edits: list[Edit], *, today: str = TODAY) -> list[str]:
    """The problems of a copy of the clean folder after ``edits``, first lines only."""
    root = copy_base(tmp_path)
    for rel, old, new in edits:
        if old:
            edit(root, rel, old, new)
        else:
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            existing = (root / rel).read_text("utf-8") if (root / rel).exists() else ""
            (root / rel).write_text(existing + new, "utf-8")
    return headings(root, today=today)
