"""Generate the bundled, fictional Lạng Sơn data set.

Usage: ``python scripts/generate_data.py [TARGET] [--seed SEED]`` (``make data``).

Writes ``province.yaml``, ``clubs/``, ``README.md`` and ``FICTIONAL.md`` into TARGET (default:
the repository's ``data/``), leaving ``plans/`` and ``reports.yaml`` alone. The same seed gives the
same bytes. Every club draws from its own generator seeded with the seed and its id,
so that changing one club leaves the others' files unchanged.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from datetime import timedelta
from pathlib import Path

from gen_clubs import RESUMED, SPECS, SUSPENDED, SUSPENDED_CLUB, Spec
from gen_meetings import Meeting, Planner
from gen_money import Funds, make_funds
from gen_people import Person, Roster, make_roster
from gen_places import AFTER, PARTS, Units, province_lines, read_units
from gen_privacy import apply_privacy
from gen_readme import readme_text
from gen_yaml import Code, Rows, Wrapped, block_record, flow_map, header, scalar, write

SEED = "lang-son-2020"
ROOT = Path(__file__).resolve().parent.parent
ROLES = ("chair", "vice-chair", "accountant", "treasurer", "member")


def club_name(spec: Spec) -> str:
    """``CLB Liên thế hệ tự giúp nhau xã Quảng Lạc``: the commune's kind in lower case."""
    return f"CLB Liên thế hệ tự giúp nhau {spec.commune[0].lower()}{spec.commune[1:]}"


def commune_of(units: Units, spec: Spec) -> dict[str, object]:
    """The club's commune in the era in force when it was founded."""
    era = units.era_at(spec.founded).id
    return {"code": Code(units.code_of(era, spec.commune, spec.district)), "era": era}


def communes_of(units: Units, spec: Spec) -> list[dict[str, object]]:
    """The part of a split commune that the club lies in, in the era after the split."""
    if spec.id not in PARTS:
        return []
    era, name = PARTS[spec.id]
    return [{"code": Code(units.code_of(era, name)), "era": era}]


def board_rows(spec: Spec, roster: Roster) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for person, role in zip(roster.board, ROLES, strict=True):
        row: dict[str, object] = {"member": person.id, "role": role, "start": spec.founded}
        if person.left is not None:
            row["end"] = person.left[0] - timedelta(days=1)
        rows.append(row)
    if spec.id == SUSPENDED_CLUB:
        vice = roster.board[1]
        rows[1]["end"] = RESUMED - timedelta(days=1)
        rows.append({"member": vice.id, "role": "chair", "start": RESUMED})
        newcomer = next(
            p
            for p in roster.people
            if p.left is None and p.joined <= spec.founded and all(p is not b for b in roster.board)
        )
        rows.append({"member": newcomer.id, "role": "vice-chair", "start": RESUMED})
    return rows


def club_lines(spec: Spec, units: Units, roster: Roster, funds: Funds) -> list[str]:
    name = club_name(spec)
    lines = header(
        [
            f"{name}: thông tin chung, Ban Chủ nhiệm, các tổ, nhóm và hai quỹ.",
            "Dữ liệu hư cấu, dùng để minh họa (xem data/README.md).",
        ]
    )
    lines.append(f"name: {scalar(name)}")
    lines.append(f"commune: {flow_map(commune_of(units, spec))}")
    if communes_of(units, spec):
        lines.append("communes:")
        lines += [f"  - {flow_map(place)}" for place in communes_of(units, spec)]
    lines.append(f"founded: {spec.founded.isoformat()}")
    if spec.launched is not None:
        lines.append(f"launched: {spec.launched.isoformat()}")
    if spec.id == SUSPENDED_CLUB:
        lines.append("status_changes:")
        changes = [
            {
                "date": SUSPENDED,
                "status": "suspended",
                "reason": "Chủ nhiệm CLB qua đời; tạm dừng sinh hoạt để kiện toàn Ban Chủ nhiệm",
            },
            {"date": RESUMED, "status": "operating", "reason": "Đã kiện toàn Ban Chủ nhiệm"},
        ]
        lines += [f"  - {flow_map(c)}" for c in changes]
    lines.append("board:")
    lines += [f"  - {flow_map(row)}" for row in board_rows(spec, roster)]
    lines.append("teams:")
    lines += [f"  - {flow_map({'id': i, 'name': n})}" for i, n in roster.teams]
    lines.append("groups:")
    lines += [f"  - {flow_map({'id': i, 'name': n})}" for i, n in roster.groups]
    if funds.opened is not None:
        lines.append("funds:")
        lines.append(f"  income: {flow_map({'name': 'Quỹ tăng thu nhập', 'opened': funds.opened})}")
        if funds.activity_opened is not None:
            activity = {"name": "Quỹ hoạt động", "opened": funds.activity_opened}
            lines.append(f"  activity: {flow_map(activity)}")
    if funds.regulations is not None:
        lines.append(f"fund_regulations: {funds.regulations.isoformat()}")
    return lines


def member_record(person: Person) -> dict[str, object]:
    return {
        "id": person.id,
        "name": person.name,
        "gender": person.gender,
        "birth_year": person.birth_year,
        "birth_date": person.birth_date,
        "ethnicity": person.ethnicity,
        "household": None if person.household == "none" else person.household,
        "household_certified": person.certified,
        "living_alone": True if person.living_alone else None,
        "disability": True if person.disability else None,
        "joined": person.joined,
        "left": {"date": person.left[0], "reason": person.left[1]} if person.left else None,
        "consent": Rows(person.consents) if person.consents else person.consent,
        "team": person.team,
        "groups": person.groups or None,
        "home_care_volunteer": True if person.volunteer else None,
    }


def members_lines(spec: Spec, roster: Roster) -> list[str]:
    lines = header(
        [
            f"Thành viên {club_name(spec)}, theo thứ tự vào CLB.",
            "Họ tên là hư cấu. Ai chỉ biết năm sinh thì ghi birth_year.",
        ]
    )
    for person in roster.people:
        lines += block_record(member_record(person))
    return lines


def loans_lines(spec: Spec, funds: Funds) -> list[str]:
    lines = header(
        [
            f"Các khoản vay từ Quỹ tăng thu nhập của {club_name(spec)}, với các lần trả nợ.",
            "Lãi suất tính theo %/tháng; hạn trả là ngày giải ngân cộng thời hạn (tháng).",
        ]
    )
    for loan in funds.loans:
        record: dict[str, object] = {
            "id": loan.id,
            "member": loan.member,
            "amount": loan.amount,
            "monthly_interest": loan.rate,
            "term_months": loan.term,
            "disbursed": loan.disbursed,
            "purpose": loan.purpose,
            "schedule": Rows({"date": d, "principal": p} for d, p in loan.schedule)
            if loan.schedule
            else None,
            "repayments": Rows(
                {"date": d, "principal": p, "interest": i} for d, p, i in loan.repayments
            )
            if loan.repayments
            else None,
            "written_off": {"date": loan.written_off[0], "reason": loan.written_off[1]}
            if loan.written_off
            else None,
        }
        lines += block_record(record)
    if not funds.loans:
        lines.append("[]")
    return lines


def ledger_lines(spec: Spec, funds: Funds) -> list[str]:
    lines = header(
        [
            f"Sổ quỹ của {club_name(spec)}: tiền vào (+, source) và tiền ra (-, use) của hai quỹ,",
            "và số dư kiểm quỹ cuối năm (balance). Tiền cho vay, thu nợ và lãi ghi ở loans.yaml.",
        ]
    )
    entries = sorted(
        [*funds.ledger, *funds.balances],
        key=lambda e: (e.date, e.note is not None and e.note.startswith("Kiểm quỹ")),
    )
    for entry in entries:
        row: dict[str, object] = {"date": entry.date, "fund": entry.fund}
        if entry.note is not None and entry.note.startswith("Kiểm quỹ"):
            row["balance"] = entry.amount
        else:
            row.update(amount=entry.amount, source=entry.source, use=entry.use)
        row["note"] = entry.note
        lines.append(f"- {flow_map(row)}")
    if not entries:
        lines.append("[]")
    return lines


def meeting_record(meeting: Meeting) -> dict[str, object]:
    return {
        "date": meeting.date,
        "kind": None if meeting.kind == "regular" else meeting.kind,
        "reason": meeting.reason,
        "activities": meeting.activities or None,
        "attendance": Wrapped(meeting.attendance) if meeting.attendance else None,
        "health_checks": Rows(meeting.checks) if meeting.checks else None,
        "home_care_visits": Rows(meeting.visits) if meeting.visits else None,
        "note": meeting.note,
    }


def meetings_files(spec: Spec, meetings: list[Meeting]) -> dict[int, list[str]]:
    files: dict[int, list[str]] = {}
    for meeting in meetings:
        year = meeting.date.year
        if year not in files:
            files[year] = header(
                [
                    f"Sinh hoạt năm {year} của {club_name(spec)}.",
                    "Mỗi buổi: ngày, hoạt động, điểm danh, kiểm tra sức khỏe"
                    " (cân nặng kg, huyết áp mmHg, đường huyết mmol/L), thăm hỏi tại nhà.",
                ]
            )
        files[year] += block_record(meeting_record(meeting))
    return files


FICTIONAL = """\
# Dữ liệu hư cấu — fictional data

Mọi tên người, ngày sinh, hộ gia đình, khoản vay và số đo trong thư mục này đều là bịa
đặt, để minh họa và kiểm thử. Mọi kết quả lstg làm từ thư mục có tệp này đều ghi rõ là
dữ liệu hư cấu. Đừng dùng chúng để báo cáo.

Every name, birth date, household, loan and measurement in this folder is invented, for
demonstration and tests. Everything lstg makes from a folder holding this file says that
its data are fictional. Do not report them.
"""
"""The marker of fictional data (lstg.core.resources.FICTIONAL_MARKER): everything lstg makes
from the folder says that its data are invented."""


def generate(target: Path, seed: str = SEED) -> None:
    """Write the whole data set into ``target``."""
    units = read_units()
    target.mkdir(parents=True, exist_ok=True)
    write(target / "province.yaml", province_lines(units))
    clubs_dir = target / "clubs"
    if clubs_dir.exists():
        shutil.rmtree(clubs_dir)
    for spec in SPECS:
        rng = random.Random(f"{seed}:{spec.id}")
        district = (
            units.district_of(AFTER, units.code_of(AFTER, spec.commune))
            if (spec.new_era)
            else spec.district
        )
        roster = make_roster(rng, spec, district)
        meetings = Planner(rng, spec, roster).plan()
        funds = make_funds(rng, spec, roster, meetings)
        apply_privacy(seed, spec, roster, meetings)
        folder = clubs_dir / spec.id
        write(folder / "club.yaml", club_lines(spec, units, roster, funds))
        write(folder / "members.yaml", members_lines(spec, roster))
        write(folder / "loans.yaml", loans_lines(spec, funds))
        write(folder / "ledger.yaml", ledger_lines(spec, funds))
        for year, lines in meetings_files(spec, meetings).items():
            write(folder / "meetings" / f"{year}.yaml", lines)
    readme = readme_text(target)
    (target / "README.md").write_bytes(readme.encode("utf-8"))
    (target / "FICTIONAL.md").write_bytes(FICTIONAL.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", nargs="?", type=Path, default=ROOT / "data")
    parser.add_argument("--seed", default=SEED)
    args = parser.parse_args(argv)
    generate(args.target, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
