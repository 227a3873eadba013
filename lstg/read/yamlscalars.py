"""YAML 1.2 scalars: the tag of a plain scalar, and its value, by a total conversion.

Plain (unquoted, untagged) scalars are resolved with ruamel.yaml's YAML 1.2
core-schema expressions (``yes`` is text, ``012`` is twelve, ``1:20`` is text).
:func:`convert` turns a scalar's text into its value for every text the
resolver or an explicit standard tag can give it: it never raises, and a text
that looks like a number but is not one (``-_``, ``0x_``, ``!!int six``), a
number too long to be data, an infinity or a NaN, comes back as a
:class:`BadScalar` saying why, for the reader to report at its line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from lstg.core.i18n import _

_Y = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = _Y + "str", _Y + "int", _Y + "float", _Y + "bool", _Y + "null"
SEQ, MAP, TIMESTAMP, MERGE = _Y + "seq", _Y + "map", _Y + "timestamp", _Y + "merge"
STANDARD_SCALAR_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, TIMESTAMP})
"""Explicit tags a data file may put on a scalar (``!!str 12``), if the text fits the tag."""

MAX_NUMBER_CHARS = 40
"""Longest number text that is read as a number: no amount, year or measure needs more,
and Python's conversion of very long integers is slow (and refused past 4,300 digits)."""

_INT = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+)$""",
    re.X,
)
_FLOAT = re.compile(
    r"""^(?:
     [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TIMESTAMP = re.compile(
    r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
    (?:[Tt]|[ \t]+)[0-9][0-9]?
    :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
    (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
    re.X,
)

# The YAML 1.2 implicit resolvers of ruamel.yaml (ruamel/yaml/resolver.py), in its order.
_RESOLVERS: list[tuple[str, re.Pattern[str], str]] = [
    (BOOL, _BOOL, "tTfF"),
    (FLOAT, _FLOAT, "-+0123456789."),
    (INT, _INT, "-+0123456789"),
    (MERGE, re.compile(r"^(?:<<)$"), "<"),
    (NULL, _NULL, "~nN"),
    (TIMESTAMP, _TIMESTAMP, "0123456789"),
]

_BY_FIRST: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _tag, _regex, _first in _RESOLVERS:
    for _char in _first:
        _BY_FIRST.setdefault(_char, []).append((_tag, _regex))

_FITS: dict[str, re.Pattern[str]] = {
    INT: _INT,
    FLOAT: _FLOAT,
    BOOL: _BOOL,
    NULL: _NULL,
    TIMESTAMP: _TIMESTAMP,
}


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


def resolve_cached(value: str) -> str:
    """:func:`resolve_plain`, remembered for short texts."""
    tag = _RESOLVED.get(value)
    if tag is None:
        tag = resolve_plain(value)
        if len(value) <= 64:
            if len(_RESOLVED) > 200_000:
                _RESOLVED.clear()
            _RESOLVED[value] = tag
    return tag


@dataclass(frozen=True, slots=True)
class BadScalar:
    """A scalar whose text cannot be the value its tag says.

    Attributes:
        code: the problem's code (``yaml.number``, ``yaml.not-finite``, ``yaml.tag``).
        message: what is wrong, in the user's language.
        hint: how to fix it.
    """

    code: str
    message: str
    hint: str


def shown(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters for quoting it in a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fits(tag: str, text: str) -> bool:
    """Whether ``text`` is a value of the standard scalar ``tag`` (``!!int 12`` but not
    ``!!int six``)."""
    if tag == STR:
        return True
    regex = _FITS.get(tag)
    return regex is not None and regex.match(text) is not None


def convert(tag: str, text: str) -> Any:
    """The value of a scalar of the standard ``tag``; a :class:`BadScalar` if there is none.

    Never raises: this is the one conversion of scalar texts into values.
    """
    if tag in (STR, TIMESTAMP):
        return text
    if tag == NULL:
        return None
    if tag == BOOL:
        return text.lower() == "true"
    if tag == INT:
        return _to_int(text)
    if tag == FLOAT:
        return _to_float(text)
    return BadScalar(
        "yaml.tag",
        _("The tag “{tag}” is not allowed in data files.").format(tag=tag),
        _("Remove the tag; data files hold plain values only."),
    )


def _not_a_number(text: str) -> BadScalar:
    return BadScalar(
        "yaml.number",
        _("“{text}” looks like a number but cannot be read as one.").format(text=shown(text)),
        _("Write the number with digits only, such as 1956 or 52.5; put text in quotes."),
    )


def _too_long(text: str) -> BadScalar:
    return BadScalar(
        "yaml.number",
        _("The number “{text}” has more than {n} characters.").format(
            text=shown(text), n=MAX_NUMBER_CHARS
        ),
        _("No amount, year or measure needs so many digits; check what was typed."),
    )


def _to_int(text: str) -> int | BadScalar:
    """A YAML 1.2 integer: decimal, ``0o`` octal, ``0x`` hex or ``0b`` binary, ``_`` allowed."""
    if len(text) > MAX_NUMBER_CHARS:
        return _too_long(text)
    if text.isdigit():
        return int(text)
    clean = text.replace("_", "")
    sign = -1 if clean.startswith("-") else 1
    digits = clean.lstrip("+-")
    base = 10
    if digits[:2] in ("0o", "0O"):
        digits, base = digits[2:], 8
    elif digits[:2] in ("0x", "0X"):
        digits, base = digits[2:], 16
    elif digits[:2] in ("0b", "0B"):
        digits, base = digits[2:], 2
    try:
        return sign * int(digits, base)
    except ValueError:
        return _not_a_number(text)


def _to_float(text: str) -> float | BadScalar:
    """A YAML 1.2 float, ``_`` allowed; infinities and NaN are not data values."""
    if len(text) > MAX_NUMBER_CHARS:
        return _too_long(text)
    clean = text.replace("_", "").lower().removeprefix("+")
    if clean.lstrip("-") in (".inf", ".nan"):
        return _not_finite(text)
    try:
        value = float(clean)
    except ValueError:
        return _not_a_number(text)
    if not math.isfinite(value):
        return _not_finite(text)
    return value


def _not_finite(text: str) -> BadScalar:
    return BadScalar(
        "yaml.not-finite",
        _("“{text}” is not a finite number.").format(text=shown(text)),
        _("Write the measured value, or leave the field out if it was not measured."),
    )


def to_int(text: str) -> int:
    """:func:`convert` of an ``int`` text, for callers that know the text is one.

    Raises:
        ValueError: the text is not an integer.
    """
    value = _to_int(text)
    if isinstance(value, BadScalar):
        raise ValueError(value.message)
    return value


def to_float(text: str) -> float:
    """:func:`convert` of a ``float`` text (finite), for callers that know the text is one.

    Raises:
        ValueError: the text is not a finite number.
    """
    value = _to_float(text)
    if isinstance(value, BadScalar):
        raise ValueError(value.message)
    return value
