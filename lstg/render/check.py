"""Rendering the result of ``lstg check``: tables for people, JSON for tools."""

from __future__ import annotations

import json
from typing import Any

from tabulate import tabulate

from lstg.check import CheckRun
from lstg.i18n import _, ngettext
from lstg.render import format as fmt
from lstg.rollup.indicators import Number
from lstg.rules import Verdict, status_label

_SYMBOLS = {"at_least": "≥", "at_most": "≤", "more_than": ">", "less_than": "<"}


def _plain(value: Number | None, unit: str) -> Number | None:
    """A value for JSON: counts as integers, shares with one decimal."""
    if value is None:
        return None
    if unit == "percent":
        return round(float(value), 1)
    if float(value).is_integer():
        return int(value)
    return round(float(value), 2)


def _target(verdict: Verdict) -> Number | list[Number | None]:
    target = verdict.target
    if isinstance(target, list):
        return [_plain(t, "count") for t in target]
    plain = _plain(target, "count")
    assert plain is not None
    return plain


def render_json(run: CheckRun, language: str) -> str:
    """``{"plan", "as_of", "period", "targets": [...], "clubs": [...]}``, indented."""
    result = run.result
    targets: list[dict[str, Any]] = []
    for verdict in result.targets:
        label = verdict.rule.label.get(language)
        if verdict.place is not None:
            label = f"{label} ({verdict.place.name})"
        targets.append(
            {
                "id": verdict.rule.id,
                "label": label,
                "scope": verdict.rule.scope,
                "unit": verdict.unit,
                "target": _target(verdict),
                "actual": _plain(verdict.actual, verdict.unit),
                "status": verdict.status,
            }
        )
    clubs: list[dict[str, Any]] = []
    for judged in result.clubs:
        assert judged.club.club is not None
        clubs.append(
            {
                "club": judged.club.id,
                "name": judged.club.club.name,
                "criteria": [
                    {
                        "id": v.rule.id,
                        "actual": _plain(v.actual, v.unit),
                        "target": _target(v),
                        "status": v.status,
                    }
                    for v in judged.verdicts
                ],
                "well_managed": judged.well_managed,
            }
        )
    document = {
        "plan": result.plan.id,
        "as_of": result.as_of.isoformat(),
        "period": {
            "label": run.period_label,
            "start": result.period.start.isoformat(),
            "end": result.period.end.isoformat(),
        },
        "targets": targets,
        "clubs": clubs,
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def value_text(value: Number | None, unit: str, language: str) -> str:
    """A measured value as a person reads it."""
    if value is None:
        return "–"
    if unit == "percent":
        return fmt.percent(float(value), language)
    if unit == "dong":
        return fmt.money(int(value), language)
    if unit == "yes_no":
        return _("Yes") if value else _("No")
    return fmt.number(value, language)


def target_text(verdict: Verdict, language: str) -> str:
    """The bound as a person reads it: ``≥ 20``, ``50–70``, ``60–70%``, ``> 630``."""
    unit = verdict.unit
    rule = verdict.rule
    if unit == "yes_no":
        return _("Yes")

    def one(bound: float) -> str:
        if unit == "percent":
            return f"{fmt.number(bound, language)}%"
        return value_text(bound, unit, language)

    if rule.operator == "between":
        low, high = rule.bounds
        if unit == "percent":
            return f"{fmt.number(low, language)}–{one(high)}"
        return f"{one(low)}–{one(high)}"
    return f"{_SYMBOLS[rule.operator]} {one(rule.bounds[0])}"


def render_text(run: CheckRun, language: str) -> str:
    """The targets table, then a table of criteria for each club, made with tabulate."""
    result = run.result
    lines = [
        _("Plan: {name}").format(name=result.plan.name.get(language)),
        _("Figures as of {date}; period {start} – {end}").format(
            date=fmt.short_date(result.as_of, language),
            start=fmt.short_date(result.period.start, language),
            end=fmt.short_date(result.period.end, language),
        ),
    ]
    if run.data_errors:
        lines.append(
            ngettext(
                "The data has {count} error: records with errors are left out; run lstg validate.",
                "The data has {count} errors: records with errors are left out; run lstg validate.",
                run.data_errors,
            ).format(count=run.data_errors)
        )
    if result.targets:
        rows = []
        for verdict in result.targets:
            scope = verdict.place.name if verdict.place is not None else _("province")
            rows.append(
                [
                    verdict.rule.label.get(language),
                    scope,
                    value_text(verdict.actual, verdict.unit, language),
                    target_text(verdict, language),
                    status_label(verdict.status, language),
                ]
            )
        headers = [_("Target"), _("Scope"), _("Actual"), _("Target value"), _("Status")]
        lines += ["", _("Targets"), tabulate(rows, headers=headers, tablefmt="simple")]
        lines += _to_do(result.targets, language)
    has_criteria = any(rule.scope == "club" for rule in result.plan.rules)
    if not result.targets and not (has_criteria and result.clubs):
        lines += ["", _("The plan has no target or criterion for what was chosen.")]
    for judged in result.clubs if has_criteria else []:
        assert judged.club.club is not None
        manage = _("well managed") if judged.well_managed else _("not yet well managed")
        lines += ["", f"{judged.club.club.name} ({judged.club.id}): {manage}"]
        rows = [
            [
                v.rule.label.get(language),
                value_text(v.actual, v.unit, language),
                target_text(v, language),
                status_label(v.status, language),
            ]
            for v in judged.verdicts
        ]
        headers = [_("Criterion"), _("Actual"), _("Target value"), _("Status")]
        lines.append(tabulate(rows, headers=headers, tablefmt="simple"))
        lines += _to_do(judged.verdicts, language)
    return "\n".join(lines)


def _to_do(verdicts: list[Verdict], language: str) -> list[str]:
    """The instructions of the rules not met, once per rule, with the places that missed it."""
    places: dict[str, list[str]] = {}
    rules: dict[str, Verdict] = {}
    for verdict in verdicts:
        if verdict.status != "not_met" or verdict.rule.instruction is None:
            continue
        rules.setdefault(verdict.rule.id, verdict)
        if verdict.place is not None:
            places.setdefault(verdict.rule.id, []).append(verdict.place.name)
    if not rules:
        return []
    lines = [_("What to do:")]
    for rule_id, verdict in rules.items():
        assert verdict.rule.instruction is not None
        where = places.get(rule_id)
        suffix = f" ({fmt.and_list(where, language)})" if where else ""
        lines.append(
            f"- {verdict.rule.label.get(language)}{suffix}: "
            f"{verdict.rule.instruction.get(language)}"
        )
    return lines
