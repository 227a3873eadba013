"""Dates that contradict each other: before founding, in the wrong file, out of order."""

from __future__ import annotations

from datetime import date, timedelta

from lstg.core.i18n import _
from lstg.core.problems import PathPart, Problem, error, warning
from lstg.schema import Member
from lstg.validate.common import ClubView, fund_label, shown_date, status_label
from lstg.validate.people import consequences, records_before


def check_club_dates(view: ClubView) -> list[Problem]:
    """Funds, regulations and loans come after founding and before dissolution."""
    club = view.club
    if club is None:
        return []
    problems: list[Problem] = []
    for kind, fund in club.funds.items():
        if fund.opened < club.founded:
            problems.append(
                error(
                    view.club_file,
                    "fund.before-founding",
                    _(
                        "The fund “{fund}” was opened on {opened}, "
                        "before the club was founded on {founded}."
                    ).format(
                        fund=fund_label(kind),
                        opened=shown_date(fund.opened),
                        founded=shown_date(club.founded),
                    ),
                    where=("funds", kind, "opened"),
                )
            )
    if club.fund_regulations is not None and club.fund_regulations < club.founded:
        problems.append(
            error(
                view.club_file,
                "club.regulations-before-founding",
                _(
                    "The fund regulations were adopted on {day}, "
                    "before the club was founded on {founded}."
                ).format(day=shown_date(club.fund_regulations), founded=shown_date(club.founded)),
                where=("fund_regulations",),
            )
        )
    for index, change in enumerate(club.status_changes):
        before = (
            club.status_on(change.date - timedelta(days=1)) if change.date > club.founded else None
        )
        if before == change.status:
            problems.append(
                warning(
                    view.club_file,
                    "club.status-unchanged",
                    _("The club was already {status} before {day}.").format(
                        status=status_label(change.status), day=shown_date(change.date)
                    ),
                    where=("status_changes", index, "status"),
                )
            )
        if before == "dissolved":
            problems.append(
                error(
                    view.club_file,
                    "club.after-dissolution",
                    _("The status changes on {day}, after the club was dissolved.").format(
                        day=shown_date(change.date)
                    ),
                    hint=_("A club that starts again after dissolution is a new club."),
                    where=("status_changes", index, "date"),
                )
            )
    for row, loan in view.loans():
        loan_fund = view.fund(loan.fund)
        if loan_fund is not None and loan.disbursed < loan_fund.opened:
            problems.append(
                error(
                    view.loans_file,
                    "loan.before-fund-opened",
                    _(
                        "Loan {id} was disbursed on {day}, "
                        "before the fund “{fund}” was opened on {opened}."
                    ).format(
                        id=loan.id,
                        day=shown_date(loan.disbursed),
                        fund=fund_label(loan.fund),
                        opened=shown_date(loan_fund.opened),
                    ),
                    where=(row, "disbursed"),
                )
            )
        if club.status_on(loan.disbursed) == "dissolved":
            problems.append(
                error(
                    view.loans_file,
                    "loan.after-dissolution",
                    _("Loan {id} was disbursed on {day}, after the club was dissolved.").format(
                        id=loan.id, day=shown_date(loan.disbursed)
                    ),
                    where=(row, "disbursed"),
                )
            )
    return problems


def check_meeting_dates(view: ClubView) -> list[Problem]:
    """Meetings are after founding, in their year's file, once per date and in order."""
    club = view.club
    problems: list[Problem] = []
    seen: dict[date, str] = {}
    previous: dict[str, date] = {}
    for file, row, meeting in view.meetings():
        where: tuple[PathPart, ...] = (row, "date")
        year = file.rsplit("/", 1)[-1].removesuffix(".yaml")
        if str(meeting.date.year) != year:
            problems.append(
                error(
                    file,
                    "meeting.wrong-year",
                    _("A meeting of {day} is written in the file of {year}.").format(
                        day=shown_date(meeting.date), year=year
                    ),
                    hint=_("Move it to meetings/{year}.yaml, or correct the date.").format(
                        year=meeting.date.year
                    ),
                    where=where,
                )
            )
        if club is not None and meeting.date < club.founded:
            problems.append(
                error(
                    file,
                    "meeting.before-founding",
                    _("The meeting of {day} is before the club was founded on {founded}.").format(
                        day=shown_date(meeting.date), founded=shown_date(club.founded)
                    ),
                    where=where,
                )
            )
        if club is not None and meeting.held and club.status_on(meeting.date) == "dissolved":
            problems.append(
                error(
                    file,
                    "meeting.after-dissolution",
                    _("The meeting of {day} is after the club was dissolved.").format(
                        day=shown_date(meeting.date)
                    ),
                    where=where,
                )
            )
        if meeting.date in seen:
            problems.append(
                error(
                    file,
                    "meeting.duplicate-date",
                    _("A meeting of {day} is already recorded in {file}.").format(
                        day=shown_date(meeting.date), file=seen[meeting.date]
                    ),
                    hint=_("Merge the two entries into one."),
                    where=where,
                )
            )
        else:
            seen[meeting.date] = file
        if file in previous and meeting.date < previous[file]:
            problems.append(
                warning(
                    file,
                    "meeting.out-of-order",
                    _("The meeting of {day} comes after one of {previous}.").format(
                        day=shown_date(meeting.date), previous=shown_date(previous[file])
                    ),
                    hint=_("Keep meetings in date order."),
                    where=where,
                )
            )
        previous[file] = meeting.date
    return problems


def check_member_dates(view: ClubView) -> list[Problem]:
    """Members join after the club was founded (a warning: founders may join first)."""
    club = view.club
    if club is None:
        return []
    problems: list[Problem] = []
    for row, member in zip(view.data.member_rows, view.data.members, strict=True):
        if member.joined < club.founded:
            problems.append(
                warning(
                    view.members_file,
                    "member.joined-before-founding",
                    _(
                        "Member {id} joined on {joined}, before the club was founded on {founded}."
                    ).format(
                        id=member.id,
                        joined=shown_date(member.joined),
                        founded=shown_date(club.founded),
                    ),
                    where=(row, "joined"),
                )
            )
    return problems


def check_future(view: ClubView) -> list[Problem]:
    """No fact recorded as having happened is dated after today.

    Due dates and schedules are plans, and may lie ahead.
    """
    today = view.today
    # Only a date after today is noted, with where it is: nearly every date is not.
    found: list[tuple[str, tuple[PathPart, ...], date]] = []
    years: list[tuple[str, tuple[PathPart, ...], int]] = []
    club = view.club
    if club is not None:
        if club.founded > today:
            found.append((view.club_file, ("founded",), club.founded))
        if club.launched is not None and club.launched > today:
            found.append((view.club_file, ("launched",), club.launched))
        if club.fund_regulations is not None and club.fund_regulations > today:
            found.append((view.club_file, ("fund_regulations",), club.fund_regulations))
        for i, change in enumerate(club.status_changes):
            if change.date > today:
                found.append((view.club_file, ("status_changes", i, "date"), change.date))
        for i, seat in enumerate(club.board):
            if seat.start > today:
                found.append((view.club_file, ("board", i, "start"), seat.start))
        for kind, fund in club.funds.items():
            if fund.opened > today:
                found.append((view.club_file, ("funds", kind, "opened"), fund.opened))
    for row, member in zip(view.data.member_rows, view.data.members, strict=True):
        if member.joined > today:
            found.append((view.members_file, (row, "joined"), member.joined))
        if member.birth_date is not None and member.birth_date > today:
            found.append((view.members_file, (row, "birth_date"), member.birth_date))
        if member.left is not None and member.left.date > today:
            found.append((view.members_file, (row, "left", "date"), member.left.date))
        for i, consent in enumerate(member.consent):
            if consent.date > today:
                found.append((view.members_file, (row, "consent", i, "date"), consent.date))
            if consent.withdrawn is not None and consent.withdrawn.date > today:
                where: tuple[PathPart, ...] = (row, "consent", i, "withdrawn", "date")
                found.append((view.members_file, where, consent.withdrawn.date))
        if member.erased is not None and member.erased > today:
            found.append((view.members_file, (row, "erased"), member.erased))
        if member.household_certified is not None and member.household_certified > today.year:
            years.append(
                (view.members_file, (row, "household_certified"), member.household_certified)
            )
    for row, loan in view.loans():
        if loan.disbursed > today:
            found.append((view.loans_file, (row, "disbursed"), loan.disbursed))
        for i, repayment in enumerate(loan.repayments):
            if repayment.date > today:
                found.append((view.loans_file, (row, "repayments", i, "date"), repayment.date))
        if loan.written_off is not None and loan.written_off.date > today:
            found.append((view.loans_file, (row, "written_off", "date"), loan.written_off.date))
    for file, row, meeting in view.meetings():
        if meeting.date > today:
            found.append((file, (row, "date"), meeting.date))
    for row, entry in zip(view.data.ledger_rows, view.data.ledger, strict=True):
        if entry.date > today:
            found.append((view.ledger_file, (row, "date"), entry.date))
    if not found and not years:
        return []
    joined_rows: dict[tuple[str, tuple[PathPart, ...]], Member] = {
        (view.members_file, (row, "joined")): member
        for row, member in zip(view.data.member_rows, view.data.members, strict=True)
    }
    problems = []
    for file, where, day in found:
        joiner = joined_rows.get((file, where))
        after = "" if joiner is None else consequences(records_before(view, joiner.id, day))
        problems.append(
            error(
                file,
                "date.future",
                _("The date {day} is in the future (today is {today}).").format(
                    day=shown_date(day), today=shown_date(view.today)
                )
                + after,
                hint=_("Only what has happened is recorded; check the year."),
                where=where,
            )
        )
    problems.extend(
        error(
            file,
            "date.future",
            _("The year {year} is in the future (today is {today}).").format(
                year=year, today=shown_date(view.today)
            ),
            hint=_("Only what has happened is recorded; check the year."),
            where=where,
        )
        for file, where, year in years
    )
    return problems
