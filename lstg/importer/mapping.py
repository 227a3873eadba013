"""Mapping files: which register column fills which field.

A mapping file is YAML: each field name with the list of headers that mean it.
The default files ship in ``lstg/mappings/``; users copy one and add their own
headers. Headers are compared after :func:`lstg.edit.values.fold` (no case, no
accents, no punctuation, single spaces).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lstg.edit.values import fold
from lstg.errors import UserError
from lstg.i18n import _
from lstg.reader import read_yaml
from lstg.resources import mappings_dir

MAPPINGS_DIR = mappings_dir()


@dataclass(frozen=True, slots=True)
class Columns:
    """The columns of one register matched to fields.

    Attributes:
        by_field: the column letter of each field found.
        headers: the header of each column.
        unused: headers that match no field, left out of the import.
    """

    by_field: dict[str, str]
    headers: dict[str, str]
    unused: list[str]

    def header(self, field: str) -> str:
        return self.headers.get(self.by_field.get(field, ""), field)


def default_mapping(kind: str) -> Path:
    """The shipped mapping file for ``kind`` (members, loans, meetings, health, attendance)."""
    return MAPPINGS_DIR / f"{kind}.yaml"


def load_mapping(path: Path) -> dict[str, list[str]]:
    """Read a mapping file: field name → headers.

    Raises:
        UserError: the file cannot be read or is not a mapping of lists of headers.
    """
    result = read_yaml(path, str(path))
    if not isinstance(result.data, dict) or not all(
        isinstance(v, list) and all(isinstance(h, str | int) for h in v)
        for v in result.data.values()
    ):
        reason = result.problems[0].message if result.problems else ""
        raise UserError(
            _(
                "The mapping file {path} should hold each field with a list of headers, "
                "such as “name: [Họ và tên, Họ tên]”. {reason}"
            ).format(path=path, reason=reason)
        )
    return {str(k): [str(h) for h in v] for k, v in result.data.items()}


def match_columns(headers: dict[str, str], mapping: dict[str, list[str]]) -> Columns:
    """Match a register's headers (column letter → header) to fields.

    Each column fills the first field (in the mapping's order) that lists its
    header; a field takes the first column (from the left) that matches it.
    """
    order = {name: i for i, name in enumerate(mapping)}
    by_field: dict[str, str] = {}
    unused: list[str] = []
    for letter, header in headers.items():
        candidates = [
            name for name, aliases in mapping.items() if fold(header) in {fold(a) for a in aliases}
        ]
        candidates.sort(key=order.__getitem__)
        free = [c for c in candidates if c not in by_field]
        if free:
            by_field[free[0]] = letter
        else:
            unused.append(header)
    return Columns(by_field, dict(headers), unused)
