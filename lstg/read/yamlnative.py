"""The fast path of reading: a native YAML 1.2 parser, for texts that hold nothing unusual.

yaml-rs (a Rust parser) builds Python objects directly, several times as fast
as lstg's own pass over libyaml's events (:mod:`lstg.read.yamlevents`). It reads
plain scalars by the YAML 1.2 core schema as ruamel.yaml does (``yes`` is text,
``012`` is twelve) and keeps dates as text. It is used only where it cannot
read a text differently from the event path: :func:`plain` first scans the
text (each test a pass in C over its bytes) and leaves to the event path every
text that holds any of

- text that is not in NFC (the event path normalises it, with a warning);
- anchors, aliases, tags, merge keys (``&``, ``*``, ``!``, ``<<``), explicit
  keys (``?``) or directives (``%``), which the native parser would expand or
  accept;
- block scalars (``|``, ``>``), whose edge cases (an empty one, one at the
  root) the two parsers read differently;
- more than one document;
- control characters, tabs, backslash escapes, the line breaks that YAML 1.1
  counts and YAML 1.2 does not (U+0085, U+2028, U+2029), and byte order marks
  past the start;
- what YAML 1.2 allows and libyaml (YAML 1.1) refuses: a value in brackets
  that starts with ``:`` or ``-`` (``[:x]``, ``[- x]``), a ``:`` right before a
  bracket, a comma or a quote (``[b:]``), a line that starts with ``:``;
- numbers the two read differently: ``0X1F`` (text in lstg), a ``_`` in a
  number (``1_000``, ``9e_3``, ``0x_``), ``.5e3`` (text for lstg and
  ruamel.yaml), ``.inf`` and ``.nan``, and any run of 13 digits or more (where a
  number may pass the 40 characters a number may have);

and any text that the native parser refuses (a syntax error, a duplicate key).
What is left are texts whose native data no schema accepts: a key left empty
(``: x``, read as a ``None`` key), a list or a mapping used as a key, a number
too large to be finite (``1e400``), nesting deeper than
:data:`~lstg.read.yamlevents.MAX_DEPTH`. The loader reads a file again the careful
way whenever its data has a problem, so that every problem is found, worded
and located by the event path (``tests/test_yamlnative.py`` compares the two on
every bundled file, a generated corpus and generated texts).

Without yaml-rs installed, every text takes the event path.
"""

from __future__ import annotations

import re
import unicodedata
from types import ModuleType
from typing import Any, Final

yaml_rs: ModuleType | None
try:
    import yaml_rs
except ImportError:  # pragma: no cover - the wheel is missing on this platform
    yaml_rs = None

__all__ = ["AVAILABLE", "NOT_READ", "native_load", "plain"]

AVAILABLE: Final = yaml_rs is not None
"""Whether the native parser is installed."""


class _NotRead:
    """The text was left to the event path."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_READ"


NOT_READ: Final = _NotRead()

_CONTROLS = bytes([*range(9), 11, 12, *range(14, 32), 127])
_RARE = b"&*!?%|>\\\t<\xc2\xe2\xef" + _CONTROLS
_COMMON = bytes(b for b in range(256) if b not in _RARE)
"""Every byte but the rare ones: deleting them leaves what needs a closer look."""

_LEFT_TO_EVENTS = frozenset(b"\\\t" + _CONTROLS)
_NODE_PROPERTY = re.compile(r"(?:^|[\s\[\]{},])[&*!]", re.MULTILINE)
_EXPLICIT_KEY = re.compile(r"(?:^|[\s\[{,])\?", re.MULTILINE)
"""``? key`` and, in brackets, ``[?x]``: a key for libyaml, text for the native parser."""
_DIRECTIVE = re.compile(r"^%", re.MULTILINE)
_BLOCK_SCALAR = re.compile(r"[|>](?<![^\s\[{,:][|>])")
"""A block scalar (``|``, ``>``); ``|`` and ``>`` starting a value in brackets."""
_ODD_CHARACTER = re.compile(rb"\xe2\x80[\xa8\xa9]|\xc2[\x80-\x9f]|\xef(?:\xbb\xbf|\xbf[\xbe\xbf])")
"""U+2028, U+2029, C1 controls (U+0085 among them), U+FEFF, U+FFFE and U+FFFF."""

_ODD_NUMBERS = (
    re.compile(rb"0[XOB]|0[xob][0-9A-Za-z]*_"),  # 0X1F (text in lstg), 0x_ (refused by lstg)
    re.compile(rb"_(?:(?<![^\W\d]_)|(?=[0-9]))"),  # a _ in a number (1_000, -_, 9e_3)
    # .5e3 (text in lstg, a number for yaml-rs), and .inf or .nan (not finite: lstg reports
    # them): one pass over the dots.
    re.compile(rb"\.(?:(?<![0-9]\.)[0-9]+[eE]|inf|Inf|INF|nan|NaN|NAN)"),
)
"""Numbers that the two parsers read differently, or that lstg reports where they are."""

_ODD_COLON = re.compile(rb":[\]},?:|>'\"]")
"""``b:]``, ``a:,`` and the like: syntax errors for libyaml, keys for the native parser."""


def _flow_class(byte: int) -> int:
    if byte in b"[{,":
        return ord(",")
    if byte in b":-.\n":
        return byte
    return ord("0") if byte in b"0123456789" else ord("a")


_FLOW = bytes(_flow_class(b) for b in range(256))
"""Bytes mapped to what the last tests look at: the starts of lines and of values in
brackets, and digits. Spaces are deleted too, so that each test finds what it looks for
wherever the bytes do, and more (which only leaves a text to the event path)."""
_LINE_START = re.compile(rb"\n(?:---|\.\.\.|:)")
"""A line that starts ``---`` or ``...`` (another document), or ``:`` (such as an empty key)."""
_VALUE_START = re.compile(rb",[:-]")
"""``[:x]`` or ``[- x]``, which libyaml refuses."""
_LONG_DIGITS = b"0" * 13
"""A run of digits that may be a number past the 40 characters a number may have."""


def plain(text: str, raw: bytes) -> bool:
    """Whether ``text`` (decoded from ``raw``) holds nothing the native parser may read
    differently from :mod:`lstg.read.yamlevents`; see the module's description.

    Each test is one pass in C over the bytes: a translation, a search for a fixed
    string, or an expression that starts with a fixed character.
    """
    if not (raw.isascii() or unicodedata.is_normalized("NFC", text)):
        return False
    rare = raw.translate(None, _COMMON)
    if rare:
        found = set(rare)
        if found & _LEFT_TO_EVENTS or (ord("<") in found and "<<" in text):
            return False
        if found & {ord("&"), ord("*"), ord("!")} and _NODE_PROPERTY.search(text):
            return False
        if ord("?") in found and _EXPLICIT_KEY.search(text):
            return False
        if ord("%") in found and _DIRECTIVE.search(text):
            return False
        if found & {ord("|"), ord(">")} and _BLOCK_SCALAR.search(text):
            return False
        start = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
        if found & {0xC2, 0xE2, 0xEF} and _ODD_CHARACTER.search(raw, start):
            return False
    if any(expression.search(raw) for expression in _ODD_NUMBERS) or _ODD_COLON.search(raw):
        return False
    flow = raw.translate(_FLOW, b" \r")
    return not (
        flow.startswith(b"...")
        or _LINE_START.search(flow)
        or _VALUE_START.search(flow)
        or _LONG_DIGITS in flow
    )


def native_load(text: str, raw: bytes) -> Any:
    """The data of the YAML ``text`` (decoded from ``raw``), read by the native parser;
    :data:`NOT_READ` when the text is left to the event path."""
    if yaml_rs is None or not plain(text, raw):
        return NOT_READ
    try:
        return yaml_rs.loads(
            text,
            parse_datetime=False,
            duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error,
        )
    except Exception:
        return NOT_READ
    except BaseException as exc:
        # A panic inside the extension is a BaseException; the event path reads the text.
        if type(exc).__name__ == "PanicException":
            return NOT_READ
        raise
