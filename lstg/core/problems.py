"""Data problems as values.

Every stage that reads or checks data returns :class:`Problem` records in a list
and keeps going, so that one run reports every problem. A problem is first made
with the path of the offending value inside its file (``where``); the line and
column are filled in once, at the edge, by :func:`lstg.read.reader.locate_problems`,
which re-reads only the files that have problems.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from lstg.core.i18n import N_, _

PathPart = str | int


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


SEVERITY_WORDS = {Severity.ERROR: N_("error"), Severity.WARNING: N_("warning")}


def severity_word(severity: Severity | str) -> str:
    """The word for ``severity`` in the active language: ``lỗi``, ``cảnh báo``; ``error``."""
    word = {str(k): v for k, v in SEVERITY_WORDS.items()}.get(str(severity))
    return _(word) if word else str(severity)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the data, at one place.

    Attributes:
        file: path of the file relative to the data folder, with ``/`` separators.
        code: stable dotted name, such as ``loan.unknown-member``; tests assert on it.
        message: what is wrong, in the user's language.
        severity: error or warning; only errors make ``lstg validate`` fail.
        hint: how to fix it, where that helps.
        where: keys and indexes leading to the value inside the file.
        key: point at the key of ``where`` rather than at its value.
        line: 1-based line, 0 when not yet located or not locatable.
        column: 1-based column, 0 when not yet located.
    """

    file: str
    code: str
    message: str
    severity: Severity = Severity.ERROR
    hint: str | None = None
    where: tuple[PathPart, ...] = ()
    key: bool = False
    line: int = 0
    column: int = 0

    def at(self, line: int, column: int) -> Problem:
        return dataclasses.replace(self, line=line, column=column)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


def error(
    file: str,
    code: str,
    message: str,
    *,
    where: tuple[PathPart, ...] = (),
    hint: str | None = None,
    key: bool = False,
    line: int = 0,
    column: int = 0,
) -> Problem:
    return Problem(file, code, message, Severity.ERROR, hint, where, key, line, column)


def warning(
    file: str,
    code: str,
    message: str,
    *,
    where: tuple[PathPart, ...] = (),
    hint: str | None = None,
    key: bool = False,
    line: int = 0,
    column: int = 0,
) -> Problem:
    return Problem(file, code, message, Severity.WARNING, hint, where, key, line, column)


def problem_to_data(problem: Problem) -> list[Any]:
    """``problem`` as plain data (a JSON list), as the cache keeps it."""
    return [
        problem.file,
        problem.code,
        problem.message,
        problem.severity.value,
        problem.hint,
        list(problem.where),
        problem.key,
        problem.line,
        problem.column,
    ]


def problem_from_data(item: list[Any]) -> Problem:
    """The problem that :func:`problem_to_data` gave ``item`` for.

    Raises:
        ValueError, TypeError: ``item`` is not such a list (a broken cache entry).
    """
    file, code, message, severity, hint, where, key, line, column = item
    return Problem(file, code, message, Severity(severity), hint, tuple(where), key, line, column)
