"""Plausibility warnings: measurements and ages outside human ranges, with hints."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from conftest_validate import CLUB, TODAY, copy_base, edit, isolated

from lstg.core.i18n import set_language
from lstg.core.problems import Problem
from lstg.dataset import ClubData
from lstg.schema.meeting import HealthRow, Meeting
from lstg.validate import health
from lstg.validate.common import ClubView
from lstg.validate.run import validate

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")

T = f"{CLUB}/meetings/2020.yaml"
M = f"{CLUB}/members.yaml"


def _warnings(root: Path) -> list[tuple[str, str, str | None]]:
    set_language("en")
    result = validate(root, today=date.fromisoformat(TODAY))
    assert result.ok
    return [(f"{p.line}:{p.column} {p.code}", p.message, p.hint) for p in result.problems]


def test_typing_errors_in_measurements_get_a_hint(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(
        root,
        T,
        "weight: 52.5\n      bp: 130/85\n      glucose: 6.1",
        "weight: 525\n      bp: 1300/85\n      glucose: 65",
    )
    assert _warnings(root) == [
        (
            "6:15 health.weight",
            "A weight of 525 kg for member M001 is outside 25–200 kg.",
            "Did you mean 52.5? The decimal point may be missing.",
        ),
        (
            "7:11 health.blood-pressure",
            "A blood pressure of 1300/85 for member M001 is outside 60–260 over 30–160 mmHg.",
            "Did you mean 130/85?",
        ),
        (
            "8:16 health.glucose",
            "A blood glucose of 65 mmol/L for member M001 is outside 2–35 mmol/L.",
            "Did you mean 6.5? The decimal point may be missing.",
        ),
    ]


def test_low_values_and_swapped_pressure(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, T, "      bp: 145/92", "      bp: 92/145\n      weight: 19\n      glucose: 0.5")
    assert _warnings(root) == [
        (
            "10:11 health.blood-pressure",
            "In the blood pressure 92/145 of member M004, the first (systolic) figure should "
            "be the higher.",
            "Did you mean 145/92?",
        ),
        ("11:15 health.weight", "A weight of 19 kg for member M004 is outside 25–200 kg.", None),
        (
            "12:16 health.glucose",
            "A blood glucose of 0.5 mmol/L for member M004 is outside 2–35 mmol/L.",
            None,
        ),
    ]


def test_ages_on_joining(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, M, "birth_year: 1955", "birth_year: 1905")
    edit(root, M, "birth_date: 1990-05-12", "birth_date: 2012-05-12")
    assert [w[:2] for w in _warnings(root)] == [
        (
            "4:15 member.too-old",
            "Member M001 would have been 114 years old on joining (2019-03-01).",
        ),
        (
            "22:15 member.too-young",
            "Member M003 would have been 6 years old on joining (2019-04-15), younger than 10.",
        ),
    ]


def test_real_but_alarming_measurements_pass(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(
        root,
        T,
        "weight: 52.5\n      bp: 130/85\n      glucose: 6.1",
        "weight: 31\n      bp: 210/120\n      glucose: 22.4",
    )
    assert _warnings(root) == []


def _reference_health(view: ClubView) -> list[Problem]:
    """Every check looked at in turn, as the plausibility rules say."""
    problems: list[Problem] = []
    for file, row, meeting in view.meetings():
        for index, check in enumerate(meeting.health_checks):
            where = (row, "health_checks", index)
            for found in (
                health._weight(file, where, check.member, check.weight),
                health._blood_pressure(file, where, check.member, check.bp),
                health._glucose(file, where, check.member, check.glucose),
            ):
                if found is not None:
                    problems.append(found)
    return problems


def _random_reading(rng: random.Random) -> HealthRow:
    def measure(plausible: tuple[float, float], wild: list[float]) -> float | None:
        roll = rng.random()
        if roll < 0.2:
            return None
        if roll < 0.97:
            return round(rng.uniform(*plausible), 1)
        return rng.choice(wild)

    bp: tuple[int, int] | None = None
    if rng.random() < 0.8:
        systolic = rng.choice([rng.randint(90, 180)] * 30 + [1300, 59, 60, 260, 261, 80])
        diastolic = rng.choice([rng.randint(55, 100)] * 30 + [29, 30, 160, 161, 900, systolic])
        bp = (systolic, diastolic)
    return HealthRow(
        rng.choice(["M001", "M002", "M003"]),
        measure((30.0, 90.0), [25.0, 200.0, 24.9, 200.1, 525.0, 19.0]),
        bp,
        measure((3.5, 12.0), [2.0, 35.0, 1.9, 35.1, 65.0, 0.5]),
    )


def test_random_readings_give_the_warnings_of_a_check_by_check_look() -> None:
    set_language("en")
    rng = random.Random(20261202)
    flagged = 0
    for _ in range(300):
        meetings = [
            Meeting.model_construct(
                date=date(2024, 1 + m % 12, 7),
                health_checks=[_random_reading(rng) for _ in range(rng.randint(0, 12))],
            )
            for m in range(rng.randint(0, 6))
        ]
        data = ClubData(
            id="clb-x",
            folder="clubs/clb-x",
            meetings=meetings,
            meeting_rows=[("clubs/clb-x/meetings/2024.yaml", i) for i in range(len(meetings))],
        )
        view = ClubView.of(data, date(2026, 12, 1))
        expected = _reference_health(view)
        assert health.check_health(view) == expected
        flagged += bool(expected)
    # Both kinds of club are met: with every reading plausible, and with some not.
    assert 50 < flagged < 250
