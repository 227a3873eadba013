"""YAML 1.2 numbers from their plain text, the same for both ways of reading a file.

:mod:`lstg.fastyaml` (libyaml) and :mod:`lstg.yamlnodes` (ruamel.yaml) resolve a
plain scalar to a tag the same way; these turn the text of an ``int`` or
``float`` scalar into its value, so that both paths give the same data.
"""

from __future__ import annotations


def to_int(text: str) -> int:
    """A YAML 1.2 integer: decimal, ``0o`` octal, ``0x`` hex or ``0b`` binary, ``_`` allowed."""
    if text.isdigit():
        return int(text)
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


def to_float(text: str) -> float:
    """A YAML 1.2 float: ``_`` allowed, ``.inf``, ``-.inf`` and ``.nan`` in any case."""
    clean = text.replace("_", "").lower()
    if clean in (".inf", "+.inf"):
        return float("inf")
    if clean == "-.inf":
        return float("-inf")
    if clean == ".nan":
        return float("nan")
    return float(clean)
