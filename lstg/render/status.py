"""Rendering ``lstg status``: a table per unit for people, JSON for tools."""

from __future__ import annotations

import json
from typing import Any

from tabulate import tabulate

from lstg.core import format as fmt
from lstg.core.i18n import _
from lstg.indicators.completeness import Completeness, MonthState
from lstg.indicators.status import ClubStatus, StatusRun, UnitStatus

_MARKS: dict[MonthState, str] = {"held": "✓", "skipped": "N", "missing": "✗", "not_owed": "·"}
_MONTH_COLUMNS = 12
"""Up to this many months, a column each; a longer period has a column per year."""


def _done(done: Completeness, language: str) -> str:
    if not done.months_expected:
        return "–"
    return (
        f"{fmt.number(done.months_recorded, language)}/{fmt.number(done.months_expected, language)}"
    )


def _columns(run: StatusRun, language: str) -> list[str]:
    months = [m for m, _ in run.units[0].clubs[0].months] if run.units else []
    if len(months) <= _MONTH_COLUMNS:
        return [f"{m.month:02d}" for m in months]
    return sorted({str(m.year) for m in months})


def _cells(club: ClubStatus, columns: list[str], language: str) -> list[str]:
    if columns and len(columns[0]) == 2:
        return [_MARKS[state] for _, state in club.months]
    cells = []
    for year in columns:
        states = [s for m, s in club.months if str(m.year) == year]
        owed = [s for s in states if s != "not_owed"]
        recorded = [s for s in owed if s in ("held", "skipped")]
        cells.append(f"{len(recorded)}/{len(owed)}" if owed else "·")
    return cells


def _unit_name(unit: UnitStatus) -> str:
    return unit.unit.name if unit.unit is not None else _("Clubs that cannot be placed")


_PREFIXES = ("CLB Liên thế hệ tự giúp nhau ", "Câu lạc bộ Liên thế hệ tự giúp nhau ")


def _short(name: str) -> str:
    """A club's name without the words every club's name starts with."""
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def render_text(run: StatusRun, language: str) -> str:
    """One table: for each unit, its clubs with a mark per month (or a count per year), the
    months recorded of those owed, the latest record and how many months it is behind."""
    lines = [
        _("Meeting records sent, period {period} ({start} – {end})").format(
            period=run.period.label,
            start=fmt.short_date(run.window.start, language),
            end=fmt.short_date(run.window.end, language),
        ),
        _("✓ meeting held · N skipped with a reason · ✗ owed, no record · “·” not owed"),
        _(
            "Total: {done} club-months with records ({share}); {count} clubs without any record."
        ).format(
            done=_done(run.done, language),
            share=fmt.percent(run.done.share, language),
            count=fmt.number(len(run.done.not_reporting), language),
        ),
    ]
    if not run.units:
        lines += ["", _("No club in the period.")]
        return "\n".join(lines)
    columns = _columns(run, language)
    headers = [
        _("Unit"),
        _("Club"),
        *columns,
        _("Recorded"),
        _("Latest record"),
        _("Months behind"),
    ]
    rows = []
    for unit in run.units:
        label = f"{_unit_name(unit)} ({_done(unit.done, language)})"
        for index, club in enumerate(unit.clubs):
            rows.append(
                [
                    label if index == 0 else "",
                    f"{_short(club.name)} ({club.id})",
                    *_cells(club, columns, language),
                    _done(club.done, language),
                    fmt.short_date(club.last_record, language),
                    fmt.number(club.months_late, language),
                ]
            )
    lines += ["", tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)]
    return "\n".join(lines)


def _completeness(done: Completeness) -> dict[str, Any]:
    return {
        "months_expected": done.months_expected,
        "months_recorded": done.months_recorded,
        "share": None if done.share is None else round(done.share, 1),
        "clubs_not_reporting": list(done.not_reporting),
    }


def render_json(run: StatusRun) -> str:
    """``{"period", "units": [{"unit", "completeness", "clubs": [...]}], "completeness"}``."""
    units = []
    for unit in run.units:
        units.append(
            {
                "unit": None
                if unit.unit is None
                else {"level": unit.unit.level, "code": unit.unit.code, "name": unit.unit.name},
                "completeness": _completeness(unit.done),
                "clubs": [
                    {
                        "club": club.id,
                        "name": club.name,
                        "months": [
                            {"month": f"{m.year}-{m.month:02d}", "state": state}
                            for m, state in club.months
                        ],
                        "completeness": _completeness(club.done),
                        "last_record": club.last_record.isoformat() if club.last_record else None,
                        "months_behind": club.months_late,
                    }
                    for club in unit.clubs
                ],
            }
        )
    document = {
        "period": {
            "label": run.period.label,
            "start": run.window.start.isoformat(),
            "end": run.window.end.isoformat(),
        },
        "completeness": _completeness(run.done),
        "units": units,
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
