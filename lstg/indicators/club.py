"""Per-club indicators: each figure of one club, computed in exactly one function.

Every function takes the club and a :class:`~lstg.domain.periods.Window`. A **stock**
is taken at the end of the window (``window.end``, the as-of date) and ignores
its start; a **flow** is summed over the window, both ends included. A function
returns ``None`` when the figure does not exist for the club (a rate with
nothing to divide by, a club with no whole month to judge yet).

A club counts members only while it exists: from its founding date until it is
dissolved. Shares (older members over members, …) are not computed here: they
are ratios of two of these counts, declared in :mod:`lstg.indicators.sets`
and computed by one function, :func:`lstg.indicators.sets.share`.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from lstg.dataset import ClubData
from lstg.dataset.cash import fund_cash
from lstg.domain.periods import Window
from lstg.schema import Meeting, Member
from lstg.schema.club import Status
from lstg.schema.loan import add_months
from lstg.schema.meeting import ACTIVITY_AREAS

OLDER_AGE = 60
"""Older person (người cao tuổi): 60 full years or more (Law on the Elderly, art. 2)."""

PAR_DAYS = 30


def status(club: ClubData, day: date) -> Status | None:
    """The club's status at the end of ``day``: preparing, operating, suspended or dissolved.

    ``None`` before the club was founded, or when its club file did not load.
    """
    if club.club is None:
        return None
    return club.club.status_on(day)


def exists(club: ClubData, window: Window) -> int:
    """Stock: 1 if the club is founded and not dissolved at the window's end, else 0."""
    return int(status(club, window.end) not in (None, "dissolved"))


def founded_by(club: ClubData, window: Window) -> int:
    """Stock: 1 if the club was founded on or before the window's end (dissolved or not)."""
    return int(status(club, window.end) is not None)


def operating(club: ClubData, window: Window) -> int:
    """Stock: 1 if the club is operating (launched, not suspended or dissolved) at the end."""
    return int(status(club, window.end) == "operating")


def preparing(club: ClubData, window: Window) -> int:
    """Stock: 1 if the club is founded but not yet launched at the end."""
    return int(status(club, window.end) == "preparing")


def suspended(club: ClubData, window: Window) -> int:
    """Stock: 1 if the club is suspended at the end."""
    return int(status(club, window.end) == "suspended")


def founded_in(club: ClubData, window: Window) -> int:
    """Flow: 1 if the club was founded within the window, else 0."""
    return int(club.club is not None and window.contains(club.club.founded))


def _members(club: ClubData, day: date) -> list[Member]:
    if status(club, day) in (None, "dissolved"):
        return []
    return club.members_on(day)


def members(club: ClubData, window: Window) -> int:
    """Stock: members who had joined and not left at the end of the window.

    A member who left on or before the as-of date is not counted. A club not yet
    founded, or dissolved, has no members.
    """
    return len(_members(club, window.end))


def members_older(club: ClubData, window: Window) -> int:
    """Stock: members aged 60 full years or more at the end of the window.

    A member known only by the birth year counts as born on 1 January of it. A
    member with no birth year or date is not counted (see ``members_unknown_age``).
    """
    day = window.end
    return sum(
        1 for m in _members(club, day) if (age := m.age_on(day)) is not None and age >= OLDER_AGE
    )


def members_young(club: ClubData, window: Window) -> int:
    """Stock: members under 60 at the end of the window; unknown ages are not counted."""
    day = window.end
    return sum(
        1 for m in _members(club, day) if (age := m.age_on(day)) is not None and age < OLDER_AGE
    )


def members_unknown_age(club: ClubData, window: Window) -> int:
    """Stock: members at the end of the window with neither birth year nor birth date."""
    day = window.end
    return sum(1 for m in _members(club, day) if m.age_on(day) is None)


def members_women(club: ClubData, window: Window) -> int:
    """Stock: women members at the end of the window."""
    return sum(1 for m in _members(club, window.end) if m.gender == "female")


def members_older_women(club: ClubData, window: Window) -> int:
    """Stock: women members aged 60 full years or more at the end of the window."""
    day = window.end
    return sum(
        1
        for m in _members(club, day)
        if m.gender == "female" and (age := m.age_on(day)) is not None and age >= OLDER_AGE
    )


def _joined(club: ClubData, window: Window) -> list[Member]:
    """Members at the window's end who joined within it."""
    return [m for m in _members(club, window.end) if window.contains(m.joined)]


def members_joined(club: ClubData, window: Window) -> int:
    """Flow of people: members at the window's end who joined the club within the window."""
    return len(_joined(club, window))


def members_older_joined(club: ClubData, window: Window) -> int:
    """Flow of people: members at the window's end, aged 60 or more then, who joined within it.

    The people "joining" a scheme's clubs over a phase (Decision 1648/QĐ-TTg's
    "at least 300,000 older people joining"): those still members at the as-of date.
    """
    day = window.end
    return sum(
        1 for m in _joined(club, window) if (age := m.age_on(day)) is not None and age >= OLDER_AGE
    )


def members_older_women_joined(club: ClubData, window: Window) -> int:
    """Flow of people: the women among :func:`members_older_joined`."""
    day = window.end
    return sum(
        1
        for m in _joined(club, window)
        if m.gender == "female" and (age := m.age_on(day)) is not None and age >= OLDER_AGE
    )


def board_members(club: ClubData, window: Window) -> int:
    """Stock: distinct members holding a board seat on the window's end who are members then."""
    day = window.end
    if club.club is None:
        return 0
    current = {m.id for m in _members(club, day)}
    return len({s.member for s in club.club.board if s.held_on(day) and s.member in current})


def borrowers(club: ClubData, window: Window) -> int:
    """Flow of people: distinct members at the window's end who received a loan within it.

    The window says which loans count: a period, the phase, or since founding
    (a window starting before the club was founded). A member who borrowed and
    has since left is not counted, so that borrowers never exceed members.
    """
    current = {m.id for m in _members(club, window.end)}
    return len({loan.member for loan in club.loans if window.contains(loan.disbursed)} & current)


def loans_disbursed(club: ClubData, window: Window) -> int:
    """Flow: number of loans disbursed within the window."""
    return sum(1 for loan in club.loans if window.contains(loan.disbursed))


def loans_disbursed_amount(club: ClubData, window: Window) -> int:
    """Flow: đồng lent within the window (the loans' amounts)."""
    return sum(loan.amount for loan in club.loans if window.contains(loan.disbursed))


def principal_outstanding(club: ClubData, window: Window) -> int:
    """Stock: principal owed to the club at the end of the window; written-off loans owe 0."""
    return sum(loan.outstanding(window.end) for loan in club.loans)


def principal_at_risk(club: ClubData, window: Window) -> int:
    """Stock: whole outstanding principal of loans with any amount more than 30 days overdue."""
    day = window.end
    return sum(loan.outstanding(day) for loan in club.loans if loan.days_overdue(day) > PAR_DAYS)


def write_offs(club: ClubData, window: Window) -> int:
    """Flow: number of loans written off within the window."""
    return sum(
        1 for loan in club.loans if loan.written_off and window.contains(loan.written_off.date)
    )


def write_off_amount(club: ClubData, window: Window) -> int:
    """Flow: principal still owed on the day each loan written off within the window was."""
    total = 0
    for loan in club.loans:
        if loan.written_off and window.contains(loan.written_off.date):
            total += max(loan.amount - loan.repaid_principal(loan.written_off.date), 0)
    return total


def fund_balance(club: ClubData, fund: str, day: date) -> int:
    """Stock: the cash of one fund (``income`` or ``activity``) at the end of ``day``.

    The cash of :func:`lstg.dataset.cash.fund_cash`, which the checks of balance
    assertions use too: ledger transactions of that fund, plus the loans lent from it
    (the amount goes out on disbursement, principal and interest come back on
    repayment). Balance assertions are checks, not money, and are not added.
    """
    return fund_cash(club, fund, day)


def fund_income(club: ClubData, window: Window) -> int:
    """Stock: balance of the income-generation fund (Quỹ tăng thu nhập) at the window's end."""
    return fund_balance(club, "income", window.end)


def fund_activity(club: ClubData, window: Window) -> int:
    """Stock: balance of the activity fund (Quỹ hoạt động) at the window's end."""
    return fund_balance(club, "activity", window.end)


def funds_ready(club: ClubData, window: Window) -> int:
    """Stock: 1 if the club exists at the window's end (founded, not dissolved) and both
    funds are opened and their regulations adopted by then."""
    if club.club is None or not exists(club, window):
        return 0
    day = window.end
    opened = all(
        kind in club.club.funds and club.club.funds[kind].opened <= day
        for kind in ("income", "activity")
    )
    adopted = club.club.fund_regulations is not None and club.club.fund_regulations <= day
    return int(opened and adopted)


def _held(club: ClubData, window: Window) -> list[Meeting]:
    return [m for m in club.meetings if m.held and window.contains(m.date)]


def meetings_held(club: ClubData, window: Window) -> int:
    """Flow: meetings held (regular and extra) within the window; skipped months are not."""
    return len(_held(club, window))


@lru_cache(maxsize=4096)
def _months_of(window: Window) -> tuple[tuple[date, date], ...]:
    """First and last days of the calendar months lying wholly inside the window."""
    first = window.start if window.start.day == 1 else add_months(window.start.replace(day=1), 1)
    months: list[tuple[date, date]] = []
    while True:
        following = add_months(first, 1)
        last = following - timedelta(days=1)
        if last > window.end:
            return tuple(months)
        months.append((first, last))
        first = following


def _month_starts(window: Window) -> list[date]:
    """First days of the calendar months lying wholly inside the window."""
    return [first for first, _last in _months_of(window)]


def _operating_all_month(club: ClubData, first: date, last: date) -> bool:
    assert club.club is not None
    if club.club.status_on(first) != "operating":
        return False
    # From an operating first day (so launched by then) only a status change can end it.
    changes = [c.date for c in club.club.status_changes if first < c.date <= last]
    return all(club.club.status_on(day) == "operating" for day in changes)


def expected_months(club: ClubData, window: Window) -> list[date]:
    """The months a club owes records for: whole calendar months of the window during
    which it was operating every day (launched, not suspended, not dissolved)."""
    if club.club is None or club.club.launched is None:
        return []
    launched = club.club.launched
    # no month before the launch can be owed: start the count there, not in 1900
    start = max(window.start, launched.replace(day=1))
    if start > window.end:
        return []
    owed = Window(start, window.end)
    return [
        first
        for first, last in _months_of(owed)
        if first >= window.start and _operating_all_month(club, first, last)
    ]


def _months_with(meetings: list[Meeting]) -> set[tuple[int, int]]:
    return {(m.date.year, m.date.month) for m in meetings}


def months_expected(club: ClubData, window: Window) -> int:
    """Flow: club-months owed records in the window (see :func:`expected_months`)."""
    return len(expected_months(club, window))


def months_recorded(club: ClubData, window: Window) -> int:
    """Flow: months owed records that have one: a meeting held, or the month marked skipped
    with its reason (DHIS2's "reports received")."""
    recorded = _months_with(club.meetings)
    return sum(1 for m in expected_months(club, window) if (m.year, m.month) in recorded)


def months_held(club: ClubData, window: Window) -> int:
    """Flow: months owed records in which the club held a meeting."""
    held = _months_with([m for m in club.meetings if m.held])
    return sum(1 for m in expected_months(club, window) if (m.year, m.month) in held)


def months_unrecorded(club: ClubData, window: Window) -> int | None:
    """Flow: months owed records with neither a meeting held nor a skip recorded.

    ``None`` for a club that owes no month in the window (a preparing or
    suspended club, or one launched this month).
    """
    expected = months_expected(club, window)
    if not expected:
        return None
    return expected - months_recorded(club, window)


def club_not_reporting(club: ClubData, window: Window) -> int:
    """Stock of the window: 1 for a club that owed records in the window and recorded none."""
    return int(months_expected(club, window) > 0 and months_recorded(club, window) == 0)


def club_owing(club: ClubData, window: Window) -> int:
    """Stock of the window: 1 for a club that owed records for at least one month of it."""
    return int(months_expected(club, window) > 0)


RECENT_MONTHS = 3
"""A stock of the loan book or the funds at a date rests on the records of the
three months up to it (the quarter that SAVIX groups report on)."""


def has_records(club: ClubData, window: Window) -> bool:
    """Whether the club's records can stand for ``window``: it owed no month in it, or
    recorded at least one of the months it owed."""
    expected = expected_months(club, window)
    if not expected:
        return True
    recorded = _months_with(club.meetings)
    return any((m.year, m.month) in recorded for m in expected)


def recent(day: date) -> Window:
    """The window of the records a stock at ``day`` rests on: the three months up to it."""
    return Window(add_months(day + timedelta(days=1), -RECENT_MONTHS), day)


def meeting_interval_months(club: ClubData, window: Window) -> int | None:
    """Flow: the longest interval between meetings in the window, in months.

    One more than the longest run of months owed records with neither a meeting
    held nor a skip recorded with its reason: a club meeting every month has 1,
    one meeting every quarter has 3; a month skipped for Tết, with its reason,
    does not break the rhythm. ``None`` when the club owes no month in the window.
    """
    months = expected_months(club, window)
    if not months:
        return None
    covered = _months_with(club.meetings)
    longest = run = 0
    for first in months:
        run = 0 if (first.year, first.month) in covered else run + 1
        longest = max(longest, run)
    return longest + 1


def attendance(club: ClubData, window: Window) -> int:
    """Flow: attendances of members at meetings held within the window (a person per meeting)."""
    total = 0
    for meeting in _held(club, window):
        current = {m.id for m in club.members_on(meeting.date)}
        total += len(set(meeting.attendance) & current)
    return total


def attendance_expected(club: ClubData, window: Window) -> int:
    """Flow: for each meeting held within the window, the members on its date, summed."""
    return sum(len(club.members_on(meeting.date)) for meeting in _held(club, window))


def members_health_checked(club: ClubData, window: Window) -> int:
    """Flow of people: distinct members with a health check at a meeting within the window."""
    return len({c.member for m in _held(club, window) for c in m.health_checks})


def _last_bp(club: ClubData, window: Window) -> dict[str, bool]:
    last: dict[str, bool] = {}
    for meeting in sorted(_held(club, window), key=lambda m: m.date):
        for check in meeting.health_checks:
            if check.hypertensive is not None:
                last[check.member] = check.hypertensive
    return last


def members_bp_checked(club: ClubData, window: Window) -> int:
    """Flow of people: distinct members with a blood-pressure reading within the window."""
    return len(_last_bp(club, window))


def members_hypertensive(club: ClubData, window: Window) -> int:
    """Flow of people: members whose last reading in the window is high (≥140/≥90 mmHg)."""
    return sum(_last_bp(club, window).values())


def meetings_with_health_checks(club: ClubData, window: Window) -> int:
    """Flow: meetings held within the window at which at least one member's health was checked."""
    return sum(1 for m in _held(club, window) if m.health_checks)


def home_care_visits(club: ClubData, window: Window) -> int:
    """Flow: home-care visits reported at meetings held within the window."""
    return sum(v.visits for m in _held(club, window) for v in m.home_care_visits)


def home_care_volunteers(club: ClubData, window: Window) -> int:
    """Stock: members at the window's end who are home-care volunteers."""
    return sum(1 for m in _members(club, window.end) if m.home_care_volunteer)


def activity_areas(club: ClubData, window: Window) -> int:
    """Flow: how many of the 8 activity areas were carried out at meetings within the window."""
    done = {area for m in _held(club, window) for area in m.activities}
    return len(done & set(ACTIVITY_AREAS))
