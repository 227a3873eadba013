"""Positions: from a problem's path inside its file to a 1-based line and column.

Problems are made with ``where``, the keys and indexes leading to a value; the
line and column are filled in once, at the edge, by :func:`locate_problems`. It
reads each file that has such problems once more, as a stream of libyaml's
events, and notes the position of only the values asked for (and of their
parents, for a key that is missing): subtrees that no problem is in are skipped
without building anything, so a large file with one problem is located about as
fast as it is read. In a list of records written plainly (members, loans: each
record starts at a line's first column and nothing is quoted), only the records a
problem is in are read, each on its own. Line breaks are counted as the YAML parser
counts them, so quoted lines match the positions.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import Any

from lstg.core.problems import PathPart, Problem
from lstg.core.safefiles import read_regular
from lstg.read.decoding import MAX_FILE_BYTES, decode

LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
"""Line breaks as the YAML parser counts them."""
_OTHER_BREAKS = (b"\r", "\x85".encode(), "\u2028".encode(), "\u2029".encode())
"""The line breaks of :data:`LINE_BREAK` other than ``\\n``, as UTF-8."""

Position = tuple[int, int]
Path_ = tuple[PathPart, ...]


class Positions:
    """Where the values of some paths of one document are (1-based line and column).

    Attributes:
        values: the position of the value at each path found.
        keys: the position of the key of each path found inside a mapping.
    """

    def __init__(self) -> None:
        self.values: dict[Path_, Position] = {}
        self.keys: dict[Path_, Position] = {}

    def locate(self, where: Sequence[PathPart], key: bool) -> Position:
        """The position of ``where``, or of its nearest parent that exists."""
        path = tuple(where)
        while True:
            if key and path == tuple(where) and path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if not path:
                return 1, 1
            path = path[:-1]


def find_positions(text: str, wanted: Collection[Sequence[PathPart]]) -> Positions | None:
    """The positions of the paths ``wanted`` (and of their parents) in the YAML ``text``.

    The text is read only as far as it must be: until every path ``wanted`` has its
    position, or is known not to be in the text (the collection it would be in has
    ended, or a scalar stands where it would begin). In a list of records written
    plainly (:func:`_entries`), only the records asked about are read.

    Returns:
        ``None`` when the text cannot be parsed as far as it is read.
    """
    rows = _rows_asked(wanted)
    if rows is not None:
        starts = _entries(text)
        if starts is not None and max(rows) < len(starts) - 1:
            return _in_entries(text, starts, wanted)
    return _read_positions(text, wanted)


def _rows_asked(wanted: Collection[Sequence[PathPart]]) -> set[int] | None:
    """The records asked about, when every path asked is in a record of a top-level list."""
    rows: set[int] = set()
    for where in wanted:
        if not where or not isinstance(where[0], int) or where[0] < 0:
            return None
        rows.add(where[0])
    return rows or None


_UNPLAIN = ('"', "'", "\t", "\r", "\x85", "\u2028", "\u2029", "\ufeff")
"""What may make a line that starts at its first column part of a record: quoted text
(which may run over lines), and what lines and columns are counted differently with."""


def _entries(text: str) -> list[int] | None:
    """Where each record of a top-level list written plainly starts, then the end of the
    text; ``None`` when the text is not so written.

    Plainly: every line that does not start with a space or a ``#``, and is not blank,
    starts a record (``- ``), and nothing can make such a line part of a record before
    it: no quoted text (which may run over lines; a line of a plain text or of brackets
    over lines that starts at the first column ends the value, or is an error), no
    ``---`` or ``...``, no tab, no line break but ``\n``. Each record is then the text
    from its start to the next one's.

    In a text that is not valid YAML, a record's positions may so be found where a
    reading of the whole would stop at the error.
    """
    if any(c in text for c in _UNPLAIN):
        return None
    starts = [found.start() + 1 for found in _LINE_STARTS.finditer(text)]
    if text[:1] not in ("", " ", "#", "\n"):
        starts.insert(0, 0)
    if any(text[s] != "-" or text[s + 1 : s + 2] not in ("", " ", "\n") for s in starts):
        return None
    head = text[: starts[0]] if starts else text
    if any(line.strip() and not line.lstrip().startswith("#") for line in head.split("\n")):
        return None  # a value before the first record: not a list
    starts.append(len(text))
    return starts


_LINE_STARTS = re.compile(r"\n[^ #\n]")
"""A line break before a line that starts with neither a space nor a ``#``."""


def _in_entries(
    text: str, starts: list[int], wanted: Collection[Sequence[PathPart]]
) -> Positions | None:
    """:func:`find_positions` read in the records asked about alone, each as a list of
    one record, its lines moved to where the record is."""
    found = Positions()
    found.values[()] = (text.count("\n", 0, starts[0]) + 1, 1)
    by_row: dict[int, list[Path_]] = {}
    for where in wanted:
        row = where[0]
        assert isinstance(row, int)
        by_row.setdefault(row, []).append((0, *where[1:]))
    for row, paths in by_row.items():
        start = starts[row]
        inside = _read_positions(text[start : starts[row + 1]], paths)
        if inside is None:
            return _read_positions(text, wanted)
        lines = text.count("\n", 0, start)
        for source, target in ((inside.values, found.values), (inside.keys, found.keys)):
            for path, (line, column) in source.items():
                if path:
                    target[(row, *path[1:])] = (line + lines, column)
    return found


def _read_positions(text: str, wanted: Collection[Sequence[PathPart]]) -> Positions | None:
    """:func:`find_positions`, reading the events of the whole text as far as needed."""
    from lstg.read.yamlevents import (
        EventParser,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
        YAMLError,
    )

    prefixes: set[Path_] = set()
    for where in wanted:
        asked = tuple(where)
        for n in range(len(asked) + 1):
            prefixes.add(asked[:n])
    keyed = {p for p in prefixes if p and isinstance(p[-1], (str, int))}
    # Once every path asked for has its position, the rest of the text is not read.
    pending = {tuple(where) for where in wanted}
    found = Positions()
    parser = EventParser(text)
    get = parser.get_event
    # Each open collection: [is_map, path, next index or waiting-for-key, current key path]
    stack: list[list[object]] = []
    skipping = 0
    try:
        while True:
            event: Any = get()
            kind = type(event)
            if kind is StreamEndEvent:
                break
            starts = kind is MappingStartEvent or kind is SequenceStartEvent
            ends = kind is MappingEndEvent or kind is SequenceEndEvent
            if skipping:
                if starts:
                    skipping += 1
                elif ends:
                    skipping -= 1
                    if not skipping:
                        _after_value(stack)
                continue
            if not (starts or ends or kind is ScalarEvent):
                continue
            if ends:
                closed = stack.pop()
                # Nothing under a collection that ended is still to be found.
                if _settle(pending, closed[1]):  # type: ignore[arg-type]
                    break
                if stack:
                    _after_value(stack)
                continue
            mark = event.start_mark
            position = (int(mark.line) + 1, int(mark.column) + 1)
            if not stack:
                path: Path_ = ()
            else:
                top = stack[-1]
                if top[0] and top[2] == -1:
                    # A key: note its position under the path it opens.
                    if kind is ScalarEvent:
                        key_path = _key_path(top[1], event.value, prefixes)  # type: ignore[arg-type]
                        top[3] = key_path
                        if (
                            key_path is not None
                            and key_path in keyed
                            and key_path not in found.keys
                        ):
                            found.keys[key_path] = position
                        top[2] = 0
                    else:
                        # A complex key (a list or mapping): skipped, then its value.
                        top[3] = None
                        top[2] = -2
                        skipping = 1
                    continue
                path_or_none = top[3] if top[0] else (*top[1], top[2])  # type: ignore[misc]
                if path_or_none is None or path_or_none not in prefixes:
                    if starts:
                        skipping = 1
                    else:
                        _after_value(stack)
                    continue
                path = path_or_none
            if path not in found.values:
                found.values[path] = position
                pending.discard(path)
                # Nothing is under a scalar: a path asked below it is located at it.
                if not pending or (kind is ScalarEvent and _settle(pending, path)):
                    break
            if starts:
                stack.append(
                    [kind is MappingStartEvent, path, -1 if kind is MappingStartEvent else 0, None]
                )
            elif stack:
                _after_value(stack)
    except YAMLError:
        return None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    return found


def _settle(pending: set[Path_], path: Path_) -> bool:
    """Take out of ``pending`` the paths at or under ``path``; whether none is left."""
    size = len(path)
    for asked in [p for p in pending if p[:size] == path]:
        pending.discard(asked)
    return not pending


def _key_path(parent: Path_, raw: str, prefixes: set[Path_]) -> Path_ | None:
    path = (*parent, raw)
    if path in prefixes:
        return path
    if raw.lstrip("-").isdigit() and len(raw) < 20:
        number = (*parent, int(raw))
        if number in prefixes:
            return number
    return path


def _after_value(stack: list[list[object]]) -> None:
    top = stack[-1]
    if top[0]:
        top[2] = 0 if top[2] == -2 else -1
    else:
        top[2] = int(top[2]) + 1  # type: ignore[call-overload]


def locate_problems(root: Path, problems: Iterable[Problem]) -> list[Problem]:
    """Fill in line and column for problems that carry only a path inside their file.

    Each file with such problems is read once more; files without problems are
    not touched.
    """
    problems = list(problems)
    wanted: dict[str, list[Sequence[PathPart]]] = {}
    for problem in problems:
        if not problem.line:
            wanted.setdefault(problem.file, []).append(problem.where)
    found: dict[str, Positions | None] = {
        rel: _positions_quietly(root / rel, paths) for rel, paths in wanted.items()
    }
    located: list[Problem] = []
    for problem in problems:
        if problem.line:
            located.append(problem)
            continue
        positions = found[problem.file]
        if positions is None:
            located.append(problem.at(1, 1) if _is_text_file(root / problem.file) else problem)
            continue
        line, column = positions.locate(problem.where, problem.key)
        located.append(problem.at(line, column))
    return located


def _is_text_file(path: Path) -> bool:
    from lstg.core.safefiles import is_regular

    return is_regular(path)


def _positions_quietly(path: Path, paths: list[Sequence[PathPart]]) -> Positions | None:
    try:
        raw = read_regular(path, limit=MAX_FILE_BYTES)
    except OSError:
        return None
    text, _problems = decode(raw, "")
    if text is None:
        return None
    return find_positions(text, paths)


def locate(text: str, where: Sequence[PathPart], key: bool) -> tuple[int, int]:
    """1-based line and column of the value at ``where`` in the YAML ``text``.

    Follows ``where`` as far as it exists; a missing key points at its parent mapping.
    """
    positions = find_positions(text, [where])
    if positions is None:
        return 1, 1
    return positions.locate(where, key)


def source_line(root: Path, problem: Problem) -> str | None:
    """The text of the problem's line, for showing it under the message."""
    if problem.line < 1:
        return None
    lines = source_lines(root, problem.file)
    if lines is None or problem.line > len(lines):
        return None
    return lines[problem.line - 1]


def source_lines(root: Path, rel: str) -> list[str] | None:
    """The lines of a text file of the data folder, for quoting them; ``None`` if not text.

    Only a regular file is read: never a link, which could show a line of a file
    outside the data folder, nor a special file, which could block.
    """
    try:
        raw = read_regular(root / rel, limit=MAX_FILE_BYTES)
    except OSError:
        return None
    if b"\x00" in raw:
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    text = raw.decode("utf-8", errors="replace")
    if not any(mark in raw for mark in _OTHER_BREAKS):
        return text.split("\n")  # the same lines, split in one pass in C
    return LINE_BREAK.split(text)
