"""Ids named in the club's records that members.yaml does not list: once per id."""

from __future__ import annotations

from lstg.core.i18n import _
from lstg.core.problems import PathPart, Problem, error
from lstg.core.suggest import nearest
from lstg.validate.common import ClubView
from lstg.validate.people import CODES


def check_unknown_members(view: ClubView) -> list[Problem]:
    """Each id named in the club's records but not in members.yaml, once, where first named.

    A member id mistyped in members.yaml, or a person never entered, would
    otherwise give a line for every meeting; one line, with how many times the
    id is named and the nearest id of the list, points at what to correct.
    Nothing is reported while members.yaml cannot be fully read: the id may be
    that of the unreadable record.
    """
    if view.members_unreadable or view.members_file in view.data.unidentified:
        return []
    named: dict[str, list[tuple[str, str, tuple[PathPart, ...], str]]] = {}
    known = view.members.keys() | view.data.invalid_ids

    def name(member_id: str, area: str, file: str, where: tuple[PathPart, ...], role: str) -> None:
        if member_id not in known:
            named.setdefault(member_id, []).append((area, file, where, role))

    if view.club is not None:
        for index, seat in enumerate(view.club.board):
            name(seat.member, "board", view.club_file, ("board", index, "member"), "member")
    for row, loan in view.loans():
        name(loan.member, "loan", view.loans_file, (row, "member"), "member")
    for (file, row, meeting), checked in zip(view.meetings(), view.checked(), strict=True):
        if meeting.date > view.today:
            continue
        # Nearly always every id is known: then a set operation says so, in C.
        if not known.issuperset(meeting.attendance):
            for index, member_id in enumerate(meeting.attendance):
                name(member_id, "attendance", file, (row, "attendance", index), "member")
        if not known.issuperset(checked):
            for index, member_id in enumerate(checked):
                name(member_id, "health", file, (row, "health_checks", index, "member"), "member")
        for index, visit in enumerate(meeting.home_care_visits):
            if visit.volunteer in known and visit.member in known:
                continue
            where: tuple[PathPart, ...] = (row, "home_care_visits", index)
            name(visit.volunteer, "home-care", file, (*where, "volunteer"), "volunteer")
            name(visit.member, "home-care", file, (*where, "member"), "member")
    if not named:
        return []
    unused = sorted(set(view.members) - _named_ids(view))
    return [_unknown(view, member_id, places, unused) for member_id, places in named.items()]


def _named_ids(view: ClubView) -> set[str]:
    """Every member id named in the club's records up to today: the board, loans,
    attendance, health checks and home-care visits."""
    used: set[str] = set()
    if view.club is not None:
        used.update(seat.member for seat in view.club.board)
    used.update(loan.member for _row, loan in view.loans())
    for (_file, _row, meeting), checked in zip(view.meetings(), view.checked(), strict=True):
        if meeting.date > view.today:
            continue
        used.update(meeting.attendance)
        used.update(checked)
        for visit in meeting.home_care_visits:
            used.update((visit.volunteer, visit.member))
    return used


def _look_alike(member_id: str) -> str:
    return member_id.upper().replace("O", "0").replace("I", "1").replace("L", "1")


def _nearest(member_id: str, known: list[str], unused: list[str]) -> str | None:
    """The member id most likely meant: one that looks the same (``MOO3`` for ``M003``),
    else the one fewest typing slips away (:mod:`lstg.core.suggest`), members named nowhere
    else first."""
    alike = [k for k in known if _look_alike(k) == _look_alike(member_id)]
    if alike:
        return alike[0]
    return nearest(member_id, known, preferred=unused)


def _unknown(
    view: ClubView,
    member_id: str,
    places: list[tuple[str, str, tuple[PathPart, ...], str]],
    unused: list[str],
) -> Problem:
    area, file, where, role = places[0]
    who = _("Volunteer") if role == "volunteer" else _("Member")
    message = _("{who} {id} is not in the list of members.").format(who=who, id=member_id)
    if len(places) > 1:
        message += " " + _("The id is named {n} times in the club's records.").format(n=len(places))
    nearest = _nearest(member_id, sorted(view.members), unused)
    hint = (
        _("Did you mean {id}?").format(id=nearest)
        if nearest
        else _("Add the member to {file} first, or correct the id.").format(file="members.yaml")
    )
    return error(file, CODES[area][0], message, hint=hint, where=where)
