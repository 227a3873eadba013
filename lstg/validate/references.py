"""References by id: unique ids, and teams, groups and funds named in club.yaml."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from lstg.core.i18n import _
from lstg.core.problems import Problem, error
from lstg.core.suggest import nearest
from lstg.domain.vocabulary import FUND
from lstg.validate.common import ClubView, fund_label


def _suggest(name: str, known: Iterable[str]) -> str | None:
    choices = sorted(known)
    close = nearest(name, choices) or next(
        iter(difflib.get_close_matches(name, choices, n=1, cutoff=0.6)), None
    )
    if close:
        return _("Did you mean “{name}”?").format(name=close)
    if choices:
        return _("Known here: {names}.").format(names=", ".join(choices[:12]))
    return None


def check_ids(view: ClubView) -> list[Problem]:
    """Member ids and loan ids are each unique within the club."""
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for row, member in zip(view.data.member_rows, view.data.members, strict=True):
        if member.id in first:
            problems.append(
                error(
                    view.members_file,
                    "member.duplicate-id",
                    _("The member id {id} is already used by entry {entry}.").format(
                        id=member.id, entry=first[member.id] + 1
                    ),
                    hint=_("Give each member an id of their own; ids are never reused."),
                    where=(row, "id"),
                )
            )
        else:
            first[member.id] = row
    loans: dict[str, int] = {}
    for row, loan in view.loans():
        if loan.id in loans:
            problems.append(
                error(
                    view.loans_file,
                    "loan.duplicate-id",
                    _("The loan id {id} is already used by entry {entry}.").format(
                        id=loan.id, entry=loans[loan.id] + 1
                    ),
                    hint=_("Give each loan an id of its own."),
                    where=(row, "id"),
                )
            )
        else:
            loans[loan.id] = row
    return problems


def check_teams_and_groups(view: ClubView) -> list[Problem]:
    """Each member's team and groups are among those listed in club.yaml.

    An unknown team or group is reported once, at the first member naming it,
    with how many members do: a typing error in club.yaml would otherwise give
    a line per member of the team.
    """
    club = view.club
    if club is None:
        return []
    problems: list[Problem] = []
    lists: tuple[tuple[str, str, list[str]], ...] = (
        ("teams", "club.duplicate-team", [t.id for t in club.teams]),
        ("groups", "club.duplicate-group", [g.id for g in club.groups]),
    )
    for kind, code, ids in lists:
        seen: set[str] = set()
        for index, item_id in enumerate(ids):
            if item_id in seen:
                problems.append(
                    error(
                        view.club_file,
                        code,
                        _("The id {id} is listed twice.").format(id=item_id),
                        where=(kind, index, "id"),
                    )
                )
            seen.add(item_id)
    teams = {t.id for t in club.teams}
    groups = {g.id for g in club.groups}
    team_of: dict[str, list[tuple[int, str]]] = {}
    group_of: dict[str, list[tuple[int, int, str]]] = {}
    for row, member in zip(view.data.member_rows, view.data.members, strict=True):
        if member.team is not None and member.team not in teams:
            team_of.setdefault(member.team, []).append((row, member.id))
        for index, group in enumerate(member.groups):
            if group not in groups:
                group_of.setdefault(group, []).append((row, index, member.id))
    for team, named in team_of.items():
        row, member_id = named[0]
        problems.append(
            error(
                view.members_file,
                "member.unknown-team",
                _("The team “{team}” of member {id} is not a team listed in {file}.").format(
                    team=team, id=member_id, file="club.yaml"
                )
                + _more(len(named)),
                hint=_suggest(team, teams),
                where=(row, "team"),
            )
        )
    for group, named_in in group_of.items():
        row, index, member_id = named_in[0]
        problems.append(
            error(
                view.members_file,
                "member.unknown-group",
                _("The group “{group}” of member {id} is not a group listed in {file}.").format(
                    group=group, id=member_id, file="club.yaml"
                )
                + _more(len(named_in)),
                hint=_suggest(group, groups),
                where=(row, "groups", index),
            )
        )
    return problems


def _more(members: int) -> str:
    """How many members name the same unknown team or group, when more than one does."""
    if members < 2:
        return ""
    return " " + _("{n} members name it.").format(n=members)


def _fund_hint(view: ClubView, fund: str) -> str | None:
    """How to correct a fund the club does not have: the nearest one, or how to open it."""
    funds = view.fund_names()
    if funds and fund not in FUND.codes:
        return _suggest(fund, funds)
    return _(
        "Open the fund with lstg club fund add {club} {fund} --opened DATE, "
        "or add it under “funds:” in {file}."
    ).format(club=view.data.id, fund=fund, file="club.yaml")


def check_funds(view: ClubView) -> list[Problem]:
    """Loans and ledger entries name one of the club's funds."""
    if view.club is None:
        return []
    funds = view.fund_names()
    problems: list[Problem] = []
    for row, loan in view.loans():
        if loan.fund not in funds:
            problems.append(
                error(
                    view.loans_file,
                    "loan.unknown-fund",
                    _(
                        "Loan {id} is lent from the fund “{fund}”, which the club does not have."
                    ).format(id=loan.id, fund=fund_label(loan.fund)),
                    hint=_fund_hint(view, loan.fund),
                    where=(row, "fund"),
                )
            )
    for row, entry in zip(view.data.ledger_rows, view.data.ledger, strict=True):
        if entry.fund not in funds:
            problems.append(
                error(
                    view.ledger_file,
                    "ledger.unknown-fund",
                    _("The fund “{fund}” is not one of the club's funds in {file}.").format(
                        fund=fund_label(entry.fund), file="club.yaml"
                    ),
                    hint=_fund_hint(view, entry.fund),
                    where=(row, "fund"),
                )
            )
    return problems
