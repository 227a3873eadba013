"""Helpers for the tests of ``lstg validate``: running the command and copying data folders."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lstg import cli
from lstg.errors import UserError
from lstg.i18n import current_language, set_language

BROKEN = Path(__file__).parent / "broken"
BASE = BROKEN / "_base"
CLUB = "clubs/chi-lang-quang-lac"
TODAY = "2026-11-29"

_registered = False


def run_validate(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run ``lstg validate`` in-process as the console script would: exit code and output.

    A :class:`UserError` gives exit 1 and its message, as :func:`lstg.cli.main` does;
    wrong usage gives exit 2.
    """
    global _registered
    if not _registered:
        cli._register()
        _registered = True
    runner = CliRunner()
    environment = {"LSTG_TODAY": TODAY, "LSTG_DATA": ""}
    environment.update(env or {})
    result = runner.invoke(
        cli.app, ["validate", *args], standalone_mode=False, env=environment, catch_exceptions=True
    )
    exc = result.exception
    if exc is None:
        return int(result.return_value), result.output
    if isinstance(exc, UserError):
        return 1, f"lstg: {exc}\n"
    exit_code = getattr(exc, "exit_code", None)
    if isinstance(exit_code, int):
        return exit_code, result.output
    raise exc


@pytest.fixture
def keep_language() -> Iterator[None]:
    """Restore the process-wide language after a test that changes it."""
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
