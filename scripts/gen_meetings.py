"""Meetings: monthly or every 2–3 months, with attendance, health checks and home-care visits."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise

from gen_clubs import RESUMED, SUSPENDED, SUSPENDED_CLUB, Spec
from gen_people import Person, Roster

AREAS = ("income", "health", "home-care", "self-help", "rights", "learning", "culture", "resources")
# The month of Tết Nguyên đán; when it falls late in January the January meeting is
# often held before it.
TET_MONTH = {
    2017: 1, 2018: 2, 2019: 2, 2020: 1, 2021: 2, 2022: 2, 2023: 1, 2024: 2, 2025: 1, 2026: 2
}  # fmt: skip
GLUCOMETERS = date(2021, 8, 1)
COVID_2020 = "Tạm dừng sinh hoạt theo Chỉ thị 16/CT-TTg về giãn cách xã hội phòng, chống COVID-19"

TOPICS = {
    "rights": "Tuyên truyền Luật Người cao tuổi và chính sách trợ cấp xã hội",
    "learning": "Sinh hoạt chuyên đề phòng, chống lừa đảo qua điện thoại và mạng xã hội",
    "self-help": "Giúp nhau ngày công sửa nhà cho thành viên khó khăn",
    "resources": "Vận động con em thành viên và nhà hảo tâm ủng hộ quỹ CLB",
}


@dataclass
class Meeting:
    date: date
    kind: str = "regular"
    reason: str | None = None
    activities: list[str] = field(default_factory=list)
    attendance: list[str] = field(default_factory=list)
    checks: list[dict[str, object]] = field(default_factory=list)
    visits: list[dict[str, object]] = field(default_factory=list)
    note: str | None = None

    @property
    def held(self) -> bool:
        return self.kind != "skipped"


def _month_starts(first: date, last: date) -> list[tuple[int, int]]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return months


class Planner:
    """Builds one club's meetings in date order."""

    def __init__(self, rng: random.Random, spec: Spec, roster: Roster) -> None:
        self.rng = rng
        self.spec = spec
        self.people = roster.people
        self.areas = [a for a in AREAS if a not in spec.missing_areas]
        self.rotation = [a for a in self.areas if a not in ("health", "home-care")]
        self.turn = rng.randrange(len(self.rotation))
        self.day = rng.choice([5, 8, 10, 12, 15, 18, 20, 22, 25])
        self.rounds_bp = rng.random() < 0.5

    def present(self, day: date) -> list[Person]:
        return [p for p in self.people if p.member_on(day)]

    def plan(self) -> list[Meeting]:
        spec, rng = self.spec, self.rng
        if spec.launched is None:
            return []
        meetings = [self.gathering(spec.launched, "Lễ ra mắt Câu lạc bộ", ["culture", "self-help"])]
        months = _month_starts(spec.launched, spec.last_day)[1:]
        for index, (year, month) in enumerate(months, start=1):
            day = date(year, month, min(28, max(1, self.day + rng.randint(-3, 3))))
            reason = self.skip_reason(day, index)
            if reason is not None:
                meetings.append(Meeting(day, kind="skipped", reason=reason))
            else:
                meetings.append(self.regular(day))
            if spec.id == SUSPENDED_CLUB and (year, month) == (RESUMED.year, RESUMED.month):
                meetings.append(
                    self.gathering(
                        RESUMED,
                        "Hội nghị kiện toàn Ban Chủ nhiệm; CLB sinh hoạt trở lại",
                        ["self-help", "culture"],
                    )
                )
            if rng.random() < 0.06 and month not in (1, 2, 12):
                extra_day = self.day + 10 if self.day <= 15 else self.day - 10
                extra = self.extra(date(year, month, extra_day))
                if extra is not None:
                    meetings.append(extra)
        meetings.sort(key=lambda m: m.date)
        for earlier, later in pairwise(meetings):
            if later.date <= earlier.date:
                later.date = earlier.date + timedelta(days=1)
        return [m for m in meetings if m.date <= spec.last_day]

    def skip_reason(self, day: date, index: int) -> str | None:
        spec, rng = self.spec, self.rng
        if spec.id == SUSPENDED_CLUB and SUSPENDED <= day < RESUMED:
            return "CLB tạm dừng sinh hoạt, chờ kiện toàn Ban Chủ nhiệm"
        if (day.year, day.month) == (2020, 4):
            return COVID_2020
        if (day.year, day.month) == (2022, 2) and rng.random() < 0.6:
            return "Tạm dừng sinh hoạt tập trung do dịch COVID-19"
        if index % spec.every != 0:
            return f"CLB sinh hoạt {spec.every} tháng một lần"
        late_tet = TET_MONTH[day.year] == 1
        if day.month == TET_MONTH[day.year] and rng.random() < (0.25 if late_tet else 0.65):
            return "Nghỉ Tết Nguyên đán"
        return None

    def attendance(self, day: date, boost: float = 0.0) -> list[Person]:
        return [p for p in self.present(day) if self.rng.random() < p.attend + boost]

    def gathering(self, day: date, note: str, activities: list[str]) -> Meeting:
        came = self.attendance(day, 0.15)
        kept = [a for a in AREAS if a in activities and a in self.areas]
        return Meeting(
            day, kind="extra", activities=kept, attendance=[p.id for p in came], note=note
        )

    def extra(self, day: date) -> Meeting | None:
        topics = [a for a in TOPICS if a in self.areas]
        if not topics or day > self.spec.last_day:
            return None
        if self.spec.id == SUSPENDED_CLUB and SUSPENDED <= day < RESUMED:
            return None
        area = self.rng.choice(topics)
        came = self.attendance(day, -0.15)
        meeting = Meeting(day, kind="extra", attendance=[p.id for p in came], note=TOPICS[area])
        meeting.activities = [a for a in AREAS if a in ("health", area)]
        meeting.checks = self.checks(day, came)
        return meeting

    def regular(self, day: date) -> Meeting:
        rng = self.rng
        came = self.attendance(day)
        chosen = {"health"}
        for _ in range(self.spec.every + rng.randint(0, 1)):
            chosen.add(self.rotation[self.turn % len(self.rotation)])
            self.turn += 1
        meeting = Meeting(day, attendance=[p.id for p in came])
        meeting.checks = self.checks(day, came)
        if "home-care" in self.areas:
            meeting.visits = self.visits(day)
            if meeting.visits:
                chosen.add("home-care")
        meeting.activities = [a for a in AREAS if a in chosen]
        return meeting

    def checks(self, day: date, came: list[Person]) -> list[dict[str, object]]:
        rng = self.rng
        count = min(len(came), rng.randint(6, 12))
        measured = sorted(rng.sample(came, count), key=lambda p: p.id)
        glucometer = day >= GLUCOMETERS or self.spec.commune_support
        rows = []
        for person in measured:
            systolic = round(person.systolic + rng.gauss(0, 7))
            diastolic = round(person.diastolic + rng.gauss(0, 5))
            if self.rounds_bp:
                systolic, diastolic = 5 * round(systolic / 5), 5 * round(diastolic / 5)
            systolic = max(95, min(195, systolic))
            diastolic = max(55, min(115, diastolic, systolic - 25))
            row: dict[str, object] = {"member": person.id}
            if rng.random() < 0.85:
                row["weight"] = round(person.weight + rng.gauss(0, 0.7), 1)
            row["bp"] = f"{systolic}/{diastolic}"
            if glucometer and rng.random() < 0.55:
                row["glucose"] = round(max(3.8, min(16.0, person.glucose + rng.gauss(0, 0.5))), 1)
            rows.append(row)
        return rows

    def visits(self, day: date) -> list[dict[str, object]]:
        rng = self.rng
        present = self.present(day)
        volunteers = [p for p in present if p.volunteer]
        cared = [
            p
            for p in present
            if not p.volunteer and ((p.age_on(day) or 0) >= 75 or p.living_alone or p.disability)
        ]
        if not volunteers or not cared or rng.random() < 0.3:
            return []
        rows = []
        for person in sorted(rng.sample(cared, min(len(cared), rng.randint(1, 2))), key=_id):
            volunteer = rng.choice(volunteers)
            rows.append(
                {"volunteer": volunteer.id, "member": person.id, "visits": rng.randint(1, 4)}
            )
        return rows


def _id(person: Person) -> str:
    return person.id
