"""Meetings from a meetings register (sổ sinh hoạt).

Two layouts are read:

- one row per meeting: date, kind, activity areas, attendance (member ids in one
  cell), note;
- one row per member at each meeting, as a sổ sinh hoạt with health checks is
  kept: the date (written on each row, or once on the meeting's first row), the
  member (id or name), whether present (*Có mặt*: x, Có/Không; without such a
  column every member listed was present), and the health check: weight, blood
  pressure, blood sugar. The rows of one date make one meeting.

Kinds and activity areas are read in Vietnamese or English; areas may also be
given by their number in the national model (1–8).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from lstg.core.i18n import _
from lstg.domain.vocabulary import ACTIVITY, MEETING_KIND
from lstg.edit.values import parse_bool, parse_number
from lstg.importer.mapping import Columns
from lstg.importer.records import (
    ClubContext,
    Rejection,
    RowReader,
    cell_date,
    drop_defaults,
    items,
    sources_of,
    text,
)
from lstg.importer.tabular import Row
from lstg.schema import Meeting
from lstg.schema.meeting import HealthCheck

PER_MEMBER_FIELDS = ("member", "member_name", "present", "weight", "bp", "glucose")
"""Fields that make a register one of a row per member at each meeting."""


def _kind(value: Any) -> str:
    return MEETING_KIND.parse(text(value))


def _area(value: str) -> str:
    return ACTIVITY.parse(value)


def _areas(value: Any) -> list[str]:
    """The activity areas of a cell, each once: *Văn hóa, văn nghệ, thể thao* is one area
    written with commas."""
    found: list[str] = []
    for item in items(value):
        area = _area(item)
        if area not in found:
            found.append(area)
    return found


def per_member(columns: Columns) -> bool:
    """Whether the register has a row per member at each meeting."""
    return "member" in columns.by_field or "member_name" in columns.by_field


def meeting_record(
    row: Row, columns: Columns, club: ClubContext
) -> tuple[dict[str, Any] | None, list[Rejection], dict[str, str]]:
    """The meeting of one register row; attendance is a list of member ids."""
    r = RowReader(row, columns)
    record = _meeting_fields(r, club)
    record["attendance"] = r.get("attendance", lambda v: [club.member(m) for m in items(v)])
    record = drop_defaults(record, Meeting)
    if not r.validate(Meeting, record, {}):
        return None, r.rejections, {}
    return record, [], sources_of(r)


def _meeting_fields(r: RowReader, club: ClubContext) -> dict[str, Any]:
    record: dict[str, Any] = {}
    record["date"] = r.get("date", cell_date)
    record["kind"] = r.get("kind", _kind)
    record["reason"] = r.get("reason", text)
    record["activities"] = r.get("activities", _areas)
    record["note"] = r.get("note", text)
    return record


def group_by_meeting(rows: list[Row], columns: Columns) -> list[list[Row]]:
    """The rows of each meeting, in the register's order: a row with a date starts a
    meeting unless it has the date of the meeting before; a row without one belongs to
    the meeting above it."""
    column = columns.by_field.get("date")
    groups: list[list[Row]] = []
    current: Any = object()
    for row in rows:
        value = row.values.get(column) if column else None
        if value is not None and (not groups or _same_day(value) != _same_day(current)):
            groups.append([row])
            current = value
        elif groups:
            groups[-1].append(row)
        else:
            groups.append([row])
            current = value
    return groups


def _same_day(value: Any) -> Any:
    try:
        return cell_date(value)
    except (ValueError, TypeError):
        return text(value) if value is not None else None


def _measure(value: Any) -> float | int:
    number = parse_number(value)
    return int(number) if number.is_integer() else number


def meeting_from_rows(
    rows: list[Row], columns: Columns, club: ClubContext
) -> tuple[dict[str, Any] | None, list[Rejection], dict[str, tuple[int, str]]]:
    """The meeting of the rows of one date in a register with a row per member.

    The meeting's own fields (date, kind, areas, note) come from its first row, or
    the first row that writes them; each row gives one member's attendance and health
    check, and is checked on its own, so that every bad cell of every row is reported.

    Returns:
        The meeting (``None`` if it cannot be taken), the reasons it cannot, and for each
        field (``attendance.3``, ``health_checks.1.bp``) the row and column it came from.
    """
    head = RowReader(rows[0], columns)
    record = _meeting_fields(head, club)
    sources: dict[str, tuple[int, str]] = {
        k: (rows[0].number, v) for k, v in sources_of(head).items()
    }
    if record.get("activities") is None:
        for row in rows[1:]:
            other = RowReader(row, columns)
            if other.raw("activities") is None:
                continue
            record["activities"] = other.get("activities", _areas)
            head.rejections.extend(other.rejections)
            break
    rejections = list(head.rejections)
    present: list[str] = []
    checks: list[dict[str, Any]] = []
    who = "member_name" if "member_name" in columns.by_field else "member"
    marked = "present" in columns.by_field  # then an empty cell is an absence
    for row in rows:
        r = RowReader(row, columns)
        if r.raw("member") is not None:
            member = r.get("member", lambda v: club.member(text(v)))
        else:
            member = r.get("member_name", lambda v: club.member_by_name(text(v)), into="member")
        if member is None and "member" not in r.failed:
            r.reject(who, _("the member is missing: give the member id or the name"))
        here = r.get("present", parse_bool)
        check: dict[str, Any] = {}
        for name in ("weight", "bp", "glucose"):
            value = r.get(name, text if name == "bp" else _measure)
            if value is not None:
                check[name] = value
        letters = sources_of(r)
        if member is not None and here is False and check:
            r.reject("present", _("the member is marked absent but has a health check"))
        elif member is not None and member in present:
            r.reject(who, _("the member is listed twice at this meeting"))
        elif member is not None and (here or check or (here is None and not marked)):
            sources[f"attendance.{len(present)}"] = (row.number, letters.get("member", ""))
            present.append(member)
        if check and member is not None:
            check = {"member": member, **check}
            if r.validate(HealthCheck, check, {}):
                at = f"health_checks.{len(checks)}"
                for name, letter in letters.items():
                    sources[f"{at}.{name}"] = (row.number, letter)
                sources[at] = (row.number, letters.get("member", ""))
                checks.append(check)
        rejections.extend(x for x in r.rejections if x not in rejections)
    record["attendance"] = present
    record["health_checks"] = checks
    record = drop_defaults(record, Meeting)
    if rejections:
        return None, rejections, {}
    final = RowReader(rows[0], columns)
    final.sources.update(head.sources)
    if not final.validate(Meeting, record, {}):
        return None, final.rejections, {}
    return record, [], sources


def meeting_date(record: dict[str, Any]) -> date:
    day: date = record["date"]
    return day
