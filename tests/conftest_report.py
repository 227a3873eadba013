"""A report model made by hand, for tests of the writers that do not need data."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from lstg.indicators import Figures
from lstg.report.model import (
    Change,
    ClubNote,
    Name,
    Report,
    Row,
    Scope,
    Target,
    TargetCounts,
)
from lstg.report.provenance import Provenance


def figures(clubs: int, members: int, **more: int | float | None) -> Figures:
    values: dict[str, int | float | None] = {
        "clubs": clubs,
        "clubs_operating": clubs,
        "clubs_preparing": 0,
        "units_with_clubs": None,
        "units_total": None,
        "members": members,
        "members_older": members * 7 // 10,
        "members_women": members * 6 // 10,
        "members_young": members - members * 7 // 10,
        "members_unknown_age": 0,
        "board_members": clubs * 5,
        "borrowers": 0,
        "borrower_share": 0.0 if members else None,
        "loans_disbursed": 0,
        "loans_disbursed_amount": 0,
        "principal_outstanding": 0,
        "par30": None,
        "fund_income": 0,
        "fund_activity": 0,
        "meetings_held": 0,
        "attendance_rate": None,
        "members_health_checked": 0,
        "hypertensive_share": None,
        "home_care_visits": 0,
        "months_expected": 0,
        "months_recorded": 0,
        "completeness": None,
        "clubs_not_reporting": 0,
    }
    values.update(more)
    return Figures(**values)  # type: ignore[arg-type]


def name(full: str) -> Name:
    kind, _, short = full.partition(" ")
    for two in ("Thành phố", "Thị trấn", "Thị xã"):
        if full.startswith(two):
            kind, short = two, full[len(two) + 1 :]
    return Name(full=full, short=short, kind=kind.lower(), in_sentence=kind.lower() + " " + short)


def sample_report(lang: str = "vi", *, dirty: bool | None = False) -> Report:
    chi_lang = figures(
        6,
        300,
        borrowers=12,
        borrower_share=4.0,
        loans_disbursed=3,
        loans_disbursed_amount=9_000_000,
        principal_outstanding=7_500_000,
        par30=20.0,
        fund_income=21_000_000,
        fund_activity=3_250_000,
        meetings_held=24,
        attendance_rate=87.5,
        members_health_checked=210,
        hypertensive_share=25.0,
        home_care_visits=40,
    )
    van_lang = figures(2, 60, clubs_operating=0, clubs_preparing=2)
    totals = figures(
        8,
        360,
        units_with_clubs=2,
        units_total=3,
        clubs_operating=6,
        clubs_preparing=2,
        borrowers=12,
        borrower_share=100 * 12 / 360,
        loans_disbursed=3,
        loans_disbursed_amount=9_000_000,
        principal_outstanding=7_500_000,
        par30=20.0,
        fund_income=21_000_000,
        fund_activity=3_250_000,
        meetings_held=24,
        attendance_rate=87.5,
        members_health_checked=210,
        hypertensive_share=25.0,
        home_care_visits=40,
    )
    return Report(
        lang=lang,
        scope=Scope(level="province", name=name("Tỉnh Lạng Sơn"), code="20", province="Lạng Sơn"),
        period_label="2016..2020",
        period_kind="years",
        period_part=None,
        start=date(2016, 1, 1),
        end=date(2020, 12, 31),
        as_of=date(2020, 11, 30),
        row_level="district",
        unit_level="district",
        totals=totals,
        units_without_clubs=[name("Huyện Tràng Định")],
        preparing=[
            ClubNote(
                "CLB xã Hoàng Việt", name("Xã Hoàng Việt"), name("Huyện Văn Lãng"), date(2020, 8, 1)
            ),
            ClubNote(
                "CLB xã Hoàng Văn Thụ",
                name("Xã Hoàng Văn Thụ"),
                name("Huyện Văn Lãng"),
                date(2020, 8, 2),
            ),
        ],
        rows=[
            Row(name("Huyện Chi Lăng"), "187", chi_lang),
            Row(name("Huyện Văn Lãng"), "182", van_lang),
            Row(name("Huyện Tràng Định"), "181", figures(0, 0)),
        ],
        targets=[
            Target("clubs", "Số CLB", "clubs", "count", "at_least", (20.0,), 8.0, "not_met"),
            Target(
                "members",
                "Số thành viên",
                "members",
                "count",
                "at_least",
                (300.0,),
                360.0,
                "exceeded",
            ),
            Target(
                "borrowers",
                "Tỷ lệ vay",
                "borrower_share",
                "percent",
                "at_least",
                (50.0,),
                None,
                "no_data",
            ),
        ],
        target_counts=TargetCounts(met=0, exceeded=1, not_met=1, no_data=1),
        plan_id="2016-2020",
        plan_name="Kế hoạch giai đoạn 2016 - 2020",
        previous_label="2011..2015",
        previous_start=date(2011, 1, 1),
        previous_end=date(2015, 12, 31),
        changes=[
            Change("clubs", "count", 8, 0, 8),
            Change("borrower_share", "percent", 100 * 12 / 360, None, None),
            Change("fund_income", "money", 21_000_000, 1_000_000, 20_000_000),
        ],
        unit_words={
            "district": "District, city" if lang == "en" else "Huyện, thành phố",
            "commune": "Commune, ward, township" if lang == "en" else "Xã, phường, thị trấn",
            "club": "Club" if lang == "en" else "Câu lạc bộ",
        },
        borrower_base=360,
        provenance=Provenance(
            commit="0123456789abcdef0123456789abcdef01234567" if dirty is not None else None,
            dirty=dirty,
            generated_at=datetime(2020, 12, 1, 8, 15, tzinfo=UTC),
            lstg_version="0.1.0",
        ),
    )


PROVINCE_YAML = """\
name: Lạng Sơn
code: "20"
language: vi
eras:
  - id: before-2025-07
    name: Trước 01/7/2025
    valid_to: 2025-06-30
    districts:
      - {code: "178", name: Thành phố Lạng Sơn}
      - {code: "182", name: Huyện Văn Lãng}
      - {code: "187", name: Huyện Chi Lăng}
    communes:
      - {code: "05977", name: Phường Vĩnh Trại, district: "178", becomes: ["05977"]}
      - {code: "06157", name: Xã Hoàng Việt, district: "182", becomes: ["06157"]}
      - {code: "06160", name: Xã Hoàng Văn Thụ, district: "182", becomes: ["06157"]}
      - {code: "06463", name: Thị trấn Đồng Mỏ, district: "187", becomes: ["06463"]}
      - {code: "06500", name: Xã Vân An, district: "187", becomes: ["06463"]}
  - id: from-2025-07
    name: Từ 01/7/2025
    valid_from: 2025-07-01
    communes:
      - {code: "05977", name: Phường Đông Kinh}
      - {code: "06157", name: Xã Hoàng Văn Thụ}
      - {code: "06463", name: Xã Chi Lăng}
"""

PLAN_YAML = """\
id: 2016-2020
name: {vi: Giai đoạn 2016–2020, en: Phase 2016–2020}
start: 2016-01-01
end: 2020-12-31
units: district
rules:
  - id: clubs
    label: {vi: Xây dựng 4 Câu lạc bộ, en: Build 4 clubs}
    scope: province
    indicator: clubs
    operator: at_least
    bounds: [4]
  - id: districts
    label: {vi: Câu lạc bộ có ở 01 huyện, en: Clubs in 1 district}
    scope: province
    indicator: units_with_clubs
    operator: at_least
    bounds: [1]
  - id: members
    label: {vi: Có ít nhất 8 thành viên, en: At least 8 members}
    scope: province
    indicator: members
    operator: at_least
    bounds: [8]
  - id: district-clubs
    label: {vi: Huyện có Câu lạc bộ hoạt động, en: The district has an operating club}
    scope: district
    indicator: clubs_operating
    operator: at_least
    bounds: [1]
  - id: club-members
    label: {vi: Mỗi Câu lạc bộ có 3 - 5 thành viên, en: 3 to 5 members a club}
    scope: club
    indicator: members
    operator: between
    bounds: [3, 5]
"""


def _members(prefix: str, count: int, joined: str) -> str:
    lines = []
    for n in range(1, count + 1):
        gender = "female" if n % 3 else "male"
        born = 1950 if n % 4 else 1975
        volunteer = ", home_care_volunteer: true" if n == 1 else ""
        lines.append(
            f"- {{id: M{n:03d}, name: {prefix} {n}, gender: {gender}, birth_year: {born}, "
            f"joined: {joined}{volunteer}}}"
        )
    return "\n".join(lines) + "\n"


CLUBS: dict[str, dict[str, str]] = {
    "chi-lang-dong-mo": {
        "club.yaml": """\
name: CLB Liên thế hệ tự giúp nhau thị trấn Đồng Mỏ
commune: {code: "06463", era: before-2025-07}
founded: 2017-05-12
launched: 2017-06-20
board:
  - {member: M001, role: chair, start: 2017-06-20}
  - {member: M002, role: treasurer, start: 2017-06-20}
funds:
  income: {name: Quỹ tăng thu nhập, opened: 2017-06-20}
  activity: {name: Quỹ hoạt động, opened: 2017-06-20}
fund_regulations: 2017-06-20
""",
        "members.yaml": _members("Thành viên Đồng Mỏ", 5, "2017-05-12"),
        "loans.yaml": """\
- id: L1
  member: M003
  amount: 3000000
  monthly_interest: 0.5
  term_months: 12
  disbursed: 2019-03-10
  repayments: [{date: 2019-09-10, principal: 1500000, interest: 90000}]
- {id: L2, member: M004, amount: 2000000, monthly_interest: 0.5, term_months: 6,
   disbursed: 2020-02-01}
""",
        "ledger.yaml": """\
- {date: 2017-06-20, fund: income, amount: 6000000, source: members}
- {date: 2017-06-20, fund: activity, amount: 1000000, source: members}
- {date: 2020-05-02, fund: activity, amount: -300000, use: activities}
""",
        "meetings/2020.yaml": """\
- date: 2020-09-15
  activities: [income, health]
  attendance: [M001, M002, M003, M004]
  health_checks:
    - {member: M001, bp: 150/95}
    - {member: M002, bp: 120/80}
  home_care_visits:
    - {volunteer: M001, member: M005, visits: 2}
- date: 2020-10-15
  activities: [health, culture]
  attendance: [M001, M002, M005]
""",
    },
    "chi-lang-van-an": {
        "club.yaml": """\
name: CLB Liên thế hệ tự giúp nhau xã Vân An
commune: {code: "06500", era: before-2025-07}
founded: 2018-03-01
launched: 2018-04-01
board:
  - {member: M001, role: chair, start: 2018-04-01}
""",
        "members.yaml": _members("Thành viên Vân An", 4, "2018-03-01"),
    },
    "van-lang-hoang-viet": {
        "club.yaml": """\
name: CLB Liên thế hệ tự giúp nhau xã Hoàng Việt
commune: {code: "06157", era: before-2025-07}
founded: 2020-09-22
""",
        "members.yaml": _members("Thành viên Hoàng Việt", 3, "2020-09-22"),
    },
}


def write_small_data(root: Path) -> Path:
    """A small data folder: 3 districts (one without clubs), 3 clubs, one still preparing."""
    (root / "plans").mkdir(parents=True, exist_ok=True)
    (root / "province.yaml").write_text(PROVINCE_YAML, encoding="utf-8")
    (root / "plans" / "2016-2020.yaml").write_text(PLAN_YAML, encoding="utf-8")
    for club, files in CLUBS.items():
        for name, text in files.items():
            path = root / "clubs" / club / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root
