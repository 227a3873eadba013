"""From a composed YAML node tree to plain data, reporting what data files must not hold.

YAML 1.2 scalars (``yes`` is text, ``012`` is twelve), dates kept as the text
written, text normalised to NFC (with a warning when it was not), and no
aliases, tags, complex keys, duplicate keys or deep nesting: each of these is a
located problem. Syntax errors of the parser become problems here too.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lstg.i18n import _
from lstg.positions import LINE_BREAK
from lstg.problems import Problem, error, warning
from lstg.yamlscalars import to_float, to_int

MAX_DEPTH = 40
"""Deepest nesting of lists and mappings that data may have."""

_YAML = "tag:yaml.org,2002:"


class Abort(Exception):
    """Stops building a document that cannot be read further."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def _tag(node: Node) -> str:
    tag = node.tag
    return str(getattr(tag, "value", tag))


def syntax_problem(rel: str, exc: MarkedYAMLError) -> Problem:
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


class Builder:
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
            raise Abort(
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
            raise Abort(
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
                raise Abort(
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
        raise Abort(
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
            return to_int(value)
        if tag == _YAML + "float":
            return to_float(value)
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
