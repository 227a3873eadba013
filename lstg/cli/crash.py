"""The log of an internal error: the traceback and the versions, where the user can find it.

As pre-commit does, the screen shows one line and the path of the log; the log
holds what a maintainer needs: the command, the traceback, and the versions of
lstg, Python, the system and the libraries lstg uses.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import datetime
from importlib import metadata
from pathlib import Path

from platformdirs import user_log_path

from lstg import __version__

LIBRARIES = (
    "typer",
    "click",
    "pydantic",
    "ruamel.yaml",
    "jinja2",
    "babel",
    "openpyxl",
    "python-docx",
    "docxtpl",
    "tabulate",
    "pyyaml",
    "platformdirs",
)
LOG_VAR = "LSTG_LOG_DIR"
"""Environment variable naming the folder of crash logs (default: the user's log folder)."""


def log_folder() -> Path:
    """Where crash logs go: ``LSTG_LOG_DIR``, else the system's log folder for lstg."""
    chosen = os.environ.get(LOG_VAR)
    return Path(chosen) if chosen else user_log_path("lstg", appauthor=False)


def versions() -> list[str]:
    """``name version`` of lstg, Python, the system and each library that is installed."""
    lines = [
        f"lstg {__version__}",
        f"python {platform.python_version()} ({sys.executable})",
        f"system {platform.platform()}",
    ]
    for name in LIBRARIES:
        try:
            lines.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return lines


def report_text(exc: BaseException, argv: list[str]) -> str:
    """The log's text: when, the command, the versions and the traceback."""
    trace = "".join(traceback.format_exception(exc))
    return (
        f"time {datetime.now().astimezone().isoformat(timespec='seconds')}\n"
        f"command lstg {' '.join(argv)}\n"
        + "".join(f"{line}\n" for line in versions())
        + "\n"
        + trace
    )


def write_log(exc: BaseException, argv: list[str]) -> Path | None:
    """Write the log of ``exc``; its path, or ``None`` if no log could be written."""
    folder = log_folder()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}-{os.getpid()}.log"
        path.write_text(report_text(exc, argv), encoding="utf-8")
    except OSError:
        return None
    return path
