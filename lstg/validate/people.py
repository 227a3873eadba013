"""People named in loans and meetings were members of the club on that day."""

from __future__ import annotations

from datetime import date

from lstg.core.i18n import _
from lstg.core.problems import PathPart, Problem, error, warning
from lstg.schema.meeting import HomeCareVisit
from lstg.validate.common import ClubView, Standing, shown_date

CODES = {
    "loan": ("loan.unknown-member", "loan.not-yet-member", "loan.after-leaving"),
    "attendance": (
        "attendance.unknown-member",
        "attendance.not-yet-member",
        "attendance.after-leaving",
    ),
    "health": ("health.unknown-member", "health.not-yet-member", "health.after-leaving"),
    "home-care": (
        "home-care.unknown-member",
        "home-care.not-yet-member",
        "home-care.after-leaving",
    ),
    "board": ("board.unknown-member", "board.not-yet-member", "board.after-leaving"),
}
"""For each kind of record: the codes of an unknown person, one not yet a member, one gone."""


def standing_problem(
    view: ClubView,
    *,
    area: str,
    file: str,
    where: tuple[PathPart, ...],
    member_id: str,
    day: date,
    role: str,
) -> Problem | None:
    """The problem with ``member_id`` acting in ``area`` on ``day``, if there is one.

    Nothing is reported for a member whose own record failed its schema (that
    error is reported), nor for an id not in the list at all: that is
    :func:`check_unknown_members`, once per id.

    Args:
        area: the kind of record, a key of ``CODES``.
        role: how the message names the person: ``member`` or ``volunteer``.
    """
    if view.is_member(member_id, day) or view.members_unreadable:
        return None
    standing = view.standing(member_id, day)
    if standing in (Standing.MEMBER, Standing.INVALID):
        return None
    if standing is Standing.UNKNOWN:
        return None
    if standing is Standing.NOT_YET and view.members[member_id].joined > view.today:
        return None  # counted under the date in the future: see records_before
    who = _("Volunteer") if role == "volunteer" else _("Member")
    member = view.members[member_id]
    if standing is Standing.NOT_YET:
        return error(
            file,
            CODES[area][1],
            _("{who} {id} only joined on {joined}, after {day}.").format(
                who=who, id=member_id, joined=shown_date(member.joined), day=shown_date(day)
            ),
            hint=_("Check this date and the joining date in {file}.").format(file="members.yaml"),
            where=where,
        )
    assert member.left is not None
    return error(
        file,
        CODES[area][2],
        _("{who} {id} left the club on {left}; this is dated {day}.").format(
            who=who, id=member_id, left=shown_date(member.left.date), day=shown_date(day)
        ),
        hint=_("Check this date and the leaving date in {file}.").format(file="members.yaml"),
        where=where,
    )


def records_before(view: ClubView, member_id: str, joined: date) -> dict[str, int]:
    """The records that name ``member_id`` before ``joined`` (a joining date in the
    future, mistyped): meetings, loans and board seats, which that one date makes wrong
    and which are counted under it rather than reported one by one."""
    meetings = 0
    for _file, _row, meeting in view.meetings():
        if meeting.date >= joined or meeting.date > view.today:
            continue
        named = (
            member_id in meeting.attendance
            or any(c.member == member_id for c in meeting.health_checks)
            or any(member_id in (v.member, v.volunteer) for v in meeting.home_care_visits)
        )
        meetings += named
    loans = sum(
        1 for _row, loan in view.loans() if loan.member == member_id and loan.disbursed < joined
    )
    seats = 0
    if view.club is not None:
        seats = sum(1 for s in view.club.board if s.member == member_id and s.start < joined)
    return {"meetings": meetings, "loans": loans, "board": seats}


def consequences(counts: dict[str, int]) -> str:
    """``records_before``'s counts as a sentence, or ``""`` when there are none."""
    parts = []
    if counts["meetings"]:
        parts.append(_("{n} meetings").format(n=counts["meetings"]))
    if counts["loans"]:
        parts.append(_("{n} loans").format(n=counts["loans"]))
    if counts["board"]:
        parts.append(_("{n} board seats").format(n=counts["board"]))
    if not parts:
        return ""
    return " " + _(
        "Because of it, the records that name this member before that date are wrong too "
        "({records}); they are not listed one by one, and are right again once the date is "
        "corrected."
    ).format(records=", ".join(parts))


def check_loans(view: ClubView) -> list[Problem]:
    """Each loan goes to someone who was a member on the day it was disbursed."""
    problems: list[Problem] = []
    for row, loan in view.loans():
        found = standing_problem(
            view,
            area="loan",
            file=view.loans_file,
            where=(row, "member"),
            member_id=loan.member,
            day=loan.disbursed,
            role="member",
        )
        if found is not None:
            problems.append(found)
    return problems


def check_meetings(view: ClubView) -> list[Problem]:
    """Attendance, health checks and home-care visits name members of that day.

    A meeting dated in the future is reported as such (``date.future``), not
    once for every member who had left by then.
    """
    problems: list[Problem] = []
    members_on = view.members_on(m.date for _f, _r, m in view.meetings() if m.date <= view.today)
    for (file, row, meeting), checked in zip(view.meetings(), view.checked(), strict=True):
        if meeting.date > view.today:
            continue
        day = meeting.date
        attending = set(meeting.attendance)
        # Nearly always: no one listed twice, every one a member that day, every one
        # checked present. Then only that is computed, by operations on sets.
        if (
            len(attending) == len(meeting.attendance)
            and (not attending or attending.issuperset(checked))
            and members_on[day].issuperset(attending)
            and members_on[day].issuperset(checked)
        ):
            for index, visit in enumerate(meeting.home_care_visits):
                where = (row, "home_care_visits", index)
                problems.extend(_visit_problems(view, file, where, visit, day))
            continue
        seen: set[str] = set()
        for index, member_id in enumerate(meeting.attendance):
            if member_id in seen:
                problems.append(
                    error(
                        file,
                        "attendance.duplicate",
                        _("Member {id} is listed twice in this meeting's attendance.").format(
                            id=member_id
                        ),
                        where=(row, "attendance", index),
                    )
                )
                continue
            seen.add(member_id)
            if view.is_member(member_id, meeting.date):
                continue
            found = standing_problem(
                view,
                area="attendance",
                file=file,
                where=(row, "attendance", index),
                member_id=member_id,
                day=meeting.date,
                role="member",
            )
            if found is not None:
                problems.append(found)
        for index, check in enumerate(meeting.health_checks):
            if attending and check.member not in attending:
                problems.append(
                    warning(
                        file,
                        "health.not-attending",
                        _("Member {id} has a health check but is not in the attendance.").format(
                            id=check.member
                        ),
                        hint=_("Add the member to this meeting's attendance, or check the id."),
                        where=(row, "health_checks", index, "member"),
                    )
                )
            if view.is_member(check.member, meeting.date):
                continue
            found = standing_problem(
                view,
                area="health",
                file=file,
                where=(row, "health_checks", index, "member"),
                member_id=check.member,
                day=meeting.date,
                role="member",
            )
            if found is not None:
                problems.append(found)
        for index, visit in enumerate(meeting.home_care_visits):
            where = (row, "home_care_visits", index)
            problems.extend(_visit_problems(view, file, where, visit, meeting.date))
    return problems


def _visit_problems(
    view: ClubView, file: str, where: tuple[PathPart, ...], visit: HomeCareVisit, day: date
) -> list[Problem]:
    problems: list[Problem] = []
    if visit.volunteer == visit.member:
        problems.append(
            error(
                file,
                "home-care.self-visit",
                _("Member {id} is recorded as visiting themselves.").format(id=visit.member),
                hint=_("The volunteer and the member visited are two different people."),
                where=(*where, "member"),
            )
        )
    for role, person in (("volunteer", visit.volunteer), ("member", visit.member)):
        found = standing_problem(
            view,
            area="home-care",
            file=file,
            where=(*where, role),
            member_id=person,
            day=day,
            role=role,
        )
        if found is not None:
            problems.append(found)
        elif (
            role == "volunteer"
            and person in view.members
            and not view.members[person].home_care_volunteer
        ):
            problems.append(
                error(
                    file,
                    "home-care.not-volunteer",
                    _("Member {id} is not marked as a home-care volunteer.").format(id=person),
                    hint=_("Set home_care_volunteer: true for this member in {file}.").format(
                        file="members.yaml"
                    ),
                    where=(*where, role),
                )
            )
    return problems
