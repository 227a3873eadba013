"""Files that ship inside the package, found through the import system (:mod:`importlib`).

The installed tool reads nothing from the checkout it was built from. In the
repository the files stay where people look for them and are mapped into the
package by ``pyproject.toml``: ``templates/`` is ``lstg.templates`` (the report
templates users copy and edit), ``data/`` is ``lstg.sample`` (the fictional Lạng
Sơn data set of ``make demo``, whose province file and plans ``lstg init``
copies); ``lstg/mappings/`` and ``lstg/locale/`` are inside ``lstg/`` already.
See docs/install.md for why.
"""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec
from pathlib import Path

SAMPLE = "sample"
"""What ``--data`` (or ``LSTG_DATA``) says to run on the bundled fictional data set."""

FICTIONAL_MARKER = "FICTIONAL.md"
"""A file at the top of a data folder whose records are invented: every output
made from such a folder says so (the bundled sample has it, and so has a copy of it)."""


def _folder(package: str) -> Path:
    """The folder of ``package``, found by the import system without running the package
    (so that no ``__pycache__`` appears in the sample data folder)."""
    spec = find_spec(package)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"lstg is installed without its files: {package} is missing")
    return Path(spec.origin).parent


@cache
def templates_dir() -> Path:
    """The bundled report templates (``templates/`` in the repository)."""
    return _folder("lstg.templates")


@cache
def sample_dir() -> Path:
    """The bundled fictional data set (``data/`` in the repository)."""
    return _folder("lstg.sample")


@cache
def package_dir() -> Path:
    """The folder of the ``lstg`` package itself."""
    return _folder("lstg")


def mappings_dir() -> Path:
    """The shipped mapping files of register headers (``lstg/mappings/``)."""
    return package_dir() / "mappings"


def locale_dir() -> Path:
    """The compiled message catalogs (``lstg/locale/``)."""
    return package_dir() / "locale"


def is_fictional(root: Path) -> bool:
    """Whether the data folder ``root`` holds invented records (see :data:`FICTIONAL_MARKER`)."""
    return (root / FICTIONAL_MARKER).is_file()
