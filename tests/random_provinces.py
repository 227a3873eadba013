"""Random provinces, and a second, deliberately simple computation of their figures.

:func:`make_world` draws a province from a seed: clubs founded before and after the
2025 reform (in a commune whose code the new era reuses), preparing, suspended and
dissolved clubs (some dissolved on the as-of date), members turning 60 or leaving on
the as-of date, loans 29 to 32 days overdue, written off, clubs whose records stop
months before the as-of date. :class:`Oracle` computes the figures from the raw
records, following the definitions of docs/indicators.md and docs/periods.md and
nothing of ``lstg.indicators``: it is the independent side of the property tests.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rollup_fixtures import dump

REFORM = date(2025, 7, 1)
TODAY = date(2026, 12, 1)
SINCE_FOUNDING = date(1900, 1, 1)

PROVINCE: dict[str, Any] = {
    "name": "Tỉnh Ngẫu Nhiên",
    "code": "98",
    "language": "vi",
    "eras": [
        {
            "id": "old",
            "name": "Trước 1/7/2025",
            "valid_to": "2025-06-30",
            "districts": [
                {"code": "901", "name": "Huyện Một"},
                {"code": "902", "name": "Thành phố Hai"},
            ],
            "communes": [
                {"code": "001", "name": "Xã Một", "district": "901", "becomes": ["001"]},
                {"code": "002", "name": "Thị trấn Hai", "district": "901", "becomes": ["001"]},
                {"code": "003", "name": "Phường Ba", "district": "902", "becomes": ["103"]},
                {"code": "004", "name": "Xã Bốn", "district": "902", "becomes": ["103"]},
                {
                    "code": "005",
                    "name": "Xã Năm",
                    "district": "902",
                    "becomes": ["001", "103"],
                    "split": True,
                },
            ],
        },
        {
            "id": "new",
            "name": "Từ 1/7/2025",
            "valid_from": "2025-07-01",
            "communes": [
                {"code": "001", "name": "Xã Một Mới"},
                {"code": "103", "name": "Phường Ba Mới"},
            ],
        },
    ],
}
DISTRICT_OF = {"001": "901", "002": "901", "003": "902", "004": "902", "005": "902"}
NEW_OF = {"001": "001", "002": "001", "003": "103", "004": "103"}
"""Forwards: the new commune of each old one; 005 was split between 001 and 103."""
DISTRICT_OF_NEW = {"103": "902"}
"""Backwards: the one district the old communes of a new one lay in; new 001 took in
communes of 901 and part of 005 (902), so a club recorded only in it has no district."""

PLAN: dict[str, Any] = {
    "id": "p2016-2030",
    "name": {"vi": "Kế hoạch thử", "en": "Test plan"},
    "start": "2016-01-01",
    "end": "2030-12-31",
    "rules": [
        {"id": name, "label": {"vi": name, "en": name}, "scope": "province", **rule}
        for name, rule in {
            "t-clubs": {"indicator": "clubs", "operator": "at_least", "bounds": [1]},
            "t-operating": {"indicator": "clubs_operating", "operator": "at_least", "bounds": [1]},
            "t-members": {"indicator": "members", "operator": "at_least", "bounds": [1]},
            "t-older": {"indicator": "members_older", "operator": "at_least", "bounds": [1]},
            "t-women": {"indicator": "members_women", "operator": "at_least", "bounds": [1]},
            "t-board": {"indicator": "board_members", "operator": "at_least", "bounds": [1]},
            "t-borrowers": {
                "indicator": "borrower_share",
                "window": "since_founding",
                "operator": "at_least",
                "bounds": [10],
            },
            "t-loans": {
                "indicator": "loans_disbursed_amount",
                "window": "period",
                "operator": "at_least",
                "bounds": [1],
            },
            "t-outstanding": {
                "indicator": "principal_outstanding",
                "operator": "at_least",
                "bounds": [1],
            },
            "t-par": {"indicator": "par30", "operator": "at_most", "bounds": [5]},
            "t-funds": {
                "indicator": "clubs_with_funds_share",
                "operator": "at_least",
                "bounds": [100],
            },
            "t-income": {"indicator": "fund_income", "operator": "at_least", "bounds": [1]},
            "t-meetings": {
                "indicator": "meetings_held",
                "window": "period",
                "operator": "at_least",
                "bounds": [1],
            },
            "t-records": {
                "indicator": "completeness",
                "window": "period",
                "operator": "at_least",
                "bounds": [90],
            },
        }.items()
    ],
}
TARGETS: dict[str, str] = {
    "t-clubs": "clubs",
    "t-operating": "clubs_operating",
    "t-members": "members",
    "t-older": "members_older",
    "t-women": "members_women",
    "t-board": "board_members",
    "t-borrowers": "borrower_share",
    "t-loans": "loans_disbursed_amount",
    "t-outstanding": "principal_outstanding",
    "t-par": "par30",
    "t-funds": "clubs_with_funds_share",
    "t-income": "fund_income",
    "t-meetings": "meetings_held",
    "t-records": "completeness",
}
"""Each target of the plan, and the figure of the report that it measures."""


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError


def _between(rng: random.Random, start: date, end: date) -> date:
    if end <= start:
        return start
    return start + timedelta(days=rng.randint(0, (end - start).days))


@dataclass
class ClubRecords:
    """One club's files, as plain data."""

    club: dict[str, Any]
    members: list[dict[str, Any]] = field(default_factory=list)
    loans: list[dict[str, Any]] = field(default_factory=list)
    ledger: list[dict[str, Any]] = field(default_factory=list)
    meetings: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class World:
    clubs: dict[str, ClubRecords]
    as_of: date
    period: str
    start: date

    def write(self, root: Path) -> Path:
        root.mkdir(parents=True, exist_ok=True)
        (root / "province.yaml").write_text(dump(PROVINCE), encoding="utf-8")
        (root / "plans").mkdir(exist_ok=True)
        (root / "plans" / f"{PLAN['id']}.yaml").write_text(dump(PLAN), encoding="utf-8")
        for club_id, records in self.clubs.items():
            folder = root / "clubs" / club_id
            folder.mkdir(parents=True)
            (folder / "club.yaml").write_text(dump(records.club), encoding="utf-8")
            (folder / "members.yaml").write_text(dump(records.members), encoding="utf-8")
            (folder / "loans.yaml").write_text(dump(records.loans), encoding="utf-8")
            (folder / "ledger.yaml").write_text(dump(records.ledger), encoding="utf-8")
            by_year: dict[int, list[dict[str, Any]]] = {}
            for meeting in records.meetings:
                by_year.setdefault(meeting["date"].year, []).append(meeting)
            if by_year:
                (folder / "meetings").mkdir()
            for year, entries in by_year.items():
                (folder / "meetings" / f"{year}.yaml").write_text(dump(entries), encoding="utf-8")
        return root


def _as_of_and_period(rng: random.Random) -> tuple[date, str, date]:
    as_of = _between(rng, date(2019, 1, 1), TODAY)
    kind = rng.choice(["year", "quarter", "half", "years"])
    if kind == "year":
        return as_of, str(as_of.year), date(as_of.year, 1, 1)
    if kind == "quarter":
        q = (as_of.month - 1) // 3 + 1
        return as_of, f"{as_of.year}-Q{q}", date(as_of.year, 3 * (q - 1) + 1, 1)
    if kind == "half":
        h = 1 if as_of.month <= 6 else 2
        return as_of, f"{as_of.year}-H{h}", date(as_of.year, 6 * (h - 1) + 1, 1)
    first = rng.randint(2017, as_of.year)
    return as_of, f"{first}..{as_of.year}", date(first, 1, 1)


def make_world(seed: int) -> World:
    """A random province of 3 to 8 clubs, with an as-of date and a period around it."""
    rng = random.Random(seed)
    as_of, period, start = _as_of_and_period(rng)
    clubs = {f"clb-{n}": _club(rng, n, as_of) for n in range(rng.randint(3, 8))}
    return World(clubs, as_of, period, start)


def _club(rng: random.Random, number: int, as_of: date) -> ClubRecords:
    founded = _between(rng, date(2017, 1, 1), min(as_of + timedelta(days=200), TODAY))
    if rng.random() < 0.15:
        founded = as_of  # founded on the as-of date itself
    new_era = founded >= REFORM
    old_communes = ["001", "002", "003", "004", "005", "005"]
    commune = rng.choice(["001", "103"]) if new_era else rng.choice(old_communes)
    record: dict[str, Any] = {
        "name": f"CLB số {number}",
        "commune": {"code": commune, "era": "new" if new_era else "old"},
        "founded": founded,
    }
    if commune == "005" and not new_era and rng.random() < 0.6:
        # the part of the split commune the club lies in; without it, it cannot be placed
        record["communes"] = [{"code": rng.choice(["001", "103"]), "era": "new"}]
    launched = None
    if rng.random() < 0.85:
        launched = min(founded + timedelta(days=rng.randint(0, 90)), TODAY)
        record["launched"] = launched
    changes: list[dict[str, Any]] = []
    last_day = TODAY
    if launched is not None and rng.random() < 0.35:
        when = as_of if rng.random() < 0.3 else _between(rng, launched, TODAY)
        if when < launched:
            when = launched
        if rng.random() < 0.5:
            changes.append({"date": when, "status": "dissolved", "reason": "giải thể"})
            last_day = when - timedelta(days=1)
        else:
            changes.append({"date": when, "status": "suspended", "reason": "tạm dừng"})
            back = when + timedelta(days=rng.randint(20, 200))
            if back <= TODAY and rng.random() < 0.6:
                changes.append({"date": back, "status": "operating", "reason": "hoạt động lại"})
    if changes:
        record["status_changes"] = changes
    club = ClubRecords(record)
    _members(rng, club, founded, as_of, last_day)
    seat_holders = [m for m in club.members if "left" not in m and m["joined"] == founded]
    record["board"] = [
        {"member": m["id"], "role": "member", "start": founded} for m in seat_holders[:2]
    ]
    if launched is not None and rng.random() < 0.75:
        opened = launched
        record["funds"] = {
            "income": {"name": "Quỹ tăng thu nhập", "opened": opened},
            "activity": {"name": "Quỹ hoạt động", "opened": opened},
        }
        record["fund_regulations"] = _between(rng, opened, min(opened + timedelta(days=400), TODAY))
        club.ledger = [
            {"date": opened, "fund": "income", "amount": 200_000_000, "source": "members"},
            {"date": opened, "fund": "activity", "amount": 1_000_000, "source": "members"},
        ]
        spend = _between(rng, opened, last_day)
        if spend <= TODAY:
            club.ledger.append(
                {"date": spend, "fund": "activity", "amount": -300_000, "use": "activities"}
            )
        _loans(rng, club, launched, as_of, last_day)
    if launched is not None:
        _meetings(rng, club, launched, as_of, last_day)
    return club


def _members(
    rng: random.Random, club: ClubRecords, founded: date, as_of: date, last_day: date
) -> None:
    for index in range(1, rng.randint(3, 14) + 1):
        member: dict[str, Any] = {
            "id": f"M{index:03d}",
            "name": f"Người {index}",
            "gender": rng.choice(["female", "female", "male"]),
            "joined": founded if index <= 3 else _between(rng, founded, min(last_day, TODAY)),
        }
        roll = rng.random()
        sixty = date(as_of.year - 60, as_of.month, min(as_of.day, 28))
        if roll < 0.15:
            member["birth_date"] = sixty  # 60 on the as-of date (or just before)
        elif roll < 0.25:
            member["birth_date"] = sixty + timedelta(days=1)  # 60 the day after
        elif roll < 0.3:
            pass  # no birth year recorded
        elif roll < 0.65:
            member["birth_year"] = rng.randint(1935, 1966)
        else:
            member["birth_year"] = rng.randint(1967, 2004)
        if index > 3 and rng.random() < 0.3:
            when = rng.choice(
                [as_of, as_of + timedelta(days=1), _between(rng, member["joined"], TODAY)]
            )
            if member["joined"] < when <= TODAY:
                member["left"] = {"date": when, "reason": "chuyển đi"}
        club.members.append(member)


def _member_on(member: dict[str, Any], day: date) -> bool:
    left = member.get("left")
    return member["joined"] <= day and (left is None or day < left["date"])


def _loans(
    rng: random.Random, club: ClubRecords, launched: date, as_of: date, last_day: date
) -> None:
    for number in range(1, rng.randint(0, 5) + 1):
        disbursed = _between(rng, launched, min(last_day, TODAY))
        if rng.random() < 0.4:
            # due so that the as-of date finds it 29 to 32 days overdue
            term = rng.choice([3, 6])
            disbursed = add_months(as_of - timedelta(days=rng.randint(29, 32)), -term)
            if disbursed < launched:
                continue
        else:
            term = rng.choice([3, 6, 12])
        borrowers = [m for m in club.members if _member_on(m, disbursed)]
        if not borrowers or disbursed > min(last_day, TODAY):
            continue
        person = rng.choice(borrowers)
        amount = rng.choice([1, 2, 3, 5]) * 1_000_000
        loan: dict[str, Any] = {
            "id": f"L{number:02d}",
            "member": person["id"],
            "amount": amount,
            "monthly_interest": 0.5,
            "term_months": term,
            "disbursed": disbursed,
            "purpose": rng.choice(["Nuôi lợn", "Trồng ngô", "Nuôi gà"]),
        }
        due = add_months(disbursed, term)
        repaid: list[dict[str, Any]] = []
        roll = rng.random()
        if roll < 0.4:
            pay = due + timedelta(days=rng.randint(-10, 60))
            if disbursed < pay <= min(last_day, TODAY):
                repaid.append({"date": pay, "principal": amount, "interest": 0})
        elif roll < 0.7:
            pay = _between(rng, disbursed + timedelta(days=1), due)
            if pay <= min(last_day, TODAY):
                repaid.append({"date": pay, "principal": amount // 2, "interest": 0})
        if repaid:
            loan["repayments"] = repaid
        if rng.random() < 0.1:
            after = max([disbursed, *(r["date"] for r in repaid)]) + timedelta(days=1)
            when = _between(rng, after, min(last_day, TODAY))
            if after <= when <= min(last_day, TODAY):
                loan["written_off"] = {"date": when, "reason": "qua đời"}
        club.loans.append(loan)


def _meetings(
    rng: random.Random, club: ClubRecords, launched: date, as_of: date, last_day: date
) -> None:
    stop = min(last_day, TODAY)
    if rng.random() < 0.3:
        stop = min(stop, as_of - timedelta(days=rng.randint(0, 200)))
    first = add_months(launched.replace(day=1), 1)
    changes = club.club.get("status_changes", [])
    while first <= stop:
        day = first.replace(day=rng.randint(5, 25))
        status = _status(club.club, day)
        if day > stop or day < launched or status not in ("operating",):
            first = add_months(first, 1)
            continue
        roll = rng.random()
        if roll < 0.1:
            club.meetings.append({"date": day, "kind": "skipped", "reason": "Nghỉ Tết"})
        elif roll < 0.9:
            present = [m["id"] for m in club.members if _member_on(m, day)]
            attending = present[: rng.randint(0, len(present))]
            meeting: dict[str, Any] = {"date": day, "attendance": attending}
            checks = [_health_check(rng, member) for member in attending if rng.random() < 0.6]
            if checks:
                meeting["health_checks"] = checks
            club.meetings.append(meeting)
        first = add_months(first, 1)
    del changes


def _health_check(rng: random.Random, member: str) -> dict[str, Any]:
    """One member's readings: each of weight, blood pressure and glucose present or not,
    at least one; pressures around the 140/90 line of high blood pressure."""
    check: dict[str, Any] = {"member": member}
    while len(check) == 1:
        if rng.random() < 0.6:
            check["weight"] = round(rng.uniform(38, 80), 1)
        if rng.random() < 0.7:
            systolic = rng.choice([100, 120, 139, 140, 141, 160])
            diastolic = rng.choice([60, 75, 89, 90, 95])
            check["bp"] = f"{systolic}/{diastolic}"
        if rng.random() < 0.4:
            check["glucose"] = round(rng.uniform(4.0, 9.5), 1)
    return check


def _status(club: dict[str, Any], day: date) -> str | None:
    if day < club["founded"]:
        return None
    launched = club.get("launched")
    if launched is None or day < launched:
        return "preparing"
    status = "operating"
    for change in club.get("status_changes", []):
        if change["date"] <= day:
            status = change["status"]
    return status


class Oracle:
    """The figures of a world, computed plainly from its records."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.day = world.as_of
        self.window = (world.start, world.as_of)

    # -- one club ---------------------------------------------------------------------
    def _exists(self, club: ClubRecords) -> bool:
        return _status(club.club, self.day) not in (None, "dissolved")

    def _current(self, club: ClubRecords) -> list[dict[str, Any]]:
        if not self._exists(club):
            return []
        return [m for m in club.members if _member_on(m, self.day)]

    def _age(self, member: dict[str, Any]) -> int | None:
        born = member.get("birth_date")
        if born is None and member.get("birth_year") is not None:
            born = date(member["birth_year"], 1, 1)
        if born is None:
            return None
        day = self.day
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def _owed(self, club: ClubRecords, start: date, end: date) -> list[tuple[int, int]]:
        months = []
        first = start if start.day == 1 else add_months(start.replace(day=1), 1)
        while add_months(first, 1) - timedelta(days=1) <= end:
            last = add_months(first, 1) - timedelta(days=1)
            days = [first, last] + [
                c["date"] for c in club.club.get("status_changes", []) if first < c["date"] <= last
            ]
            if club.club.get("launched") is not None and all(
                _status(club.club, d) == "operating" for d in days
            ):
                months.append((first.year, first.month))
            first = add_months(first, 1)
        return months

    def _recorded(self, club: ClubRecords) -> set[tuple[int, int]]:
        return {(m["date"].year, m["date"].month) for m in club.meetings}

    def _covered(self, club: ClubRecords, start: date, end: date) -> bool:
        owed = self._owed(club, start, end)
        return not owed or bool(set(owed) & self._recorded(club))

    def _flow_ok(self, club: ClubRecords) -> bool:
        return self._covered(club, *self.window)

    def _stock_ok(self, club: ClubRecords) -> bool:
        return self._covered(club, add_months(self.day + timedelta(days=1), -3), self.day)

    def _outstanding(self, loan: dict[str, Any]) -> int:
        day = self.day
        if day < loan["disbursed"]:
            return 0
        off = loan.get("written_off")
        if off is not None and off["date"] <= day:
            return 0
        paid = sum(r["principal"] for r in loan.get("repayments", []) if r["date"] <= day)
        return max(loan["amount"] - paid, 0)

    def _overdue_days(self, loan: dict[str, Any]) -> int:
        if self._outstanding(loan) == 0:
            return 0
        due = add_months(loan["disbursed"], loan["term_months"])
        return (self.day - due).days if due < self.day else 0

    def _cash(self, club: ClubRecords, fund: str) -> int:
        total = sum(e["amount"] for e in club.ledger if e["fund"] == fund and e["date"] <= self.day)
        if fund == "income":
            for loan in club.loans:
                if loan["disbursed"] <= self.day:
                    total -= loan["amount"]
                    total += sum(
                        r["principal"] + r["interest"]
                        for r in loan.get("repayments", [])
                        if r["date"] <= self.day
                    )
        return total

    def club_figures(self, club: ClubRecords) -> dict[str, Any]:
        day, (start, end) = self.day, self.window
        current = self._current(club)
        ids = {m["id"] for m in current}
        ages = [self._age(m) for m in current]
        flow, stock = self._flow_ok(club), self._stock_ok(club)
        lent = [loan for loan in club.loans if start <= loan["disbursed"] <= end]
        ever = self._covered(club, SINCE_FOUNDING, day)
        funds = club.club.get("funds", {})
        regulations = club.club.get("fund_regulations")
        owed = self._owed(club, start, end)
        recorded = [m for m in owed if m in self._recorded(club)]
        status = _status(club.club, day)
        outstanding = sum(self._outstanding(loan) for loan in club.loans)
        at_risk = sum(
            self._outstanding(loan) for loan in club.loans if self._overdue_days(loan) > 30
        )
        return {
            "clubs": int(self._exists(club)),
            "clubs_operating": int(status == "operating"),
            "clubs_preparing": int(status == "preparing"),
            "members": len(current),
            "members_older": sum(1 for a in ages if a is not None and a >= 60),
            "members_women": sum(1 for m in current if m["gender"] == "female"),
            "members_young": sum(1 for a in ages if a is not None and a < 60),
            "board_members": len(
                {
                    s["member"]
                    for s in club.club.get("board", [])
                    if s["start"] <= day and s.get("end", day) >= day and s["member"] in ids
                }
            ),
            "borrowers": len(
                {loan["member"] for loan in club.loans if loan["disbursed"] <= day} & ids
            )
            if ever
            else None,
            "loans_disbursed": len(lent) if flow else None,
            "loans_disbursed_amount": sum(loan["amount"] for loan in lent) if flow else None,
            "principal_outstanding": outstanding if stock else None,
            "principal_at_risk": at_risk if stock else None,
            "fund_income": self._cash(club, "income") if stock else None,
            "fund_activity": self._cash(club, "activity") if stock else None,
            "meetings_held": len(self._held(club)) if flow else None,
            "members_health_checked": len(
                {c["member"] for m in self._held(club) for c in m.get("health_checks", [])}
            )
            if flow
            else None,
            **self._pressures(club, flow),
            "funds_ready": int(
                self._exists(club)
                and all(k in funds and funds[k]["opened"] <= day for k in ("income", "activity"))
                and regulations is not None
                and regulations <= day
            ),
            "months_expected": len(owed),
            "months_recorded": len(recorded),
            "clubs_not_reporting": int(bool(owed) and not recorded),
        }

    def _held(self, club: ClubRecords) -> list[dict[str, Any]]:
        start, end = self.window
        return [
            m for m in club.meetings if m.get("kind") != "skipped" and start <= m["date"] <= end
        ]

    def _pressures(self, club: ClubRecords, flow: bool) -> dict[str, int | None]:
        """Members with a blood pressure read in the window, and those whose last reading
        is 140 systolic or more, or 90 diastolic or more."""
        if not flow:
            return {"members_bp_checked": None, "members_hypertensive": None}
        last: dict[str, bool] = {}
        for meeting in sorted(self._held(club), key=lambda m: m["date"]):
            for check in meeting.get("health_checks", []):
                if "bp" in check:
                    systolic, diastolic = (int(x) for x in check["bp"].split("/"))
                    last[check["member"]] = systolic >= 140 or diastolic >= 90
        return {"members_bp_checked": len(last), "members_hypertensive": sum(last.values())}

    # -- sets ---------------------------------------------------------------------------
    def figures(self, clubs: list[ClubRecords]) -> dict[str, Any]:
        """Totals of a set of clubs: sums of the clubs that have a value, shares of pairs."""
        each = [self.club_figures(c) for c in clubs]

        def total(name: str) -> Any:
            values = [f[name] for f in each if f[name] is not None]
            if each and not values:
                return None
            return sum(values)

        def ratio(top: str, bottom: str) -> float | None:
            pairs = [
                (f[top], f[bottom]) for f in each if f[top] is not None and f[bottom] is not None
            ]
            below = sum(b for _, b in pairs)
            return None if not pairs or below == 0 else 100 * sum(a for a, _ in pairs) / below

        names = [
            "clubs",
            "clubs_operating",
            "clubs_preparing",
            "members",
            "members_older",
            "members_women",
            "members_young",
            "board_members",
            "borrowers",
            "loans_disbursed",
            "loans_disbursed_amount",
            "principal_outstanding",
            "fund_income",
            "fund_activity",
            "meetings_held",
            "members_health_checked",
            "members_bp_checked",
            "members_hypertensive",
            "months_expected",
            "months_recorded",
            "clubs_not_reporting",
        ]
        result = {name: total(name) for name in names}
        result["borrower_share"] = ratio("borrowers", "members")
        result["par30"] = ratio("principal_at_risk", "principal_outstanding")
        result["completeness"] = ratio("months_recorded", "months_expected")
        result["hypertensive_share"] = ratio("members_hypertensive", "members_bp_checked")
        result["clubs_with_funds_share"] = ratio("funds_ready", "clubs")
        return result

    def unit_of(self, club: ClubRecords) -> str:
        """The code of the row a club counts in: its district before the reform, its new
        commune after it (the as-of date decides); "" when it cannot be placed."""
        commune, era = club.club["commune"]["code"], club.club["commune"]["era"]
        if self.day < REFORM:
            return DISTRICT_OF[commune] if era == "old" else DISTRICT_OF_NEW.get(commune, "")
        if era == "new":
            return commune
        if commune in NEW_OF:
            return NEW_OF[commune]
        parts = club.club.get("communes", [])
        return parts[0]["code"] if parts else ""

    def _listed(self, club: ClubRecords) -> bool:
        """A club has a row of its own when founded by the as-of date and not dissolved
        before the window's start, or when it still counts in a figure."""
        start = self.window[0]
        if (
            club.club["founded"] <= self.day
            and _status(club.club, start - timedelta(days=1)) != "dissolved"
        ):
            return True
        return any(v for v in self.club_figures(club).values())

    def rows(self) -> dict[str, dict[str, Any]]:
        """The figures of each row: each unit, and the clubs that cannot be placed (if any is
        listed: founded by the as-of date)."""
        codes = self.row_codes()
        rows = {
            code: self.figures([c for c in self.world.clubs.values() if self.unit_of(c) == code])
            for code in codes
        }
        lost = [c for c in self.world.clubs.values() if self.unit_of(c) == "" and self._listed(c)]
        if lost:
            rows[""] = self.figures(lost)
        return rows

    def totals(self) -> dict[str, Any]:
        result = self.figures(list(self.world.clubs.values()))
        codes = self.row_codes()
        placed = {self.unit_of(c) for c in self.world.clubs.values() if self._exists(c)}
        result["units_with_clubs"] = len(placed & set(codes))
        result["units_total"] = len(codes)
        return result

    def row_codes(self) -> list[str]:
        """The units a province report has rows for: districts before the reform, the new
        communes after it."""
        return ["901", "902"] if self.day < REFORM else ["001", "103"]
