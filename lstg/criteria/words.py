"""Criteria and targets in words a reader understands: one wording for every output.

``lstg check`` and every format of ``lstg report`` show a rule's measured value
and its target with these functions, so that "11/12 tháng có sinh hoạt" reads
the same everywhere. The values come from the roll-up (a verdict's ``actual``
and ``detail``); nothing is computed here but the wording.
"""

from __future__ import annotations

from lstg.core import format as fmt
from lstg.core.i18n import _
from lstg.criteria.rules import Verdict
from lstg.domain.periods import Window
from lstg.indicators.sets import Number


def _count(value: Number | None, language: str) -> str:
    return fmt.number(value, language)


def _value(value: Number, unit: str, language: str) -> str:
    if unit == "percent":
        return fmt.percent(float(value), language)
    if unit == "dong":
        return fmt.money(int(value), language)
    return fmt.number(value, language)


def actual_text(verdict: Verdict, language: str) -> str:
    """The measured value: ``62``, ``71,0% (44/62)``, ``11/12 tháng có sinh hoạt``, ``Có``.

    ``chưa có số liệu`` when there is no value.
    """
    value = verdict.actual
    if value is None:
        return _("no data")
    indicator, detail, unit = verdict.rule.indicator, verdict.detail, verdict.unit
    if indicator == "meeting_interval_months":
        held = detail.get("months_held")
        recorded = detail.get("months_recorded")
        owed = detail.get("months_expected")
        text = _("{held}/{owed} months with a meeting").format(
            held=_count(held, language), owed=_count(owed, language)
        )
        if held is not None and recorded is not None and recorded > held:
            text += ", " + _("{n} skipped with a reason").format(
                n=_count(recorded - held, language)
            )
        if value > 1:
            text += ", " + _("{n} months between meetings at the longest").format(
                n=_count(value, language)
            )
        return text
    if indicator == "months_unrecorded":
        return _("{recorded}/{owed} months with records").format(
            recorded=_count(detail.get("months_recorded"), language),
            owed=_count(detail.get("months_expected"), language),
        )
    if indicator == "activity_areas":
        return _("{n}/8 activity areas").format(n=_count(value, language))
    if unit == "yes_no":
        return _("Yes") if value else _("Not yet")
    text = _value(value, unit, language)
    parts = [detail.get(name) for name in detail]
    if unit == "percent" and len(parts) == 2 and None not in parts:
        text += f" ({_count(parts[0], language)}/{_count(parts[1], language)})"
    return text


def target_text(verdict: Verdict, language: str) -> str:
    """The target: ``từ 50 đến 70``, ``ít nhất 70%``, ``hằng tháng``, ``chưa ban hành``."""
    rule = verdict.rule
    bounds = rule.limits
    if not bounds:
        return _("not yet set")
    unit, indicator, operator = verdict.unit, rule.indicator, rule.operator
    if indicator == "meeting_interval_months" and operator == "at_most":
        if bounds[0] <= 1:
            return _("every month")
        return _("at least once every {n} months").format(n=_count(bounds[0], language))
    if indicator == "months_unrecorded" and operator == "at_most":
        if bounds[0] <= 0:
            return _("records for every month")
        return _("at most {n} months without records").format(n=_count(bounds[0], language))
    if indicator == "activity_areas" and operator == "at_least":
        return _("at least {n}/8 activity areas").format(n=_count(bounds[0], language))
    if unit == "yes_no":
        return _("Yes")

    def one(bound: float) -> str:
        if unit == "percent":
            return f"{fmt.number(bound, language)}%"
        return _value(bound, unit, language)

    if operator == "between":
        return _("from {low} to {high}").format(low=one(bounds[0]), high=one(bounds[1]))
    words = {
        "at_least": _("at least {bound}"),
        "at_most": _("at most {bound}"),
        "more_than": _("more than {bound}"),
        "less_than": _("less than {bound}"),
    }
    return words[operator].format(bound=one(bounds[0]))


def spans_text(verdict: Verdict, language: str) -> str:
    """For a criterion judged year by year over a long period: ``đạt 3/5 năm``; else empty."""
    counts = verdict.spans_met
    if counts is None:
        return ""
    met, judged = counts
    return _("met in {met}/{judged} years").format(
        met=_count(met, language), judged=_count(judged, language)
    )


def span_words(span: Window, language: str) -> str:
    """How the span that club criteria were judged on reads: ``năm 2025``, or
    ``12 tháng đến ngày 30/06/2025`` when it is not a calendar year."""
    if (span.start.month, span.start.day, span.end.month, span.end.day) == (1, 1, 12, 31) and (
        span.start.year == span.end.year
    ):
        return _("the year {year}").format(year=span.end.year)
    return _("the 12 months to {day}").format(day=fmt.short_date(span.end, language))
