"""Helpers for the tests of editing, import and export: a small data folder and a CLI runner."""

from __future__ import annotations

from pathlib import Path

from cli_run import invoke

CLUB = "chi-lang-quang-lang"
TODAY = "2026-12-01"

PROVINCE = """\
name: Lạng Sơn
code: "20"
language: vi
eras:
  - id: "2008"
    name: Trước sắp xếp năm 2025
    valid_to: 2025-06-30
    districts:
      - {code: "186", name: Huyện Chi Lăng}
    communes:
      - {code: "06226", name: Xã Quang Lang, district: "186", becomes: ["06223"]}
      - {code: "06229", name: Xã Mai Sao, district: "186", becomes: ["06223"]}
  - id: "2025"
    name: Sau sắp xếp năm 2025
    valid_from: 2025-07-01
    communes:
      - {code: "06223", name: Xã Quang Lạc}
"""

CLUB_YAML = """\
# CLB Quang Lang: set up with the commune's Association of Older People.
name: CLB Liên thế hệ tự giúp nhau xã Quang Lang
commune: {code: "06226", era: "2008"}
founded: 2019-03-01
launched: 2019-04-15
board:
  - {member: M001, role: chair, start: 2019-04-15}
teams:
  - {id: to-1, name: Tổ 1}
  - {id: to-2, name: Tổ 2}
groups:
  - {id: suc-khoe, name: Nhóm chăm sóc sức khỏe}
funds:
  income: {name: Quỹ tăng thu nhập, opened: 2019-04-15}
  activity: {name: Quỹ hoạt động, opened: 2019-04-15}
fund_regulations: 2019-04-15
"""

MEMBERS = """\
# Members of the club, in the order they joined.
# Kept by the secretary; checked every quarter.

- id: M001
  name: Hoàng Thị Lan    # chair since 2019
  gender: female
  birth_year: 1955
  ethnicity: Tày
  joined: 2019-03-01
  team: to-1
  groups: [suc-khoe]
  home_care_volunteer: true

- id: M002
  name: "Lương Văn Bình"
  gender: male
  birth_year: 1960
  ethnicity: 'Nùng'
  household: poor
  household_certified: 2019
  joined: 2019-03-01
  team: to-1

# joined after the launch
- id: M003
  name: Vi Thị Hoa
  gender: female
  birth_date: 1990-05-12
  ethnicity: Tày
  joined: 2019-04-15
  team: to-2
"""

LOANS = """\
# Loans from the income fund.
- id: L001
  member: M002
  amount: 3000000
  monthly_interest: 0.5
  term_months: 6
  disbursed: 2019-06-01
  purpose: nuôi lợn   # two piglets
  repayments:
    - {date: 2019-09-01, principal: 1500000, interest: 45000}
"""

LEDGER = """\
# Money into and out of the funds.
- {date: 2019-04-15, fund: income, amount: 5000000, source: commune, note: xã hỗ trợ}
- {date: 2019-04-15, fund: activity, amount: 1000000, source: members}
- {date: 2020-05-10, fund: activity, amount: -300000, use: activities}
"""

MEETINGS_2020 = """\
- date: 2020-01-15
  activities: [health, income]
  attendance: [M001, M002, M003]
  health_checks:
    - {member: M001, weight: 52.5, bp: 130/85, glucose: 6.1}

# Tết
- date: 2020-02-15
  kind: skipped
  reason: nghỉ Tết

- date: 2020-04-15
  activities: [culture]
  attendance: [M001, M002]
"""


def make_data(tmp_path: Path) -> Path:
    """A small, valid data folder with one club whose files carry comments."""
    root = tmp_path / "data"
    folder = root / "clubs" / CLUB
    (folder / "meetings").mkdir(parents=True)
    (root / "province.yaml").write_text(PROVINCE, "utf-8")
    (folder / "club.yaml").write_text(CLUB_YAML, "utf-8")
    (folder / "members.yaml").write_text(MEMBERS, "utf-8")
    (folder / "loans.yaml").write_text(LOANS, "utf-8")
    (folder / "ledger.yaml").write_text(LEDGER, "utf-8")
    (folder / "meetings" / "2020.yaml").write_text(MEETINGS_2020, "utf-8")
    return root


def run(*args: str, input: str | None = None) -> tuple[int, str]:
    """Run ``lstg`` in-process as the console script would: exit code and output
    (standard output and standard error, as they came)."""
    ran = invoke(*args, env={"LSTG_TODAY": TODAY}, input=input)
    return ran.code, ran.output
