"""The report model: what every writer and template receives.

The model holds figures already computed by the roll-up layer
(:class:`lstg.indicators.Figures`), and the texts a report needs (names of units,
labels of targets). Templates format these values; they compute nothing.
Shares are percentages, 0–100 (3.8 for 3,8%), as the roll-up gives them; money
is whole đồng.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from lstg.indicators import Figures
from lstg.indicators.completeness import Completeness
from lstg.report.particulars import Particulars
from lstg.report.provenance import Provenance

Level = Literal["nation", "province", "district", "commune", "club"]
Status = Literal["met", "exceeded", "not_met", "no_data", "undecided"]
Kind = Literal["count", "money", "percent", "number"]


FIGURE_KINDS: dict[str, Kind] = {
    "clubs": "count",
    "units_with_clubs": "count",
    "units_total": "count",
    "clubs_operating": "count",
    "clubs_preparing": "count",
    "members": "count",
    "members_older": "count",
    "members_women": "count",
    "members_young": "count",
    "members_unknown_age": "count",
    "board_members": "count",
    "borrowers": "count",
    "borrower_share": "percent",
    "loans_disbursed": "count",
    "loans_disbursed_amount": "money",
    "principal_outstanding": "money",
    "par30": "percent",
    "fund_income": "money",
    "fund_activity": "money",
    "meetings_held": "count",
    "attendance_rate": "percent",
    "members_health_checked": "count",
    "hypertensive_share": "percent",
    "home_care_visits": "count",
    "months_expected": "count",
    "months_recorded": "count",
    "completeness": "percent",
    "clubs_not_reporting": "count",
}
"""How each figure is shown: a count, an amount of đồng, or a share."""


@dataclass(frozen=True, slots=True)
class Name:
    """A unit's name, split for use in sentences.

    Attributes:
        full: as the province file writes it: ``Huyện Chi Lăng``.
        short: without the kind of unit: ``Chi Lăng``.
        kind: the kind of unit, lower case: ``huyện``; empty when there is none.
        in_sentence: as it reads inside a sentence: ``huyện Chi Lăng``.
    """

    full: str
    short: str
    kind: str
    in_sentence: str


@dataclass(frozen=True, slots=True)
class Scope:
    """What the report covers.

    Attributes:
        level: province, district, commune or club.
        name: the unit's name (the province's, such as ``Lạng Sơn``).
        code: its administrative code (the club id for a club).
        province: the province's name, for the place-and-date line.
    """

    level: Level
    name: Name
    code: str
    province: str


@dataclass(frozen=True, slots=True)
class Row:
    """One child unit of the scope: a district, a commune or a club."""

    name: Name
    code: str
    figures: Figures


@dataclass(frozen=True, slots=True)
class ClubNote:
    """A club named in the results paragraph, such as one still preparing."""

    name: str
    commune: Name | None
    district: Name | None
    founded: date


@dataclass(frozen=True, slots=True)
class Target:
    """One target of the plan with its measured value and status, from the rule evaluator.

    Attributes:
        bounds: the bounds; empty for a target not yet set (``undecided``).
        actual_text, target_text: the value and the target in words
            (:mod:`lstg.criteria.words`), the same as ``lstg check`` shows.
        years_text: for a club criterion judged year by year, how many years were met.
        note: what the plan says of the target, such as the national figure.
    """

    id: str
    label: str
    indicator: str
    kind: Kind
    operator: str
    bounds: tuple[float, ...]
    actual: float | None
    status: Status
    actual_text: str = ""
    target_text: str = ""
    years_text: str = ""
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """A figure in this period and in the previous period of the same length.

    Attributes:
        parts: for a share, the numerator and denominator of the current and of the
            previous value (what a national roll-up adds up).
    """

    key: str
    kind: Kind
    current: int | float | None
    previous: int | float | None
    delta: int | float | None
    parts: tuple[tuple[int | float | None, int | float | None], ...] | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """A province's summary that a national report adds up (``report --from``).

    Attributes:
        file: the summary's file, as given.
        province: the province's name.
        commit: the commit of the province's data the summary was made from, if known.
        generated_at: when the summary was made, as it says.
    """

    file: str
    province: str
    commit: str | None
    generated_at: str | None


@dataclass(frozen=True, slots=True)
class UnitTargets:
    """The district (or commune) targets of a plan measured on one unit, by rule id."""

    name: Name
    code: str
    by_rule: dict[str, Target]


@dataclass(frozen=True, slots=True)
class MemberLine:
    """A member of a club, for the club's own working paper (``--members`` only)."""

    id: str
    name: str
    gender: str
    birth_year: int | None
    joined: date
    board_role: str | None
    borrowed: bool


@dataclass(frozen=True, slots=True)
class TargetCounts:
    """How many targets have each status."""

    met: int
    exceeded: int
    not_met: int
    no_data: int
    undecided: int = 0


@dataclass(frozen=True, slots=True)
class Report:
    """A whole report, ready to be written in any format.

    Attributes:
        lang: ``vi`` or ``en``.
        period_label: the period as the user wrote it, canonical (``2021..2025``).
        period_kind: month, quarter, half, year, years or dates.
        period_part: the quarter (1–4), half (1–2) or month (1–12) of a
            period of that kind; ``None`` otherwise.
        as_of: the day stocks are taken (the period's end, or ``--as-of``).
        row_level: the level of the rows: district, commune or club.
        unit_level: the level of the units counted in the totals'
            ``units_with_clubs`` and ``units_total``: districts in a province
            report before July 2025, else communes.
        units_without_clubs: the units that have no club.
        preparing: clubs founded but not yet operating at ``as_of``, with their
            commune (and district, in a province report).
        plan_id, plan_name: the plan whose targets are shown, if any.
        previous: the figures of the previous period of the same length.
        members: the club's members, only for a club report asked ``--members``.
        member_band: the plan's bounds of a club's members (50–70), if it has them.
        data_errors: errors found loading the data; the records they are in
            are left out of the figures.
        unit_targets: in a province report, the plan's district (or commune)
            targets measured on each unit.
        completeness: how many club-months owed records have them, for the
            clubs of the report over its window.
        not_reporting: the clubs that owed records in the window and sent none:
            their activities and loans are "chưa có số liệu".
        criteria_basis: for a period longer than a year, the span club criteria
            were judged on, in words ("năm 2025").
        no_plan: when no plan holds the as-of date, the message that says so (the
            report then has no targets).
        borrower_base: the members that the borrower share divides by: the members
            of the clubs whose records cover their loans (all of them, unless a club
            has never sent a record).
        unit_words: how the units of each level read in this report's era
            ("Huyện, thành phố"; "Xã, phường" after 1 July 2025), from the
            province file.
        particulars: who issues the report, its number and date of signing, whom
            it goes to and who signs it (``reports.yaml``, ``--number``, ``--signed``).
        fictional: the data are invented (the bundled sample): every writer
            says so at the top of the document.
    """

    lang: str
    scope: Scope
    period_label: str
    period_kind: str
    period_part: int | None
    start: date
    end: date
    as_of: date
    row_level: Level
    unit_level: Level
    totals: Figures
    units_without_clubs: list[Name]
    preparing: list[ClubNote]
    rows: list[Row]
    targets: list[Target]
    target_counts: TargetCounts
    plan_id: str | None
    plan_name: str | None
    previous_label: str
    previous_start: date
    previous_end: date
    changes: list[Change]
    provenance: Provenance
    members: list[MemberLine] | None = None
    member_band: tuple[float, float] | None = None
    data_errors: int = 0
    unit_targets: list[UnitTargets] = field(default_factory=list)
    completeness: Completeness | None = None
    not_reporting: list[ClubNote] = field(default_factory=list)
    criteria_basis: str | None = None
    unit_words: dict[str, str] = field(default_factory=dict)
    no_plan: str | None = None
    borrower_base: int | None = None
    particulars: Particulars = field(default_factory=Particulars)
    fictional: bool = False
    sources: list[Source] = field(default_factory=list)

    @property
    def notice(self) -> str | None:
        """The line that starts a report of fictional data, in the report's language."""
        from lstg.core.i18n import in_language
        from lstg.report.provenance import FICTIONAL_NOTICE

        return in_language(self.lang, FICTIONAL_NOTICE) if self.fictional else None

    @property
    def unit_target_lines(self) -> list[tuple[Name, Target]]:
        """Each unit's own targets, one line per unit and target, for tables of four columns."""
        return [(u.name, t) for u in self.unit_targets for t in u.by_rule.values()]

    @property
    def unit_rules(self) -> list[Target]:
        """One target of each rule measured on the units, in the plan's order: its label."""
        seen: dict[str, Target] = {}
        for unit in self.unit_targets:
            for rule_id, target in unit.by_rule.items():
                seen.setdefault(rule_id, target)
        return list(seen.values())

    @property
    def units_without_same_kind(self) -> bool:
        """Whether every unit without a club is of one kind (all ``huyện``)."""
        return len({n.kind for n in self.units_without_clubs}) == 1


TABLES: dict[str, tuple[str, ...]] = {
    "clubs": (
        "clubs",
        "clubs_operating",
        "clubs_preparing",
        "members",
        "members_older",
        "members_women",
        "members_young",
        "board_members",
    ),
    "loans": (
        "borrowers",
        "borrower_share",
        "loans_disbursed",
        "loans_disbursed_amount",
        "principal_outstanding",
        "par30",
        "fund_income",
        "fund_activity",
    ),
    "activities": (
        "meetings_held",
        "attendance_rate",
        "members_health_checked",
        "hypertensive_share",
        "home_care_visits",
    ),
}
"""The figures of each table of rows, in the order of their columns."""
