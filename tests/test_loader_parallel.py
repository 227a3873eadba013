"""Loading clubs in worker processes gives exactly what loading them one by one gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lstg.core import pool
from lstg.core.i18n import current_language, set_language
from lstg.dataset import loader

BUNDLED = Path(__file__).parent.parent / "data"


def test_parallel_loading_matches_serial_loading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "data"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".lstg-cache"))
    member = next((root / "clubs").iterdir()) / "members.yaml"
    member.write_text(member.read_text("utf-8").replace("gender: ", "gender: x", 1), "utf-8")
    before = current_language()
    set_language("en")
    try:
        monkeypatch.setattr(pool, "PARALLEL_FROM", 10**6)
        serial = loader.load_dataset(root)
        monkeypatch.setattr(pool, "PARALLEL_FROM", 2)
        parallel = loader.load_dataset(root)
    finally:
        set_language(before)
    assert len(serial.clubs) >= pool.PARALLEL_FROM
    assert list(parallel.clubs) == list(serial.clubs)
    assert parallel.clubs == serial.clubs
    assert parallel.problems == serial.problems
    assert any(p.code.startswith("schema.") for p in serial.problems)
    assert all("Gender" in p.message or "gender" in p.message for p in serial.problems)
