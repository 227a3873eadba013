"""The layout of the HTML report's chart: a bar per unit, against the targets.

Only geometry is worked out here (how long a bar is drawn); the figures come
from the report model unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from lstg.report.model import Report
from lstg.rollup import Figures

WIDTH = 260.0
"""Length in pixels of the longest bar of a panel."""
CLUBS_X = 180.0
"""Where the clubs panel starts, after the units' names."""
MEMBERS_X = 490.0
"""Where the members panel starts."""
GAP = 4.0
MARKS_X = 800.0
"""Where the marks of each unit's own targets start, one dot per target."""
MARK_STEP = 18.0

_UNIT_TARGETS = ("units_with_clubs", "units_with_operating_clubs")


@dataclass(frozen=True, slots=True)
class Mark:
    """One unit's status on one of its own targets, as a dot."""

    x: float
    status: str
    label: str


@dataclass(frozen=True, slots=True)
class Bar:
    """One unit's bars: clubs (operating, then preparing) and members."""

    label: str
    clubs: int
    operating: int
    preparing: int
    members: int
    operating_width: float
    preparing_x: float
    preparing_width: float
    clubs_label_x: float
    members_width: float
    members_label_x: float
    marks: list[Mark]


@dataclass(frozen=True, slots=True)
class Chart:
    """Bars of every row, and where the targets fall on each panel.

    Attributes:
        club_target_x: where "at least one club in each unit" falls on the
            clubs panel, when the plan has that target; else ``None``.
        band_x, band_width: where the plan's bounds of a club's members
            (50–70) fall on the members panel, when the rows are clubs and the
            plan has them.
    """

    bars: list[Bar]
    width: float
    marks_x: float | None
    club_target_x: float | None
    band_x: float | None
    band_width: float | None


def _scale(largest: float) -> float:
    return WIDTH / largest if largest > 0 else 0.0


def chart(report: Report) -> Chart:
    """The chart of ``report``'s rows."""
    rows = report.rows
    unit_target = report.row_level != "club" and any(
        t.indicator in _UNIT_TARGETS for t in report.targets
    )
    band = report.member_band if report.row_level == "club" else None
    most_clubs = max([r.figures.clubs for r in rows] + [1 if unit_target else 0])
    most_members = max([r.figures.members for r in rows] + [band[1] if band else 0])
    clubs_scale = _scale(most_clubs)
    members_scale = _scale(most_members)
    rules = report.unit_rules
    verdicts = {u.code: u.by_rule for u in report.unit_targets}
    bars = []
    for row in rows:
        own = verdicts.get(row.code, {})
        marks = [
            Mark(MARKS_X + MARK_STEP * i + MARK_STEP / 2, own[rule.id].status, rule.label)
            for i, rule in enumerate(rules)
            if rule.id in own
        ]
        bars.append(_bar(row.name.full, row.figures, clubs_scale, members_scale, marks))
    return Chart(
        bars=bars,
        width=MARKS_X + MARK_STEP * len(rules) + GAP if rules else MARKS_X - 20,
        marks_x=MARKS_X if rules else None,
        club_target_x=CLUBS_X + clubs_scale if unit_target else None,
        band_x=MEMBERS_X + band[0] * members_scale if band else None,
        band_width=(band[1] - band[0]) * members_scale if band else None,
    )


def _bar(
    label: str, figures: Figures, clubs_scale: float, members_scale: float, marks: list[Mark]
) -> Bar:
    operating = figures.clubs_operating * clubs_scale
    preparing = figures.clubs_preparing * clubs_scale
    members = figures.members * members_scale
    return Bar(
        label=label,
        clubs=figures.clubs,
        operating=figures.clubs_operating,
        preparing=figures.clubs_preparing,
        members=figures.members,
        operating_width=operating,
        preparing_x=CLUBS_X + operating,
        preparing_width=preparing,
        clubs_label_x=CLUBS_X + operating + preparing + GAP,
        members_width=members,
        members_label_x=MEMBERS_X + members + GAP,
        marks=marks,
    )
