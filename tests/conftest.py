"""Shared pytest options and fixtures."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden files under tests/golden/ from the current output.",
    )
    parser.addoption(
        "--installed",
        metavar="DIR",
        default=None,
        help="The bin/ (Scripts/) folder of a virtual environment where the wheel is "
        "installed: tests/installed/ runs the user's path with its lstg.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether ``--update-golden`` was given: golden tests then rewrite their files."""
    return bool(request.config.getoption("--update-golden"))
