"""Rendering the result of ``lstg check``: tables for people, JSON for tools."""

from __future__ import annotations

import json
from typing import Any

from tabulate import tabulate

from lstg.core import format as fmt
from lstg.core.i18n import _, ngettext
from lstg.criteria.check import CheckRun
from lstg.criteria.rules import Verdict, status_label
from lstg.criteria.words import actual_text, span_words, spans_text, target_text
from lstg.indicators.completeness import Completeness
from lstg.indicators.sets import Number


def _plain(value: Number | None, unit: str) -> Number | None:
    """A value for JSON: counts as integers, shares with one decimal."""
    if value is None:
        return None
    if unit == "percent":
        return round(float(value), 1)
    if float(value).is_integer():
        return int(value)
    return round(float(value), 2)


def _target(verdict: Verdict) -> Number | list[Number | None] | str:
    target = verdict.target
    if target is None:
        return "undecided"
    if isinstance(target, list):
        return [_plain(t, "count") for t in target]
    plain = _plain(target, "count")
    assert plain is not None
    return plain


def _verdict_json(verdict: Verdict, language: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": verdict.rule.id,
        "actual": _plain(verdict.actual, verdict.unit),
        "target": _target(verdict),
        "status": verdict.status,
        "actual_text": actual_text(verdict, language),
        "target_text": target_text(verdict, language),
        "window": {
            "start": verdict.window.start.isoformat(),
            "end": verdict.window.end.isoformat(),
        },
    }
    if verdict.detail:
        entry["detail"] = {k: _plain(v, "count") for k, v in verdict.detail.items()}
    if verdict.history:
        entry["years"] = [
            {"start": w.start.isoformat(), "end": w.end.isoformat(), "status": status}
            for w, status in verdict.history
        ]
    return entry


def completeness_json(done: Completeness, names: dict[str, str]) -> dict[str, Any]:
    """The completeness of the data as JSON: months owed and recorded, clubs without records."""
    return {
        "months_expected": done.months_expected,
        "months_recorded": done.months_recorded,
        "share": _plain(done.share, "percent"),
        "clubs_owing": done.clubs_owing,
        "clubs_not_reporting": [{"club": i, "name": names.get(i, i)} for i in done.not_reporting],
    }


def render_json(run: CheckRun, language: str) -> str:
    """``{"plan", "as_of", "period", "completeness", "targets": [...], "clubs": [...]}``."""
    result = run.result
    targets: list[dict[str, Any]] = []
    for verdict in result.targets:
        label = verdict.rule.label.get(language)
        if verdict.place is not None:
            label = f"{label} ({verdict.place.name})"
        entry = _verdict_json(verdict, language)
        targets.append(
            {
                "id": entry.pop("id"),
                "label": label,
                "scope": verdict.rule.scope,
                "unit": verdict.unit,
                **entry,
            }
        )
    clubs: list[dict[str, Any]] = []
    for judged in result.clubs:
        assert judged.club.club is not None
        clubs.append(
            {
                "club": judged.club.id,
                "name": judged.club.club.name,
                "criteria": [_verdict_json(v, language) for v in judged.verdicts],
                "well_managed": judged.well_managed,
            }
        )
    basis = result.basis
    document = {
        "plan": result.plan.id,
        "as_of": result.as_of.isoformat(),
        "period": {
            "label": run.period_label,
            "start": result.period.start.isoformat(),
            "end": result.period.end.isoformat(),
        },
        "criteria_judged_on": None
        if basis is None
        else {"start": basis.start.isoformat(), "end": basis.end.isoformat()},
        "completeness": completeness_json(run.completeness, _club_names(run)),
        "targets": targets,
        "clubs": clubs,
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _club_names(run: CheckRun) -> dict[str, str]:
    return {i: d.club.name for i, d in run.dataset.clubs.items() if d.club is not None}


def completeness_lines(done: Completeness, language: str) -> list[str]:
    """The completeness of the data in a sentence, and the clubs without records (by id)."""
    if not done.months_expected:
        return [_("No club owed records for a whole month of the period.")]
    lines = [
        _("Records: {recorded}/{expected} club-months ({share}).").format(
            recorded=fmt.number(done.months_recorded, language),
            expected=fmt.number(done.months_expected, language),
            share=fmt.percent(done.share, language),
        )
    ]
    if done.not_reporting:
        listed = list(done.not_reporting)
        lines.append(
            ngettext(
                "{count} club has no records for the period; its activities and loans show "
                "as no data: {clubs}.",
                "{count} clubs have no records for the period; their activities and loans "
                "show as no data: {clubs}.",
                len(listed),
            ).format(count=len(listed), clubs=fmt.and_list(listed, language))
        )
    return lines


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
    basis = result.basis
    if basis is not None:
        lines.append(
            _(
                "Club criteria over the period are judged on {span}; "
                "“Years” counts the years met in the period."
            ).format(span=span_words(basis, language))
        )
    lines += completeness_lines(run.completeness, language)
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
                    actual_text(verdict, language),
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
        with_years = any(v.history for v in judged.verdicts)
        rows = []
        for v in judged.verdicts:
            row = [
                v.rule.label.get(language),
                actual_text(v, language),
                target_text(v, language),
                status_label(v.status, language),
            ]
            if with_years:
                row.append(spans_text(v, language))
            rows.append(row)
        headers = [_("Criterion"), _("Actual"), _("Target value"), _("Status")]
        if with_years:
            headers.append(_("Years"))
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
