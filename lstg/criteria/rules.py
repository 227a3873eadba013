"""The plan's criteria and targets, evaluated on roll-up figures.

A rule of a plan file names an indicator of :data:`lstg.indicators.INDICATORS`, a
window, an operator and bounds (see :mod:`lstg.schema.plan`). Evaluating it
gives a :class:`Verdict` with one of four statuses:

=========== =========== ==========================================================
status      Vietnamese  meaning
=========== =========== ==========================================================
met         Đạt         the bound is reached exactly, or the value is inside it
exceeded    Vượt        strictly beyond the bound, on the good side
not_met     Chưa đạt    short of the bound, or outside a ``between`` range
no_data     Không có    no value (a share of nothing, a club with no whole month
            số liệu     since launch, a club without records), when the rule's
                        ``missing`` says so
undecided   Chưa ban    the plan has no bounds for it yet (``bounds: undecided``):
            hành        the value is measured and shown, without a verdict
=========== =========== ==========================================================

Operators: ``at_least b`` is met at ``b`` and exceeded above it; ``at_most b``
is met at ``b`` and exceeded below it; ``between a b`` is met inside the range,
both ends included, and never exceeded; ``more_than b`` and ``less_than b`` are
met strictly beyond ``b`` and never exceeded, since the bound itself is not
enough.

A club criterion over the period (``window: period``) is judged on a year at
most. Over a longer period — the review of a phase, ``2021..2025`` — it is
judged on each span of twelve months ending at the as-of date, going back
(the calendar years 2025, 2024, … for a phase reviewed as of 31/12/2025); the
verdict is the last span's, and the verdicts of the earlier spans are kept as
the club's history ("met in 3 of 5 years"). A shorter remainder at the start of
the period is not judged. The report states which span its verdicts are of.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from lstg.domain.periods import Window
from lstg.domain.places import Unit, units, units_within
from lstg.indicators import (
    INDICATORS,
    SINCE_FOUNDING,
    Selection,
    club_value,
    clubs_in,
    set_value,
)
from lstg.indicators.facts import AnyClub, Clubs
from lstg.indicators.registry import measurable, ratio_parts
from lstg.indicators.sets import Number
from lstg.schema import Plan, Rule
from lstg.schema.loan import add_months

Status = Literal["met", "exceeded", "not_met", "no_data", "undecided"]

STATUS_LABELS: dict[Status, dict[str, str]] = {
    "met": {"vi": "Đạt", "en": "Met"},
    "exceeded": {"vi": "Vượt", "en": "Exceeded"},
    "not_met": {"vi": "Chưa đạt", "en": "Not met"},
    "no_data": {"vi": "Chưa có số liệu", "en": "No data"},
    "undecided": {"vi": "Chưa ban hành mục tiêu", "en": "Target not yet set"},
}
"""How each status reads, in each language."""

_EPSILON = 1e-9


def status_label(status: Status, language: str) -> str:
    return STATUS_LABELS[status]["en" if language == "en" else "vi"]


def judge(rule: Rule, value: Number | None) -> Status | None:
    """The status of ``value`` under ``rule``; ``None`` when the rule is to be skipped.

    Values within 1e-9 of a bound count as equal to it, so that a share
    computed as 100 × 42 ÷ 60 is exactly 70%. A rule whose bounds are
    ``undecided`` is ``undecided`` whatever the value.
    """
    if value is None:
        if rule.missing == "skip":
            return None
        if not rule.decided:
            return "undecided"
        return "not_met" if rule.missing == "not_met" else "no_data"
    if not rule.decided:
        return "undecided"
    low = rule.limits[0]
    if rule.operator == "between":
        high = rule.limits[1]
        return "met" if low - _EPSILON <= value <= high + _EPSILON else "not_met"
    if rule.operator == "at_least":
        if abs(value - low) <= _EPSILON:
            return "met"
        return "exceeded" if value > low else "not_met"
    if rule.operator == "at_most":
        if abs(value - low) <= _EPSILON:
            return "met"
        return "exceeded" if value < low else "not_met"
    if rule.operator == "more_than":
        return "met" if value > low + _EPSILON else "not_met"
    return "met" if value < low - _EPSILON else "not_met"


DETAILS: dict[str, tuple[str, ...]] = {
    "meeting_interval_months": ("months_held", "months_recorded", "months_expected"),
    "months_unrecorded": ("months_recorded", "months_expected"),
}
"""For indicators whose bare value does not speak for itself, the figures shown beside it.
A share always shows its numerator and denominator."""


def _companions(name: str) -> tuple[str, ...]:
    indicator = INDICATORS.get(name)
    if indicator is not None and indicator.ratio is not None:
        return indicator.ratio
    return DETAILS.get(name, ())


def unit_of(rule: Rule) -> str:
    """How the rule's value reads: the rule's own ``unit``, else its indicator's."""
    if rule.unit is not None:
        return rule.unit
    indicator = INDICATORS.get(rule.indicator)
    return indicator.unit if indicator is not None else "count"


@dataclass(frozen=True, slots=True)
class Verdict:
    """One rule measured on one club or one unit.

    Attributes:
        place: the district or commune a district- or commune-scope rule was
            measured on; ``None`` for the province and for a club.
        window: the window the indicator was computed over (for a club
            criterion over a long period, the last span of twelve months).
        history: for a club criterion over a period longer than a year, each
            span judged, oldest first, with its status; the last is this verdict's.
        detail: the figures that explain the value to a reader, over the same
            window (see :data:`DETAILS`): a share's numerator and denominator,
            the months with a meeting and the months owed.
    """

    rule: Rule
    actual: Number | None
    status: Status
    window: Window
    place: Unit | None = None
    history: tuple[tuple[Window, Status], ...] = ()
    detail: dict[str, Number | None] = field(default_factory=dict)

    @property
    def unit(self) -> str:
        return unit_of(self.rule)

    @property
    def target(self) -> float | list[float] | None:
        """The bound, or both bounds of ``between``; ``None`` when undecided."""
        bounds = self.rule.limits
        if not bounds:
            return None
        return list(bounds) if self.rule.operator == "between" else bounds[0]

    @property
    def spans_met(self) -> tuple[int, int] | None:
        """How many of the spans judged were met (or exceeded), and how many had a value;
        ``None`` for a verdict on a single window."""
        if not self.history:
            return None
        judged = [status for _, status in self.history if status != "no_data"]
        return sum(1 for s in judged if s in ("met", "exceeded")), len(judged)


@dataclass(frozen=True, slots=True)
class ClubVerdicts:
    """The club criteria of a plan measured on one club.

    Attributes:
        well_managed: the club meets every criterion flagged ``well_managed``
            (met or exceeded; no data is not met). False when the plan flags none.
    """

    club: AnyClub
    verdicts: list[Verdict]
    well_managed: bool


@dataclass(frozen=True, slots=True)
class CheckResult:
    """A plan checked at a date: the targets, and each club's criteria."""

    plan: Plan
    as_of: date
    period: Window
    targets: list[Verdict]
    clubs: list[ClubVerdicts]

    @property
    def basis(self) -> Window | None:
        """The span that club criteria over the period were judged on, when the period is
        longer than a year (see the module docstring); ``None`` otherwise."""
        spans = year_spans(self.period)
        return spans[-1] if len(spans) > 1 or spans[0] != self.period else None

    @property
    def all_met(self) -> bool:
        """Whether nothing is short of its bound (no ``not_met`` anywhere)."""
        verdicts = [*self.targets, *(v for c in self.clubs for v in c.verdicts)]
        return all(v.status != "not_met" for v in verdicts)


def rule_window(rule: Rule, plan: Plan, *, as_of: date, period: Window) -> Window:
    """The window a rule's indicator is computed over.

    ``as_of``: the as-of date alone (for stocks). ``period``: the report period
    cut at the as-of date. ``phase``: from the plan's start to the as-of date
    (or the plan's end, if earlier). ``since_founding``: everything up to the
    as-of date.
    """
    if rule.window == "period":
        return period.until(as_of)
    if rule.window == "phase":
        return Window(plan.start, min(plan.end, as_of))
    if rule.window == "since_founding":
        return Window(SINCE_FOUNDING, as_of)
    return Window(as_of, as_of)


def year_spans(window: Window) -> list[Window]:
    """The spans a club criterion over ``window`` is judged on, oldest first.

    The window itself when it is a year or shorter; else each span of twelve
    months ending at the window's end, going back while a whole span fits.
    """
    spans: list[Window] = []
    end = window.end
    while True:
        start = add_months(end + timedelta(days=1), -12)
        if start < window.start:
            break
        spans.append(Window(start, end))
        end = start - timedelta(days=1)
    if len(spans) <= 1:
        return [window]
    return spans[::-1]


def _in_club_set(rule: Rule, plan: Plan, data: AnyClub) -> bool:
    if data.club is None:
        return False
    wanted = rule.params.clubs
    if wanted == "new":
        return plan.start <= data.club.founded <= plan.end
    if wanted == "previous":
        return data.club.founded < plan.start
    return True


def _club_verdict(
    rule: Rule, plan: Plan, data: AnyClub, *, as_of: date, period: Window
) -> Verdict | None:
    window = rule_window(rule, plan, as_of=as_of, period=period)
    spans = year_spans(window) if rule.window == "period" else [window]
    history: list[tuple[Window, Status]] = []
    value: Number | None = None
    status: Status | None = None
    for span in spans:
        value = club_value(rule.indicator, data, span)
        status = judge(rule, value)
        history.append((span, status or "no_data"))
    if status is None:
        return None
    detail = {name: club_value(name, data, spans[-1]) for name in _companions(rule.indicator)}
    return Verdict(
        rule,
        value,
        status,
        spans[-1],
        history=tuple(history) if len(spans) > 1 else (),
        detail=detail,
    )


def evaluate_club(plan: Plan, data: AnyClub, *, as_of: date, period: Window) -> ClubVerdicts:
    """Measure one club against every club-scope rule of ``plan``."""
    verdicts: list[Verdict] = []
    flagged: list[bool] = []
    for rule in plan.rules:
        if rule.scope != "club" or not measurable(rule.indicator, club=True):
            continue
        verdict = _club_verdict(rule, plan, data, as_of=as_of, period=period)
        if verdict is None:
            continue
        verdicts.append(verdict)
        if rule.well_managed:
            flagged.append(verdict.status in ("met", "exceeded"))
    return ClubVerdicts(data, verdicts, bool(flagged) and all(flagged))


def _set_detail(rule: Rule, selection: Selection, window: Window) -> dict[str, Number | None]:
    indicator = INDICATORS[rule.indicator]
    if indicator.ratio is not None:
        return dict(
            zip(indicator.ratio, ratio_parts(rule.indicator, selection, window), strict=True)
        )
    return {name: set_value(name, selection, window) for name in DETAILS.get(rule.indicator, ())}


def evaluate_target(
    dataset: Clubs,
    plan: Plan,
    rule: Rule,
    *,
    clubs: Sequence[AnyClub],
    counted: Sequence[Unit] | None,
    well_managed: dict[str, bool],
    as_of: date,
    period: Window,
    place: Unit | None = None,
) -> Verdict | None:
    """Measure one province-, district- or commune-scope rule over ``clubs``.

    Args:
        counted: the units that ``units_*`` indicators count.
        well_managed: each club's "well managed" verdict, for ``clubs_well_managed``.

    Returns:
        The verdict; ``None`` when the rule is skipped (missing value and
        ``missing: skip``) or its indicator is unknown (a validation problem).
    """
    if not measurable(rule.indicator, club=False):
        return None
    window = rule_window(rule, plan, as_of=as_of, period=period)
    chosen = tuple(d for d in clubs if _in_club_set(rule, plan, d))
    params = rule.params
    selection = Selection(
        dataset.province,
        chosen,
        None if counted is None else tuple(counted),
        well_managed,
        zones=None if params.zones is None else tuple(params.zones),
        min_clubs=params.min_clubs,
    )
    value = set_value(rule.indicator, selection, window)
    status = judge(rule, value)
    if status is None:
        return None
    return Verdict(rule, value, status, window, place, detail=_set_detail(rule, selection, window))


def evaluate(
    dataset: Clubs,
    plan: Plan,
    *,
    as_of: date,
    period: Window,
    clubs: Sequence[AnyClub] | None = None,
    place: Unit | None = None,
) -> CheckResult:
    """Check ``plan`` on the data at ``as_of``.

    Args:
        period: the window of rules over ``period`` (cut at ``as_of``).
        clubs: the clubs whose criteria are listed (by default every club
            founded and not dissolved at ``as_of``); targets always count every
            club of their unit.
        place: a district or commune: only the rules of its scope, on it.
            ``None``: the province's rules, and district or commune rules on
            every district or commune.
    """
    everyone = [d for d in clubs_in(dataset, None) if d.club is not None]
    judged = {d.id: evaluate_club(plan, d, as_of=as_of, period=period) for d in everyone}
    well_managed = {club_id: verdicts.well_managed for club_id, verdicts in judged.items()}
    province = dataset.province
    targets: list[Verdict] = []
    for rule in plan.rules:
        if rule.scope == "club":
            continue
        if rule.scope == "province":
            if place is not None:
                continue
            counted = None
            if province is not None and plan.units is not None:
                counted = units(province, plan.units, as_of)
            verdict = evaluate_target(
                dataset,
                plan,
                rule,
                clubs=everyone,
                counted=counted,
                well_managed=well_managed,
                as_of=as_of,
                period=period,
            )
            if verdict is not None:
                targets.append(verdict)
            continue
        if province is None:
            continue
        if place is not None:
            scoped = [place] if place.level == rule.scope else []
        else:
            scoped = units(province, rule.scope, as_of)
        for unit in scoped:
            inside = clubs_in(dataset, unit)
            verdict = evaluate_target(
                dataset,
                plan,
                rule,
                clubs=inside,
                counted=units_within(province, unit, as_of),
                well_managed=well_managed,
                as_of=as_of,
                period=period,
                place=unit,
            )
            if verdict is not None:
                targets.append(verdict)
    listed = (
        [d for d in everyone if club_value("clubs", d, Window(as_of, as_of))]
        if clubs is None
        else list(clubs)
    )
    club_results = [
        judged[d.id] if d.id in judged else evaluate_club(plan, d, as_of=as_of, period=period)
        for d in listed
    ]
    return CheckResult(plan, as_of, period, targets, club_results)
