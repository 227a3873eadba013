"""What a report is asked for, and the period, window and plan it comes to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from lstg.dataset import DataSet
from lstg.errors import UserError
from lstg.i18n import _
from lstg.periods import Period, Window, parse_period
from lstg.report.model import Level
from lstg.schema import Plan


class UsageError(UserError):
    """The request does not fit the data: an unknown plan, a date outside the period."""


class UnknownScope(UsageError):
    """A district, commune or club that the data does not have; the message lists the known ones."""


@dataclass(frozen=True, slots=True)
class Request:
    """What the user asked for.

    Attributes:
        level: province, district, commune or club.
        name: the district's or commune's name (any case, with or without
            diacritics), or the club's id; ``None`` for the province.
        period: the reporting period; ``None`` for the plan's phase that holds
            ``as_of`` (else the year of ``as_of``).
        as_of: the day stocks are taken; ``None`` for the period's end, or
            today if the period has not ended.
        plan: the id of the plan whose targets are shown; ``None`` for the plan
            whose phase holds the report's end.
        lang: ``vi`` or ``en``.
        members: list the club's members by name (a club report only).
    """

    level: Level
    name: str | None
    period: Period | None
    as_of: date | None
    plan: str | None
    lang: str
    members: bool = False


@dataclass(frozen=True, slots=True)
class Resolved:
    """The period, window and plan a request comes to."""

    period: Period
    window: Window
    plan: Plan | None


def _phase(plan: Plan) -> Period:
    if (plan.start.month, plan.start.day, plan.end.month, plan.end.day) == (1, 1, 12, 31):
        return parse_period(f"{plan.start.year}..{plan.end.year}")
    return parse_period(f"{plan.start.isoformat()}..{plan.end.isoformat()}")


def _plan_at(plans: Mapping[str, Plan], day: date) -> Plan | None:
    return next(
        (p for p in sorted(plans.values(), key=lambda p: p.start) if p.start <= day <= p.end), None
    )


def resolve(dataset: DataSet, request: Request, *, today: date) -> Resolved:
    """The period, window and plan of ``request``.

    Raises:
        UsageError: an unknown plan, an as-of date after today (a period that
            has not started), or an as-of date before the period starts.
    """
    plan: Plan | None = None
    if request.plan is not None:
        plan = dataset.plans.get(request.plan)
        if plan is None:
            known = ", ".join(sorted(dataset.plans)) or _("none")
            raise UsageError(
                _("Unknown plan “{plan}”. Known plans: {known}").format(
                    plan=request.plan, known=known
                )
            )
    period = request.period
    as_of = request.as_of
    if period is None:
        day = as_of or today
        phase_plan = plan or _plan_at(dataset.plans, day)
        period = _phase(phase_plan) if phase_plan else parse_period(str(day.year))
    if as_of is None:
        as_of = min(period.end, max(today, period.start))
    if as_of > today:
        raise UsageError(
            _("The as-of date {day} is after today: a report counts what has happened").format(
                day=as_of.isoformat()
            )
        )
    if as_of < period.start:
        raise UsageError(
            _("The as-of date {day} is before the period {period} starts").format(
                day=as_of.isoformat(), period=period.label
            )
        )
    window = Window(period.start, min(period.end, as_of))
    if plan is None:
        plan = _plan_at(dataset.plans, window.end)
    return Resolved(period, window, plan)


def period_part(period: Period) -> int | None:
    """The quarter (1–4), half (1–2) or month (1–12) of a period of that kind."""
    if period.kind == "quarter":
        return int(period.label[-1])
    if period.kind == "half":
        return int(period.label[-1])
    if period.kind == "month":
        return period.start.month
    return None
