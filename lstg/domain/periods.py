"""Reporting periods: a month, a quarter, a half year, a year, a span of years, a phase.

Every period is a whole number of calendar months, so that "the previous period
of the same length" is always defined: the same number of months just before.

Accepted spellings:

======================  ==================================
``2024``                the year
``2024-Q3``             the third quarter (quý III)
``2024-H1``             the first half year (6 tháng đầu năm)
``2024-05``             May 2024
``2021..2025``          the years 2021 to 2025, both included
``2016-2020``           a phase (giai đoạn), the same as ``2016..2020``
``2024-01-01..2024-06-30``  any span of dates
======================  ==================================
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from lstg.core.i18n import _
from lstg.schema.loan import add_months

PeriodKind = Literal["month", "quarter", "half", "year", "years", "dates"]


@dataclass(frozen=True, slots=True)
class Window:
    """A span of days, both ends included. Stocks are taken at ``end``."""

    start: date
    end: date

    @property
    def as_of(self) -> date:
        return self.end

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def until(self, day: date) -> Window:
        """This window cut at ``day`` (its end is the earlier of the two)."""
        return Window(self.start, min(self.end, day))


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period with its name, as written by the user.

    Attributes:
        label: the canonical spelling, such as ``2024-Q3``.
        kind: what sort of period it is.
    """

    label: str
    kind: PeriodKind
    start: date
    end: date

    @property
    def window(self) -> Window:
        return Window(self.start, self.end)

    @property
    def months(self) -> int:
        """Length in whole calendar months; 0 for a span of dates that is not."""
        if self.start.day != 1 or (self.end + timedelta(days=1)).day != 1:
            return 0
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def previous(self) -> Period:
        """The period of the same length just before this one.

        ``2024-Q3`` gives ``2024-Q2``, ``2024`` gives ``2023``, ``2021..2025``
        gives ``2016..2020``. A span of dates that is not made of whole months
        gives the span of the same number of days just before.
        """
        months = self.months
        if months == 0:
            days = (self.end - self.start).days + 1
            end = self.start - timedelta(days=1)
            start = end - timedelta(days=days - 1)
            return Period(f"{start.isoformat()}..{end.isoformat()}", "dates", start, end)
        start = add_months(self.start, -months)
        end = self.start - timedelta(days=1)
        return _labelled(self.kind, start, end)


def _month_end(year: int, month: int) -> date:
    return add_months(date(year, month, 1), 1) - timedelta(days=1)


def _labelled(kind: PeriodKind, start: date, end: date) -> Period:
    if kind == "month":
        return Period(f"{start.year}-{start.month:02d}", kind, start, end)
    if kind == "quarter":
        return Period(f"{start.year}-Q{(start.month - 1) // 3 + 1}", kind, start, end)
    if kind == "half":
        return Period(f"{start.year}-H{(start.month - 1) // 6 + 1}", kind, start, end)
    if kind == "year":
        return Period(str(start.year), kind, start, end)
    if kind == "years":
        return Period(f"{start.year}..{end.year}", kind, start, end)
    return Period(f"{start.isoformat()}..{end.isoformat()}", kind, start, end)


_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_HALF = re.compile(r"^(\d{4})-[Hh]([12])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEARS = re.compile(r"^(\d{4})\s*(?:\.\.|-|–)\s*(\d{4})$")
_DATES = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$")


def parse_period(text: str) -> Period:
    """Read a period as the user writes it.

    Raises:
        ValueError: the text is not a period; the message gives the spellings.
    """
    value = text.strip()
    if match := _YEAR.match(value):
        year = int(match.group(1))
        return Period(str(year), "year", date(year, 1, 1), date(year, 12, 31))
    if match := _QUARTER.match(value):
        year, quarter = int(match.group(1)), int(match.group(2))
        first = 3 * (quarter - 1) + 1
        return Period(
            f"{year}-Q{quarter}", "quarter", date(year, first, 1), _month_end(year, first + 2)
        )
    if match := _HALF.match(value):
        year, half = int(match.group(1)), int(match.group(2))
        first = 6 * (half - 1) + 1
        return Period(f"{year}-H{half}", "half", date(year, first, 1), _month_end(year, first + 5))
    if match := _MONTH.match(value):
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            return Period(
                f"{year}-{month:02d}", "month", date(year, month, 1), _month_end(year, month)
            )
    if match := _YEARS.match(value):
        first, last = int(match.group(1)), int(match.group(2))
        if first <= last:
            return Period(f"{first}..{last}", "years", date(first, 1, 1), date(last, 12, 31))
    if match := _DATES.match(value):
        try:
            start, end = date.fromisoformat(match.group(1)), date.fromisoformat(match.group(2))
        except ValueError:
            start = end = date.max
        if start <= end and end != date.max:
            return _labelled("dates", start, end)
    raise ValueError(
        _(
            "“{text}” is not a period: write 2024, 2024-Q3, 2024-H1, 2024-05, 2021..2025 "
            "or 2024-01-01..2024-06-30"
        ).format(text=text)
    )


def parse_date(text: str) -> date:
    """Read a date written ``YYYY-MM-DD``.

    Raises:
        ValueError: the text is not such a date.
    """
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            _("“{text}” is not a date: write YYYY-MM-DD, for example 2020-11-30").format(text=text)
        ) from None
