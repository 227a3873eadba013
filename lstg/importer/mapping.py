"""Mapping files: which register column fills which field.

A mapping file is YAML: each field name with the list of headers that mean it.
The default files ship in ``lstg/mappings/``; users copy one and add their own
headers. Headers are compared after :func:`lstg.domain.vocabulary.fold` (no case, no
accents, no punctuation, single spaces). A header written over two rows is read
as its parts joined (``Năm sinh: Nam``); it matches a field by the whole, else by
its last part, else by its first (``Thông tin thành viên: Họ và tên`` is the name,
``Cân nặng: (kg)`` the weight).

A few fields may fill several columns, in order (:data:`REPEATED`): the repayments
of a loans register, written *Trả nợ lần 1: Ngày, Gốc, Lãi*, *Trả nợ lần 2: …*.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.core.resources import mappings_dir
from lstg.domain.vocabulary import fold
from lstg.read.reader import read_yaml

MAPPINGS_DIR = mappings_dir()

REPEATED = frozenset({"repayment_date", "repayment_principal", "repayment_interest"})
"""Fields that take every column matching them, in order from the left."""

REASON_HEADERS = ("Lỗi khi nhập (lstg)", "Import problems (lstg)")
"""Headers of the column in which a file of rejected rows gives each row's reasons; an
import never reads it, so that the corrected file imports as it is."""

_ORDINAL = re.compile(r"\b(lan|dot|ky|thang) \d+\b|\b\d+\b")


@dataclass(frozen=True, slots=True)
class Columns:
    """The columns of one register matched to fields.

    Attributes:
        by_field: the column letter of each field found (the first, for a repeated one).
        headers: the header of each column.
        unused: headers that match no field, left out of the import.
        repeated: every column of each repeated field, in order.
        given: fields given one value for every row (``--set``), with that value.
        names: the usual header of each field of the mapping (its first), to name a
            column the register does not have.
    """

    by_field: dict[str, str]
    headers: dict[str, str]
    unused: list[str]
    repeated: dict[str, list[str]] = field(default_factory=dict)
    given: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def header(self, field: str) -> str:
        """The header of the column of ``field``, else the usual header of the field."""
        return self.headers.get(self.by_field.get(field, ""), self.names.get(field, field))


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


def _forms(header: str) -> list[str]:
    """The forms of a header that may match: the whole, its last part, its first part."""
    parts = [p for p in header.split(": ") if p.strip()]
    forms = [fold(header)]
    if len(parts) > 1:
        forms.extend([fold(parts[-1]), fold(parts[0])])
    return forms


def match_columns(headers: Mapping[str, str], mapping: Mapping[str, list[str]]) -> Columns:
    """Match a register's headers (column letter → header) to fields.

    Each column fills the first field (in the mapping's order) that lists its
    header; a field takes the first column (from the left) that matches it, a
    repeated field (:data:`REPEATED`) every one. The column of rejected rows'
    reasons (:data:`REASON_HEADERS`) is never read.
    """
    aliases = {name: {fold(a) for a in names} for name, names in mapping.items()}
    loose = {
        name: {_ORDINAL.sub(" ", a).strip() for a in folded}
        for name, folded in aliases.items()
        if name in REPEATED
    }
    ignored = {fold(h) for h in REASON_HEADERS}
    by_field: dict[str, str] = {}
    repeated: dict[str, list[str]] = {}
    unused: list[str] = []
    for letter, header in headers.items():
        if fold(header) in ignored:
            continue
        chosen = None
        for form in _forms(header):
            candidates = [n for n in mapping if form in aliases[n]]
            plain = " ".join(_ORDINAL.sub(" ", form).split())
            candidates += [
                n for n, names in loose.items() if plain in names and n not in candidates
            ]
            free = [c for c in candidates if c not in by_field or c in REPEATED]
            if free:
                chosen = free[0]
                break
        if chosen is None:
            unused.append(header)
            continue
        by_field.setdefault(chosen, letter)
        if chosen in REPEATED:
            repeated.setdefault(chosen, []).append(letter)
    names = {name: headers_[0] for name, headers_ in mapping.items() if headers_}
    return Columns(by_field, dict(headers), unused, repeated, {}, names)


def field_of(name: str, mapping: Mapping[str, list[str]]) -> str | None:
    """The field that ``name`` means: a field's own name, or one of its headers."""
    if name in mapping:
        return name
    folded = fold(name)
    for field_name, names in mapping.items():
        if folded == fold(field_name) or folded in {fold(a) for a in names}:
            return field_name
    return None
