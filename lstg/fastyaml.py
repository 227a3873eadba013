"""A fast path for reading clean YAML files: libyaml's C parser with YAML 1.2 scalars.

:mod:`lstg.reader` composes with ruamel.yaml's pure-Python parser, which reads a
club's five years of meetings in about two seconds. libyaml (through PyYAML's C
extension) composes the same text about twenty times faster, but PyYAML
resolves plain scalars by YAML 1.1 (``yes`` a boolean, ``012`` octal ten,
``1:20`` sexagesimal). Here the C parser is given a resolver with ruamel's own
YAML 1.2 core-schema expressions, so that both paths give the same data.

This path only ever says "here is the data" or "not sure": :func:`fast_parse`
returns ``None`` whenever the file has anything the reader must report (a
syntax error, a duplicate key, an alias, a tag, text not in NFC, deep nesting)
or when libyaml is not installed, and the reader then reads the file the
careful way, with located problems. A file is never accepted here that the
careful path would reject.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from lstg.yamlscalars import to_float, to_int

try:
    from yaml import MappingNode, ScalarNode, SequenceNode, YAMLError
    from yaml._yaml import CParser

    AVAILABLE = True
except ImportError:  # pragma: no cover - PyYAML without libyaml
    AVAILABLE = False

MAX_DEPTH = 40
"""As :data:`lstg.reader.MAX_DEPTH`: deeper data is refused (by the careful path)."""

MAX_FLOW_BRACKETS = 10_000
"""Beyond this many ``[`` and ``{``, leave the text to the careful path: libyaml
composes nested flow collections recursively in C, without Python's depth guard."""

_Y = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = _Y + "str", _Y + "int", _Y + "float", _Y + "bool", _Y + "null"
SEQ, MAP, TIMESTAMP = _Y + "seq", _Y + "map", _Y + "timestamp"

# The YAML 1.2 implicit resolvers of ruamel.yaml (ruamel/yaml/resolver.py), in its order.
_RESOLVERS: list[tuple[str, re.Pattern[str], str]] = [
    (BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    (
        FLOAT,
        re.compile(
            r"""^(?:
             [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
            |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
            |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
            |[-+]?\.(?:inf|Inf|INF)
            |\.(?:nan|NaN|NAN))$""",
            re.X,
        ),
        "-+0123456789.",
    ),
    (
        INT,
        re.compile(
            r"""^(?:[-+]?0b[0-1_]+
            |[-+]?0o?[0-7_]+
            |[-+]?[0-9_]+
            |[-+]?0x[0-9a-fA-F_]+)$""",
            re.X,
        ),
        "-+0123456789",
    ),
    (_Y + "merge", re.compile(r"^(?:<<)$"), "<"),
    (NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), "~nN"),
    (
        TIMESTAMP,
        re.compile(
            r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
            |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
            (?:[Tt]|[ \t]+)[0-9][0-9]?
            :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
            (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
            re.X,
        ),
        "0123456789",
    ),
    (_Y + "value", re.compile(r"^(?:=)$"), "="),
]

_BY_FIRST: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _tag, _regex, _first in _RESOLVERS:
    for _char in _first:
        _BY_FIRST.setdefault(_char, []).append((_tag, _regex))


def resolve_plain(value: str) -> str:
    """The YAML 1.2 tag of a plain (unquoted, untagged) scalar, as ruamel.yaml gives it."""
    if value == "":
        return NULL
    for tag, regex in _BY_FIRST.get(value[0], ()):
        if regex.match(value):
            return tag
    return STR


_RESOLVED: dict[str, str] = {}
"""Tags of plain scalars already seen: data files repeat ids, dates and keys a great deal."""


def _resolve_cached(value: str) -> str:
    tag = _RESOLVED.get(value)
    if tag is None:
        if len(_RESOLVED) > 200_000:
            _RESOLVED.clear()
        tag = _RESOLVED[value] = resolve_plain(value)
    return tag


if AVAILABLE:

    class _Loader(CParser):
        """libyaml's parser and composer, with YAML 1.2 core-schema resolution."""

        def resolve(self, kind: type, value: str | None, implicit: tuple[bool, bool]) -> str:
            if kind is ScalarNode:
                return _resolve_cached(value or "") if implicit[0] else STR
            return SEQ if kind is SequenceNode else MAP

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            """Path resolvers are not used."""

        def ascend_resolver(self) -> None:
            """Path resolvers are not used."""


class _NotClean(Exception):
    """The text holds something that the careful path must read and report."""


def fast_parse(text: str) -> tuple[bool, Any]:
    """Parse ``text`` if it is clean, plain data.

    Returns:
        ``(True, data)`` for a clean document (``data`` is never ``None``), and
        ``(False, None)`` when the careful path must read the text instead.
    """
    if not AVAILABLE or text.count("[") + text.count("{") > MAX_FLOW_BRACKETS:
        return False, None
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        if node is None:
            return False, None
        return True, _build(node, 0, set())
    except (YAMLError, _NotClean, RecursionError, ValueError, TypeError):
        return False, None


def _build(node: Any, depth: int, seen: set[int]) -> Any:
    if depth > MAX_DEPTH:
        raise _NotClean
    kind = type(node)
    if kind is ScalarNode:
        return _scalar(node)
    if id(node) in seen:
        raise _NotClean
    seen.add(id(node))
    if kind is SequenceNode:
        if node.tag != SEQ:
            raise _NotClean
        return [_build(item, depth + 1, seen) for item in node.value]
    if kind is MappingNode:
        if node.tag != MAP:
            raise _NotClean
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                raise _NotClean
            key = _scalar(key_node)
            if key in result:
                raise _NotClean
            result[key] = _build(value_node, depth + 1, seen)
        return result
    raise _NotClean


def _scalar(node: Any) -> Any:
    tag = node.tag
    value: str = node.value
    if tag in (STR, TIMESTAMP):
        if value.isascii() or unicodedata.is_normalized("NFC", value):
            return value
        raise _NotClean
    if tag == INT:
        return to_int(value)
    if tag == FLOAT:
        return to_float(value)
    if tag == BOOL:
        return value.lower() == "true"
    if tag == NULL:
        return None
    raise _NotClean
