"""Meetings from a register: date, kind, activity areas and attendance.

Kinds and activity areas are read in Vietnamese or English; areas may also be
given by their number in the national model (1–8).
"""

from __future__ import annotations

from typing import Any

from lstg.i18n import _
from lstg.importer.mapping import Columns
from lstg.importer.records import (
    ClubContext,
    Rejection,
    RowReader,
    cell_date,
    drop_defaults,
    items,
    text,
)
from lstg.importer.tabular import Row
from lstg.schema import Meeting
from lstg.vocabulary import ACTIVITY, MEETING_KIND

def _kind(value: Any) -> str:
    return MEETING_KIND.parse(text(value))


def _area(value: str) -> str:
    return ACTIVITY.parse(value)


def meeting_record(
    row: Row, columns: Columns, club: ClubContext
) -> tuple[dict[str, Any] | None, list[Rejection]]:
    """The meeting of one register row; attendance is a list of member ids."""
    r = RowReader(row, columns)
    record: dict[str, Any] = {}
    record["date"] = r.get("date", cell_date)
    record["kind"] = r.get("kind", _kind)
    record["reason"] = r.get("reason", text)
    record["activities"] = r.get("activities", lambda v: [_area(a) for a in items(v)])
    record["attendance"] = r.get("attendance", lambda v: [club.member(m) for m in items(v)])
    record["note"] = r.get("note", text)
    record = drop_defaults(record, Meeting)
    if r.rejections:
        return None, r.rejections
    if not r.validate(Meeting, record, {}):
        return None, r.rejections
    return record, []
