"""The node tree of a file being edited, composed from libyaml's events.

The editor needs the position (line, column and character offset) of the start
and end of every value. libyaml's events carry them; the tree is built here in a
loop with an explicit stack, as ruamel.yaml node objects, about twenty times
faster than ruamel.yaml's own composer, so that a large members file is edited
in a second or two. What the reader refuses (aliases, anchors, merge keys, tags,
deep nesting, a second document, a syntax error) cannot be edited either, and is
said with its file and line.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.read.yamlevents import (
    MAX_DEPTH,
    AliasEvent,
    DocumentStartEvent,
    EventParser,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    YAMLError,
    no_gc,
    syntax_problem,
)


class _Scalar(ScalarNode):
    """A scalar node with only what the editor reads: value, marks, style."""

    __slots__ = ()

    def __init__(self, value: str, start: Any, end: Any, style: str | None) -> None:
        self.ctag = None  # type: ignore[assignment]
        self.value = value
        self.start_mark = start
        self.end_mark = end
        self.comment = None
        self.anchor = None
        self.style = style


class _Sequence(SequenceNode):
    __slots__ = ()

    def __init__(self, start: Any, flow_style: bool) -> None:
        self.ctag = None  # type: ignore[assignment]
        self.value: list[Any] = []
        self.start_mark = start
        self.end_mark = None
        self.comment = None
        self.anchor = None
        self.flow_style = flow_style


class _Mapping(MappingNode):
    __slots__ = ()

    def __init__(self, start: Any, flow_style: bool) -> None:
        self.ctag = None  # type: ignore[assignment]
        self.value: list[Any] = []
        self.start_mark = start
        self.end_mark = None
        self.comment = None
        self.anchor = None
        self.flow_style = flow_style
        self.merge = None


class EditError(UserError):
    """The file cannot be edited safely: its text is not what an edit expects.

    The message names the file, and the line where there is one.
    """


def located(rel: str, mark: Any, message: str) -> EditError:
    """An :class:`EditError` at ``mark`` (a libyaml mark) of the file ``rel``."""
    if mark is None:
        return EditError(f"{rel}: {message}")
    return EditError(f"{rel}:{int(mark.line) + 1}:{int(mark.column) + 1}: {message}")


def _refused(rel: str, mark: Any, what: str) -> EditError:
    return located(
        rel,
        mark,
        _("{what}: the file cannot be edited safely; run lstg validate and correct it.").format(
            what=what
        ),
    )


def compose(text: str, rel: str) -> Node | None:
    """The node tree of ``text``; ``None`` for a text that holds no document.

    Raises:
        EditError: the text holds what data files must not, or cannot be parsed.
    """
    parser = EventParser(text)
    try:
        with no_gc():
            return _compose(parser, rel)
    except YAMLError as exc:
        problem = syntax_problem(rel, exc, text)
        raise EditError(
            f"{rel}:{problem.line}:{problem.column}: "
            + _("{what} The file cannot be edited; run lstg validate and correct it.").format(
                what=problem.message
            )
        ) from None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()


def _compose(parser: Any, rel: str) -> Node | None:
    get = parser.get_event
    stack: list[tuple[Node, Any]] = []
    root: Node | None = None
    documents = 0
    while True:
        event = get()
        kind = type(event)
        node: Node
        if kind is ScalarEvent:
            if event.anchor is not None:
                raise _refused(rel, event.start_mark, _("an anchor (&)"))
            if event.value == "<<" and event.tag is None and not event.style:
                raise _refused(rel, event.start_mark, _("a merge key (<<)"))
            node = _Scalar(event.value, event.start_mark, event.end_mark, event.style or None)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None:
                raise _refused(rel, event.start_mark, _("an anchor (&)"))
            if len(stack) > MAX_DEPTH:
                raise _refused(rel, event.start_mark, _("nesting too deep"))
            collection: Node = (
                _Mapping(event.start_mark, event.flow_style)
                if kind is MappingStartEvent
                else _Sequence(event.start_mark, event.flow_style)
            )
            stack.append((collection, None))
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            node, _pending = stack.pop()
            node.end_mark = event.end_mark
        elif kind is AliasEvent:
            raise _refused(rel, event.start_mark, _("an alias (*)"))
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _refused(rel, event.start_mark, _("a second document (---)"))
            continue
        elif kind is StreamEndEvent:
            return root
        else:
            continue
        if not stack:
            root = node
            continue
        parent, pending = stack[-1]
        if isinstance(parent, MappingNode):
            if pending is None:
                stack[-1] = (parent, node)
            else:
                parent.value.append((pending, node))
                stack[-1] = (parent, None)
        else:
            parent.value.append(node)
