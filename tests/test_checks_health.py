"""Plausibility warnings: measurements and ages outside human ranges, with hints."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest_validate import CLUB, TODAY, copy_base, edit, isolated

from lstg.core.i18n import set_language
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
