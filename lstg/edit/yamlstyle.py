"""How a data file is laid out, and new text rendered in that layout.

Learnt from the file itself: the indentation of nested lists, blank lines between
records, which keys are written in flow style (``[a, b]``, ``{date: …}``), the
quote character, and the width at which long flow lists are wrapped. New text is
rendered by ruamel.yaml with these settings, so that an edit looks like its file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import MappingNode, SequenceNode
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

_NESTED_DASH = re.compile(r"^(\s*)- ")
_KEY_ONLY = re.compile(r"^(\s*)[^\s#][^#]*:\s*(#.*)?$")

FLOW_KEYS = frozenset({"groups", "attendance", "activities", "left", "written_off", "commune"})
FLOW_ITEM_KEYS = frozenset({"repayments", "schedule", "health_checks", "home_care_visits"})


@dataclass(slots=True)
class Style:
    """How a file lays out what an edit adds, learnt from the file itself.

    Attributes:
        offset: spaces between a key and the dash of its block list items.
        separated: records are separated by a blank line.
        flow_records: each record is one flow mapping (``- {date: …}``).
        flow_keys: keys whose list or mapping value is written in flow style.
        flow_item_keys: keys whose list items are flow mappings.
        double_quotes: quote text with ``"`` rather than ``'`` where quotes are needed.
        width: the line width at which long flow lists wrap, as they do in the file.
    """

    offset: int = 2
    separated: bool = False
    flow_records: bool = False
    flow_keys: set[str] = field(default_factory=lambda: set(FLOW_KEYS))
    flow_item_keys: set[str] = field(default_factory=lambda: set(FLOW_ITEM_KEYS))
    double_quotes: bool = True
    width: int = 4096

    def _yaml(self) -> YAML:
        yaml = YAML(typ="rt")
        yaml.width = self.width
        yaml.allow_unicode = True
        yaml.indent(mapping=2, sequence=self.offset + 2, offset=self.offset)
        return yaml

    def _dump(self, value: Any) -> str:
        stream = io.StringIO()
        self._yaml().dump(value, stream)
        # ruamel.yaml leaves a space where it wraps a flow list; every edit is read back
        # and compared with the intended data, so removing it cannot change a value unseen.
        return "".join(line.rstrip() + "\n" for line in stream.getvalue().splitlines())

    def _styled(self, value: Any, key: str | None = None, item: bool = False) -> Any:
        if isinstance(value, dict):
            mapping = CommentedMap()
            for k, v in value.items():
                if v is not None:
                    mapping[k] = self._styled(v, k)
            flow = key in self.flow_item_keys if item else key in self.flow_keys
            if flow or (key is None and item and self.flow_records):
                mapping.fa.set_flow_style()
            return mapping
        if isinstance(value, list):
            seq = CommentedSeq(self._styled(v, key, item=True) for v in value)
            if key in self.flow_keys and all(not isinstance(v, dict | list) for v in value):
                seq.fa.set_flow_style()
            return seq
        if isinstance(value, str) and self.double_quotes and self._needs_quotes(value):
            return DoubleQuotedScalarString(value)
        return value

    def _needs_quotes(self, text: str) -> bool:
        stream = io.StringIO()
        YAML(typ="rt").dump([text], stream)
        return stream.getvalue().startswith(("- '", '- "'))

    def render_record(
        self, record: dict[str, Any], column: int = 0, key: str | None = None
    ) -> list[str]:
        """Lines of ``record`` as an item, dash at ``column``, of the list under ``key``."""
        body = self._dump(self._styled(record, key, item=True)).splitlines(keepends=True)
        out = ["- " + body[0]] + [("  " + x if x.strip() else x) for x in body[1:]]
        return [" " * column + x for x in out]

    def render_pair(self, key: str, value: Any, column: int) -> list[str]:
        """Lines of ``key: value`` with the key at ``column``."""
        body = self._dump(self._styled({key: value})).splitlines(keepends=True)
        return [" " * column + x for x in body]


def detect_style(lines: list[str], root: SequenceNode | None) -> Style:
    """The style of a file, learnt from its lines and its composed node tree (if readable)."""
    style = Style()
    offsets: list[int] = []
    for index, line in enumerate(lines[1:], start=1):
        dash = _NESTED_DASH.match(line)
        if dash is None:
            continue
        previous = lines[index - 1]
        key = _KEY_ONLY.match(previous)
        if key is not None and not previous.lstrip().startswith("- "):
            offsets.append(len(dash.group(1)) - len(key.group(1)))
    if offsets:
        style.offset = max(set(offsets), key=offsets.count)
    wrapped = [len(x.rstrip()) for x in lines if x.rstrip().endswith(",") and "#" not in x]
    if wrapped:
        style.width = max(wrapped)
    if root is None:
        return style
    gaps = []
    for item in root.value[1:]:
        above = int(item.start_mark.line) - 1
        while above > 0 and lines[above].strip().startswith("#"):
            above -= 1
        gaps.append(above >= 0 and not lines[above].strip())
    if gaps:
        style.separated = gaps.count(True) * 2 >= len(gaps)
    records = [item for item in root.value if isinstance(item, MappingNode)]
    if records:
        style.flow_records = all(bool(r.flow_style) for r in records)
    for item in records:
        _learn_flow(item, style)
    quotes = [x.lstrip() for x in lines]
    doubles = sum(x.count('"') for x in quotes)
    singles = sum(x.count("'") for x in quotes if not x.startswith("#"))
    if doubles or singles:
        style.double_quotes = doubles >= singles
    return style


def _learn_flow(node: MappingNode, style: Style) -> None:
    """Learn from a record which keys the file writes in flow style, and which in block."""
    for k, v in node.value:
        key = str(k.value)
        flow = bool(getattr(v, "flow_style", False))
        if isinstance(v, MappingNode):
            (style.flow_keys.add if flow else style.flow_keys.discard)(key)
            _learn_flow(v, style)
        elif isinstance(v, SequenceNode) and v.value:
            items = [i for i in v.value if isinstance(i, MappingNode)]
            if items:
                each = all(bool(i.flow_style) for i in items)
                (style.flow_item_keys.add if each else style.flow_item_keys.discard)(key)
                for i in items:
                    _learn_flow(i, style)
            else:
                (style.flow_keys.add if flow else style.flow_keys.discard)(key)
