"""The bundled data set gives the seed's own figures, through the one roll-up layer."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from test_cli_check import run_check

from lstg.criteria.rules import evaluate
from lstg.dataset import DataSet
from lstg.dataset.loader import load_dataset
from lstg.domain.periods import Window
from lstg.indicators import FIGURE_NAMES, INDICATORS, rollup

DATA = Path(__file__).resolve().parent.parent / "data"
NOVEMBER_2020 = Window(date(2020, 1, 1), date(2020, 11, 30))


@pytest.fixture(scope="module")
def bundled() -> DataSet:
    return load_dataset(DATA)


def test_province_totals_as_of_30_november_2020(bundled: DataSet) -> None:
    totals = rollup(bundled, level="province", unit=None, window=NOVEMBER_2020).totals
    assert {
        "clubs": totals.clubs,
        "clubs_operating": totals.clubs_operating,
        "clubs_preparing": totals.clubs_preparing,
        "units_with_clubs": totals.units_with_clubs,
        "units_total": totals.units_total,
        "members": totals.members,
        "members_older": totals.members_older,
        "board_members": totals.board_members,
        "borrowers": totals.borrowers,
    } == {
        "clubs": 18,
        "clubs_operating": 16,
        "clubs_preparing": 2,
        "units_with_clubs": 9,
        "units_total": 11,
        "members": 898,
        "members_older": 630,
        "board_members": 90,
        "borrowers": 35,
    }
    assert totals.borrower_share == pytest.approx(100 * 35 / 898)


def test_clubs_by_district_as_the_seed_counts_them(bundled: DataSet) -> None:
    result = rollup(bundled, level="province", unit=None, window=NOVEMBER_2020)
    assert {r.name: r.figures.clubs for r in result.rows} == {
        "Thành phố Lạng Sơn": 1,
        "Huyện Tràng Định": 0,
        "Huyện Bình Gia": 2,
        "Huyện Văn Lãng": 2,
        "Huyện Cao Lộc": 2,
        "Huyện Văn Quan": 1,
        "Huyện Bắc Sơn": 2,
        "Huyện Hữu Lũng": 1,
        "Huyện Chi Lăng": 6,
        "Huyện Lộc Bình": 0,
        "Huyện Đình Lập": 1,
    }
    assert sum(r.figures.members for r in result.rows) == 898
    van_lang = rollup(bundled, level="district", unit="van lang", window=NOVEMBER_2020)
    assert [(r.code, r.figures.clubs_preparing) for r in van_lang.rows] == [
        ("van-lang-hoang-van-thu", 1),
        ("van-lang-hoang-viet", 1),
    ]


def test_2021_2025_targets_give_a_mix_of_statuses(bundled: DataSet) -> None:
    plan = bundled.plans["2021-2025"]
    result = evaluate(
        bundled, plan, as_of=date(2025, 12, 31), period=Window(date(2025, 1, 1), date(2025, 12, 31))
    )
    statuses = {v.rule.id: v.status for v in result.targets}
    assert statuses["districts"] == "met"
    assert statuses["new-clubs"] == "exceeded"
    assert {"met", "exceeded", "not_met"} <= set(statuses.values())
    well_managed = sum(1 for c in result.clubs if c.well_managed)
    share = next(v.actual for v in result.targets if v.rule.id == "well-managed")
    assert share == pytest.approx(100 * well_managed / len(result.clubs))


def test_2021_2025_province_targets_at_the_end_of_the_phase(bundled: DataSet) -> None:
    plan = bundled.plans["2021-2025"]
    result = evaluate(
        bundled, plan, as_of=date(2025, 12, 31), period=Window(date(2025, 1, 1), date(2025, 12, 31))
    )
    province = [
        (v.rule.id, round(v.actual, 1) if v.actual is not None else None, v.status)
        for v in result.targets
        if v.rule.scope == "province"
    ]
    assert province == [
        ("districts", 11, "met"),
        ("new-clubs", 20, "exceeded"),
        ("new-members", 1031, "not_met"),
        ("new-members-older", 668, "met"),
        ("previous-clubs-operating", 100.0, "met"),
        ("well-managed", 47.4, "not_met"),
        ("borrowers", 45.3, "not_met"),
        ("funds", 86.8, "not_met"),
    ]


def test_check_2016_2020_gives_the_seed_verdict() -> None:
    code, out, _err = run_check(
        "--data", str(DATA), "--plan", "2016-2020", "--as-of", "2020-11-30", "--format", "json"
    )
    assert code == 0
    targets = {t["id"]: (t["target"], t["actual"], t["status"]) for t in json.loads(out)["targets"]}
    assert targets == {
        "clubs": (20, 18, "not_met"),
        "districts": (8, 9, "exceeded"),
        "members": (300, 898, "exceeded"),
        "members-older": (200, 630, "exceeded"),
    }


@pytest.mark.parametrize(
    ("start", "end", "child", "rows"),
    [
        (date(2021, 1, 1), date(2025, 6, 30), None, 11),
        (date(2025, 7, 1), date(2025, 12, 31), None, 65),
        (date(2021, 1, 1), date(2025, 12, 31), "district", 11),
    ],
)
def test_rows_add_up_to_the_totals(
    bundled: DataSet, start: date, end: date, child: str | None, rows: int
) -> None:
    result = rollup(
        bundled,
        level="province",
        unit=None,
        window=Window(start, end),
        child_level=child,  # type: ignore[arg-type]
    )
    assert len(result.rows) == (
        65 if end.year == 2025 and end.month == 12 and child is None else 11
    )
    for name in FIGURE_NAMES:
        if INDICATORS[name].combine == "sum":
            total = getattr(result.totals, name)
            assert sum(getattr(r.figures, name) for r in result.rows) == total, name
