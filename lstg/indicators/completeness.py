"""Completeness of the data: which clubs have sent the records of which months.

The reporting unit is the club-month, as DHIS2's reporting rate counts data
sets received over data sets expected: a club owes the records of every whole
month it was operating (:func:`lstg.indicators.club.expected_months`), and a month
is recorded when it has a meeting held or is marked skipped with its reason.
Figures made of those records are "chưa có số liệu" for a club that recorded
none of the months they rest on (:func:`lstg.indicators.sets.covered`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from lstg.dataset import ClubData
from lstg.domain.periods import Window
from lstg.indicators import club as c
from lstg.indicators.facts import AnyClub, Clubs
from lstg.indicators.registry import club_value, set_value
from lstg.indicators.sets import Selection
from lstg.schema.loan import add_months

MonthState = Literal["held", "skipped", "missing", "not_owed"]
"""A club-month: a meeting held; skipped with a reason; owed and not recorded; not owed
(before the launch, suspended, dissolved, or not a whole month of the window)."""


@dataclass(frozen=True, slots=True)
class Completeness:
    """How complete the records behind a set of figures are.

    Attributes:
        months_expected: club-months owed records in the window.
        months_recorded: of those, the months with a record.
        share: ``months_recorded`` over ``months_expected``, in percent;
            ``None`` when no month is owed.
        clubs_owing: clubs that owed at least one month.
        not_reporting: the clubs that owed months and recorded none, by id.
    """

    months_expected: int
    months_recorded: int
    share: float | None
    clubs_owing: int
    not_reporting: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return self.months_recorded == self.months_expected


def completeness(dataset: Clubs, clubs: Sequence[AnyClub], window: Window) -> Completeness:
    """The completeness of the records of ``clubs`` over ``window``, from the indicators
    ``months_expected``, ``months_recorded``, ``completeness``, ``clubs_owing`` and
    ``clubs_not_reporting``."""
    selection = Selection(dataset.province, tuple(clubs))
    share = set_value("completeness", selection, window)
    return Completeness(
        months_expected=int(set_value("months_expected", selection, window) or 0),
        months_recorded=int(set_value("months_recorded", selection, window) or 0),
        share=None if share is None else float(share),
        clubs_owing=int(set_value("clubs_owing", selection, window) or 0),
        not_reporting=tuple(d.id for d in clubs if club_value("clubs_not_reporting", d, window)),
    )


def month_states(club: ClubData, window: Window) -> list[tuple[date, MonthState]]:
    """Each calendar month that the window touches, with what the club recorded for it."""
    owed = set(c.expected_months(club, window))
    held = {(m.date.year, m.date.month) for m in club.meetings if m.held}
    skipped = {(m.date.year, m.date.month) for m in club.meetings if not m.held}
    states: list[tuple[date, MonthState]] = []
    first = window.start.replace(day=1)
    while first <= window.end:
        key = (first.year, first.month)
        state: MonthState
        if key in held:
            state = "held"
        elif key in skipped:
            state = "skipped"
        elif first in owed:
            state = "missing"
        else:
            state = "not_owed"
        states.append((first, state))
        first = add_months(first, 1)
    return states


def last_recorded(club: ClubData, day: date) -> date | None:
    """The date of the club's latest record (a meeting or a skipped month) up to ``day``."""
    dates = [m.date for m in club.meetings if m.date <= day]
    return max(dates) if dates else None


def months_late(club: ClubData, day: date) -> int:
    """How many months the club owes, up to ``day``, after its latest record."""
    latest = last_recorded(club, day)
    start = (latest + timedelta(days=1)) if latest is not None else date(1900, 1, 1)
    return len(c.expected_months(club, Window(start, day)))
