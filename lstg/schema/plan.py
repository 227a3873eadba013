"""Plan files, ``plans/<phase>.yaml``: a phase's dates, targets and quality criteria.

Each rule compares an indicator of the roll-up layer (by name) with bounds, in
the manner of DHIS2 validation rules: a left side (the indicator, over a
window), an operator, a right side (the bounds), a strategy for missing values,
an importance, and an instruction for whoever must act when it is not met.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from lstg.core.i18n import _
from lstg.schema.common import Ident, IsoDate, Model, Text


class Label(Model):
    """A text in Vietnamese and in English."""

    vi: Text
    en: Text

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.vi


Operator = Literal["at_least", "at_most", "between", "more_than", "less_than"]
Scope = Literal["club", "district", "commune", "province"]
Window = Literal["as_of", "period", "phase", "since_founding"]
Importance = Literal["high", "medium", "low"]
Missing = Literal["no_data", "not_met", "skip"]
Unit = Literal["count", "percent", "dong", "months", "yes_no"]
ClubSet = Literal["all", "new", "previous"]
UnitLevel = Literal["district", "commune"]
Zone = Literal["plains", "mountain", "border", "island"]
"""Zones of communes for coverage targets (Decision 1648/QĐ-TTg): the plains (đồng
bằng), and the mountain, border and island areas (miền núi, biên giới, hải đảo)."""

UNDECIDED = "undecided"
"""The bounds of a target the province has not decided yet ("chưa ban hành")."""


class Params(Model):
    """Arguments of a rule's indicator.

    Attributes:
        clubs: which clubs a district or province rule counts: ``all``, ``new``
            (founded within the plan's phase) or ``previous`` (founded before it).
        zones: which communes a ``communes_*`` figure counts, by zone; all by default.
        min_clubs: how many clubs to standard a commune needs for
            ``communes_with_standard_clubs`` (1 by default).
    """

    clubs: ClubSet = "all"
    zones: list[Zone] | None = Field(default=None, min_length=1)
    min_clubs: int = Field(default=1, ge=1, le=100)


class Rule(Model):
    """One quality criterion or target.

    Attributes:
        indicator: name of a roll-up indicator, such as ``members``.
        params: arguments of the indicator, such as which clubs it counts.
        bounds: one number, or two for ``between`` (both ends included); or
            ``undecided`` for a target the province has not yet set ("chưa ban
            hành"): its value is measured and shown, without a verdict.
        note: what the plan's source says of the target (such as the national
            figure a province's own target will share).
        unit: how the value reads; by default the indicator's own unit.
        window: as of the report date, over the report period, over the whole
            phase, or since the club was founded.
        missing: what a missing value gives: ``no_data``, ``not_met``, or
            ``skip`` (the rule is left out).
        well_managed: a club criterion that counts toward "well managed, all
            activities" (the 70% target).
    """

    id: Ident
    label: Label
    scope: Scope
    indicator: Ident
    params: Params = Field(default_factory=Params)
    operator: Operator
    bounds: Annotated[list[float], Field(min_length=1, max_length=2)] | Literal["undecided"]
    unit: Unit | None = None
    window: Window = "as_of"
    importance: Importance = "medium"
    missing: Missing = "no_data"
    well_managed: bool = False
    instruction: Label | None = None
    note: Label | None = None

    @property
    def decided(self) -> bool:
        """Whether the target has bounds (not ``undecided``)."""
        return not isinstance(self.bounds, str)

    @property
    def limits(self) -> tuple[float, ...]:
        """The bounds as numbers; empty for an undecided target."""
        return () if isinstance(self.bounds, str) else tuple(self.bounds)

    @model_validator(mode="after")
    def _bounds_fit_operator(self) -> Rule:
        if isinstance(self.bounds, str):
            return self
        expected = 2 if self.operator == "between" else 1
        if len(self.bounds) != expected:
            raise ValueError(
                _("the operator {operator} takes {count} bound(s)").format(
                    operator=self.operator, count=expected
                )
            )
        if expected == 2 and self.bounds[0] > self.bounds[1]:
            raise ValueError(_("the lower bound comes first"))
        return self


class Plan(Model):
    """One phase of the scheme, such as 2021–2025, with its rules.

    Attributes:
        units: the units that district-level targets count ("11 of 11
            districts"): ``district`` keeps the old districts even for dates
            after the 2025 reform; by default, the units in force at the date.
    """

    id: Ident
    name: Label
    start: IsoDate
    end: IsoDate
    source: Text | None = None
    previous: Ident | None = None
    units: UnitLevel | None = None
    rules: list[Rule] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Plan:
        if self.end < self.start:
            raise ValueError(_("a plan ends after it starts"))
        ids = [rule.id for rule in self.rules]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(_("rule ids must be unique: {ids}").format(ids=", ".join(duplicates)))
        return self
