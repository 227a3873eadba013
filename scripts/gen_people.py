"""Invented members: names of Lạng Sơn's peoples, births, households, joining and leaving."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from gen_clubs import CUTOFF, SUSPENDED, SUSPENDED_CLUB, WRITE_OFF_CLUB, Spec

SURNAMES = {
    "Tày": ["Hoàng", "Nông", "Lăng", "Vi", "Hà", "Lục", "Chu", "Dương", "Đinh", "Bế", "Lộc", "Ma"],
    "Nùng": ["Hoàng", "Lành", "Hứa", "Mã", "Lường", "Vy", "Lý", "Lăng", "Nông", "Chu", "Sầm"],
    "Kinh": ["Nguyễn", "Trần", "Lê", "Phạm", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Phan", "Đào"],
    "Dao": ["Triệu", "Bàn", "Lý", "Đặng", "Phùng", "Chiêm"],
    "Sán Chay": ["Hoàng", "Lục", "La", "Trương", "Sầm"],
    "Hoa": ["Lưu", "Trương", "Hoàng", "Lý"],
    "Sán Dìu": ["Diệp", "Tạ", "Lương", "Trương"],
}
MALE_MIDDLE = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Thế", "Xuân"]
FEMALE_MIDDLE = ["Thị", "Thị", "Thị", "Thị", "Thu", "Minh", "Ngọc"]
MALE_GIVEN = [
    "Sáng", "Hùng", "Dũng", "Thắng", "Tài", "Phúc", "Thành", "Hòa", "Chiến", "Lợi", "Sơn",
    "Bình", "Cường", "Quý", "Pản", "Slằn", "Khoa", "Lâm", "Hải", "Tuấn", "Long", "Vinh",
    "Kiên", "Đông", "Toàn", "Thuận", "Nghĩa", "Hiếu", "Tiến", "Lực", "Hưng", "Chung",
]  # fmt: skip
FEMALE_GIVEN = [
    "Lan", "Hoa", "Mai", "Thu", "Hương", "Hạnh", "Liên", "Nga", "Phượng", "Xuân", "Thơm",
    "Thắm", "Duyên", "Dung", "Nhàn", "Hiền", "Khuyên", "Tươi", "Mỵ", "Sinh", "Vân", "Yến",
    "Chanh", "Nhung", "Thủy", "Loan", "Đào", "Hằng", "Lụa", "Hòa", "Dịu", "Quyên", "Ngần",
]  # fmt: skip

ETHNIC_MIX = {
    "Thành phố Lạng Sơn": {"Kinh": 45, "Tày": 28, "Nùng": 22, "Hoa": 5},
    "Huyện Tràng Định": {"Tày": 62, "Nùng": 28, "Kinh": 8, "Dao": 2},
    "Huyện Bình Gia": {"Tày": 55, "Nùng": 22, "Dao": 15, "Kinh": 8},
    "Huyện Văn Lãng": {"Nùng": 60, "Tày": 30, "Kinh": 10},
    "Huyện Cao Lộc": {"Nùng": 58, "Tày": 20, "Kinh": 16, "Dao": 6},
    "Huyện Văn Quan": {"Tày": 55, "Nùng": 30, "Kinh": 15},
    "Huyện Bắc Sơn": {"Tày": 58, "Kinh": 22, "Nùng": 10, "Dao": 10},
    "Huyện Hữu Lũng": {"Kinh": 48, "Nùng": 25, "Tày": 15, "Sán Dìu": 6, "Dao": 6},
    "Huyện Chi Lăng": {"Nùng": 45, "Tày": 30, "Kinh": 20, "Dao": 3, "Hoa": 2},
    "Huyện Lộc Bình": {"Nùng": 55, "Tày": 25, "Kinh": 12, "Dao": 8},
    "Huyện Đình Lập": {"Tày": 35, "Nùng": 25, "Kinh": 20, "Dao": 14, "Sán Chay": 6},
}

NO_BIRTH_RECORD = ("loc-binh-tu-doan", "trang-dinh-de-tham", "cao-loc-hoa-cu")
DIED, MOVED, WITHDREW = "Qua đời", "Chuyển nơi ở", "Xin thôi tham gia CLB"
GROUP_KINDS = (
    ("tuyen-truyen", "Nhóm tuyên truyền, giám sát"),
    ("suc-khoe", "Nhóm chăm sóc sức khỏe"),
    ("van-nghe", "Nhóm văn hóa, văn nghệ, thể thao"),
    ("san-xuat", "Nhóm chia sẻ kinh nghiệm trồng trọt, chăn nuôi"),
    ("tang-thu-nhap", "Nhóm tăng thu nhập (huy động vốn, cho vay, thu hồi vốn)"),
    ("tu-giup", "Nhóm tự giúp nhau trong cộng đồng"),
    ("quyen-loi", "Nhóm bảo vệ quyền lợi"),
    ("truyen-thong", "Nhóm truyền thông"),
)
VILLAGES = [
    "Nà Pàn", "Khòn Lèng", "Bản Chu", "Pò Mỏ", "Nà Hin", "Còn Quan", "Khau Khem", "Nà Lầu",
    "Pác Cáp", "Bó Pia", "Nà Tồng", "Bản Cằm", "Khuổi Phầy", "Nà Riềng", "Lũng Vài", "Pác Làng",
    "Nà Phai", "Bản Ngà", "Khun Pinh", "Nà Thuộc", "Bản Giếng", "Khánh Khê", "Đông Bắc", "Tân Lập",
]  # fmt: skip


@dataclass
class Person:
    """A member as the generator holds it, with the traits that drive later records."""

    name: str
    gender: str
    ethnicity: str | None
    birth_year: int | None
    birth_date: date | None
    joined: date
    household: str = "none"
    certified: int | None = None
    living_alone: bool = False
    disability: bool = False
    left: tuple[date, str] | None = None
    consent: date | None = None
    consent_skipped: bool = False
    consents: list[dict[str, object]] = field(default_factory=list)
    team: str = "T1"
    groups: list[str] = field(default_factory=list)
    volunteer: bool = False
    keep: bool = False
    id: str = ""
    attend: float = 0.8
    weight: float = 50.0
    systolic: int = 125
    diastolic: int = 80
    glucose: float = 5.5

    def born(self) -> date | None:
        if self.birth_date is not None:
            return self.birth_date
        return date(self.birth_year, 1, 1) if self.birth_year is not None else None

    def age_on(self, day: date) -> int | None:
        born = self.born()
        if born is None:
            return None
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def member_on(self, day: date) -> bool:
        return self.joined <= day and (self.left is None or day < self.left[0])


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _day_between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max((end - start).days, 0)))


class Namer:
    """Invents names, avoiding two identical names in one club."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def name(self, ethnicity: str, gender: str) -> str:
        rng = self.rng
        for _attempt in range(50):
            surname = rng.choice(SURNAMES.get(ethnicity, SURNAMES["Kinh"]))
            if gender == "female":
                name = f"{surname} {rng.choice(FEMALE_MIDDLE)} {rng.choice(FEMALE_GIVEN)}"
            else:
                name = f"{surname} {rng.choice(MALE_MIDDLE)} {rng.choice(MALE_GIVEN)}"
            if name not in self.used:
                self.used.add(name)
                return name
        raise AssertionError("ran out of names")


@dataclass
class Roster:
    """A club's members, teams and groups."""

    people: list[Person]
    teams: list[tuple[str, str]]
    groups: list[tuple[str, str]]
    board: list[Person]
    written_off_borrower: Person | None = None
    consent_day: date | None = None


def _birth(rng: random.Random, older: bool, ref: date, full_date: bool) -> tuple[int, date | None]:
    """A birth year (and maybe a full date) giving 60+ on ``ref`` exactly when ``older``."""
    if older:
        age = int(rng.triangular(60, 88, 66))
        year = ref.year - age - (1 if full_date else 0)
    else:
        age = int(rng.triangular(24, 59.99, 52))
        year = ref.year - age + 1
    if not full_date:
        return year, None
    return year, date(year, rng.randint(1, 12), rng.randint(1, 28))


def _person(
    rng: random.Random,
    namer: Namer,
    spec: Spec,
    district: str,
    joined: date,
    older: bool,
    ref: date,
    women: float,
) -> Person:
    ethnicity = _weighted(rng, ETHNIC_MIX[district])
    gender = "female" if rng.random() < women else "male"
    full = rng.random() < 0.06
    year, born = _birth(rng, older, ref, full)
    person = Person(
        name=namer.name(ethnicity, gender),
        gender=gender,
        ethnicity=ethnicity,
        birth_year=None if born else year,
        birth_date=born,
        joined=joined,
    )
    remote = spec.district in ("Huyện Đình Lập", "Huyện Bình Gia", "Huyện Tràng Định") or not (
        spec.commune.startswith(("Thị trấn", "Phường"))
    )
    roll = rng.random()
    poor, near = (0.16, 0.14) if remote else (0.07, 0.09)
    if roll < poor:
        person.household = "poor"
    elif roll < poor + near:
        person.household = "near-poor"
    person.living_alone = rng.random() < (0.13 if older else 0.02)
    person.disability = rng.random() < 0.05
    person.attend = rng.uniform(0.5, 0.92)
    base = 50.0 if gender == "female" else 57.0
    person.weight = max(36.0, min(82.0, rng.gauss(base, 6.5)))
    hypertensive = rng.random() < (0.33 if older else 0.12)
    person.systolic = int(rng.gauss(148, 9) if hypertensive else rng.gauss(122, 9))
    person.diastolic = int(person.systolic * 0.6 + rng.gauss(8, 4))
    diabetic = rng.random() < (0.12 if older else 0.05)
    person.glucose = rng.gauss(7.9, 1.0) if diabetic else rng.gauss(5.4, 0.45)
    return person


def make_roster(rng: random.Random, spec: Spec, district: str) -> Roster:
    """Every member the club ever had, in the order they joined, with ids."""
    namer = Namer(rng)
    women = rng.uniform(0.55, 0.64) if spec.old else rng.uniform(0.61, 0.69)
    people: list[Person] = []

    def add(joined: date, older: bool, ref: date) -> Person:
        person = _person(rng, namer, spec, district, joined, older, ref, women)
        people.append(person)
        return person

    if spec.old:
        founders = round(spec.members_2020 * rng.uniform(0.62, 0.78))
        olders = [True] * spec.older_2020 + [False] * (spec.members_2020 - spec.older_2020)
        rng.shuffle(olders)
        for i, older in enumerate(olders):
            joined = spec.founded if i < founders else _day_between(rng, spec.founded, CUTOFF)
            add(joined, older, CUTOFF)
        if spec.founded.year <= 2019:
            for _ in range(rng.randint(1, 3)):
                person = add(spec.founded, rng.random() < 0.7, CUTOFF)
                start = spec.founded + timedelta(days=120)
                person.left = (_day_between(rng, start, CUTOFF), _reason(rng, person, start))
    else:
        founders = round(spec.size_end * rng.uniform(0.55, 0.7))
        for _ in range(founders):
            add(spec.founded, rng.random() < rng.uniform(0.6, 0.72), spec.founded)

    founding = [p for p in people if p.joined == spec.founded and p.left is None]
    chair = next(p for p in founding if (p.age_on(spec.founded) or 0) >= 60)
    founding.remove(chair)
    founding.insert(0, chair)
    board = founding[:5]
    volunteers = [p for p in founding[5:] if (p.age_on(spec.founded) or 0) < 66][: spec.volunteers]
    for person in board + volunteers:
        person.keep = True
    for person in volunteers:
        person.volunteer = True

    written_off = None
    if spec.id == WRITE_OFF_CLUB:
        written_off = next(
            p for p in founding[5:] if not p.keep and 66 <= (p.age_on(CUTOFF) or 0) <= 74
        )
        written_off.keep = True
        written_off.household = "poor"
        written_off.left = (date(2023, 1, 17), DIED)
    if spec.id == SUSPENDED_CLUB:
        chair.left = (SUSPENDED - timedelta(days=20), DIED)

    _departures(rng, people, start=max(spec.founded, CUTOFF) + timedelta(days=1), end=spec.last_day)
    _joiners(rng, spec, people, add)
    people.sort(key=lambda p: p.joined)
    consent_day = _finish(rng, spec, people, board)
    if spec.id in NO_BIRTH_RECORD:
        unknown = next(p for p in reversed(people) if not p.keep and p.joined.year >= 2022)
        unknown.birth_year = unknown.birth_date = None
    teams = _teams(rng, spec)
    groups = _groups(rng, spec)
    _assign(rng, people, teams, groups)
    return Roster(people, teams, groups, board, written_off, consent_day)


def _reason(rng: random.Random, person: Person, day: date) -> str:
    age = person.age_on(day) or 50
    if age >= 70 and rng.random() < 0.75:
        return DIED
    return MOVED if rng.random() < 0.45 else WITHDREW


def _departures(rng: random.Random, people: list[Person], start: date, end: date) -> None:
    """Members who leave between ``start`` and ``end``, the last day of the club's records."""
    years = (end - start).days / 365.25
    for person in people:
        if person.keep or person.left is not None:
            continue
        age = person.age_on(start) or 50
        yearly = 0.012 + (0.018 if age >= 70 else 0.0) + (0.03 if age >= 80 else 0.0)
        if rng.random() < yearly * years:
            day = _day_between(rng, max(start, person.joined + timedelta(days=90)), end)
            if day <= end and day > person.joined:
                person.left = (day, _reason(rng, person, day))


def _joiners(
    rng: random.Random, spec: Spec, people: list[Person], add: Callable[[date, bool, date], Person]
) -> None:
    """New members after the founding (and, for old clubs, after 30/11/2020) up to the size
    at the club's size day, then a few more up to the last day of its records."""
    first = CUTOFF + timedelta(days=1) if spec.old else spec.founded + timedelta(days=20)
    size_day, end = spec.size_day, spec.last_day
    last = min(size_day, end) - timedelta(days=11)
    share = rng.uniform(0.6, 0.7)
    while sum(p.member_on(size_day) for p in people) < spec.size_end:
        joined = _day_between(rng, first, last)
        older = rng.random() < share
        person = add(joined, older, joined)
        if rng.random() < 0.03 and (end - joined).days > 200:
            day = _day_between(rng, joined + timedelta(days=120), end)
            person.left = (day, _reason(rng, person, day))
    if size_day < end:
        for _ in range(rng.randint(0, 4)):
            joined = _day_between(rng, size_day + timedelta(days=1), end - timedelta(days=11))
            add(joined, rng.random() < share, joined)


def _finish(rng: random.Random, spec: Spec, people: list[Person], board: list[Person]) -> date:
    """Ids, consent dates and household certification years; gives the day consents were
    collected from the members of 2023 (see ``gen_privacy``)."""
    for number, person in enumerate(people, start=1):
        person.id = f"M{number:03d}"
    consent_day = date(2023, rng.randint(7, 10), rng.randint(5, 25))
    for person in people:
        last_year = person.left[0].year if person.left else spec.last_day.year
        if person.household != "none":
            low = max(2016, person.joined.year - 1)
            high = max(low, min(last_year, 2025))
            person.certified = rng.randint(max(low, high - 2), high)
        if rng.random() < 0.04 and all(person is not b for b in board):
            person.consent_skipped = True
            continue
        person.consent = consent_date(spec, person, consent_day)
    return consent_day


def consent_date(spec: Spec, person: Person, consent_day: date) -> date | None:
    """When the member gave consent: on joining from 2021, else at the 2023 collection
    if they were a member then."""
    if person.joined.year >= 2021:
        return person.joined
    if person.member_on(consent_day) and consent_day >= spec.founded:
        return consent_day
    return None


def _teams(rng: random.Random, spec: Spec) -> list[tuple[str, str]]:
    count = 3 if spec.size_end < 50 else rng.choice([3, 4, 4])
    villages = rng.sample(VILLAGES, count)
    prefix = "khối" if spec.commune.startswith(("Thị trấn", "Phường")) else "thôn"
    return [(f"T{i}", f"Tổ {i} ({prefix} {v})") for i, v in enumerate(villages, start=1)]


def _groups(rng: random.Random, spec: Spec) -> list[tuple[str, str]]:
    kinds = list(GROUP_KINDS)
    if spec.missing_areas or spec.size_end < 50:
        drop = rng.sample([k for k in kinds if k[0] not in ("suc-khoe", "tang-thu-nhap")], 2)
        kinds = [k for k in kinds if k not in drop]
    return kinds


def _assign(
    rng: random.Random,
    people: list[Person],
    teams: list[tuple[str, str]],
    groups: list[tuple[str, str]],
) -> None:
    ids = [g[0] for g in groups]
    for person in people:
        person.team = rng.choice(teams)[0]
        count = rng.choices([0, 1, 2], weights=[3, 6, 2])[0]
        person.groups = sorted(rng.sample(ids, count), key=ids.index)
        if person.volunteer and "suc-khoe" in ids and "suc-khoe" not in person.groups:
            person.groups = sorted([*person.groups, "suc-khoe"], key=ids.index)
