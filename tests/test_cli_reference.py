"""docs/cli.md and docs/cli.vi.md are every command's --help, as the program prints it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from lstg.core.i18n import current_language, request_language, set_language

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "cli_reference.py"


@pytest.fixture
def reference():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("cli_reference", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    before = current_language()
    yield module
    request_language(None)
    set_language(before)


@pytest.mark.help_layout
def test_the_reference_pages_are_in_step_with_the_help(  # type: ignore[no-untyped-def]
    reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", reference.WIDTH)
    for language, page in reference.PAGES.items():
        assert page.read_text("utf-8") == reference.page(language), (
            f"{page.name} is out of date: run make docs"
        )


def test_every_command_has_its_section(reference) -> None:  # type: ignore[no-untyped-def]
    text = reference.PAGES["en"].read_text("utf-8")
    paths = reference.command_paths()
    assert len(paths) > 20
    for path in paths:
        assert f"\n## {' '.join(['lstg', *path])}\n" in text
