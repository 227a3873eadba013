"""What a command means by its plan, period and as-of date: one rule for every command.

``lstg check``, ``lstg report``, ``lstg export rollup`` and ``lstg status`` all
call :func:`resolve`, so the same options give the same plan, the same period
and the same as-of date everywhere (docs/periods.md states the rule):

1. **As-of date** (the day stocks are taken): ``--as-of``; else the end of
   ``--period``; else the end of ``--plan``'s phase; else today. A default never
   goes past today, and an as-of date after today is refused: a figure counts
   what has happened.
2. **Plan**: ``--plan``; else the plan whose phase holds the as-of date. No plan
   holding that date is an error with the plans there are — never a silent
   fall-back to another plan's numbers. A plan named with ``--plan`` must hold
   the as-of date.
3. **Period** (the window of flows and of criteria "over the period"):
   ``--period``; else, with ``--plan``, the plan's phase; else the calendar year
   of the as-of date. The as-of date must lie inside the period; the window of
   figures runs from the period's start to the as-of date.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from lstg.core.errors import UsageError
from lstg.core.format import short_date
from lstg.core.i18n import _, current_language
from lstg.domain.periods import Period, Window, parse_period
from lstg.schema import Plan


@dataclass(frozen=True, slots=True)
class Resolved:
    """The plan, period and as-of date that a command's options come to.

    Attributes:
        plan: the plan whose criteria and targets apply; ``None`` only when the
            caller did not require one and no plan holds the as-of date.
        period: the reporting period, as named (``2021..2025``, ``2025-Q3``).
        as_of: the day stocks are taken, inside the period.
    """

    plan: Plan | None
    period: Period
    as_of: date
    no_plan: str | None = None
    """When no plan holds the as-of date (and none was required): the message that says so."""

    @property
    def window(self) -> Window:
        """The window of figures: from the period's start to the as-of date."""
        return Window(self.period.start, self.as_of)


def phase_of(plan: Plan) -> Period:
    """A plan's phase as a period: ``2021..2025`` for a plan of whole years."""
    if (plan.start.month, plan.start.day, plan.end.month, plan.end.day) == (1, 1, 12, 31):
        return parse_period(f"{plan.start.year}..{plan.end.year}")
    return parse_period(f"{plan.start.isoformat()}..{plan.end.isoformat()}")


def plan_at(plans: Mapping[str, Plan], day: date) -> Plan | None:
    """The plan whose phase holds ``day`` (the latest-starting one, if phases overlap)."""
    holding = [p for p in plans.values() if p.start <= day <= p.end]
    return max(holding, key=lambda p: p.start) if holding else None


def _day(day: date) -> str:
    return short_date(day, current_language())


def _known(plans: Mapping[str, Plan]) -> str:
    listed = [
        f"{p.id} ({_day(p.start)}–{_day(p.end)})"
        for p in sorted(plans.values(), key=lambda p: p.start)
    ]
    return ", ".join(listed) or _("none")


def resolve(
    plans: Mapping[str, Plan],
    *,
    plan: str | None,
    period: Period | None,
    as_of: date | None,
    today: date,
    require_plan: bool = True,
) -> Resolved:
    """The plan, period and as-of date that the options ``plan``, ``period`` and ``as_of`` mean.

    Args:
        plans: the data folder's plans, by id.
        today: the day the command runs.
        require_plan: whether no plan holding the as-of date is an error
            (``check``); a report is made without targets and says why
            (:attr:`Resolved.no_plan`); ``export rollup`` and ``status`` need none.

    Raises:
        UsageError: an unknown plan; an as-of date after today, outside the
            period or outside the named plan's phase; a period that has not
            started; no plan holding the as-of date when one is required.
    """
    chosen: Plan | None = None
    if plan is not None:
        chosen = plans.get(plan)
        if chosen is None:
            raise UsageError(
                _("Unknown plan “{plan}”. Known plans: {known}").format(
                    plan=plan, known=_known(plans)
                )
            )
    if period is not None and period.start > today:
        raise UsageError(
            _("The period {period} has not started yet (it starts on {day}).").format(
                period=period.label, day=_day(period.start)
            )
        )
    if as_of is None:
        if period is not None:
            as_of = min(period.end, today)
        elif chosen is not None:
            as_of = min(chosen.end, today)
        else:
            as_of = today
    if as_of > today:
        raise UsageError(
            _("The as-of date {day} is after today: figures count what has happened.").format(
                day=_day(as_of)
            )
        )
    no_plan: str | None = None
    if chosen is None:
        chosen = plan_at(plans, as_of)
        if chosen is None:
            no_plan = _("No plan holds the date {day}. Known plans: {known}").format(
                day=_day(as_of), known=_known(plans)
            )
            if require_plan:
                raise UsageError(no_plan)
    elif not chosen.start <= as_of <= chosen.end:
        raise UsageError(
            _(
                "The plan {plan} runs from {start} to {end}; the as-of date {day} is outside it."
            ).format(
                plan=chosen.id, start=_day(chosen.start), end=_day(chosen.end), day=_day(as_of)
            )
        )
    if period is None:
        period = phase_of(chosen) if plan is not None and chosen is not None else _year(as_of)
    if not period.start <= as_of <= period.end:
        raise UsageError(
            _("The as-of date {day} is outside the period {period} ({start}–{end}).").format(
                day=_day(as_of),
                period=period.label,
                start=_day(period.start),
                end=_day(period.end),
            )
        )
    return Resolved(chosen, period, as_of, no_plan)


def _year(day: date) -> Period:
    return parse_period(str(day.year))
