"""From YAML text to plain data in one pass over libyaml's events, with every problem located.

libyaml (PyYAML's C extension) scans and parses; its events carry the line and
column of every value, so a problem is located where it is found, with no
second reading of the file. Data is built here, in a loop with an explicit
stack (no recursion, so no nesting depth can overflow a stack): YAML 1.2 scalars
(:mod:`lstg.read.yamlscalars`), dates kept as the text written, text normalised to
NFC (with a warning when it was not). What data files must not hold is reported:

- anchors and aliases (``&``, ``*``): the first alias stops the reading, so no
  alias is ever expanded, however many there are;
- tags other than the standard scalar ones on values that fit them (``!!str 12``
  is allowed, ``!!int six``, ``!!python/…`` and ``!!str`` on a list are not);
- keys that are lists or mappings, duplicate keys, nesting beyond
  :data:`MAX_DEPTH`, more than one document;
- numbers that cannot be converted, are too long, or are infinite or NaN: these
  are reported at their line and the value is read as missing, the rest of the
  file is read on.
"""

from __future__ import annotations

import gc
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from lstg.core.i18n import _
from lstg.core.problems import PathPart, Problem, error, warning
from lstg.read.yamlscalars import (
    _RESOLVED,
    MAP,
    MERGE,
    SEQ,
    STANDARD_SCALAR_TAGS,
    STR,
    TIMESTAMP,
    BadScalar,
    convert,
    fits,
    resolve_cached,
    shown,
)

try:
    from yaml._yaml import CParser as EventParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as EventParser  # type: ignore[assignment]
from yaml import YAMLError
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

__all__ = [
    "MAX_DEPTH",
    "AliasEvent",
    "Built",
    "DocumentStartEvent",
    "EventParser",
    "MappingEndEvent",
    "MappingStartEvent",
    "ScalarEvent",
    "SequenceEndEvent",
    "SequenceStartEvent",
    "StreamEndEvent",
    "YAMLError",
    "build",
    "no_gc",
    "syntax_problem",
    "tag_name",
]

MAX_DEPTH = 40
"""Deepest nesting of lists and mappings that data may have."""

_YAML = "tag:yaml.org,2002:"


@contextmanager
def no_gc(*, keep: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while a file's many small objects are built.

    Building holds no cycles, but each collection would walk every object made so
    far: with it on, a 3 MB file takes four times as long.

    Args:
        keep: what was built is kept (a loaded club): when the pause ends, every
            object alive is moved out of the collector's generations
            (:func:`gc.freeze`), so that no later collection walks them again,
            to free none of them. Acyclic objects are still freed, by reference
            counting, once they are no longer used.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if keep:
                gc.freeze()
            gc.enable()


def tag_name(tag: str) -> str:
    """A tag as it is written in a file: ``!!int`` for the standard ones."""
    return "!!" + tag.removeprefix(_YAML) if tag.startswith(_YAML) else tag


@dataclass(slots=True)
class Built:
    """The data of one document and what is wrong with it.

    Attributes:
        data: the plain data; ``None`` when the text could not be read as data.
        problems: every problem found, located.
        bad: paths (keys and indexes) of values that were reported here and read
            as missing, so that the schema does not report them a second time.
    """

    data: Any
    problems: list[Problem] = field(default_factory=list)
    bad: list[tuple[PathPart, ...]] = field(default_factory=list)


class _Abort(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


class _Frame:
    """A list or mapping being built."""

    __slots__ = ("container", "is_map", "key", "key_text", "skip", "waiting_key")

    def __init__(self, container: Any, is_map: bool) -> None:
        self.container = container
        self.is_map = is_map
        self.waiting_key = True
        self.key: Any = None
        self.key_text = ""
        self.skip = False


def _at(mark: Any) -> tuple[int, int]:
    return int(mark.line) + 1, int(mark.column) + 1


def _alias_problem(rel: str, mark: Any) -> Problem:
    line, column = _at(mark)
    return error(
        rel,
        "yaml.alias",
        _("Anchors and aliases (& and *) are not allowed in data files."),
        hint=_("Write each value out in full."),
        line=line,
        column=column,
    )


def _tag_problem(rel: str, tag: str, mark: Any, message: str | None = None) -> Problem:
    line, column = _at(mark)
    return error(
        rel,
        "yaml.tag",
        message or _("The tag “{tag}” is not allowed in data files.").format(tag=tag_name(tag)),
        hint=_("Remove the tag; data files hold plain values only."),
        line=line,
        column=column,
    )


def build(text: str, rel: str) -> Built:
    """The data of the YAML ``text`` (the file ``rel``), and its problems.

    Never raises for any text: whatever cannot be read is a located problem.
    """
    parser = EventParser(text)
    try:
        with no_gc():
            return _build(parser, text, rel)
    except _Abort as abort:
        return Built(None, [abort.problem])
    except YAMLError as exc:
        return Built(None, [syntax_problem(rel, exc, text)])
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()


_TEXT = frozenset({STR, TIMESTAMP})


def _build(parser: Any, text: str, rel: str) -> Built:
    get = parser.get_event
    stack: list[_Frame] = []
    problems: list[Problem] = []
    bad: list[tuple[PathPart, ...]] = []
    root: Any = None
    documents = 0
    anchor_mark: Any = None
    is_normalized = unicodedata.is_normalized
    known = _RESOLVED.get

    while True:
        event = get()
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None and anchor_mark is None:
                anchor_mark = event.start_mark
            tag = event.tag
            raw: str = event.value
            value: Any
            if tag is None:
                resolved = STR if event.style else (known(raw) or resolve_cached(raw))
            elif tag == "!":
                resolved = STR
            elif tag in STANDARD_SCALAR_TAGS:
                if not fits(tag, raw):
                    raise _Abort(
                        _tag_problem(
                            rel,
                            tag,
                            event.start_mark,
                            _("“{text}” is not a value of the tag “{tag}”.").format(
                                text=shown(raw), tag=tag_name(tag)
                            ),
                        )
                    )
                resolved = tag
            else:
                raise _Abort(_tag_problem(rel, tag, event.start_mark))
            if resolved is STR or resolved is TIMESTAMP or resolved in _TEXT:
                if raw.isascii() or is_normalized("NFC", raw):
                    value = raw
                else:
                    value = unicodedata.normalize("NFC", raw)
                    line, column = _at(event.start_mark)
                    problems.append(
                        warning(
                            rel,
                            "text.not-nfc",
                            _(
                                "The text “{text}” is not in the standard Unicode form (NFC)."
                            ).format(text=shown(value)),
                            hint=_(
                                "It was read as NFC; retype it or save the file from a "
                                "current editor."
                            ),
                            line=line,
                            column=column,
                        )
                    )
            elif resolved == MERGE:
                line, column = _at(event.start_mark)
                raise _Abort(
                    error(
                        rel,
                        "yaml.alias",
                        _("Merge keys (<<) are not allowed in data files."),
                        hint=_("Write each value out in full."),
                        line=line,
                        column=column,
                    )
                )
            else:
                value = convert(resolved, raw)
                if type(value) is BadScalar:
                    line, column = _at(event.start_mark)
                    problems.append(
                        error(
                            rel,
                            value.code,
                            value.message,
                            hint=value.hint,
                            line=line,
                            column=column,
                        )
                    )
                    bad.append(_path(stack))
                    value = raw if stack and stack[-1].is_map and stack[-1].waiting_key else None
            if not stack:
                root = value
                continue
            top = stack[-1]
            if top.is_map:
                if top.waiting_key:
                    if type(value) is int and not event.style and top.key is not None:
                        split = _decimal_comma(rel, text, top, raw, event.start_mark)
                        if split is not None:
                            problems.append(split)
                            bad.append(_path(stack))
                    if value in top.container:
                        line, column = _at(event.start_mark)
                        problems.append(
                            error(
                                rel,
                                "yaml.duplicate-key",
                                _("The key “{key}” appears twice in the same mapping.").format(
                                    key=shown(str(value))
                                ),
                                hint=_("Keep one of the two; each fact is stated once."),
                                line=line,
                                column=column,
                            )
                        )
                        top.skip = True
                    top.key = value
                    top.key_text = raw
                    top.waiting_key = False
                else:
                    if not top.skip:
                        top.container[top.key] = value
                    top.skip = False
                    top.waiting_key = True
            else:
                top.container.append(value)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            is_map = kind is MappingStartEvent
            if event.anchor is not None and anchor_mark is None:
                anchor_mark = event.start_mark
            tag = event.tag
            if tag is not None and tag != "!" and tag != (MAP if is_map else SEQ):
                raise _Abort(_tag_problem(rel, tag, event.start_mark))
            if stack and stack[-1].is_map and stack[-1].waiting_key:
                line, column = _at(event.start_mark)
                raise _Abort(
                    error(
                        rel,
                        "yaml.complex-key",
                        _("A key must be a plain word."),
                        line=line,
                        column=column,
                    )
                )
            if len(stack) > MAX_DEPTH:
                line, column = _at(event.start_mark)
                raise _Abort(
                    error(
                        rel,
                        "yaml.too-deep",
                        _("The data is nested too deeply here."),
                        line=line,
                        column=column,
                    )
                )
            stack.append(_Frame({} if is_map else [], is_map))
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            done = stack.pop().container
            if not stack:
                root = done
                continue
            top = stack[-1]
            if top.is_map:
                if not top.skip:
                    top.container[top.key] = done
                top.skip = False
                top.waiting_key = True
            else:
                top.container.append(done)
        elif kind is AliasEvent:
            raise _Abort(_alias_problem(rel, event.start_mark))
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                line, column = _at(event.start_mark)
                raise _Abort(
                    error(
                        rel,
                        "yaml.syntax",
                        _("The file holds a second document here; a data file holds one."),
                        hint=_(
                            "Remove the “---” line and what follows, or move it to its own file."
                        ),
                        line=line,
                        column=column,
                    )
                )
        elif kind is StreamEndEvent:
            break
    if anchor_mark is not None:
        raise _Abort(_alias_problem(rel, anchor_mark))
    return Built(root, problems, bad)


def _decimal_comma(rel: str, text: str, frame: _Frame, raw: str, mark: Any) -> Problem | None:
    """A number written with a decimal comma inside ``{…}`` (``weight: 44,6``), which YAML
    reads as the entry ``weight: 44`` and a key ``6``: the problem, at the comma."""
    before = frame.container.get(frame.key)
    if type(before) is not int or not raw.isdigit():
        return None
    index = getattr(mark, "index", None)
    if not isinstance(index, int) or text[:index].rstrip(" ")[-1:] != ",":
        return None
    line, column = _at(mark)
    written = f"{frame.key_text}: {before},{raw}"
    return error(
        rel,
        "yaml.decimal-comma",
        _("“{written}” has a decimal comma: inside {{…}} a comma separates entries.").format(
            written=shown(written)
        ),
        hint=_("Write the number with a point: “{key}: {whole}.{part}”.").format(
            key=frame.key_text, whole=before, part=raw
        ),
        line=line,
        column=max(column - 1, 1),
    )


def _path(stack: list[_Frame]) -> tuple[PathPart, ...]:
    """Where the value being read goes: keys and indexes from the document's root."""
    parts: list[PathPart] = []
    for frame in stack:
        if frame.is_map:
            if frame.waiting_key:
                break
            key = frame.key
            parts.append(key if isinstance(key, (str, int)) else str(key))
        else:
            parts.append(len(frame.container))
    return tuple(parts)


def syntax_problem(rel: str, exc: YAMLError, text: str = "") -> Problem:
    """A parser's error as a located problem, with a message a club secretary can act on."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = int(mark.line) + 1 if mark is not None else 1
    column = int(mark.column) + 1 if mark is not None else 1
    what = str(getattr(exc, "problem", None) or getattr(exc, "context", None) or exc).strip()
    at = _char_at(text, mark)
    indentation = _(
        "Check the indentation: items of one list or mapping start in the same column, "
        "with spaces, not tabs."
    )
    code = "yaml.syntax"
    hint: str | None = indentation
    if "nesting depth" in what:
        code = "yaml.too-deep"
        message = _("The data is nested too deeply here.")
        hint = None
    elif at == "\t" or "\\t" in what:
        code = "yaml.tab"
        message = _("A tab character is used here; YAML is indented with spaces only.")
        hint = _("Replace the tab with spaces, in the same column as the lines around it.")
    elif "mapping values are not allowed" in what:
        message = _("A “:” is not expected here: this line is probably indented wrongly.")
    elif (
        "expected <block end>" in what
        or "expected ':'" in what
        or "did not find expected key" in what
        or "did not find expected '-'" in what
        or "could not find expected ':'" in what
    ):
        message = _("This line does not line up with the lines above it.")
    elif _unclosed(exc) is not None:
        return _unclosed_problem(rel, exc, text)
    elif "end of stream" in what or "quoted scalar" in what or "did not find expected ','" in what:
        message = _("A quote or bracket opened here is never closed.")
        hint = _('Close it on the same line, such as “note: "…"” or “[M001, M002]”.')
    elif "cannot start any token" in what and at is not None:
        message = _("The character “{char}” cannot start a value.").format(char=at)
        hint = _('Put the value in quotes, such as “note: "{char}…"”.').format(char=at)
    elif "control characters" in what or "special characters" in what:
        message = _("The file holds a control character that text may not hold.")
        hint = _("Delete the character, or save the file again from a text editor.")
    else:
        message = _("The YAML cannot be read here: {reason}.").format(reason=shown(what, 80))
    return error(rel, code, message, hint=hint, line=line, column=column)


_OPENERS = {"flow sequence": ("[", "]"), "flow mapping": ("{", "}"), "quoted scalar": ('"', '"')}


def _unclosed(exc: YAMLError) -> tuple[str, str] | None:
    """The bracket or quote that ``exc`` says was opened and not closed, with its closer."""
    context = str(getattr(exc, "context", "") or "")
    if getattr(exc, "context_mark", None) is None or getattr(exc, "problem_mark", None) is None:
        return None
    return next((pair for name, pair in _OPENERS.items() if name in context), None)


def _unclosed_problem(rel: str, exc: YAMLError, text: str) -> Problem:
    """A bracket or quote never closed: located where it opens, saying where reading
    failed (often lines further on, where the next key comes)."""
    opener, closer = _unclosed(exc) or ("[", "]")
    start, stop = exc.context_mark, exc.problem_mark  # type: ignore[attr-defined]
    line, column = _at(start)
    if opener == '"':
        opener = _char_at(text, start) or opener
        closer = opener
    found = _char_at(text, stop)
    where = _("line {line}, column {column}").format(line=stop.line + 1, column=stop.column + 1)
    if found is None or "end of stream" in str(getattr(exc, "problem", "")):
        message = _("The “{open}” opened here is never closed: the file ends first.").format(
            open=opener
        )
    elif opener in "[{":
        message = _(
            "The “{open}” opened here is not closed: at {where}, “{found}” comes where "
            "“,” or “{close}” was expected."
        ).format(open=opener, where=where, found=found, close=closer)
    else:
        message = _("The quote “{open}” opened here is not closed before {where}.").format(
            open=opener, where=where
        )
    hint = _("Add “{close}” after the last item, before {where}.").format(close=closer, where=where)
    if opener not in "[{":
        hint = _("Close the quote with “{close}” at the end of the text, on line {line}.").format(
            close=closer, line=line
        )
    elif found is not None and stop.line == start.line:
        hint = _("Put a “,” between two items, and “{close}” after the last one.").format(
            close=closer
        )
    return error(rel, "yaml.syntax", message, hint=hint, line=line, column=column)


def _char_at(text: str, mark: Any) -> str | None:
    index = getattr(mark, "index", None)
    if not isinstance(index, int) or not 0 <= index < len(text):
        return None
    return text[index]
