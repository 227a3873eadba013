"""What a report is asked for, and the period, window and plan it comes to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lstg.core.errors import UsageError
from lstg.domain.periods import Period
from lstg.domain.resolve import Resolved, resolve
from lstg.indicators.facts import Clubs
from lstg.report.model import Level


class UnknownScope(UsageError):
    """A district, commune or club that the data does not have; the message lists the known ones."""


@dataclass(frozen=True, slots=True)
class Request:
    """What the user asked for.

    Attributes:
        level: province, district, commune or club.
        name: the district's or commune's name (any case, with or without
            diacritics), or the club's id; ``None`` for the province.
        period: the reporting period; ``None`` for the default of
            :mod:`lstg.domain.resolve` (the plan's phase with ``plan``, else the year
            of the as-of date).
        as_of: the day stocks are taken; ``None`` for the default of
            :mod:`lstg.domain.resolve`.
        plan: the id of the plan whose targets are shown; ``None`` for the plan
            whose phase holds the as-of date.
        lang: ``vi`` or ``en``.
        members: list the club's members by name (a club report only).
        number: the report's number (``--number``), if given.
        signed: the day of signing (``--signed``), if given.
    """

    level: Level
    name: str | None
    period: Period | None
    as_of: date | None
    plan: str | None
    lang: str
    members: bool = False
    number: int | None = None
    signed: date | None = None


def resolve_request(dataset: Clubs, request: Request, *, today: date) -> Resolved:
    """The plan, period and as-of date of ``request`` (:mod:`lstg.domain.resolve`).

    Raises:
        UsageError: see :func:`lstg.domain.resolve.resolve`.
    """
    return resolve(
        dataset.plans,
        plan=request.plan,
        period=request.period,
        as_of=request.as_of,
        today=today,
        require_plan=False,
    )


def period_part(period: Period) -> int | None:
    """The quarter (1–4), half (1–2) or month (1–12) of a period of that kind."""
    if period.kind == "quarter":
        return int(period.label[-1])
    if period.kind == "half":
        return int(period.label[-1])
    if period.kind == "month":
        return period.start.month
    return None
