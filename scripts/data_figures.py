"""Key figures of a loaded data set, as the data README states them.

These are the generator's own checks, computed from the models that
:func:`lstg.dataset.loader.load_dataset` builds, with the definitions written beside each one.
Run ``python scripts/data_figures.py [DATA]`` to print them.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lstg.dataset import ClubData, DataSet
from lstg.dataset.loader import load_dataset
from lstg.domain.places import club_unit
from lstg.schema import BalanceAssertion, Province, Transaction
from lstg.schema.meeting import ACTIVITY_AREAS

CUTOFF = date(2020, 11, 30)
PHASE_START = date(2021, 1, 1)
END = date(2025, 12, 31)


def district_of(province: Province, club: ClubData) -> str | None:
    """The club's district name before 1/7/2025: its commune placed, through the province
    file's ``becomes`` links, in the last era that had districts."""
    assert club.club is not None
    unit = club_unit(province, club.club, "district", date(2025, 6, 30))
    return None if unit is None else unit.name


def older_count(club: ClubData, day: date) -> int:
    """Members on ``day`` aged 60 full years or more on that day (stock)."""
    return sum(1 for m in club.members_on(day) if (m.age_on(day) or 0) >= 60)


def borrowers(club: ClubData, since: date, until: date) -> set[str]:
    """Members who received a loan disbursed between the two dates, both included."""
    return {loan.member for loan in club.loans if since <= loan.disbursed <= until}


def board_on(club: ClubData, day: date) -> set[str]:
    assert club.club is not None
    return {seat.member for seat in club.club.board if seat.held_on(day)}


def income_fund_total(club: ClubData, day: date) -> int:
    """Income fund on ``day``: cash (ledger and loan flows) plus principal lent out."""
    cash = sum(
        e.amount
        for e in club.ledger
        if isinstance(e, Transaction) and e.fund == "income" and e.date <= day
    )
    for loan in club.loans:
        if loan.disbursed <= day:
            cash -= loan.amount
        cash += sum(r.principal + r.interest for r in loan.repayments if r.date <= day)
    return cash + sum(loan.outstanding(day) for loan in club.loans)


def fully_active(club: ClubData, year: int) -> bool:
    """All activities and well managed in ``year``: operating all year, a regular meeting in
    at least 10 months, all 8 areas covered, 5+ home-care volunteers, both funds and
    fund regulations."""
    assert club.club is not None
    info = club.club
    first, last = date(year, 1, 1), date(year, 12, 31)
    if info.launched is None or info.launched > first or info.status_on(last) != "operating":
        return False
    held = [m for m in club.meetings if m.held and first <= m.date <= last]
    months = {m.date.month for m in held if m.kind == "regular"}
    areas = {a for m in held for a in m.activities}
    volunteers = sum(1 for m in club.members_on(last) if m.home_care_volunteer)
    funds = {"income", "activity"} <= set(info.funds)
    return (
        len(months) >= 10
        and areas == set(ACTIVITY_AREAS)
        and volunteers >= 5
        and funds
        and info.fund_regulations is not None
    )


@dataclass
class Figures:
    lines: list[tuple[str, str]]

    def markdown(self) -> str:
        rows = ["| figure | value |", "| --- | --- |"]
        rows += [f"| {k} | {v} |" for k, v in self.lines]
        return "\n".join(rows)


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / whole:.1f}%" if whole else "0/0"


def figures_2020(ds: DataSet) -> Figures:
    assert ds.province is not None
    clubs = [c for c in ds.clubs.values() if c.club and c.club.founded <= CUTOFF]
    by_district = Counter(district_of(ds.province, c) for c in clubs)
    members = sum(len(c.members_on(CUTOFF)) for c in clubs)
    older = sum(older_count(c, CUTOFF) for c in clubs)
    status = Counter(c.club.status_on(CUTOFF) for c in clubs if c.club)
    preparing = sorted(c.id for c in clubs if c.club and c.club.status_on(CUTOFF) == "preparing")
    sizes = [len(c.members_on(CUTOFF)) for c in clubs]
    shares = [older_count(c, CUTOFF) / len(c.members_on(CUTOFF)) for c in clubs]
    funds = [
        income_fund_total(c, CUTOFF)
        for c in clubs
        if c.club and c.club.launched and c.club.launched <= CUTOFF
    ]
    loans = [loan for c in clubs for loan in c.loans if loan.disbursed <= CUTOFF]
    return Figures(
        [
            ("clubs founded", str(len(clubs))),
            ("districts with a club", f"{len(by_district)} of 11"),
            ("clubs by district", ", ".join(f"{d} {n}" for d, n in sorted(by_district.items()))),
            ("members", str(members)),
            ("older members (60+)", str(older)),
            ("board members", str(sum(len(board_on(c, CUTOFF)) for c in clubs))),
            ("operating", str(status["operating"])),
            ("preparing", f"{status['preparing']} ({', '.join(preparing)})"),
            (
                "members who had borrowed (since founding)",
                str(sum(len(borrowers(c, date(2000, 1, 1), CUTOFF)) for c in clubs)),
            ),
            (
                "loans disbursed",
                f"{len(loans)}, {min(lo.amount for lo in loans):,}–"
                f"{max(lo.amount for lo in loans):,} đ, {min(lo.term_months for lo in loans)}–"
                f"{max(lo.term_months for lo in loans)} months, "
                f"{min(lo.monthly_interest for lo in loans)}–"
                f"{max(lo.monthly_interest for lo in loans)}%/month",
            ),
            ("members per club", f"{min(sizes)}–{max(sizes)}"),
            ("older share per club", f"{100 * min(shares):.0f}–{100 * max(shares):.0f}%"),
            (
                "income fund per operating club (cash + lent out)",
                f"{min(funds):,}–{max(funds):,} đ",
            ),
        ]
    )


def figures_2025(ds: DataSet) -> Figures:
    assert ds.province is not None
    province = ds.province
    all_clubs = [c for c in ds.clubs.values() if c.club]
    old = [c for c in all_clubs if c.club and c.club.founded <= CUTOFF]
    new = [c for c in all_clubs if c.club and PHASE_START <= c.club.founded <= END]
    operating = [c for c in all_clubs if c.club and c.club.status_on(END) == "operating"]
    districts = {district_of(province, c) for c in operating}
    new_members = [m for c in new for m in c.members_on(END)]
    new_older = sum(older_count(c, END) for c in new)
    unknown = sum(1 for c in all_clubs for m in c.members_on(END) if m.age_on(END) is None)
    women = sum(1 for m in new_members if m.gender == "female")
    maintained = sum(1 for c in old if c.club and c.club.status_on(END) == "operating")
    suspended = sorted(
        c.id
        for c in all_clubs
        if c.club and any(s.status == "suspended" for s in c.club.status_changes)
    )
    in_range = sum(1 for c in operating if 50 <= len(c.members_on(END)) <= 70)
    members_end = sum(len(c.members_on(END)) for c in all_clubs)
    ever = sum(
        len(
            {lo.member for lo in c.loans if lo.disbursed <= END} & {m.id for m in c.members_on(END)}
        )
        for c in all_clubs
    )
    in_phase = sum(
        len(borrowers(c, PHASE_START, END) & {m.id for m in c.members_on(END)}) for c in all_clubs
    )
    both = sum(1 for c in all_clubs if c.club and {"income", "activity"} <= set(c.club.funds))
    regulated = sum(1 for c in all_clubs if c.club and c.club.fund_regulations is not None)
    active = sum(1 for c in operating if fully_active(c, 2025))
    loans = [lo for c in all_clubs for lo in c.loans if PHASE_START <= lo.disbursed <= END]
    outstanding = sum(lo.outstanding(END) for c in all_clubs for lo in c.loans)
    at_risk = sum(
        lo.outstanding(END) for c in all_clubs for lo in c.loans if lo.days_overdue(END) > 30
    )
    late = sum(1 for c in all_clubs for lo in c.loans if lo.days_overdue(END) > 30)
    written = sum(1 for c in all_clubs for lo in c.loans if lo.written_off is not None)
    state = sum(
        e.amount
        for c in all_clubs
        for e in c.ledger
        if isinstance(e, Transaction) and e.source == "state-budget"
    )
    state_clubs = sum(
        1
        for c in all_clubs
        if any(isinstance(e, Transaction) and e.source == "state-budget" for e in c.ledger)
    )
    checks = [
        h
        for c in all_clubs
        for m in c.meetings
        for h in m.health_checks
        if PHASE_START <= m.date <= END
    ]
    high = sum(1 for h in checks if h.hypertensive)
    meetings = sum(1 for c in all_clubs for m in c.meetings if m.held and m.date >= PHASE_START)
    balances = sum(1 for c in all_clubs for e in c.ledger if isinstance(e, BalanceAssertion))
    return Figures(
        [
            ("clubs at 31/12/2025", f"{len(all_clubs)} ({len(operating)} operating)"),
            ("new clubs founded 2021–2025", str(len(new))),
            ("members of the new clubs at 31/12/2025", str(len(new_members))),
            ("older members (60+) of the new clubs", str(new_older)),
            ("women in the new clubs", _pct(women, len(new_members))),
            ("members at 31/12/2025 with no birth record", str(unknown)),
            ("districts with an operating club", f"{len(districts - {None})} of 11"),
            ("2016–2020 clubs operating at 31/12/2025", f"{maintained} of {len(old)}"),
            ("clubs suspended for a while", ", ".join(suspended)),
            ("operating clubs with 50–70 members", _pct(in_range, len(operating))),
            ("members who ever borrowed, of members at 31/12/2025", _pct(ever, members_end)),
            (
                "members who borrowed in 2021–2025, of members at 31/12/2025",
                _pct(in_phase, members_end),
            ),
            ("clubs with both funds", _pct(both, len(all_clubs))),
            ("clubs with fund regulations", _pct(regulated, len(all_clubs))),
            ("operating clubs fully active and well managed in 2025", _pct(active, len(operating))),
            ("loans disbursed 2021–2025", f"{len(loans)}, {sum(lo.amount for lo in loans):,} đ"),
            ("outstanding principal at 31/12/2025", f"{outstanding:,} đ"),
            (
                "PAR30 at 31/12/2025",
                f"{at_risk:,} đ in {late} loans = {100 * at_risk / outstanding:.1f}%",
            ),
            ("loans written off", str(written)),
            ("state budget received", f"{state:,} đ by {state_clubs} clubs"),
            ("meetings held 2021–2025", str(meetings)),
            ("health checks 2021–2025", f"{len(checks)}, hypertensive {_pct(high, len(checks))}"),
            ("balance assertions", str(balances)),
        ]
    )


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "data"
    ds = load_dataset(root)
    print(f"problems while loading: {len(ds.problems)}")
    print(figures_2020(ds).markdown())
    print()
    print(figures_2025(ds).markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
