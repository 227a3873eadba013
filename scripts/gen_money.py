"""The two funds: contributions and spending (the ledger), and loans with their repayments.

The income fund's cash is the ledger's entries plus repayments (principal and interest)
less disbursements. Loans are lent at meetings, in date order, only from cash the fund
held at the end of the previous day, so no loan is ever lent beyond the fund's cash.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from gen_clubs import CUTOFF, WRITE_OFF_CLUB, Spec
from gen_meetings import Meeting
from gen_people import DIED, Person, Roster

MILLION = 1_000_000
STATE_SUPPORT = 35 * MILLION
PURPOSES = (
    "Nuôi lợn",
    "Nuôi lợn",
    "Nuôi gà",
    "Nuôi vịt",
    "Nuôi bò sinh sản",
    "Nuôi dê",
    "Nuôi cá",
    "Trồng hồi",
    "Trồng quế",
    "Trồng thạch đen",
    "Trồng na",
    "Trồng rau",
    "Trồng ngô, lúa",
    "Mua giống, phân bón",
    "Trồng cây ăn quả",
    "Buôn bán nhỏ",
)


@dataclass
class Entry:
    date: date
    fund: str
    amount: int
    source: str | None = None
    use: str | None = None
    note: str | None = None


@dataclass
class Loan:
    id: str
    member: str
    amount: int
    rate: float
    term: int
    disbursed: date
    purpose: str
    schedule: list[tuple[date, int]] = field(default_factory=list)
    repayments: list[tuple[date, int, int]] = field(default_factory=list)
    written_off: tuple[date, str] | None = None

    def outstanding(self, day: date) -> int:
        if day < self.disbursed:
            return 0
        if self.written_off is not None and self.written_off[0] <= day:
            return 0
        return self.amount - sum(p for d, p, _i in self.repayments if d <= day)


@dataclass
class Funds:
    opened: date | None
    activity_opened: date | None
    regulations: date | None
    ledger: list[Entry]
    loans: list[Loan]
    balances: list[Entry]


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _thousand(value: float) -> int:
    return round(value / 1000.0) * 1000


def _first_held(meetings: list[Meeting], after: date) -> date | None:
    return next((m.date for m in meetings if m.held and m.date > after), None)


def _present(people: list[Person], day: date) -> list[Person]:
    return [p for p in people if p.member_on(day)]


def make_funds(rng: random.Random, spec: Spec, roster: Roster, meetings: list[Meeting]) -> Funds:
    """The club's ledger, loans and year-end balance assertions."""
    if spec.launched is None:
        return Funds(None, None, None, [], [], [])
    launch = spec.launched
    regulations = _first_held(meetings, launch) if spec.regulations else None
    activity_opened = launch if spec.activity_fund else None
    split = rng.choice([25, 25, 28, 30]) * MILLION if spec.activity_fund else STATE_SUPPORT
    ledger = _income_entries(rng, spec, roster, meetings, split)
    if activity_opened is not None:
        ledger += _activity_entries(rng, spec, roster, meetings, STATE_SUPPORT - split)
    ledger.sort(key=lambda e: (e.date, e.fund != "income"))
    loans = Lender(rng, spec, roster, meetings, ledger, regulations).run()
    ledger = [e for e in ledger if e.date <= spec.last_day]
    balances = _balances(ledger, loans, launch, activity_opened, spec.last_day)
    return Funds(launch, activity_opened, regulations, ledger, loans, balances)


def _state_support_day(spec: Spec) -> date | None:
    if spec.old:
        return max(date(2021, 7, 14), (spec.launched or spec.last_day) + timedelta(days=45))
    year = spec.founded.year + 1
    return date(year, 6, 16) if year <= 2024 else None


def _income_entries(
    rng: random.Random, spec: Spec, roster: Roster, meetings: list[Meeting], split: int
) -> list[Entry]:
    launch = spec.launched
    assert launch is not None
    people = roster.people
    entries: list[Entry] = []
    per_head = rng.choice([50_000, 50_000, 100_000, 100_000, 150_000])
    if not spec.old:
        per_head = rng.choice([100_000, 150_000, 200_000])
    founders = _present(people, launch)
    least = -(-2_100_000 // (50_000 * len(founders))) * 50_000
    per_head = max(per_head, least)
    entries.append(
        Entry(
            launch,
            "income",
            per_head * len(founders),
            "members",
            note=f"Thành viên góp vốn ban đầu: {len(founders)} người",
        )
    )
    if spec.commune_support:
        day = _first_held(meetings, launch + timedelta(days=20)) or launch
        entries.append(
            Entry(
                day,
                "income",
                rng.choice([2, 3, 4, 5]) * MILLION,
                "commune",
                note="UBND xã hỗ trợ từ Quỹ chăm sóc và phát huy vai trò người cao tuổi",
            )
        )
    if rng.random() < 0.5:
        day = _first_held(meetings, launch + timedelta(days=60)) or launch
        amount = rng.choice([1, 1, 1.5, 2, 3]) * MILLION
        entries.append(Entry(day, "income", int(amount), "donors", note="Con em thành viên ủng hộ"))
    for year in range(launch.year, spec.last_day.year + 1):
        joiners = [p for p in people if p.joined.year == year and p.joined > launch]
        day = max((m.date for m in meetings if m.held and m.date.year == year), default=None)
        joiners = [p for p in joiners if day is not None and p.joined <= day]
        if joiners and day is not None:
            entries.append(
                Entry(
                    day,
                    "income",
                    per_head * len(joiners),
                    "members",
                    note=f"Thành viên mới góp vốn: {len(joiners)} người",
                )
            )
        if year >= 2022 and rng.random() < 0.3:
            day = _first_held(meetings, date(year, 8, 1))
            if day is not None and day.year == year:
                entries.append(
                    Entry(
                        day,
                        "income",
                        rng.choice([1, 2, 3]) * MILLION,
                        "donors",
                        note="Nhà hảo tâm ủng hộ quỹ CLB",
                    )
                )
    if spec.production is not None:
        start = launch + timedelta(days=180)
        if spec.id == "lang-son-quang-lac":
            start = date(2021, 3, 1)
        for m in meetings:
            if m.held and m.date >= start and m.date.month in (3, 6, 9, 12):
                amount = _thousand(rng.uniform(300_000, 900_000))
                entries.append(Entry(m.date, "income", amount, "production", note=spec.production))
    support = _state_support_day(spec)
    if support is not None:
        entries.append(
            Entry(
                support,
                "income",
                split,
                "state-budget",
                note="Ngân sách nhà nước hỗ trợ xây dựng Quỹ phát triển kinh tế",
            )
        )
    return entries


def _activity_entries(
    rng: random.Random, spec: Spec, roster: Roster, meetings: list[Meeting], state: int
) -> list[Entry]:
    launch = spec.launched
    assert launch is not None
    people = roster.people
    fee = rng.choice([20_000, 30_000, 50_000])
    planned: list[Entry] = []
    n = len(_present(people, launch))
    planned.append(
        Entry(launch, "activity", n * fee, "members", note=f"Thu quỹ hoạt động: {n} người")
    )
    for year in range(launch.year + 1, spec.last_day.year + 1):
        day = _first_held(meetings, date(year, 3, 1))
        if day is not None and day.year == year:
            n = len(_present(people, day))
            planned.append(
                Entry(
                    day,
                    "activity",
                    n * fee,
                    "members",
                    note=f"Thu quỹ hoạt động năm {year}: {n} người",
                )
            )
    for year in range(launch.year, spec.last_day.year + 1):
        day = date(year, 1, 20)
        if day > launch:
            amount = -_thousand(rng.uniform(300_000, 1_000_000))
            planned.append(
                Entry(
                    day,
                    "activity",
                    amount,
                    use="support",
                    note="Thăm hỏi, tặng quà Tết thành viên có hoàn cảnh khó khăn",
                )
            )
        day = date(year, 10, 1)
        if day > launch:
            amount = -_thousand(rng.uniform(200_000, 600_000))
            planned.append(
                Entry(
                    day,
                    "activity",
                    amount,
                    use="activities",
                    note="Văn nghệ, thể thao mừng Ngày Quốc tế Người cao tuổi",
                )
            )
        day = date(year, 6, 10)
        if day > launch and "home-care" not in spec.missing_areas and rng.random() < 0.6:
            amount = -_thousand(rng.uniform(150_000, 400_000))
            planned.append(
                Entry(
                    day,
                    "activity",
                    amount,
                    use="home-care",
                    note="Vật dụng cho tình nguyện viên chăm sóc tại nhà",
                )
            )
    for person in people:
        if person.left is not None and person.left[1] == DIED and person.left[0] > launch:
            day = person.left[0] + timedelta(days=2)
            if day <= spec.last_day:
                planned.append(
                    Entry(
                        day,
                        "activity",
                        -rng.choice([300_000, 500_000]),
                        use="support",
                        note=f"Phúng viếng thành viên {person.name}",
                    )
                )
    support = _state_support_day(spec)
    if support is not None:
        planned.append(
            Entry(
                support,
                "activity",
                state,
                "state-budget",
                note="Ngân sách nhà nước hỗ trợ mua sắm trang thiết bị",
            )
        )
        first = _thousand(rng.uniform(3_800_000, 4_600_000))
        planned.append(
            Entry(
                support + timedelta(days=12),
                "activity",
                -first,
                use="equipment",
                note="Mua cân sức khỏe, máy đo huyết áp, máy đo đường huyết",
            )
        )
        planned.append(
            Entry(
                support + timedelta(days=40),
                "activity",
                0,
                use="equipment",
                note="Mua máy tính, máy in, ổ lưu điện, loa kéo, ghế inox",
            )
        )
    planned.sort(key=lambda e: (e.date, e.amount < 0))
    return _affordable(planned, state)


def _affordable(planned: list[Entry], state: int) -> list[Entry]:
    """Keep spending within the fund's cash; the second equipment purchase uses what is left."""
    entries: list[Entry] = []
    balance = 0
    spent = 0
    for entry in planned:
        if entry.use == "equipment" and entry.amount == 0:
            entry.amount = -(min(state - spent, balance - 500_000) // 1000 * 1000)
            if entry.amount >= 0:
                continue
        if entry.amount < 0 and balance + entry.amount < 0:
            continue
        if entry.use == "equipment":
            spent -= entry.amount
        balance += entry.amount
        entries.append(entry)
    return entries


WRITE_OFF_REASON = (
    "Thành viên qua đời, gia đình thuộc hộ nghèo không có khả năng trả nợ; "
    "hội nghị CLB nhất trí xóa nợ"
)


class Lender:
    """Lends from the income fund at meetings, in date order, within the fund's cash."""

    def __init__(
        self,
        rng: random.Random,
        spec: Spec,
        roster: Roster,
        meetings: list[Meeting],
        ledger: list[Entry],
        regulations: date | None,
    ) -> None:
        self.rng = rng
        self.spec = spec
        self.roster = roster
        self.people = roster.people
        start = regulations or (spec.launched or spec.last_day) + timedelta(days=60)
        self.days = [m.date for m in meetings if m.held and m.date > start]
        self.inflows = [(e.date, e.amount) for e in ledger if e.fund == "income"]
        self.loans: list[Loan] = []
        self.rate = rng.choice([0.0, 0.3, 0.5, 0.5, 0.5, 0.7, 0.8, 1.0])
        self.cap_2020 = max(min(2, spec.borrowers_2020), spec.borrowers_2020 + rng.randint(-1, 0))
        self.repeat = rng.uniform(0.4, 0.9)
        self.eagerness = rng.uniform(0.5, 0.7)
        self.designated = self._designate()
        self.counter: dict[int, int] = {}

    def _designate(self) -> list[Person]:
        launch = self.spec.launched or self.spec.last_day
        founders = [
            p
            for p in self.people
            if p.joined <= launch
            and (p.left is None or p.left[0] > CUTOFF + timedelta(days=600))
            and (p.age_on(CUTOFF) or 60) <= 78
            and p not in self.roster.board
        ]
        founders.sort(key=lambda p: (p.household == "none", p.id))
        chosen = founders[: self.spec.borrowers_2020 + 4]
        self.rng.shuffle(chosen)
        return chosen[: self.spec.borrowers_2020]

    def cash_before(self, day: date) -> int:
        cash = sum(a for d, a in self.inflows if d < day)
        for loan in self.loans:
            if loan.disbursed <= day:
                cash -= loan.amount
            cash += sum(p + i for d, p, i in loan.repayments if d < day)
        return cash

    def active(self, day: date) -> list[Loan]:
        return [loan for loan in self.loans if loan.outstanding(day - timedelta(days=1)) > 0]

    def busy(self, day: date) -> set[str]:
        """Members who owe a loan on ``day``, or received one that day: no one borrows
        twice at one meeting."""
        return {loan.member for loan in self.active(day)} | {
            loan.member for loan in self.loans if loan.disbursed == day
        }

    def run(self) -> list[Loan]:
        forced = self.spec.id == WRITE_OFF_CLUB
        for day in self.days:
            if forced and day >= date(2022, 4, 1) and self.cash_before(day) >= 3 * MILLION:
                self._write_off_loan(day)
                forced = False
            if day <= CUTOFF:
                self._lend_2020(day)
            else:
                self._lend(day)
        borrowed = {loan.member for loan in self.loans if loan.disbursed <= CUTOFF}
        if len(borrowed) != self.spec.borrowers_2020:
            raise AssertionError(f"{self.spec.id}: {len(borrowed)} borrowers by 30/11/2020")
        return self.loans

    def _eligible(self, person: Person, day: date, due: date, busy: set[str]) -> bool:
        if not person.member_on(day) or (day - person.joined).days < 60:
            return False
        if person.left is not None and person.left[0] <= due + timedelta(days=200):
            return False
        if (person.age_on(day) or 60) > 80:
            return False
        return person.id not in busy

    def _lend_2020(self, day: date) -> None:
        borrowed = {loan.member for loan in self.loans}
        while len(self.active(day)) < self.cap_2020:
            cash = self.cash_before(day)
            if cash < MILLION:
                return
            due = add_months(day, 12)
            fresh = [p for p in self.designated if p.id not in borrowed]
            pool = fresh or (self.designated if self.rng.random() < 0.5 else [])
            busy = self.busy(day)
            pool = [p for p in pool if self._eligible(p, day, due, busy)]
            if not pool:
                return
            amount = min(self.rng.choice([1, 1, 1.5, 2, 2, 3]) * MILLION, cash // 500_000 * 500_000)
            term = 6 if len(fresh) > 1 else self.rng.choice([6, 6, 9, 12])
            self._make(pool[0], day, int(amount), term)
            borrowed.add(pool[0].id)

    def _lend(self, day: date) -> None:
        rng = self.rng
        while rng.random() < self.eagerness:
            cash = self.cash_before(day)
            if cash < 2 * MILLION:
                return
            term = rng.choice([6, 12, 12, 12])
            due = add_months(day, term)
            busy = self.busy(day)
            pool = [p for p in self.people if self._eligible(p, day, due, busy)]
            if not pool:
                return
            borrowed = {loan.member for loan in self.loans}
            weights = [self._weight(p, day, borrowed) for p in pool]
            person = rng.choices(pool, weights=weights)[0]
            wish = rng.choice([2, 3, 3, 4, 5, 5, 6, 8]) * MILLION
            amount = min(wish, cash // 500_000 * 500_000)
            self._make(person, day, amount, term)

    def _weight(self, person: Person, day: date, borrowed: set[str]) -> float:
        weight = {"poor": 2.5, "near-poor": 1.8}.get(person.household, 1.0)
        if person.id in borrowed:
            weight *= self.repeat
        if (person.age_on(day) or 60) >= 75:
            weight *= 0.4
        return weight

    def _new_id(self, day: date) -> str:
        self.counter[day.year] = self.counter.get(day.year, 0) + 1
        return f"L{day.year}-{self.counter[day.year]:02d}"

    def _make(self, person: Person, day: date, amount: int, term: int) -> Loan:
        rng = self.rng
        loan = Loan(
            self._new_id(day), person.id, amount, self.rate, term, day, rng.choice(PURPOSES)
        )
        parts = {6: 2, 9: 3, 12: rng.choice([2, 4])}[term] if rng.random() < 0.25 else 1
        if parts > 1:
            step = term // parts
            share = amount // parts // 100_000 * 100_000
            loan.schedule = [(add_months(day, step * (i + 1)), share) for i in range(parts - 1)]
            loan.schedule.append((add_months(day, term), amount - share * (parts - 1)))
        installments = loan.schedule or [(add_months(day, term), amount)]
        roll = rng.random()
        delay = 0 if roll < 0.8 else rng.randint(1, 20) if roll < 0.92 else rng.randint(35, 150)
        previous, owed = day, amount
        for due, principal in installments:
            paid = due + timedelta(days=delay - (0 if delay else rng.randint(0, 5)))
            paid = max(paid, day + timedelta(days=1))
            months = max(1, round((due - previous).days / 30.4))
            interest = _thousand(owed * self.rate / 100 * months)
            if paid <= self.spec.last_day:
                loan.repayments.append((paid, principal, interest))
            previous, owed = due, owed - principal
        self.loans.append(loan)
        return loan

    def _write_off_loan(self, day: date) -> None:
        person = self.roster.written_off_borrower
        assert person is not None
        loan = Loan(self._new_id(day), person.id, 3 * MILLION, self.rate, 12, day, "Nuôi lợn")
        half = add_months(day, 6)
        loan.schedule = [(half, 1_500_000), (add_months(day, 12), 1_500_000)]
        loan.repayments = [(half, 1_500_000, _thousand(3 * MILLION * self.rate / 100 * 6))]
        loan.written_off = (date(2023, 6, 20), WRITE_OFF_REASON)
        self.loans.append(loan)


def _balances(
    ledger: list[Entry], loans: list[Loan], opened: date, activity_opened: date | None, last: date
) -> list[Entry]:
    """Year-end balance assertions for each open fund, up to the last day of the records."""
    balances = []
    for year in range(opened.year, last.year + 1):
        day = date(year, 12, 31)
        if day > last:
            break
        for fund, since in (("income", opened), ("activity", activity_opened)):
            if since is None or since > day:
                continue
            cash = sum(e.amount for e in ledger if e.fund == fund and e.date <= day)
            if fund == "income":
                for loan in loans:
                    if loan.disbursed <= day:
                        cash -= loan.amount
                    cash += sum(p + i for d, p, i in loan.repayments if d <= day)
            if cash < 0:
                raise AssertionError(f"{fund} fund below zero on {day}")
            balances.append(Entry(day, fund, cash, note=f"Kiểm quỹ cuối năm {year}"))
    return balances
