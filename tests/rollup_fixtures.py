"""Tiny data folders written inline, for the roll-up, rules, places and check tests.

The province has two eras: ``old`` (to 2025-06-30) with districts D1 and D2 and
communes 001, 002 (D1) and 003 (D2); ``new`` (from 2025-07-01) with communes
101 (from 001 and 002) and 102 (from 003, and 002 in part: a split).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from lstg.dataset import DataSet
from lstg.dataset.loader import load_dataset

PROVINCE: dict[str, Any] = {
    "name": "Tỉnh Thử",
    "code": "99",
    "language": "vi",
    "eras": [
        {
            "id": "old",
            "name": "Trước 1/7/2025",
            "valid_to": "2025-06-30",
            "districts": [
                {"code": "901", "name": "Huyện Chi Lăng"},
                {"code": "902", "name": "Thành phố Lạng Sơn"},
            ],
            "communes": [
                {"code": "001", "name": "Thị trấn Đồng Mỏ", "district": "901", "becomes": ["101"]},
                {
                    "code": "002",
                    "name": "Xã Hòa Bình",
                    "district": "901",
                    "becomes": ["101", "102"],
                },
                {"code": "003", "name": "Phường Vĩnh Trại", "district": "902", "becomes": ["102"]},
            ],
        },
        {
            "id": "new",
            "name": "Từ 1/7/2025",
            "valid_from": "2025-07-01",
            "communes": [
                {"code": "101", "name": "Xã Chi Lăng"},
                {"code": "102", "name": "Phường Đông Kinh"},
            ],
        },
    ],
}


def dump(value: Any) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.representer.ignore_aliases = lambda _data: True
    out = io.StringIO()
    yaml.dump(value, out)
    return out.getvalue()


def member(
    index: int,
    *,
    gender: str = "female",
    birth_year: int | None = 1950,
    birth_date: str | None = None,
    joined: str = "2019-01-01",
    left: str | None = None,
    volunteer: bool = False,
) -> dict[str, Any]:
    """One member record, ``M001`` for index 1."""
    record: dict[str, Any] = {
        "id": f"M{index:03d}",
        "name": f"Thành viên {index}",
        "gender": gender,
        "joined": joined,
    }
    if birth_date is not None:
        record["birth_date"] = birth_date
    elif birth_year is not None:
        record["birth_year"] = birth_year
    if left is not None:
        record["left"] = {"date": left, "reason": "chuyển đi"}
    if volunteer:
        record["home_care_volunteer"] = True
    return record


def members(
    count: int,
    *,
    women: int | None = None,
    older: int | None = None,
    start: int = 1,
    joined: str = "2019-01-01",
) -> list[dict[str, Any]]:
    """``count`` members: the first ``women`` are women, the first ``older`` born in 1950
    (the rest in 1990); all women and all older by default."""
    women = count if women is None else women
    older = count if older is None else older
    return [
        member(
            start + i,
            gender="female" if i < women else "male",
            birth_year=1950 if i < older else 1990,
            joined=joined,
        )
        for i in range(count)
    ]


def club(
    name: str = "CLB Thử",
    *,
    commune: str = "001",
    era: str = "old",
    founded: str = "2019-01-01",
    launched: str | None = "2019-02-01",
    board: Iterable[str] = (),
    funds: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    """One club file."""
    record: dict[str, Any] = {
        "name": name,
        "commune": {"code": commune, "era": era},
        "founded": founded,
    }
    if launched is not None:
        record["launched"] = launched
    seats = [{"member": m, "role": "member", "start": founded} for m in board]
    if seats:
        record["board"] = seats
    if funds:
        record["funds"] = {
            "income": {"name": "Quỹ tăng thu nhập", "opened": founded},
            "activity": {"name": "Quỹ hoạt động", "opened": founded},
        }
        record["fund_regulations"] = founded
    record.update(extra)
    return record


def monthly_meetings(
    first: date, last: date, *, attendance: list[str] | None = None, **extra: Any
) -> list[dict[str, Any]]:
    """A regular meeting on the 10th of every month from ``first`` to ``last``."""
    meetings: list[dict[str, Any]] = []
    day = first.replace(day=10)
    while day <= last:
        meeting: dict[str, Any] = {"date": day.isoformat()}
        if attendance is not None:
            meeting["attendance"] = attendance
        meeting.update(extra)
        meetings.append(meeting)
        day = (day.replace(day=28) + timedelta(days=5)).replace(day=10)
    return meetings


def write_club(
    root: Path,
    club_id: str,
    club_record: dict[str, Any],
    member_records: list[dict[str, Any]],
    *,
    loans: list[dict[str, Any]] | None = None,
    ledger: list[dict[str, Any]] | None = None,
    meetings: list[dict[str, Any]] | None = None,
) -> None:
    folder = root / "clubs" / club_id
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "club.yaml").write_text(dump(club_record), encoding="utf-8")
    (folder / "members.yaml").write_text(dump(member_records), encoding="utf-8")
    if loans is not None:
        (folder / "loans.yaml").write_text(dump(loans), encoding="utf-8")
    if ledger is not None:
        (folder / "ledger.yaml").write_text(dump(ledger), encoding="utf-8")
    if meetings is not None:
        by_year: dict[str, list[dict[str, Any]]] = {}
        for meeting in meetings:
            by_year.setdefault(str(meeting["date"])[:4], []).append(meeting)
        (folder / "meetings").mkdir(exist_ok=True)
        for year, entries in by_year.items():
            (folder / "meetings" / f"{year}.yaml").write_text(dump(entries), encoding="utf-8")


def write_province(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "province.yaml").write_text(dump(PROVINCE), encoding="utf-8")


def write_plan(root: Path, plan: dict[str, Any]) -> None:
    (root / "plans").mkdir(parents=True, exist_ok=True)
    (root / "plans" / f"{plan['id']}.yaml").write_text(dump(plan), encoding="utf-8")


def load(root: Path) -> DataSet:
    """Load a folder written by these helpers; fails the test on any data error."""
    dataset = load_dataset(root)
    errors = [p for p in dataset.problems if p.is_error]
    assert not errors, errors
    return dataset
