"""Writing the data files' YAML text by hand, deterministically.

Records are block mappings; short things (a commune, a ledger line, a health check)
are flow mappings on one line; lists of ids are flow sequences wrapped to 100 columns.
Text is quoted only where YAML needs it, and codes are always quoted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

WIDTH = 100

_NUMBER_LIKE = re.compile(r"^[-+]?(\.?\d[\d_.eE+-]*|\.inf|\.nan|0[xob][0-9a-fA-F_]+)$")
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~", ""}
_BAD_START = set("-?:,[]{}#&*!|>'\"%@` ")


class Code(str):
    """A code of digits that must stay text: always written in quotes."""


def _needs_quotes(text: str, flow: bool) -> bool:
    if text != text.strip() or text.lower() in _RESERVED:
        return True
    if text[0] in _BAD_START or ": " in text or " #" in text or text.endswith(":"):
        return True
    if flow and any(c in text for c in ",[]{}"):
        return True
    return bool(_NUMBER_LIKE.match(text) or _DATE_LIKE.match(text)) or "\n" in text


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def scalar(value: Any, *, flow: bool = False) -> str:
    """One value as YAML text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Code):
        return _quoted(str(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.1f}" if value == round(value, 1) else repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        text = unicodedata.normalize("NFC", value)
        return _quoted(text) if _needs_quotes(text, flow) else text
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v, flow=True) for v in value) + "]"
    if isinstance(value, dict):
        return flow_map(value)
    raise TypeError(f"cannot write {value!r}")


def flow_map(mapping: dict[str, Any]) -> str:
    """A mapping on one line: ``{code: "06091", era: before-2025-07}``; ``None`` values left out."""
    parts = [f"{k}: {scalar(v, flow=True)}" for k, v in mapping.items() if v is not None]
    return "{" + ", ".join(parts) + "}"


def wrapped_list(key: str, items: Sequence[str], indent: int) -> list[str]:
    """``key: [a, b, c]`` wrapped to :data:`WIDTH` columns, continuation lines indented."""
    head = " " * indent + f"{key}: ["
    lines: list[str] = []
    current = head
    cont = " " * (indent + 4)
    for i, item in enumerate(items):
        piece = scalar(item, flow=True) + ("]" if i == len(items) - 1 else ",")
        candidate = current + ("" if current.endswith("[") or current == cont else " ") + piece
        if len(candidate) > WIDTH and current not in (head, cont):
            lines.append(current)
            current = cont + piece
        else:
            current = candidate
    if not items:
        current += "]"
    lines.append(current)
    return lines


def block_record(record: dict[str, Any], indent: int = 0) -> list[str]:
    """A list item written as a block mapping: ``- key: value`` then ``  key: value``.

    Values may be scalars, short lists (flow), dicts (flow), or :class:`Rows` (a block
    list of flow mappings) and :class:`Wrapped` (a long flow list of ids).
    """
    lines: list[str] = []
    pad = " " * indent
    first = True
    for key, value in record.items():
        if value is None:
            continue
        lead = pad + ("- " if first else "  ")
        first = False
        if isinstance(value, Rows):
            lines.append(f"{lead}{key}:")
            lines.extend(f"{pad}    - {flow_map(row)}" for row in value.rows)
        elif isinstance(value, Wrapped):
            wrapped = wrapped_list(key, value.items, indent + 2)
            lines.append(lead + wrapped[0][indent + 2 :])
            lines.extend(wrapped[1:])
        else:
            lines.append(f"{lead}{key}: {scalar(value)}")
    return lines


class Rows:
    """A block list of flow mappings, one per line."""

    def __init__(self, rows: Iterable[dict[str, Any]]) -> None:
        self.rows = list(rows)


class Wrapped:
    """A flow list of ids wrapped over several lines."""

    def __init__(self, items: Iterable[str]) -> None:
        self.items = list(items)


def header(lines: Iterable[str]) -> list[str]:
    """A comment header: each line starting with ``# ``."""
    return [f"# {line}" if line else "#" for line in lines]


def write(path: Path, lines: Iterable[str]) -> None:
    """Write lines as UTF-8 NFC text with LF endings and a final newline."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(lines) + "\n"
    path.write_bytes(unicodedata.normalize("NFC", text).encode("utf-8"))
