"""The layout of the HTML report's chart: a bar per unit, against the targets.

Only geometry is worked out here (where a bar starts and how long it is
drawn); the figures come from the report model unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from lstg.report.model import Report

WIDTH = 260.0
"""Length in pixels of the longest bar of a panel."""
CHAR_WIDTH = 6.2
"""Width in pixels of a letter of the units' names, at the chart's font size."""
LABELS_MIN, LABELS_MAX = 110.0, 300.0
"""Bounds of the room given to the units' names."""
PANEL_GAP = 50.0
"""Room after a panel's longest bar, for its figure."""
GAP = 4.0
MARK_STEP = 18.0
"""Room for one dot of a unit's own targets."""

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
    """Bars of every row, where each panel starts, and where the targets fall.

    Attributes:
        label_x: where the units' names end (they are right-aligned there).
        clubs_x, members_x, marks_x: where each panel starts; ``marks_x`` is
            ``None`` when the units have no targets of their own.
        club_target_x: where "at least one club in each unit" falls on the
            clubs panel, when the plan has that target; else ``None``.
        band_x, band_width: where the plan's bounds of a club's members
            (50–70) fall on the members panel, when the rows are clubs and the
            plan has them.
    """

    bars: list[Bar]
    width: float
    label_x: float
    clubs_x: float
    members_x: float
    marks_x: float | None
    club_target_x: float | None
    band_x: float | None
    band_width: float | None


def _scale(largest: float) -> float:
    return WIDTH / largest if largest > 0 else 0.0


def chart(report: Report) -> Chart:
    """The chart of ``report``'s rows."""
    rows = report.rows
    longest = max((len(r.name.full) for r in rows), default=0)
    label_x = min(max(LABELS_MIN, longest * CHAR_WIDTH + GAP), LABELS_MAX)
    clubs_x = label_x + 2 * GAP
    members_x = clubs_x + WIDTH + PANEL_GAP
    marks_x = members_x + WIDTH + PANEL_GAP
    unit_target = report.row_level != "club" and any(
        t.indicator in _UNIT_TARGETS for t in report.targets
    )
    band = report.member_band if report.row_level == "club" else None
    clubs_scale = _scale(max([r.figures.clubs for r in rows] + [1 if unit_target else 0]))
    members_scale = _scale(max([r.figures.members for r in rows] + [band[1] if band else 0]))
    rules = report.unit_rules
    verdicts = {u.code: u.by_rule for u in report.unit_targets}
    bars = []
    for row in rows:
        own = verdicts.get(row.code, {})
        marks = [
            Mark(marks_x + MARK_STEP * i + MARK_STEP / 2, own[rule.id].status, rule.label)
            for i, rule in enumerate(rules)
            if rule.id in own
        ]
        operating = row.figures.clubs_operating * clubs_scale
        preparing = row.figures.clubs_preparing * clubs_scale
        members = row.figures.members * members_scale
        bars.append(
            Bar(
                label=row.name.full,
                clubs=row.figures.clubs,
                operating=row.figures.clubs_operating,
                preparing=row.figures.clubs_preparing,
                members=row.figures.members,
                operating_width=operating,
                preparing_x=clubs_x + operating,
                preparing_width=preparing,
                clubs_label_x=clubs_x + operating + preparing + GAP,
                members_width=members,
                members_label_x=members_x + members + GAP,
                marks=marks,
            )
        )
    return Chart(
        bars=bars,
        width=marks_x + MARK_STEP * max(len(rules), 3) if rules else marks_x - GAP,
        label_x=label_x,
        clubs_x=clubs_x,
        members_x=members_x,
        marks_x=marks_x if rules else None,
        club_target_x=clubs_x + clubs_scale if unit_target else None,
        band_x=members_x + band[0] * members_scale if band else None,
        band_width=(band[1] - band[0]) * members_scale if band else None,
    )
