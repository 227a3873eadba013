"""Reading YAML files: the one place where data files are opened and parsed.

Every data file goes through :func:`read_yaml`, which returns plain Python data
(dicts, lists, strings, numbers, booleans, ``None``) and a list of problems. It
never raises for bad input: wrong encodings, binary content, syntax errors,
duplicate keys, aliases (and so alias bombs), Python tags and deep nesting are
all reported as located problems.

Scalars follow YAML 1.2 (``yes`` is a string, ``012`` is twelve). Dates are kept
as the text written in the file, so that the schema, not the parser, says when
a date is impossible, at the place where it is written.

Positions are captured while reading and nowhere else. Reading keeps no
positions for files without problems; :func:`lstg.positions.locate_problems`
(also importable from here) re-reads only the files that have problems and
turns each problem's path inside its file into a 1-based line and column.
Decoding bytes into text is :mod:`lstg.decoding`; turning the composed nodes
into data, and syntax errors into problems, is :mod:`lstg.yamlnodes`.

Clean files are parsed by :mod:`lstg.fastyaml` (libyaml, with the same YAML 1.2
scalars); any file it is not sure of is composed here, with ruamel.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError

from lstg.decoding import MAX_FILE_BYTES, decode
from lstg.fastyaml import fast_parse
from lstg.i18n import _
from lstg.positions import compose, locate, locate_problems, source_line, source_lines
from lstg.problems import Problem, error
from lstg.yamlnodes import MAX_DEPTH, Abort, Builder, syntax_problem

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "ReadResult",
    "decode",
    "locate",
    "locate_problems",
    "parse_text",
    "read_yaml",
    "source_line",
    "source_lines",
]

_compose = compose
_Builder = Builder
"""Older names of :func:`lstg.positions.compose` and :class:`lstg.yamlnodes.Builder`."""


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What reading one file gives: its data (``None`` if unreadable) and its problems."""

    data: Any
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(p.is_error for p in self.problems)


def read_yaml(path: Path, rel: str) -> ReadResult:
    """Read one YAML data file.

    Args:
        path: the file on disk.
        rel: its path relative to the data folder, used in problems.

    Returns:
        The plain data and every problem found while reading. ``data`` is ``None``
        when the file cannot be read at all.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return ReadResult(
            None,
            [
                error(
                    rel,
                    "file.unreadable",
                    _("The file cannot be read: {reason}.").format(reason=exc.strerror or exc),
                )
            ],
        )
    return parse_text(raw, rel)


def parse_text(raw: bytes, rel: str) -> ReadResult:
    """Parse the bytes of a YAML file; see :func:`read_yaml`."""
    text, problems = decode(raw, rel)
    if text is None:
        return ReadResult(None, problems)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return ReadResult(
            None,
            [
                error(
                    rel,
                    "file.empty",
                    _("The file is empty."),
                    hint=_("Restore it from git, or delete it if it is not needed."),
                    line=1,
                    column=1,
                )
            ],
        )
    clean, data = fast_parse(text)
    if clean:
        return ReadResult(data, [])
    try:
        node = _compose(text)
    except MarkedYAMLError as exc:
        return ReadResult(None, [syntax_problem(rel, exc)])
    except YAMLError as exc:
        return ReadResult(
            None,
            [
                error(
                    rel,
                    "yaml.syntax",
                    _("The file is not valid YAML: {reason}.").format(
                        reason=str(exc).splitlines()[0]
                    ),
                    line=1,
                    column=1,
                )
            ],
        )
    except RecursionError:
        return ReadResult(
            None,
            [
                error(
                    rel,
                    "yaml.too-deep",
                    _("The file is nested too deeply to be data."),
                    line=1,
                    column=1,
                )
            ],
        )
    if node is None:
        return ReadResult(
            None, [error(rel, "file.empty", _("The file is empty."), line=1, column=1)]
        )
    builder = Builder(rel, text)
    try:
        data = builder.build(node, 0)
    except Abort as abort:
        return ReadResult(None, [*builder.problems, abort.problem])
    return ReadResult(data, builder.problems)
