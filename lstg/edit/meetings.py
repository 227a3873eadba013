"""Adding meetings to ``meetings/<year>.yaml``, in date order."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from lstg.core.i18n import _
from lstg.edit.change import Change
from lstg.edit.club_files import ClubFiles
from lstg.edit.values import nfc, nfc_all, parse_number
from lstg.schema import Meeting
from lstg.validate.common import shown_date

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
            date=shown_date(day),
            present=len(record.get("attendance", [])),
            checks=len(record.get("health_checks", [])),
        )
    )


def health_from_line(line: str) -> dict[str, Any]:
    """One health check typed as ``M001 52.5 130/85 5.6`` (use ``-`` for a missing value)."""
    parts = line.split()
    if not parts or len(parts) > 4:
        raise ValueError(_("write: member weight bp glucose, such as M001 52.5 130/85 5.6"))
    check: dict[str, Any] = {}
    for name, value in zip(("member", "weight", "bp", "glucose"), parts, strict=False):
        if value != "-":
            check[name] = measure(name, value)
    return check


def text(value: Any) -> str:
    """A cell as text; whole numbers from a spreadsheet lose their ``.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return nfc(str(value))


def measure(name: str, value: Any) -> Any:
    if name in ("member", "bp"):
        return text(value)
    number = parse_number(value)
    return int(number) if number.is_integer() else number
