"""Every figure of random provinces, computed a second time, plainly, agrees to the unit
with ``lstg report``, ``lstg check`` and ``lstg export rollup``.

The provinces (tests/random_provinces.py) hold what trips figures up: dissolved and
suspended clubs (some on the as-of date), clubs founded after the reform in a commune
whose code the new era reuses, members turning 60 or leaving on the as-of date, loans
29 to 32 days overdue and written off, clubs whose records stop before the period.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest_edit import run
from random_provinces import TARGETS, TODAY, Oracle, World, make_world

from lstg.validate.run import validate

SEEDS = range(40)

COUNTS = [
    "clubs",
    "clubs_operating",
    "clubs_preparing",
    "members",
    "members_older",
    "members_women",
    "members_young",
    "board_members",
    "borrowers",
    "loans_disbursed",
    "loans_disbursed_amount",
    "principal_outstanding",
    "fund_income",
    "fund_activity",
    "meetings_held",
    "members_health_checked",
    "months_expected",
    "months_recorded",
    "clubs_not_reporting",
]
SHARES = ["borrower_share", "par30", "completeness", "hypertensive_share"]


def _same(expected: Any, got: Any, what: str) -> None:
    if expected is None or got is None:
        assert got == expected, what
    elif isinstance(expected, float):
        assert got == pytest.approx(expected, abs=1e-9), what
    else:
        assert got == expected, what


def _lstg(*args: str) -> Any:
    code, out = run(*args)
    assert code == 0, out
    return json.loads(out[: out.rindex("}") + 1] if out.lstrip().startswith("{") else out)


@pytest.fixture(scope="module", params=SEEDS)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[World, Path]:
    made = make_world(request.param)
    root = made.write(tmp_path_factory.mktemp(f"province-{request.param}") / "data")
    errors = [str(p) for p in validate(root, today=TODAY).problems if p.is_error]
    assert errors == [], errors
    return made, root


def _options(made: World, root: Path) -> tuple[str, ...]:
    return ("--data", str(root), "--period", made.period, "--as-of", made.as_of.isoformat())


def test_report_totals_and_rows(world: tuple[World, Path]) -> None:
    made, root = world
    oracle = Oracle(made)
    data = _lstg("report", "--province", "--format", "json", *_options(made, root))
    expected = oracle.totals()
    for name in [*COUNTS, *SHARES]:
        _same(expected[name], data["totals"][name], f"totals.{name} ({made.period}, {made.as_of})")
    for name in ("units_with_clubs", "units_total"):
        _same(expected[name], data["totals"][name], f"totals.{name} ({made.period}, {made.as_of})")
    rows = {row["code"]: row for row in data["rows"]}
    expected_rows = oracle.rows()
    assert sorted(rows) == sorted(expected_rows)
    for code, figures in expected_rows.items():
        for name in [*COUNTS, *SHARES]:
            _same(figures[name], rows[code][name], f"row {code}.{name}")


def test_export_rollup_gives_the_same_figures(world: tuple[World, Path]) -> None:
    made, root = world
    oracle = Oracle(made)
    exported = _lstg("export", "rollup", "--province", "--format", "json", *_options(made, root))
    rows = {row["code"]: row for row in exported["rollup"]}
    expected = oracle.totals()
    for name in [*COUNTS, *SHARES]:
        _same(expected[name], rows["98"][name], f"export total {name}")
    for code, figures in oracle.rows().items():
        for name in COUNTS:
            _same(figures[name], rows[code][name], f"export row {code}.{name}")


def test_check_measures_each_target_as_the_report_does(world: tuple[World, Path]) -> None:
    made, root = world
    oracle = Oracle(made)
    checked = _lstg("check", "--format", "json", *_options(made, root))
    expected = oracle.totals()
    actual = {t["id"]: t["actual"] for t in checked["targets"]}
    for rule, figure in TARGETS.items():
        want = expected[figure]
        if isinstance(want, float):
            want = round(want, 1)
        _same(want, actual[rule], f"check {rule}")
    done = checked["completeness"]
    assert (done["months_expected"], done["months_recorded"]) == (
        expected["months_expected"],
        expected["months_recorded"],
    )
