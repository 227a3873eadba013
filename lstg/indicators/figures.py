"""The figures of a report: one club, a set of clubs, and a roll-up by unit.

:class:`Figures` holds the figures a review shows for one club or one set of
clubs. Each field is one indicator of :data:`lstg.indicators.registry.INDICATORS`
(the field's name is the indicator's name), taken over one window:

- stocks at the window's end;
- flows summed over the window;
- ``borrowers`` and ``borrower_share`` since founding, as in the seed's
  "35/898 members have borrowed (3.8%)".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Any, Literal

from lstg.core.i18n import _
from lstg.domain import places
from lstg.domain.periods import Window
from lstg.domain.places import Level, Unit, UnitFinder, find_unit, unit_code, units_within
from lstg.indicators.facts import AnyClub, Clubs
from lstg.indicators.registry import INDICATORS, club_value, ratio_parts, set_value
from lstg.indicators.sets import Number, Selection

SINCE_FOUNDING = date(1900, 1, 1)
"""Start of the window "since founding": before any club was founded."""

_SET_ONLY = ("units_with_clubs", "units_total")
_SINCE_FOUNDING = ("borrowers", "borrower_share")


@dataclass(frozen=True, slots=True)
class Figures:
    """The figures of one club or one set of clubs; each field is the indicator of that name.

    Percentages are 0–100; money is in đồng. ``units_with_clubs`` and
    ``units_total`` are ``None`` for one club. A field is ``None`` when the
    figure does not exist (a rate with nothing to divide by) or when no club's
    records cover it ("chưa có số liệu"); a set's total of a figure counts the
    clubs whose records cover it, and ``clubs_not_reporting`` says how many do
    not.
    """

    clubs: int
    clubs_operating: int
    clubs_preparing: int
    units_with_clubs: int | None
    units_total: int | None
    members: int
    members_older: int
    members_women: int
    members_young: int
    members_unknown_age: int
    board_members: int
    borrowers: int | None
    borrower_share: float | None
    loans_disbursed: int | None
    loans_disbursed_amount: int | None
    principal_outstanding: int | None
    par30: float | None
    fund_income: int | None
    fund_activity: int | None
    meetings_held: int | None
    attendance_rate: float | None
    members_health_checked: int | None
    hypertensive_share: float | None
    home_care_visits: int | None
    months_expected: int
    months_recorded: int
    completeness: float | None
    clubs_not_reporting: int
    parts: dict[str, tuple[Number | None, Number | None]] = field(
        default_factory=dict, compare=False, repr=False, metadata={"parts": True}
    )
    """The numerator and denominator of each share, as it was divided: what a national
    roll-up adds up (:mod:`lstg.report.summaries`). Not a figure of its own."""

    def as_dict(self) -> dict[str, Number | None]:
        """The figures by name, in field order, for serialising (without :attr:`parts`)."""
        return {name: getattr(self, name) for name in FIGURE_NAMES}


FIGURE_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Figures) if not f.metadata)
SHARE_NAMES: tuple[str, ...] = tuple(n for n in FIGURE_NAMES if INDICATORS[n].ratio is not None)
"""The figures that are shares of two counts."""


def _window_for(name: str, window: Window) -> Window:
    if name in _SINCE_FOUNDING:
        return Window(SINCE_FOUNDING, window.end)
    return window


def club_figures(club: AnyClub, window: Window) -> Figures:
    """The figures of one club over ``window`` (stocks at its end, flows over it)."""
    values: dict[str, Number | None] = {}
    for name in FIGURE_NAMES:
        if name in _SET_ONLY:
            values[name] = None
        else:
            values[name] = club_value(name, club, _window_for(name, window))
    parts: dict[str, tuple[Number | None, Number | None]] = {}
    for name in SHARE_NAMES:
        numerator, denominator = INDICATORS[name].ratio or ("", "")
        parts[name] = (
            club_value(numerator, club, _window_for(name, window)),
            club_value(denominator, club, _window_for(name, window)),
        )
    return Figures(**values, parts=parts)  # type: ignore[arg-type]


def aggregate(
    dataset: Clubs,
    clubs: Iterable[AnyClub],
    window: Window,
    *,
    units: Sequence[Unit] | None = None,
    well_managed: Mapping[str, bool] | None = None,
) -> Figures:
    """The figures of a set of clubs over ``window``: totals of the club figures.

    Counts are added over clubs (stocks all at the window's end), shares are
    ratios of the totals. ``units_with_clubs`` and ``units_total`` count
    ``units``: by default the province's districts before 1 July 2025 and its
    communes after.
    """
    selection = Selection(
        dataset.province, tuple(clubs), None if units is None else tuple(units), well_managed
    )
    values = {name: set_value(name, selection, _window_for(name, window)) for name in FIGURE_NAMES}
    parts = {name: ratio_parts(name, selection, _window_for(name, window)) for name in SHARE_NAMES}
    return Figures(**values, parts=parts)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a roll-up: a child unit, or a club.

    Attributes:
        kind: ``district``, ``commune`` or ``club``.
        code: the unit's code, or the club's id.
        name: the unit's or the club's name.
    """

    kind: Literal["district", "commune", "club"]
    code: str
    name: str
    figures: Figures


@dataclass(frozen=True, slots=True)
class Rollup:
    """Totals of a unit and one row per child unit (or per club).

    Attributes:
        unit: the district or commune; ``None`` for the province.
    """

    level: Literal["province", "district", "commune"]
    unit: Unit | None
    window: Window
    totals: Figures
    rows: list[Row]


def in_report(club: AnyClub, window: Window) -> bool:
    """Whether a club is listed in a report over ``window``: founded by its end and not
    dissolved before its start. Totals count every club (see :func:`rollup`)."""
    if club.club is None or club.club.status_on(window.end) is None:
        return False
    return club.club.status_on(window.start - timedelta(days=1)) != "dissolved"


_Placed = tuple[object, tuple[AnyClub, ...], dict[tuple[str, str, str] | None, list[AnyClub]]]
_PLACED: list[_Placed] = []
"""The clubs of each unit already found, for the last data sets asked about: a report asks
the same units of the same clubs hundreds of times."""


def _placed(dataset: Clubs, ordered: tuple[AnyClub, ...]) -> dict[Any, list[AnyClub]]:
    """The units already placed for exactly these clubs of this data set (the same objects,
    so a data set whose clubs changed is placed again)."""
    for held, clubs, known in _PLACED:
        if (
            held is dataset
            and len(clubs) == len(ordered)
            and all(a is b for a, b in zip(clubs, ordered, strict=True))
        ):
            return known
    if len(_PLACED) >= 4:
        _PLACED.pop(0)
    fresh: dict[Any, list[AnyClub]] = {}
    _PLACED.append((dataset, ordered, fresh))
    return fresh


def clubs_in(dataset: Clubs, unit: Unit | None) -> list[AnyClub]:
    """The loaded clubs that lie in ``unit`` (every club when ``unit`` is ``None``), by id.

    The first unit asked of a level and era places every club in that level and era
    at once (:func:`~lstg.domain.places.unit_code`, which :func:`~lstg.domain.places.contains`
    compares with a unit's code): the others of the level are then looked up.
    """
    ordered = tuple(sorted(dataset.clubs.values(), key=lambda d: d.id))
    by_unit = _placed(dataset, ordered)
    if unit is None:
        found = by_unit.get(None)
        if found is None:
            found = by_unit[None] = [d for d in ordered if d.club is not None]
        return list(found)
    placed = ("placed", unit.level, unit.era)  # the clubs of this level and era are placed
    if placed not in by_unit:
        by_unit[placed] = []
        for data in ordered:
            if data.club is None or dataset.province is None:
                continue
            code = unit_code(dataset.province, data.club, unit.level, unit.era)
            if code is not None:
                by_unit.setdefault((unit.level, code, unit.era), []).append(data)
    return list(by_unit.get((unit.level, unit.code, unit.era), ()))


def _listed(club: AnyClub, figures: Figures, window: Window) -> bool:
    """A club has a row when it is in the report, or when it still counts in a figure
    (a club dissolved before the window whose loans are still owed)."""
    if in_report(club, window):
        return True
    return any(v for k, v in figures.as_dict().items() if k not in _SET_ONLY)


def rollup(
    dataset: Clubs,
    *,
    level: Literal["province", "district", "commune"],
    unit: str | Unit | None,
    window: Window,
    child_level: Level | None = None,
    well_managed: Mapping[str, bool] | None = None,
) -> Rollup:
    """Totals of a province, district or commune over ``window``, with one row per child.

    Totals count every club of the unit: stocks at the window's end (a club
    dissolved by then has no members, but a loan owed to it is still owed),
    flows over the window. A province has a row per district while districts
    exist at the window's end (the as-of date) and a row per commune after,
    units without a club included; ``child_level`` forces one of the two
    (``district`` for a review of 2021–2025 made after the reform). A district or
    commune has a row per club in the report (founded by the window's end and not
    dissolved before its start) and per club that still counts in a figure. The
    rows add up to the totals, since each club lies in exactly one unit; clubs
    that cannot be placed have a row of their own. Rows' ``units_with_clubs`` and
    ``units_total`` are ``None``.

    Args:
        unit: the district or commune: a name or code (looked up among the units
            in force at the window's end), or the unit itself (to measure the same
            territory over another window); ignored for the province.

    Raises:
        lstg.domain.places.UnknownPlace: ``unit`` names no district or commune.
    """
    province = dataset.province
    place: Unit | None = None
    if level != "province" and province is not None:
        place = (
            unit if isinstance(unit, Unit) else find_unit(province, level, unit or "", window.end)
        )
    chosen = clubs_in(dataset, place)
    counted: list[Unit] | None = None
    if province is not None:
        if place is None and child_level is not None:
            counted = places.units(province, child_level, window.end)
        else:
            counted = units_within(province, place, window.end)
    totals = aggregate(dataset, chosen, window, units=counted, well_managed=well_managed)
    rows: list[Row] = []
    if place is None and province is not None:
        children = counted or []
        placed: set[str] = set()
        finder = UnitFinder(province, children)
        homes = {d.id: finder.units_of(d.club) for d in chosen if d.club}
        for child in children:
            inside = [d for d in chosen if child in homes.get(d.id, ()) and d.id not in placed]
            placed.update(d.id for d in inside)
            figures = aggregate(dataset, inside, window, well_managed=well_managed)
            rows.append(Row(child.level, child.code, child.name, without_units(figures)))
        lost = [
            d for d in chosen if d.id not in placed and _listed(d, club_figures(d, window), window)
        ]
        if lost:
            figures = aggregate(dataset, lost, window, well_managed=well_managed)
            rows.append(
                Row(
                    children[0].level if children else "district",
                    "",
                    _("Clubs that cannot be placed"),
                    without_units(figures),
                )
            )
    else:
        for data in chosen:
            assert data.club is not None
            figures = club_figures(data, window)
            if _listed(data, figures, window):
                rows.append(Row("club", data.id, data.club.name, figures))
    return Rollup(level, place, window, totals, rows)


def without_units(figures: Figures) -> Figures:
    """The figures without the set-only unit counts, as a row carries them."""
    return replace(figures, units_with_clubs=None, units_total=None)
