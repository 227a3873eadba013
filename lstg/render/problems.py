"""Showing problems: as text for people and editors, or as JSON for tools.

The text form puts each problem on one line, ``FILE:LINE:COL: severity code:
message``, so that editors can jump to it; under it, the offending line of the
file with a caret under the column, and a hint where there is one. A one-line
summary ends the output. The severity is in the user's language; the code stays
in English in every language, and so does the JSON form, so that tools can match
them.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lstg.core.i18n import _, ngettext
from lstg.core.problems import Problem, severity_word
from lstg.read.reader import source_lines

MAX_QUOTE = 100
"""Longest stretch of a source line that is quoted; longer lines are cut around the column."""


@dataclass(frozen=True, slots=True)
class Summary:
    """The counts that end a report of problems."""

    errors: int
    warnings: int
    files: int
    clubs: int

    @classmethod
    def of(cls, problems: Sequence[Problem], *, clubs: int) -> Summary:
        errors = sum(1 for p in problems if p.is_error)
        return cls(errors, len(problems) - errors, len({p.file for p in problems}), clubs)


def summary_line(summary: Summary) -> str:
    """``2 errors, 1 warning in 3 files (18 clubs checked)``, in the active language."""
    clubs = ngettext("{n} club", "{n} clubs", summary.clubs).format(n=summary.clubs)
    if summary.errors == 0 and summary.warnings == 0:
        return _("No problems found ({clubs} checked).").format(clubs=clubs)
    return _("{errors}, {warnings} in {files} ({clubs} checked)").format(
        errors=ngettext("{n} error", "{n} errors", summary.errors).format(n=summary.errors),
        warnings=ngettext("{n} warning", "{n} warnings", summary.warnings).format(
            n=summary.warnings
        ),
        files=ngettext("{n} file", "{n} files", summary.files).format(n=summary.files),
        clubs=clubs,
    )


def heading(problem: Problem) -> str:
    """The problem's first line: ``FILE:LINE:COL: severity code: message``."""
    place = problem.file
    if problem.line:
        place = f"{problem.file}:{problem.line}:{problem.column}"
    return f"{place}: {severity_word(problem.severity)} {problem.code}: {problem.message}"


def render_text(problems: Sequence[Problem], root: Path, *, clubs: int) -> str:
    """Every problem with its quoted line and hint, then the summary line."""
    out: list[str] = []
    cache: dict[str, list[str] | None] = {}
    for problem in problems:
        out.append(heading(problem))
        if problem.file not in cache:
            cache[problem.file] = source_lines(root, problem.file)
        lines = cache[problem.file]
        if (
            lines is not None
            and 1 <= problem.line <= len(lines)
            and lines[problem.line - 1].strip()
        ):
            out.extend(_quote(lines[problem.line - 1], problem.line, problem.column))
        if problem.hint:
            out.append("  " + _("hint: {hint}").format(hint=problem.hint))
    out.append(summary_line(Summary.of(problems, clubs=clubs)))
    return "\n".join(out)


def _quote(text: str, line: int, column: int) -> list[str]:
    """The source line under a gutter with its number, and a caret under ``column``."""
    # A control character (an escape code) is shown as a dot, never sent to the terminal.
    text = "".join(" " if c == "\t" else ("·" if not c.isprintable() else c) for c in text)
    index = max(column - 1, 0)
    if len(text) > MAX_QUOTE:
        start = max(0, min(index - MAX_QUOTE // 2, len(text) - MAX_QUOTE))
        shown = text[start : start + MAX_QUOTE]
        prefix = "…" if start > 0 else ""
        suffix = "…" if start + MAX_QUOTE < len(text) else ""
        text = prefix + shown + suffix
        index = index - start + len(prefix)
    gutter = str(line)
    pad = " " * len(gutter)
    caret = " " * _width(text[:index]) + "^"
    return [f"  {gutter} | {text.rstrip()}", f"  {pad} | {caret}"]


def _width(text: str) -> int:
    """Columns that ``text`` takes in a terminal: wide characters 2, combining marks 0."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def render_json(problems: Sequence[Problem], *, clubs: int, notice: str | None = None) -> str:
    """``{"problems": [...], "summary": {...}}``, indented, UTF-8 text unescaped;
    data that are fictional say so first, in ``"notice"``."""
    summary = Summary.of(problems, clubs=clubs)
    document: dict[str, object] = {"notice": notice} if notice else {}
    document |= {
        "problems": [
            {
                "file": p.file,
                "line": p.line or None,
                "column": p.column or None,
                "severity": str(p.severity),
                "code": p.code,
                "message": p.message,
                "hint": p.hint,
            }
            for p in problems
        ],
        "summary": {
            "errors": summary.errors,
            "warnings": summary.warnings,
            "files": summary.files,
            "clubs": summary.clubs,
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
