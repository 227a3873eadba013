"""Positions: from a problem's path inside its file to a 1-based line and column.

Problems are made with ``where``, the keys and indexes leading to a value; the
line and column are filled in once, at the edge, by :func:`locate_problems`,
which composes again only the files that have problems. Line breaks are
counted as the YAML parser counts them, so quoted lines match the positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lstg.decoding import MAX_FILE_BYTES, decode
from lstg.problems import PathPart, Problem

LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
"""Line breaks as the YAML parser counts them."""


def compose(text: str) -> Node | None:
    """The node tree of a YAML text (safe, pure ruamel.yaml): positions, no objects built."""
    yaml = YAML(typ="safe", pure=True)
    node: Node | None = yaml.compose(text)
    return node


def locate(node: Node | None, where: Sequence[PathPart], key: bool) -> tuple[int, int]:
    """1-based line and column of the value at ``where`` in a composed document.

    Follows ``where`` as far as it exists; a missing key points at its parent mapping.
    """
    if node is None:
        return 1, 1
    current: Node = node
    key_node: Node | None = None
    for part in where:
        key_node = None
        if isinstance(current, MappingNode):
            found = None
            for k, v in current.value:
                if isinstance(k, ScalarNode) and (k.value == part or k.value == str(part)):
                    found = (k, v)
                    break
            if found is None:
                break
            key_node, current = found
        elif isinstance(current, SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(current.value):
                break
            current = current.value[part]
        else:
            break
    target = key_node if key and key_node is not None else current
    return target.start_mark.line + 1, target.start_mark.column + 1


def locate_problems(root: Path, problems: Iterable[Problem]) -> list[Problem]:
    """Fill in line and column for problems that carry only a path inside their file.

    Each file with such problems is read and composed once more; files without
    problems are not touched.
    """
    trees: dict[str, Node | None] = {}
    located: list[Problem] = []
    for problem in problems:
        if problem.line:
            located.append(problem)
            continue
        if problem.file not in trees:
            trees[problem.file] = _compose_quietly(root / problem.file)
        tree = trees[problem.file]
        if tree is None:
            located.append(problem.at(1, 1) if (root / problem.file).is_file() else problem)
            continue
        line, column = locate(tree, problem.where, problem.key)
        located.append(problem.at(line, column))
    return located


def _compose_quietly(path: Path) -> Node | None:
    try:
        raw = path.read_bytes()
        text, _problems = decode(raw, "")
        if text is None:
            return None
        return compose(text)
    except (OSError, YAMLError, RecursionError):
        return None


def source_line(root: Path, problem: Problem) -> str | None:
    """The text of the problem's line, for showing it under the message."""
    if problem.line < 1:
        return None
    lines = source_lines(root, problem.file)
    if lines is None or problem.line > len(lines):
        return None
    return lines[problem.line - 1]


def source_lines(root: Path, rel: str) -> list[str] | None:
    """The lines of a text file of the data folder, for quoting them; ``None`` if not text."""
    try:
        raw = (root / rel).read_bytes()
    except OSError:
        return None
    if len(raw) > MAX_FILE_BYTES or b"\x00" in raw:
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return LINE_BREAK.split(raw.decode("utf-8", errors="replace"))
