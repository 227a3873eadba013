"""Meeting sheets: the attendance and the health checks of one meeting from a .csv or .xlsx.

``lstg meeting add --attendance-csv`` and ``--health-csv`` read their sheets here;
columns are found through the ``attendance`` and ``health`` mappings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.edit.meetings import measure, text
from lstg.edit.values import parse_bool
from lstg.importer.mapping import default_mapping, load_mapping, match_columns
from lstg.importer.tabular import cell, read_table


def attendance_from_file(path: Path) -> list[str]:
    """Member ids of an attendance sheet (.csv or .xlsx): one row per member.

    The member column is found through the ``attendance`` mapping, else it is the
    first column; a "present" column (Có/Không, x), if any, keeps only those present.

    Raises:
        UserError: a row cannot be read, with its row and column.
    """
    table = read_table(path)
    columns = match_columns(table.headers, load_mapping(default_mapping("attendance")))
    member = columns.by_field.get("member") or next(iter(table.headers), "A")
    present = columns.by_field.get("present")
    ids: list[str] = []
    for row in table.rows:
        value = cell(row, member)
        if value is None:
            continue
        if present is not None:
            try:
                if not parse_bool(cell(row, present) or ""):
                    continue
            except ValueError as exc:
                raise UserError(
                    _("{sheet}: row {row}, column {column}: {reason}").format(
                        sheet=table.sheet, row=row.number, column=present, reason=exc
                    )
                ) from None
        ids.append(text(value))
    return ids


def health_from_file(path: Path) -> list[dict[str, Any]]:
    """Health checks of a sheet with one row per member: member, weight, bp, glucose.

    Raises:
        UserError: a row cannot be read, with its row and column.
    """
    table = read_table(path)
    columns = match_columns(table.headers, load_mapping(default_mapping("health")))
    if "member" not in columns.by_field:
        raise UserError(
            _("{file}: no column for “member”; the headers found are: {headers}.").format(
                file=table.sheet, headers=", ".join(table.headers.values())
            )
        )
    checks: list[dict[str, Any]] = []
    for row in table.rows:
        check: dict[str, Any] = {}
        for name in ("member", "weight", "bp", "glucose"):
            column = columns.by_field.get(name)
            value = cell(row, column)
            if value is None:
                continue
            try:
                check[name] = measure(name, value)
            except ValueError as exc:
                raise UserError(
                    _("{sheet}: row {row}, column {column} ({header}): {reason}").format(
                        sheet=table.sheet,
                        row=row.number,
                        column=column,
                        header=columns.header(name),
                        reason=exc,
                    )
                ) from None
        if check:
            checks.append(check)
    return checks
