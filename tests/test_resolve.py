"""The one rule of plan, period and as-of date (docs/periods.md), and its refusals."""

from __future__ import annotations

from datetime import date

import pytest

from lstg.core.errors import UsageError
from lstg.core.i18n import using
from lstg.domain.periods import parse_period
from lstg.domain.resolve import resolve
from lstg.schema import Plan

TODAY = date(2026, 12, 1)


def plan(plan_id: str, start: str, end: str) -> Plan:
    return Plan.model_validate(
        {"id": plan_id, "name": {"vi": plan_id, "en": plan_id}, "start": start, "end": end}
    )


PLANS = {
    p.id: p
    for p in (
        plan("2016-2020", "2016-01-01", "2020-12-31"),
        plan("2021-2025", "2021-01-01", "2025-12-31"),
        plan("2026-2030", "2026-01-01", "2030-12-31"),
    )
}


def resolved(
    plan_id: str | None = None, period: str | None = None, as_of: date | None = None
) -> tuple[str | None, str, date]:
    found = resolve(
        PLANS,
        plan=plan_id,
        period=parse_period(period) if period else None,
        as_of=as_of,
        today=TODAY,
    )
    return (found.plan.id if found.plan else None, found.period.label, found.as_of)


@pytest.mark.parametrize(
    ("plan_id", "period", "as_of", "expected"),
    [
        (None, None, None, ("2026-2030", "2026", TODAY)),
        (None, None, date(2026, 11, 30), ("2026-2030", "2026", date(2026, 11, 30))),
        ("2021-2025", None, None, ("2021-2025", "2021..2025", date(2025, 12, 31))),
        ("2021-2025", None, date(2025, 12, 31), ("2021-2025", "2021..2025", date(2025, 12, 31))),
        (None, None, date(2025, 12, 31), ("2021-2025", "2025", date(2025, 12, 31))),
        (None, "2026-Q3", None, ("2026-2030", "2026-Q3", date(2026, 9, 30))),
        (None, "2026-Q4", None, ("2026-2030", "2026-Q4", TODAY)),
        (None, "2021..2025", None, ("2021-2025", "2021..2025", date(2025, 12, 31))),
        ("2016-2020", None, date(2020, 11, 30), ("2016-2020", "2016..2020", date(2020, 11, 30))),
        (None, "2025..2026", date(2026, 6, 30), ("2026-2030", "2025..2026", date(2026, 6, 30))),
    ],
)
def test_the_defaults(
    plan_id: str | None,
    period: str | None,
    as_of: date | None,
    expected: tuple[str | None, str, date],
) -> None:
    assert resolved(plan_id, period, as_of) == expected


@pytest.mark.parametrize(
    ("plan_id", "period", "as_of", "message"),
    [
        (None, None, date(2030, 1, 1), "The as-of date 1 January 2030 is after today"),
        (None, "2027", None, "The period 2027 has not started yet (it starts on 1 January 2027)."),
        (
            "2021-2025",
            None,
            date(2026, 6, 30),
            "The plan 2021-2025 runs from 1 January 2021 to 31 December 2025; the as-of "
            "date 30 June 2026 is outside it.",
        ),
        (
            None,
            "2024",
            date(2025, 1, 15),
            "The as-of date 15 January 2025 is outside the period 2024 "
            "(1 January 2024–31 December 2024).",
        ),
        ("1990-1995", None, None, "Unknown plan “1990-1995”. Known plans: 2016-2020"),
        (None, None, date(2015, 6, 1), "No plan holds the date 1 June 2015. Known plans:"),
    ],
)
def test_what_is_refused(
    plan_id: str | None, period: str | None, as_of: date | None, message: str
) -> None:
    with using("en"), pytest.raises(UsageError) as caught:
        resolved(plan_id, period, as_of)
    assert str(caught.value).startswith(message)


def test_a_report_without_a_plan_is_told_why() -> None:
    with using("vi"):
        found = resolve(
            PLANS, plan=None, period=None, as_of=date(2015, 6, 1), today=TODAY, require_plan=False
        )
    assert found.plan is None
    assert found.no_plan == (
        "Không có kế hoạch nào áp dụng cho ngày 01/06/2015. Các kế hoạch hiện có: "
        "2016-2020 (01/01/2016–31/12/2020), 2021-2025 (01/01/2021–31/12/2025), "
        "2026-2030 (01/01/2026–31/12/2030)"
    )
    assert (found.period.label, found.window.start, found.window.end) == (
        "2015",
        date(2015, 1, 1),
        date(2015, 6, 1),
    )
