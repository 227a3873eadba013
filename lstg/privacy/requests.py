"""The law's clocks for requests about personal data, and which requests are late.

The keeper answers within :data:`ANSWER_WORKING_DAYS` working days of receiving a
request and completes it within :data:`COMPLETE_DAYS` days, extended once by
:data:`EXTENSION_DAYS` days when the person is told (Decree 356/2025/NĐ-CP). Working
days are Monday to Friday except Vietnam's public holidays and the days off the
government moves onto working days (from the ``holidays`` package); a Saturday made a
working day in exchange is not known, and counts as a day off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import holidays

from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.dataset import REQUESTS_FILE
from lstg.dataset.loader import load_records
from lstg.schema.requests import Request


def kind_label(kind: str) -> str:
    """What a request asks, in the active language."""
    labels = {
        "know": _("to know"),
        "see": _("to see"),
        "copy": _("a copy"),
        "correct": _("a correction"),
        "delete": _("deletion"),
        "restrict": _("restriction"),
        "object": _("objection"),
        "withdraw": _("withdrawal of consent"),
    }
    return labels.get(kind, kind)


def kinds_label(kinds: list[str]) -> str:
    return ", ".join(kind_label(k) for k in kinds)


ANSWER_WORKING_DAYS = 2
COMPLETE_DAYS = 15
EXTENSION_DAYS = 15


@cache
def _days_off(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("VN", years=year))


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not a public holiday in Vietnam."""
    return day.weekday() < 5 and day not in _days_off(day.year)


def add_working_days(day: date, count: int) -> date:
    """The day ``count`` working days after ``day``."""
    current = day
    while count > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            count -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """The working days after ``start`` up to and including ``end`` (0 if ``end`` is not later)."""
    count, current = 0, start
    while current < end:
        current += timedelta(days=1)
        count += is_working_day(current)
    return count


@dataclass(frozen=True, slots=True)
class Clock:
    """A request with its deadlines and where it stands on a day.

    Attributes:
        answer_by: the last day to answer.
        complete_by: the last day to complete (with the extension, if the person was
            told of one in time).
        late_answer: working days past ``answer_by`` without an answer, or by which
            the answer came late; 0 if on time.
        late_completion: days (every day counts, as in the 15 days) past
            ``complete_by`` without completion, or by which it came late.
    """

    request: Request
    answer_by: date
    complete_by: date
    late_answer: int
    late_completion: int

    @property
    def open(self) -> bool:
        return self.request.completed is None

    @property
    def overdue(self) -> bool:
        """Open and past a deadline on the day the clock was read."""
        return self.open and (
            (self.request.answered is None and self.late_answer > 0) or self.late_completion > 0
        )

    @property
    def late(self) -> bool:
        """Past a deadline, now or when it was answered or completed."""
        return self.late_answer > 0 or self.late_completion > 0


def clock(request: Request, today: date) -> Clock:
    """The deadlines of ``request`` and how late it is on ``today``."""
    answer_by = add_working_days(request.received, ANSWER_WORKING_DAYS)
    complete_by = request.received + timedelta(days=COMPLETE_DAYS)
    if request.extended is not None and request.extended <= complete_by:
        complete_by += timedelta(days=EXTENSION_DAYS)
    answered = request.answered or today
    completed = request.completed or today
    return Clock(
        request,
        answer_by,
        complete_by,
        working_days_between(answer_by, answered),
        max((completed - complete_by).days, 0),
    )


def read_requests(root: Path) -> list[Request]:
    """The request log of the data folder (empty if there is none).

    Raises:
        UserError: the log has errors (``lstg validate`` shows them).
    """
    path = root / REQUESTS_FILE
    if not path.is_file():
        return []
    rows, problems = load_records(root, path, lambda _raw: Request)
    if any(p.is_error for p in problems):
        raise UserError(
            _("{file} has errors; run lstg validate to see them.").format(file=REQUESTS_FILE)
        )
    return [r for _i, r in rows]


def clocks(root: Path, today: date, *, everything: bool = False) -> list[Clock]:
    """The requests of the log with their clocks: the open and the late ones, or all."""
    found = [clock(r, today) for r in read_requests(root)]
    if not everything:
        found = [c for c in found if c.open or c.late]
    return sorted(found, key=lambda c: (c.request.received, c.request.id))
