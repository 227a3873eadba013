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
Decoding bytes into text is :mod:`lstg.decoding`.

Clean files are parsed by :mod:`lstg.fastyaml` (libyaml, with the same YAML 1.2
scalars); any file it is not sure of is composed here, with ruamel.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lstg.decoding import MAX_FILE_BYTES, decode
from lstg.fastyaml import fast_parse
from lstg.i18n import _
from lstg.positions import LINE_BREAK, compose, locate, locate_problems, source_line, source_lines
from lstg.problems import Problem, error, warning

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

MAX_DEPTH = 40

_YAML = "tag:yaml.org,2002:"


class _Abort(Exception):
    """Stops building a document that cannot be read further."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What reading one file gives: its data (``None`` if unreadable) and its problems."""

    data: Any
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(p.is_error for p in self.problems)


def _tag(node: Node) -> str:
    tag = node.tag
    return str(getattr(tag, "value", tag))


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
        return ReadResult(None, [_syntax_problem(rel, exc)])
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
    builder = _Builder(rel, text)
    try:
        data = builder.build(node, 0)
    except _Abort as abort:
        return ReadResult(None, [*builder.problems, abort.problem])
    return ReadResult(data, builder.problems)


def _syntax_problem(rel: str, exc: MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    what = (exc.problem or exc.context or "").strip()
    indentation = _(
        "Check the indentation: items of one list or mapping start in the same column, "
        "with spaces, not tabs."
    )
    code = "yaml.syntax"
    hint: str | None = indentation
    if "duplicate" in what:
        code = "yaml.duplicate-key"
        message = _("A key appears twice in the same mapping.")
        hint = _("Keep one of the two; each fact is stated once.")
    elif "\\t" in what or "tab" in what:
        code = "yaml.tab"
        message = _("A tab character is used here; YAML is indented with spaces only.")
        hint = _("Replace the tab with spaces, in the same column as the lines around it.")
    elif "mapping values are not allowed" in what:
        message = _("A “:” is not expected here: this line is probably indented wrongly.")
    elif "expected <block end>" in what or "expected ':'" in what:
        message = _("This line does not line up with the lines above it.")
    elif "undefined alias" in what:
        code = "yaml.alias"
        message = _("Anchors and aliases (& and *) are not allowed in data files.")
        hint = _("Write each value out in full.")
    elif "end of stream" in what or "quoted scalar" in what:
        message = _("A quote or bracket opened here is never closed.")
        hint = _('Close it on the same line, such as “note: "…"” or “[M001, M002]”.')
    else:
        message = _("The YAML cannot be read here: {reason}.").format(reason=what)
    return error(rel, code, message, hint=hint, line=line, column=column)


class _Builder:
    """Turns a composed node tree into plain data, reporting what data must not hold."""

    def __init__(self, rel: str, text: str = "") -> None:
        self.rel = rel
        self.text = text
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def _mark(self, node: Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def build(self, node: Node, depth: int, via: Node | None = None) -> Any:
        if depth > MAX_DEPTH:
            line, column = self._mark(node)
            raise _Abort(
                error(
                    self.rel,
                    "yaml.too-deep",
                    _("The data is nested too deeply here."),
                    line=line,
                    column=column,
                )
            )
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if id(node) in self._seen:
            line, column = self._alias_position(node) or self._mark(via or node)
            raise _Abort(
                error(
                    self.rel,
                    "yaml.alias",
                    _("Anchors and aliases (& and *) are not allowed in data files."),
                    hint=_("Write each value out in full."),
                    line=line,
                    column=column,
                )
            )
        self._seen.add(id(node))
        tag = _tag(node)
        if isinstance(node, SequenceNode):
            if tag != _YAML + "seq":
                self._bad_tag(node, tag)
            return [self.build(item, depth + 1) for item in node.value]
        if isinstance(node, MappingNode):
            if tag != _YAML + "map":
                self._bad_tag(node, tag)
            return self._mapping(node, depth)
        self._bad_tag(node, tag)
        return None

    def _alias_position(self, node: Node) -> tuple[int, int] | None:
        """Where the anchor of ``node`` is first used as an alias (``*name``)."""
        anchor = getattr(node, "anchor", None)
        if not anchor:
            return None
        found = re.search(r"\*" + re.escape(str(anchor)) + r"(?![^\s,\]\}])", self.text)
        if found is None:
            return None
        before = self.text[: found.start()]
        line = len(LINE_BREAK.findall(before)) + 1
        start = max((m.end() for m in LINE_BREAK.finditer(before)), default=0)
        return line, found.start() - start + 1

    def _mapping(self, node: MappingNode, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                line, column = self._mark(key_node)
                raise _Abort(
                    error(
                        self.rel,
                        "yaml.complex-key",
                        _("A key must be a plain word."),
                        line=line,
                        column=column,
                    )
                )
            key = self._scalar(key_node)
            if isinstance(key, (list, dict)):
                key = str(key)
            if key in result:
                line, column = self._mark(key_node)
                self.problems.append(
                    error(
                        self.rel,
                        "yaml.duplicate-key",
                        _("The key “{key}” appears twice in the same mapping.").format(key=key),
                        hint=_("Keep one of the two; each fact is stated once."),
                        line=line,
                        column=column,
                    )
                )
                continue
            result[key] = self.build(value_node, depth + 1, key_node)
        return result

    def _bad_tag(self, node: Node, tag: str) -> None:
        line, column = self._mark(node)
        raise _Abort(
            error(
                self.rel,
                "yaml.tag",
                _("The tag “{tag}” is not allowed in data files.").format(
                    tag="!!" + tag.removeprefix(_YAML) if tag.startswith(_YAML) else tag
                ),
                hint=_("Remove the tag; data files hold plain values only."),
                line=line,
                column=column,
            )
        )

    def _scalar(self, node: ScalarNode) -> Any:
        tag = _tag(node)
        value = node.value
        if tag == _YAML + "str" or tag == _YAML + "timestamp":
            return self._text(node, value)
        if tag == _YAML + "int":
            return _to_int(value)
        if tag == _YAML + "float":
            return _to_float(value)
        if tag == _YAML + "bool":
            return value.lower() == "true"
        if tag == _YAML + "null":
            return None
        self._bad_tag(node, tag)
        return None

    def _text(self, node: ScalarNode, value: str) -> str:
        if value.isascii() or unicodedata.is_normalized("NFC", value):
            return value
        line, column = self._mark(node)
        self.problems.append(
            warning(
                self.rel,
                "text.not-nfc",
                _("The text “{text}” is not in the standard Unicode form (NFC).").format(
                    text=unicodedata.normalize("NFC", value)
                ),
                hint=_("It was read as NFC; retype it or save the file from a current editor."),
                line=line,
                column=column,
            )
        )
        return unicodedata.normalize("NFC", value)


def _to_int(text: str) -> int:
    """A YAML 1.2 integer: decimal, ``0o`` octal or ``0x`` hex, ``_`` allowed."""
    clean = text.replace("_", "")
    sign = -1 if clean.startswith("-") else 1
    digits = clean.lstrip("+-")
    if digits[:2] in ("0o", "0O"):
        return sign * int(digits[2:], 8)
    if digits[:2] in ("0x", "0X"):
        return sign * int(digits[2:], 16)
    if digits[:2] in ("0b", "0B"):
        return sign * int(digits[2:], 2)
    return sign * int(digits)


def _to_float(text: str) -> float:
    clean = text.replace("_", "").lower()
    if clean in (".inf", "+.inf"):
        return float("inf")
    if clean == "-.inf":
        return float("-inf")
    if clean == ".nan":
        return float("nan")
    return float(clean)
