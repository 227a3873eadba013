"""Shared pytest options and fixtures."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest

# The cache of every run in the tests, subprocesses included, is in a folder of the tests' own,
# never in the user's cache folder.
os.environ["LSTG_CACHE_DIR"] = tempfile.mkdtemp(prefix="lstg-test-cache-")


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


@pytest.fixture(autouse=True)
def _language_as_it_was() -> Iterator[None]:
    """The language of messages is process-wide: each test leaves it as it found it."""
    from lstg.core.i18n import current_language, request_language, set_language

    before = current_language()
    yield
    request_language(None)
    set_language(before)
