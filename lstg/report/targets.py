"""The targets table of a report: the plan's rules as ``lstg check`` evaluates them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from lstg.criteria.rules import Verdict, evaluate, evaluate_club
from lstg.criteria.words import actual_text, spans_text, target_text
from lstg.domain.periods import Window
from lstg.domain.places import Unit
from lstg.indicators.facts import AnyClub, Clubs
from lstg.report.model import Kind, Target, UnitTargets
from lstg.report.names import split_name
from lstg.schema import Plan

_KINDS: dict[str, Kind] = {"count": "count", "percent": "percent", "dong": "money"}


def _target(verdict: Verdict, language: str) -> Target:
    rule = verdict.rule
    return Target(
        id=rule.id,
        label=rule.label.get(language),
        indicator=rule.indicator,
        kind=_KINDS.get(verdict.unit, "number"),
        operator=rule.operator,
        bounds=rule.limits,
        actual=verdict.actual,
        status=verdict.status,
        actual_text=actual_text(verdict, language),
        target_text=target_text(verdict, language),
        years_text=spans_text(verdict, language),
        note=rule.note.get(language) if rule.note else None,
    )


def unit_targets(
    dataset: Clubs,
    plan: Plan,
    *,
    place: Unit | None,
    as_of: date,
    period: Window,
    language: str,
) -> tuple[list[Target], list[UnitTargets]]:
    """The targets of the province (``place`` is ``None``) or of one district or commune,
    and, for the province, the district or commune targets measured on each unit."""
    result = evaluate(dataset, plan, as_of=as_of, period=period, clubs=[], place=place)
    own: Sequence[Verdict] = [v for v in result.targets if v.place == place]
    by_unit: dict[Unit, dict[str, Target]] = {}
    if place is None:
        for verdict in result.targets:
            if verdict.place is not None:
                by_unit.setdefault(verdict.place, {})[verdict.rule.id] = _target(verdict, language)
    units = [
        UnitTargets(split_name(unit.name), unit.code, targets) for unit, targets in by_unit.items()
    ]
    return [_target(v, language) for v in own], units


def club_targets(
    plan: Plan, data: AnyClub, *, as_of: date, period: Window, language: str
) -> list[Target]:
    """The plan's quality criteria measured on one club."""
    verdicts = evaluate_club(plan, data, as_of=as_of, period=period)
    return [_target(v, language) for v in verdicts.verdicts]


def member_band(plan: Plan) -> tuple[float, float] | None:
    """The plan's bounds of a club's number of members (a club criterion), if it has them."""
    for rule in plan.rules:
        limits = rule.limits
        if rule.scope == "club" and rule.indicator == "members" and len(limits) == 2:
            return (limits[0], limits[1])
    return None
