"""Meetings from a register: date, kind, activity areas and attendance.

Kinds and activity areas are read in Vietnamese or English; areas may also be
given by their number in the national model (1–8).
"""

from __future__ import annotations

from typing import Any

from lstg.edit.values import fold
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
from lstg.schema.meeting import ACTIVITY_AREAS

_KINDS = {
    "regular": "regular",
    "thuong ky": "regular",
    "dinh ky": "regular",
    "extra": "extra",
    "bat thuong": "extra",
    "dot xuat": "extra",
    "skipped": "skipped",
    "khong hop": "skipped",
    "nghi": "skipped",
}

_AREAS = {
    "tang thu nhap": "income",
    "thu nhap": "income",
    "sinh ke": "income",
    "cham soc suc khoe": "health",
    "suc khoe": "health",
    "cham soc tai nha": "home-care",
    "cham soc tai nha dua vao tinh nguyen vien": "home-care",
    "tu giup nhau": "self-help",
    "tu giup nhau va ho tro cong dong": "self-help",
    "quyen": "rights",
    "quyen va loi ich": "rights",
    "hoc tap": "learning",
    "nang cao nhan thuc": "learning",
    "nang cao nhan thuc kien thuc": "learning",
    "van hoa": "culture",
    "van hoa van nghe": "culture",
    "van hoa van nghe the thao": "culture",
    "van dong nguon luc": "resources",
    "nguon luc": "resources",
}


def _kind(value: Any) -> str:
    found = _KINDS.get(fold(text(value)))
    if found is None:
        raise ValueError(
            _(
                "“{value}” is not a kind of meeting; write Thường kỳ, Bất thường or Không họp"
            ).format(value=value)
        )
    return found


def _area(value: str) -> str:
    folded = fold(value)
    if value in ACTIVITY_AREAS:
        return value
    if folded.isdigit() and 1 <= int(folded) <= len(ACTIVITY_AREAS):
        return ACTIVITY_AREAS[int(folded) - 1]
    found = _AREAS.get(folded)
    if found is None:
        raise ValueError(
            _("“{value}” is not one of the 8 activity areas (1–8 or {names})").format(
                value=value, names=", ".join(ACTIVITY_AREAS)
            )
        )
    return found


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
