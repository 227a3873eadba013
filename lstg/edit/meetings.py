"""Adding meetings to ``meetings/<year>.yaml``, in date order."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from lstg.edit.change import Change
from lstg.edit.club_files import ClubFiles
from lstg.edit.values import nfc, nfc_all, parse_bool, parse_number
from lstg.errors import UserError
from lstg.i18n import _
from lstg.schema import Meeting

MEETING_FIELDS: tuple[str, ...] = tuple(Meeting.model_fields)


def meeting_record(fields: dict[str, Any]) -> dict[str, Any]:
    """A meeting's fields in the order they are written, without empty ones."""
    record = {
        name: nfc_all(fields[name])
        for name in MEETING_FIELDS
        if fields.get(name) not in (None, [], "")
    }
    if record.get("kind") == "regular":
        del record["kind"]
    return record


def add_meeting(root: Path, club: str, fields: dict[str, Any]) -> Change:
    """Add a meeting to its year's file (created if missing), after meetings held before it."""
    files = ClubFiles(root, club)
    day: date = fields["date"]
    doc = files.meetings(day.year)
    record = meeting_record(fields)
    line = doc.insert_record(record, before=lambda r: str(r.get("date", "")) > day.isoformat())
    return files.finish(
        _(
            "{file}:{line}: added the meeting of {date}: {present} present, {checks} health checks"
        ).format(
            file=doc.rel,
            line=line,
            date=day.isoformat(),
            present=len(record.get("attendance", [])),
            checks=len(record.get("health_checks", [])),
        )
    )


def attendance_from_file(path: Path) -> list[str]:
    """Member ids of an attendance sheet (.csv or .xlsx): one row per member.

    The member column is found through the ``attendance`` mapping, else it is the
    first column; a "present" column (Có/Không, x), if any, keeps only those present.

    Raises:
        UserError: a row cannot be read, with its row and column.
    """
    from lstg.importer.mapping import default_mapping, load_mapping, match_columns
    from lstg.importer.tabular import cell, read_table

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
    from lstg.importer.mapping import default_mapping, load_mapping, match_columns
    from lstg.importer.tabular import cell, read_table

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
                check[name] = _measure(name, value)
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


def health_from_line(line: str) -> dict[str, Any]:
    """One health check typed as ``M001 52.5 130/85 5.6`` (use ``-`` for a missing value)."""
    parts = line.split()
    if not parts or len(parts) > 4:
        raise ValueError(_("write: member weight bp glucose, such as M001 52.5 130/85 5.6"))
    check: dict[str, Any] = {}
    for name, value in zip(("member", "weight", "bp", "glucose"), parts, strict=False):
        if value != "-":
            check[name] = _measure(name, value)
    return check


def text(value: Any) -> str:
    """A cell as text; whole numbers from a spreadsheet lose their ``.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return nfc(str(value))


def _measure(name: str, value: Any) -> Any:
    if name in ("member", "bp"):
        return text(value)
    number = parse_number(value)
    return int(number) if number.is_integer() else number
