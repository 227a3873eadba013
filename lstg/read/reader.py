"""Reading YAML files: the one place where data files are opened and parsed.

Every data file goes through :func:`read_yaml`, which returns plain Python data
(dicts, lists, strings, numbers, booleans, ``None``) and a list of problems. It
never raises for bad input: special files, symbolic links, wrong encodings,
binary content, syntax errors, duplicate keys, aliases (and so alias bombs),
tags, numbers that are not numbers, empty or null documents and deep nesting
are all reported as located problems.

Scalars follow YAML 1.2 (``yes`` is a string, ``012`` is twelve). Dates are kept
as the text written in the file, so that the schema, not the parser, says when
a date is impossible, at the place where it is written.

Opening a file safely is :mod:`lstg.core.safefiles`; decoding bytes into text is
:mod:`lstg.read.decoding`; parsing, in one pass over libyaml's events that locates
what it reports, is :mod:`lstg.read.yamlevents`. A caller that validates the data
against a schema may ask for the fast path (``fast=True``): a native parser
reads the texts that hold nothing unusual (:mod:`lstg.read.yamlnative`), and the
caller reads a file again without it whenever its data has a problem, so that
problems are always those of the event path. Problems found later by the schema
and the checks carry a path inside their file; :func:`lstg.read.positions.locate_problems`
(also importable from here) turns each into a 1-based line and column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lstg.core.i18n import _
from lstg.core.problems import PathPart, Problem, error
from lstg.core.safefiles import Kind, NotRegular, TooLarge, link_target, read_regular, special_kind
from lstg.read.decoding import MAX_FILE_BYTES, decode
from lstg.read.positions import locate, locate_problems, source_line, source_lines
from lstg.read.yamlevents import MAX_DEPTH, build, no_gc
from lstg.read.yamlnative import NOT_READ, native_load

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "ReadResult",
    "decode",
    "locate",
    "locate_problems",
    "parse_text",
    "read_carefully",
    "read_yaml",
    "source_line",
    "source_lines",
    "unreadable",
    "watching_reads",
]

_watchers: list[Callable[[str, bytes], object]] = []


@contextmanager
def watching_reads(take: Callable[[str, bytes], object]) -> Iterator[None]:
    """Give ``take`` the path (relative to the data folder) and the bytes of every file
    :func:`read_yaml` reads within the block, such as to know what was read without
    reading it again."""
    _watchers.append(take)
    try:
        yield
    finally:
        _watchers.remove(take)


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What reading one file gives: its data (``None`` if unreadable) and its problems.

    ``bad`` holds the paths of values that reading reported (a number that is not
    one) and read as missing: the schema need not report them again. ``source``
    holds the file's bytes when the native parser read them (``fast=True``), for
    reading them again the careful way with :func:`read_carefully`.
    """

    data: Any
    problems: list[Problem]
    bad: tuple[tuple[PathPart, ...], ...] = field(default=())
    source: bytes | None = field(default=None, repr=False)

    @property
    def fast(self) -> bool:
        """Whether the native parser read the file (see :mod:`lstg.read.yamlnative`)."""
        return self.source is not None

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(p.is_error for p in self.problems)


def unreadable(path: Path, rel: str, exc: OSError) -> Problem:
    """The problem of a data file that cannot be opened, at no line."""
    if isinstance(exc, NotRegular) and exc.kind is Kind.SYMLINK:
        return error(
            rel,
            "file.symlink",
            _(
                "This is a symbolic link (to {target}); lstg reads only real files in the data "
                "folder."
            ).format(target=link_target(path)),
            hint=_("Put the file itself here, or remove the link."),
        )
    if isinstance(exc, NotRegular) and exc.kind is Kind.FOLDER:
        return error(rel, "file.unreadable", _("This is a folder where a file is expected."))
    if isinstance(exc, NotRegular):
        return error(
            rel,
            "file.special",
            _("This is {what}, not a file; it was not opened.").format(what=special_kind(path)),
            hint=_("Remove it from the data folder."),
        )
    if isinstance(exc, TooLarge):
        return error(
            rel,
            "file.too-large",
            _("The file is {size} MB, more than the {limit} MB a data file may have.").format(
                size=exc.size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)
            ),
            hint=_("Split the records into several files, such as one meetings file a year."),
        )
    return error(
        rel,
        "file.unreadable",
        _("The file cannot be read: {reason}.").format(reason=exc.strerror or exc),
    )


def read_yaml(path: Path, rel: str, *, fast: bool = False) -> ReadResult:
    """Read one YAML data file.

    Args:
        path: the file on disk.
        rel: its path relative to the data folder, used in problems.
        fast: let the native parser read a text that holds nothing unusual. Only
            for a caller that validates the data against a schema and, when it
            finds any problem in a result whose ``fast`` is true, reads the file
            again with :func:`read_carefully`.

    Returns:
        The plain data and every problem found while reading. ``data`` is ``None``
        when the file cannot be read at all. A symbolic link or a special file is
        reported, never opened.
    """
    try:
        raw = read_regular(path, limit=MAX_FILE_BYTES)
    except OSError as exc:
        return ReadResult(None, [unreadable(path, rel, exc)])
    for take in _watchers:
        take(rel, raw)
    return parse_text(raw, rel, fast=fast)


def read_carefully(result: ReadResult, rel: str) -> ReadResult:
    """``result`` read again by the event path, if the native parser read it."""
    if result.source is None:
        return result
    return parse_text(result.source, rel)


def parse_text(raw: bytes, rel: str, *, fast: bool = False) -> ReadResult:
    """Parse the bytes of a YAML file; see :func:`read_yaml`."""
    text, problems = decode(raw, rel)
    if text is None:
        return ReadResult(None, problems)
    if fast:
        with no_gc():
            data = native_load(text, raw)
        if data is not NOT_READ and data is not None:
            return ReadResult(data, [], (), raw)
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
    built = build(text, rel)
    if built.data is None and not any(p.is_error for p in built.problems):
        return ReadResult(
            None,
            [
                error(
                    rel,
                    "file.null",
                    _("The file holds no data: only “~”, “null” or “---”."),
                    hint=_("Restore it from git, or write its records; an empty list is “[]”."),
                    line=1,
                    column=1,
                )
            ],
        )
    return ReadResult(built.data, built.problems, tuple(built.bad))
