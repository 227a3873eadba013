"""``lstg check`` as a library call: choose the plan, the dates and the clubs, then evaluate.

The command line only parses options and renders; everything that decides
what is checked is here, so that it can be tested without the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lstg.core.errors import UsageError, UserError
from lstg.core.i18n import _
from lstg.criteria.rules import CheckResult, evaluate
from lstg.domain.periods import Period, Window
from lstg.domain.places import Level, Unit, UnknownPlace, find_unit
from lstg.domain.resolve import resolve
from lstg.indicators import clubs_in
from lstg.indicators.completeness import Completeness, completeness
from lstg.indicators.facts import AnyClub, Clubs
from lstg.indicators.registry import club_value
from lstg.indicators.stream import with_facts, with_records

__all__ = ["CheckRequest", "CheckRun", "UsageError", "run_check"]


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """What the user asked to check.

    Plan, period and as-of date are resolved by :func:`lstg.domain.resolve.resolve`,
    the same rule as ``lstg report`` and ``lstg export``.

    Attributes:
        plan: a plan id; by default the plan whose phase holds the as-of date.
        period: the period of rules measured over a period; by default the
            plan's phase with ``plan``, else the calendar year of the as-of date.
        as_of: by default the end of the period, else of the plan, else today.
        club, district, commune: at most one; narrows the clubs listed and the
            targets to that club or unit.
    """

    plan: str | None = None
    period: Period | None = None
    as_of: date | None = None
    club: str | None = None
    district: str | None = None
    commune: str | None = None


@dataclass(frozen=True, slots=True)
class CheckRun:
    """A check and what it was run on."""

    result: CheckResult
    dataset: Clubs
    period_label: str
    place: Unit | None
    data_errors: int
    completeness: Completeness


def run_check(root: Path, request: CheckRequest, *, today: date) -> CheckRun:
    """Load the data folder ``root`` and check it against a plan.

    Raises:
        UserError: the data folder does not exist, or holds no plan.
        UsageError: an unknown plan, club, district or commune, or more than one
            of club, district and commune.
    """
    if not root.is_dir():
        raise UserError(_("The data folder {path} does not exist.").format(path=root))
    chosen = [x for x in (request.club, request.district, request.commune) if x is not None]
    if len(chosen) > 1:
        raise UsageError(_("Give at most one of --club, --district and --commune."))
    if request.club is not None:
        return check_clubs(with_records(root, request.club), request, today=today)
    return with_facts(
        root,
        lambda dataset: check_clubs(dataset, request, today=today),
        asked=f"check {request!r} today={today}",
    )


def check_clubs(dataset: Clubs, request: CheckRequest, *, today: date) -> CheckRun:
    """Check the clubs of ``dataset`` (their records or their facts) against a plan."""
    if not dataset.plans:
        raise UserError(_("The data folder has no plans (plans/*.yaml)."))
    resolved = resolve(
        dataset.plans,
        plan=request.plan,
        period=request.period,
        as_of=request.as_of,
        today=today,
    )
    plan, as_of, period = resolved.plan, resolved.as_of, resolved.window
    assert plan is not None
    label = resolved.period.label
    place: Unit | None = None
    clubs: list[AnyClub] | None = None
    if request.club is not None:
        data = dataset.clubs.get(request.club)
        if data is None or data.club is None:
            raise UsageError(
                _("Unknown club “{club}”. Known clubs: {names}").format(
                    club=request.club, names=", ".join(sorted(dataset.clubs))
                )
            )
        clubs = [data]
    elif dataset.province is not None and (request.district or request.commune):
        level: Level = "district" if request.district else "commune"
        try:
            place = find_unit(
                dataset.province, level, request.district or request.commune or "", as_of
            )
        except UnknownPlace as exc:
            raise UsageError(str(exc)) from None
        clubs = [
            d for d in clubs_in(dataset, place) if club_value("clubs", d, Window(as_of, as_of))
        ]
    result = evaluate(dataset, plan, as_of=as_of, period=period, clubs=clubs, place=place)
    if request.club is not None:
        result = CheckResult(result.plan, result.as_of, result.period, [], result.clubs)
    errors = sum(1 for p in dataset.problems if p.is_error)
    scope = clubs if clubs is not None else clubs_in(dataset, None)
    return CheckRun(result, dataset, label, place, errors, completeness(dataset, scope, period))
