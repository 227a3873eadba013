"""The management board: seats held by members, in order, one person to a role at a time."""

from __future__ import annotations

from datetime import date

from lstg.core.i18n import _
from lstg.core.problems import PathPart, Problem, error, warning
from lstg.schema.club import BoardSeat
from lstg.validate.common import ClubView, role_label, shown_date
from lstg.validate.people import standing_problem

SINGLE_ROLES = ("chair", "vice-chair", "accountant", "treasurer")
"""Roles that one person holds at a time; a board has several plain members."""


def check_board(view: ClubView) -> list[Problem]:
    """Each seat is held by a member, from joining to leaving, and ends after it starts."""
    club = view.club
    if club is None:
        return []
    problems: list[Problem] = []
    for index, seat in enumerate(club.board):
        where: tuple[PathPart, ...] = ("board", index, "member")
        if seat.end is not None and seat.end < seat.start:
            problems.append(
                error(
                    view.club_file,
                    "board.end-before-start",
                    _("This board seat ends on {end}, before it starts on {start}.").format(
                        end=shown_date(seat.end), start=shown_date(seat.start)
                    ),
                    where=("board", index, "end"),
                )
            )
        found = standing_problem(
            view,
            area="board",
            file=view.club_file,
            where=where,
            member_id=seat.member,
            day=seat.start,
            role="member",
        )
        if found is not None:
            problems.append(found)
            continue
        member = view.members.get(seat.member)
        if member is None or member.left is None:
            continue
        if seat.end is None or seat.end >= member.left.date:
            problems.append(
                error(
                    view.club_file,
                    "board.after-leaving",
                    _(
                        "Member {id} left the club on {left} but still holds a board seat then."
                    ).format(id=seat.member, left=shown_date(member.left.date)),
                    hint=_("End the seat (end:) before the day the member left."),
                    where=("board", index, "end") if seat.end is not None else where,
                )
            )
    problems.extend(_overlapping_roles(view, club.board))
    return problems


def _overlapping_roles(view: ClubView, board: list[BoardSeat]) -> list[Problem]:
    """A warning for each seat whose role someone else already holds on its first day."""
    problems: list[Problem] = []
    for index, seat in enumerate(board):
        if seat.role not in SINGLE_ROLES:
            continue
        for other in board[:index]:
            if other.role == seat.role and _overlap(seat, other):
                problems.append(
                    warning(
                        view.club_file,
                        "board.role-overlap",
                        _("{first} and {second} are both {role} from {day}.").format(
                            first=other.member,
                            second=seat.member,
                            role=role_label(seat.role),
                            day=shown_date(max(seat.start, other.start)),
                        ),
                        hint=_("End the earlier seat (end:) the day before the new one starts."),
                        where=("board", index, "role"),
                    )
                )
                break
    return problems


def _overlap(a: BoardSeat, b: BoardSeat) -> bool:
    a_end = a.end or date.max
    b_end = b.end or date.max
    return a.start <= b_end and b.start <= a_end
