"""The report as JSON, for tools.

Money is whole đồng (integers); shares are percentages, 0–100 (``3.8`` for
3,8%), as the roll-up gives them; dates are ISO 8601.
"""

from __future__ import annotations

import json
from typing import Any

from lstg.indicators import Figures
from lstg.report.model import Change, Report, Target


def _figures(figures: Figures, *, keep_units: bool) -> dict[str, Any]:
    """The figures, and the numerator and denominator of each share under ``parts``."""
    values: dict[str, Any] = figures.as_dict()
    if not keep_units:
        values = {k: v for k, v in values.items() if k not in ("units_with_clubs", "units_total")}
    values["parts"] = {name: list(pair) for name, pair in figures.parts.items()}
    return values


def _change(c: Change) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "figure": c.key,
        "current": c.current,
        "previous": c.previous,
        "change": c.delta,
    }
    if c.parts is not None:
        entry["current_parts"], entry["previous_parts"] = (list(p) for p in c.parts)
    return entry


def _target(t: Target) -> dict[str, Any]:
    target: Any
    if not t.bounds:
        target = "undecided"
    else:
        target = list(t.bounds) if t.operator == "between" else t.bounds[0]
    entry: dict[str, Any] = {
        "id": t.id,
        "label": t.label,
        "unit": t.kind,
        "operator": t.operator,
        "target": target,
        "actual": t.actual,
        "status": t.status,
        "actual_text": t.actual_text,
        "target_text": t.target_text,
    }
    if t.years_text:
        entry["years"] = t.years_text
    if t.note:
        entry["note"] = t.note
    return entry


def _document(report: Report) -> dict[str, Any]:
    """The particulars of the document; ``null`` for what is not known (a blank)."""
    d = report.particulars
    return {
        "body_id": d.source,
        "superior": d.superior,
        "body": d.body,
        "place": d.place,
        "number": d.number,
        "symbol": d.symbol,
        "signed": d.signed.isoformat() if d.signed else None,
        "to": d.to,
        "copies": d.copies,
        "archive": d.archive,
        "signer": {"authority": d.authority, "position": d.position, "name": d.signer},
    }


def as_data(report: Report) -> dict[str, Any]:
    """The report as plain data in the documented JSON layout."""
    scope = report.scope
    p = report.provenance
    data: dict[str, Any] = {"fictional": True, "notice": report.notice} if report.fictional else {}
    data |= {
        "scope": {
            "level": scope.level,
            "name": scope.name.short if scope.level == "province" else scope.name.full,
            "code": scope.code,
            "full_name": scope.name.full,
        },
        "period": {
            "label": report.period_label,
            "start": report.start.isoformat(),
            "end": report.end.isoformat(),
        },
        "as_of": report.as_of.isoformat(),
        "document": _document(report),
        "language": report.lang,
        "plan": report.plan_id,
        "no_plan": report.no_plan,
        "criteria_judged_on": report.criteria_basis,
        "completeness": None
        if report.completeness is None
        else {
            "months_expected": report.completeness.months_expected,
            "months_recorded": report.completeness.months_recorded,
            "share": report.completeness.share,
            "clubs_not_reporting": [n.name for n in report.not_reporting],
        },
        "shares": "percent",
        "data_errors": report.data_errors,
        "totals": _figures(report.totals, keep_units=True),
        "units_without_clubs": [n.full for n in report.units_without_clubs],
        "rows": [
            {
                "unit": row.name.short,
                "name": row.name.full,
                "code": row.code,
                "level": report.row_level,
                **_figures(row.figures, keep_units=False),
            }
            for row in report.rows
        ],
        "targets": [_target(t) for t in report.targets],
        "unit_targets": [
            {
                "unit": u.name.short,
                "name": u.name.full,
                "code": u.code,
                "targets": [_target(t) for t in u.by_rule.values()],
            }
            for u in report.unit_targets
        ],
        "previous_period": {
            "label": report.previous_label,
            "start": report.previous_start.isoformat(),
            "end": report.previous_end.isoformat(),
        },
        "changes": [_change(c) for c in report.changes],
        "provenance": {
            "commit": p.commit,
            "dirty": p.dirty,
            "generated_at": p.generated_at.isoformat(),
            "lstg_version": p.lstg_version,
        },
    }
    if report.sources:
        data["sources"] = [
            {
                "file": s.file,
                "province": s.province,
                "commit": s.commit,
                "generated_at": s.generated_at,
            }
            for s in report.sources
        ]
    if report.members is not None:
        data["members"] = [
            {
                "id": m.id,
                "name": m.name,
                "gender": m.gender,
                "birth_year": m.birth_year,
                "joined": m.joined.isoformat(),
                "board_role": m.board_role,
                "has_borrowed": m.borrowed,
            }
            for m in report.members
        ]
    return data


def render_json(report: Report) -> str:
    """The report as indented JSON text, keeping Vietnamese letters as they are."""
    return json.dumps(as_data(report), ensure_ascii=False, indent=2) + "\n"
