"""Editing YAML data files as text, so that every line not being changed stays byte for byte.

A data file is a list of records (members, loans, ledger entries, meetings). An
edit touches the text of one place only: a new record is inserted as new lines,
a field is written over the lines of its old value, an item is added under the
last item of a nested list. Positions come from the composed node tree (ruamel.yaml
keeps the line and column of every node); new text is rendered by ruamel.yaml in
the file's own indentation. Comments, blank lines, quoting and key order of the
rest of the file are never re-emitted, so they cannot change.

Every edit is checked: the new text is read again with :func:`lstg.read.reader.parse_text`
and must give exactly the old data with the intended change, or
:class:`EditError` is raised and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lstg.core.i18n import _
from lstg.edit.nodes import EditError, compose
from lstg.edit.yamlstyle import detect_style
from lstg.read.reader import parse_text

__all__ = ["Document", "EditError"]


def _last_line(node: Node) -> int:
    """0-based index of the last line holding text of ``node`` (comments after it excluded)."""
    if isinstance(node, ScalarNode):
        end = node.end_mark
        if end.column == 0 and end.line > node.start_mark.line:
            return int(end.line) - 1
        return int(end.line)
    if getattr(node, "flow_style", False):
        return int(node.end_mark.line)
    if isinstance(node, MappingNode) and node.value:
        return _last_line(node.value[-1][1])
    if isinstance(node, SequenceNode) and node.value:
        return _last_line(node.value[-1])
    return int(node.end_mark.line)


def _is_blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


class Document:
    """One data file's text, holding a list of records, open for edits.

    Args:
        text: the file's text, or ``None`` for a file that does not exist yet.
        rel: the file's path relative to the data folder, for messages.
    """

    def __init__(self, text: str | None, rel: str, *, flow_records: bool = False) -> None:
        self.rel = rel
        self._composed: tuple[str, Node | None] | None = None
        self._read: tuple[str, list[Any]] | None = None
        self.original = text
        self.text = text if text is not None else ""
        # A file saved with Windows line ends is edited with "\n" and written back with "\r\n".
        self.crlf = "\n" in self.text and self.text.count("\r\n") == self.text.count("\n")
        if self.crlf:
            self.text = self.text.replace("\r\n", "\n")
        try:
            root = self._root()
        except EditError:
            root = None
        self.style = detect_style(self._lines(), root)
        if not self._has_records():
            self.style.flow_records = flow_records

    def output(self) -> str:
        """The file's text after the edits, with the file's own line ends."""
        return self.text.replace("\n", "\r\n") if self.crlf else self.text

    @property
    def changed(self) -> bool:
        return self.output() != (self.original or "")

    # -- reading -------------------------------------------------------------

    def data(self) -> list[Any]:
        """The file's records as plain data, read as the validator reads them."""
        if self.original is None and not self.text:
            return []
        if self._read is not None and self._read[0] is self.text:
            return self._read[1]
        result = parse_text(self.text.encode("utf-8"), self.rel)
        if result.data is None:
            first = next((p for p in result.problems if p.is_error), None)
            where = f"{self.rel}:{first.line}:{first.column}" if first and first.line else self.rel
            raise EditError(
                _("{where}: {reason} The file cannot be edited; run lstg validate.").format(
                    where=where, reason=first.message if first else ""
                )
            )
        if not isinstance(result.data, list):
            raise EditError(_("{file} does not hold a list of entries.").format(file=self.rel))
        self._read = (self.text, result.data)
        return result.data

    def record_spans(self) -> list[tuple[int, int]]:
        """The first and last line (1-based) of each record, in file order."""
        root = self._root()
        if root is None:
            return []
        return [(int(item.start_mark.line) + 1, _last_line(item) + 1) for item in root.value]

    def _root(self) -> SequenceNode | None:
        if not self.text.strip() or all(_is_blank_or_comment(x) for x in self._lines()):
            return None
        if self._composed is None or self._composed[0] is not self.text:
            self._composed = (self.text, compose(self.text, self.rel))
        node = self._composed[1]
        if node is None:
            return None
        if not isinstance(node, SequenceNode):
            raise EditError(_("{file} does not hold a list of entries.").format(file=self.rel))
        return node

    def _lines(self) -> list[str]:
        return self.text.splitlines(keepends=True)

    def _has_records(self) -> bool:
        try:
            root = self._root()
        except EditError:
            return True
        return root is not None and bool(root.value)

    # -- edits ---------------------------------------------------------------

    def _check(self, new_text: str, expected: list[Any]) -> None:
        result = parse_text(new_text.encode("utf-8"), self.rel)
        if result.data != expected:
            raise EditError(
                _("{file} could not be changed without touching other lines.").format(file=self.rel)
            )
        self.text = new_text
        self._read = (new_text, result.data)

    def _fragment_value(self, lines: Sequence[str]) -> Any:
        text = "".join(x if x.endswith("\n") else x + "\n" for x in lines)
        result = parse_text(_dedent(text).encode("utf-8"), self.rel)
        return result.data

    def insert_record(
        self, record: dict[str, Any], *, before: Callable[[dict[str, Any]], bool] | None = None
    ) -> int:
        """Add ``record``: before the first record for which ``before`` holds, else last.

        Returns:
            The 1-based line where the new record starts.
        """
        data = self.data()
        root = self._root()
        lines = self._lines()
        position = len(data)
        if before is not None:
            position = next(
                (i for i, r in enumerate(data) if isinstance(r, dict) and before(r)), len(data)
            )
        if root is None or not root.value:
            new = self.style.render_record(record)
            if root is not None:
                start, end = int(root.start_mark.index), int(root.end_mark.index)
                head = self.text[:start]
                tail = self.text[end:]
                text = head + "".join(new).rstrip("\n") + tail
                if not text.endswith("\n"):
                    text += "\n"
                first = head.count("\n") + 1
            else:
                prefix = (
                    self.text if self.text.endswith("\n") or not self.text else self.text + "\n"
                )
                text = prefix + "".join(new)
                first = prefix.count("\n") + 1
            self._check(text, [self._fragment_value(new)[0]])
            return first
        column = int(root.start_mark.column)
        new = self.style.render_record(record, column)
        separator = ["\n"] if self.style.separated else []
        if position < len(root.value):
            at = int(root.value[position].start_mark.line)
            while at > 0 and lines[at - 1].strip().startswith("#"):
                at -= 1
            block = new + separator
        else:
            at = _last_line(root.value[-1]) + 1
            block = separator + new
            if at > 0 and not lines[at - 1].endswith("\n"):
                lines[at - 1] += "\n"
        value = self._fragment_value(new)[0]
        expected = [*data[:position], value, *data[position:]]
        self._check("".join(lines[:at] + block + lines[at:]), expected)
        return at + 1 + (len(separator) if position >= len(root.value) else 0)

    def replace_record(self, index: int, record: dict[str, Any] | None) -> int:
        """Write ``record`` over the record at ``index``, in the file's style, or remove it
        (``None``). The record's own lines change; comments above it and every other line
        stay. A list left with no record is written ``[]``.

        Returns:
            The 1-based line where the record starts (or started).
        """
        data = self.data()
        root = self._root()
        if root is None or not 0 <= index < len(root.value):
            raise EditError(_("{file}: there is no such entry.").format(file=self.rel))
        lines = self._lines()
        item = root.value[index]
        first, last = int(item.start_mark.line), _last_line(item)
        column = int(root.start_mark.column)
        if record is None:
            new: list[str] = []
            expected = [*data[:index], *data[index + 1 :]]
            if self.style.separated and last + 1 < len(lines) and not lines[last + 1].strip():
                last += 1
            if not expected:
                new = [" " * column + "[]\n"]
        else:
            new = self.style.render_record(record, column)
            expected = [*data[:index], self._fragment_value(new)[0], *data[index + 1 :]]
        if last < len(lines) and not lines[last].endswith("\n") and new:
            new[-1] = new[-1].rstrip("\n")
        self._check("".join(lines[:first] + new + lines[last + 1 :]), expected)
        return first + 1

    def set_field(
        self,
        path: Sequence[int | str],
        key: str,
        value: Any,
        order: Sequence[str] = (),
    ) -> int:
        """Set ``key`` to ``value`` in the mapping at ``path`` (record index, then keys).

        A key that exists is written over in place, keeping a comment at the end
        of its line; a new key goes before the first existing key that comes after
        it in ``order``, else after the mapping's last line.

        Returns:
            The 1-based line of the key.
        """
        data = self.data()
        mapping = self._node_at(path)
        lines = self._lines()
        column = int(mapping.value[0][0].start_mark.column)
        new = self.style.render_pair(key, value, column)
        found = next(
            ((k, v) for k, v in mapping.value if isinstance(k, ScalarNode) and k.value == key),
            None,
        )
        if found is not None:
            key_node, value_node = found
            first, last = int(key_node.start_mark.line), _last_line(value_node)
            old_last = lines[last]
            tail = old_last[int(value_node.end_mark.column) :] if first == last else ""
            if tail.strip().startswith("#") and len(new) == 1:
                new = [new[0].rstrip("\n") + tail.rstrip("\n") + "\n"]
            if not old_last.endswith("\n"):
                new[-1] = new[-1].rstrip("\n")
            replaced = lines[:first] + new + lines[last + 1 :]
            at = first
        else:
            at = self._key_insertion_line(mapping, key, order, lines)
            if at > 0 and not lines[at - 1].endswith("\n"):
                lines[at - 1] += "\n"
            replaced = lines[:at] + new + lines[at:]
        plain = self._fragment_value(new)
        expected = _with_value(data, path, key, plain[key])
        self._check("".join(replaced), expected)
        return at + 1

    def append_item(
        self,
        path: Sequence[int | str],
        key: str,
        item: dict[str, Any],
        order: Sequence[str] = (),
        *,
        before: Callable[[Any], bool] | None = None,
    ) -> int:
        """Add ``item`` to the list under ``key`` in the mapping at ``path``.

        The item goes before the first item for which ``before`` holds, else last.

        Returns:
            The 1-based line of the new item.
        """
        data = self.data()
        mapping = self._node_at(path)
        found = next(
            (v for k, v in mapping.value if isinstance(k, ScalarNode) and k.value == key), None
        )
        current = _get(data, path).get(key)
        items = list(current) if isinstance(current, list) else []
        position = len(items)
        if before is not None:
            position = next((i for i, x in enumerate(items) if before(x)), len(items))
        if (
            found is None
            or not isinstance(found, SequenceNode)
            or getattr(found, "flow_style", False)
            or not found.value
        ):
            return self.set_field(path, key, [*items[:position], item, *items[position:]], order)
        lines = self._lines()
        column = int(found.start_mark.column)
        new = self.style.render_record(item, column, key)
        if position < len(found.value):
            at = int(found.value[position].start_mark.line)
            while at > 0 and lines[at - 1].strip().startswith("#"):
                at -= 1
        else:
            at = _last_line(found) + 1
            if not lines[at - 1].endswith("\n"):
                lines[at - 1] += "\n"
        value = self._fragment_value(new)[0]
        expected = _with_value(data, path, key, [*items[:position], value, *items[position:]])
        self._check("".join(lines[:at] + new + lines[at:]), expected)
        return at + 1

    def _node_at(self, path: Sequence[int | str]) -> MappingNode:
        node: Node | None = self._root()
        for part in path:
            if isinstance(node, SequenceNode) and isinstance(part, int):
                node = node.value[part]
            elif isinstance(node, MappingNode):
                node = next(
                    (v for k, v in node.value if isinstance(k, ScalarNode) and k.value == part),
                    None,
                )
            else:
                node = None
        if not isinstance(node, MappingNode) or not node.value or node.flow_style:
            raise EditError(
                _("{file}: the entry to change is not written as a block of keys.").format(
                    file=self.rel
                )
            )
        return node

    def _key_insertion_line(
        self, mapping: MappingNode, key: str, order: Sequence[str], lines: list[str]
    ) -> int:
        later = set(order[order.index(key) + 1 :]) if key in order else set()
        for k, _v in mapping.value:
            if isinstance(k, ScalarNode) and k.value in later:
                at = int(k.start_mark.line)
                if lines[at].lstrip().startswith("- "):
                    break
                while at > 0 and lines[at - 1].strip().startswith("#"):
                    at -= 1
                return at
        return _last_line(mapping) + 1


def _dedent(text: str) -> str:
    lines = text.splitlines(keepends=True)
    width = min((len(x) - len(x.lstrip(" ")) for x in lines if x.strip()), default=0)
    return "".join(x[width:] if x.strip() else x for x in lines)


def _get(data: Any, path: Sequence[int | str]) -> Any:
    for part in path:
        data = data[part]
    return data


def _with_value(data: list[Any], path: Sequence[int | str], key: str, value: Any) -> list[Any]:
    """A copy of ``data`` with ``key`` set to ``value`` in the mapping at ``path``."""

    def rebuild(node: Any, rest: Sequence[int | str]) -> Any:
        if not rest:
            return {**node, key: value}
        head = rest[0]
        if isinstance(node, list):
            return [rebuild(x, rest[1:]) if i == head else x for i, x in enumerate(node)]
        return {k: (rebuild(v, rest[1:]) if k == head else v) for k, v in node.items()}

    result: list[Any] = rebuild(data, path)
    return result
