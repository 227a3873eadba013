"""A progress bar on standard error for runs that take a while, silent anywhere else."""

from __future__ import annotations

import sys
from typing import Any

from lstg.core.i18n import _

AFTER_SECONDS = 2.0
"""A run shorter than this shows no bar."""


class Progress:
    """Counts the clubs (or files) done, as a bar once the run has taken two seconds.

    Silent when standard error is not a terminal (a pipe, a file, a test), so that
    outputs and logs hold no bars. Made with tqdm.
    """

    def __init__(self, total: int, *, label: str = "clubs") -> None:
        self._bar: Any = None
        if total <= 0 or not _terminal():
            return
        from tqdm import tqdm

        words = {"clubs": _("Clubs"), "files": _("Files")}
        self._bar = tqdm(
            total=total,
            desc=words.get(label, label),
            unit="",
            delay=AFTER_SECONDS,
            file=sys.stderr,
            leave=False,
            dynamic_ncols=True,
        )

    def advance(self, step: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(step)

    def done(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
