"""Which kinds of personal data the files hold about each member, and from when.

A member's record holds basic data (name, birth, gender, membership) from the day
they joined, ethnicity and household status as fields of the record, and health
measurements as dated health checks in the meeting files. Attendance and loans are
basic data too, recorded on their dates.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from lstg.core.problems import PathPart
from lstg.dataset import ClubData
from lstg.schema import Member
from lstg.schema.consent import DataKind

_MEMBER = operator.attrgetter("member")
"""A health check's member id."""


class Record(NamedTuple):
    """One dated record about a member: a health check, an attendance, a loan.

    A named tuple: a club holds tens of thousands of them.
    """

    kind: DataKind
    day: date
    file: str
    where: tuple[PathPart, ...]


@dataclass(slots=True)
class Holding:
    """What the files hold about one member.

    Attributes:
        health_days: the day of each of the member's health checks, in the order of
            the files; :func:`health_records` gives them with where they are, which
            only the few checks that find a fault need.
    """

    member: Member
    row: int
    kinds: set[DataKind] = field(default_factory=set)
    health_days: list[date] = field(default_factory=list)
    attendance: list[Record] = field(default_factory=list)
    loans: list[Record] = field(default_factory=list)

    @property
    def erased(self) -> bool:
        return self.member.erased is not None

    def first(self, kind: DataKind) -> date | None:
        """The day the first data of ``kind`` was recorded."""
        if kind == "health":
            return min(self.health_days, default=None)
        if kind in self.kinds:
            return self.member.joined
        return None


def field_kinds(member: Member) -> set[DataKind]:
    """The kinds of data held in the member's own record."""
    if member.erased is not None:
        return set()
    kinds: set[DataKind] = {"basic"}
    if member.ethnicity is not None:
        kinds.add("ethnicity")
    if member.household != "none" or member.household_certified is not None:
        kinds.add("household")
    return kinds


def holdings(
    data: ClubData, *, attendance: bool = True, checked: list[list[str]] | None = None
) -> dict[str, Holding]:
    """What the club's files hold about each of its members, by member id (the first
    record of an id, if it is repeated).

    Without ``attendance``, the attendances are left out (``Holding.attendance`` is
    empty): they are most of the records, and only what follows a withdrawn consent
    needs them. ``checked``, if given, is :func:`checked_ids` of ``data``, already listed.
    """
    found: dict[str, Holding] = {}
    for row, member in zip(data.member_rows, data.members, strict=True):
        if member.id not in found:
            found[member.id] = Holding(member, row, field_kinds(member))
    if checked is None:
        checked = checked_ids(data)
    for (file, row), meeting, ids in zip(data.meeting_rows, data.meetings, checked, strict=True):
        day = meeting.date
        for member_id in ids:
            held = found.get(member_id)
            if held is not None:
                held.health_days.append(day)
        for index, member_id in enumerate(meeting.attendance if attendance else ()):
            held = found.get(member_id)
            if held is not None:
                where: tuple[PathPart, ...] = (row, "attendance", index)
                held.attendance.append(Record("basic", day, file, where))
    for held in found.values():
        if held.health_days:
            held.kinds.add("health")
    for row, loan in zip(data.loan_rows, data.loans, strict=True):
        held = found.get(loan.member)
        if held is not None:
            held.loans.append(Record("basic", loan.disbursed, data.file("loans.yaml"), (row,)))
    return found


def checked_ids(data: ClubData) -> list[list[str]]:
    """The ids of the members checked at each of the club's meetings, in order."""
    return [list(map(_MEMBER, meeting.health_checks)) for meeting in data.meetings]


def health_records(data: ClubData, member_id: str) -> list[Record]:
    """The member's health checks in the club's meeting files, with where each is."""
    return [
        Record("health", meeting.date, file, (row, "health_checks", index))
        for (file, row), meeting in zip(data.meeting_rows, data.meetings, strict=True)
        for index, check in enumerate(meeting.health_checks)
        if check.member == member_id
    ]
