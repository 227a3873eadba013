"""The register of indicators: every figure lstg shows, by name.

Plan rules name an indicator from :data:`INDICATORS`; reports and ``lstg check``
look figures up here. An indicator is one of:

- a **club count** (``combine="sum"``): a function of :mod:`lstg.indicators.club`,
  added over the clubs of a set. Stocks are all taken at the same date, the
  window's end, so adding them over clubs is sound; a stock is never added
  across dates.
- a **share** (``combine="ratio"``): 100 × numerator ÷ denominator of two other
  indicators, computed by :func:`share`, for a club and for a set alike (a set's
  share is the ratio of its totals, not an average of the clubs' shares).
- a **set figure** (``combine="set"``): a function of a whole set of clubs, such
  as the districts that have a club.
- a **club figure** that has no meaning for a set (``combine="none"``), such as
  the longest interval between a club's meetings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from lstg.dataset import ClubData
from lstg.domain.periods import Window
from lstg.domain.places import Unit as Place
from lstg.domain.places import UnitFinder, contains, units, units_within, zone_of
from lstg.indicators import club as c
from lstg.indicators.facts import AnyClub
from lstg.schema import Province

Number = int | float
Measure = Literal["count", "percent", "dong", "months", "yes_no"]
"""How an indicator's value reads."""
Kind = Literal["stock", "flow"]
Combine = Literal["sum", "ratio", "set", "none"]
Records = Literal["flow", "stock"]
"""What a figure rests on in the club's monthly records (see :func:`covered`)."""
ClubFn = Callable[[ClubData, Window], Number | None]


@dataclass(frozen=True, slots=True)
class Selection:
    """A set of clubs that a figure is computed over.

    Attributes:
        province: the province file, for placing clubs in units.
        clubs: the clubs of the set (a province, a district, a commune).
        units: the units that ``units_*`` indicators count; ``None`` for the
            province's units in force at the window's end (its districts before
            1 July 2025, its communes after).
        well_managed: for each club id, whether it meets every "well managed,
            all activities" criterion of the plan; ``None`` when no plan was
            evaluated (``clubs_well_managed`` then has no data).
        zones: the zones of the communes that ``communes_*`` figures count
            (``None``: every zone).
        min_clubs: how many clubs to standard a commune needs to count in
            ``communes_with_standard_clubs``.
        values: the clubs' values of each indicator and window asked of the set, kept
            for its other figures (a share and its parts ask for the same counts).
    """

    province: Province | None
    clubs: tuple[AnyClub, ...]
    units: tuple[Place, ...] | None = None
    well_managed: Mapping[str, bool] | None = None
    zones: tuple[str, ...] | None = None
    min_clubs: int = 1
    values: dict[tuple[str, Window], list[Number | None]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def units_at(self, window: Window) -> tuple[Place, ...]:
        if self.units is not None:
            return self.units
        if self.province is None:
            return ()
        return tuple(units_within(self.province, None, window.end))


SetFn = Callable[[Selection, Window], Number | None]


@dataclass(frozen=True, slots=True)
class Indicator:
    """One named indicator.

    Attributes:
        name: the name plan rules use.
        vi: Vietnamese name.
        en: English name.
        unit: how its value reads: a count, a percentage (0–100), đồng, months,
            or yes/no (1 or 0 for a club; a count of clubs for a set).
        kind: stock (at a date) or flow (over a window).
        combine: how a set's value is made (see the module docstring).
        club: the per-club function, for ``sum`` and ``none``.
        ratio: numerator and denominator names, for ``ratio``.
        of_set: the set function, for ``set``.
        records: what the figure rests on in the club's monthly records:
            ``flow``, the records of its window; ``stock``, the records of the
            three months up to its date (loan book, fund cash); ``None``, the
            registers alone (members, board, status). A club whose records do not
            cover the figure has no value for it (see :func:`covered`).
    """

    name: str
    vi: str
    en: str
    unit: Measure
    kind: Kind
    combine: Combine
    club: ClubFn | None = None
    ratio: tuple[str, str] | None = None
    of_set: SetFn | None = None
    records: Records | None = None

    def club_value(self, data: ClubData, window: Window) -> Number | None:
        """The value of a ``sum`` or ``none`` indicator for one club, ``None`` when the
        club's records do not cover it."""
        assert self.club is not None
        if not covered(self.records, data, window):
            return None
        return self.club(data, window)

    def label(self, language: str) -> str:
        return self.en if language == "en" else self.vi

    @property
    def function(self) -> str:
        """The dotted name of the one function that computes it."""
        fn: Callable[..., object] | None = self.club or self.of_set
        if fn is None:
            return f"{__name__}.share"
        return f"{fn.__module__}.{fn.__qualname__}"


def _value(name: str, data: AnyClub, window: Window) -> Number | None:
    """A club's figure from its records or facts (:func:`lstg.indicators.registry.club_value`)."""
    from lstg.indicators.registry import club_value

    return club_value(name, data, window)


def covered(records: Records | None, data: ClubData, window: Window) -> bool:
    """Whether a club's monthly records cover a figure over ``window``.

    A figure made of meetings, loans or the ledger is "chưa có số liệu" (no
    data), not 0, for a club that owed records in the months it rests on and
    recorded none of them: a flow rests on the months of its window, a stock of
    the loan book or the funds on the three months up to its date. Figures of the
    registers (members, board, status) are always covered.
    """
    if records is None:
        return True
    span = window if records == "flow" else c.recent(window.end)
    return c.has_records(data, span)


def share(numerator: Number | None, denominator: Number | None) -> float | None:
    """100 × ``numerator`` ÷ ``denominator``; ``None`` if one is missing or the denominator is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return 100 * numerator / denominator


def _units_of(selection: Selection, window: Window, only_operating: bool) -> set[Place]:
    province = selection.province
    if province is None:
        return set()
    finder = UnitFinder(province, selection.units_at(window))
    found: set[Place] = set()
    for data in selection.clubs:
        if data.club is None:
            continue
        if not _value("clubs_operating" if only_operating else "clubs", data, window):
            continue
        found.update(finder.units_of(data.club))
    return found


def units_with_clubs(selection: Selection, window: Window) -> int | None:
    """Stock: units (districts, or communes after the reform) with a club founded and not dissolved.

    A preparing club counts: the seed's "18 clubs in 9 of 11 districts" counts
    its two clubs still preparing. ``None`` without a province file.
    """
    if selection.province is None:
        return None
    return len(_units_of(selection, window, only_operating=False))


def units_with_operating_clubs(selection: Selection, window: Window) -> int | None:
    """Stock: units with at least one club operating at the window's end."""
    if selection.province is None:
        return None
    return len(_units_of(selection, window, only_operating=True))


def units_total(selection: Selection, window: Window) -> int | None:
    """Stock: the units counted (the province's 11 districts, or 65 communes after the reform;
    a district's communes), whatever the clubs of the set; ``None`` without a province file."""
    if selection.province is None:
        return None
    return len(selection.units_at(window))


def clubs_well_managed(selection: Selection, window: Window) -> int | None:
    """Stock: clubs founded and not dissolved at the window's end that meet every criterion
    of the plan flagged ``well_managed`` (the "well managed, all activities" clubs).

    ``None`` when no plan's criteria were evaluated. A criterion with no data
    is not met, so a club with no meetings yet is not well managed.
    """
    if selection.well_managed is None:
        return None
    verdicts = selection.well_managed
    return sum(
        1
        for data in selection.clubs
        if _value("clubs", data, window) and verdicts.get(data.id, False)
    )


def clubs_to_standard(selection: Selection, window: Window) -> int | None:
    """Stock: clubs operating at the window's end that meet every criterion of the plan
    flagged ``well_managed`` — the clubs "operating to standard" (hoạt động đạt chuẩn)
    of Decision 1648/QĐ-TTg, until a province defines the standard otherwise.

    ``None`` when no plan's criteria were evaluated.
    """
    if selection.well_managed is None:
        return None
    verdicts = selection.well_managed
    return sum(
        1
        for data in selection.clubs
        if _value("clubs_operating", data, window) and verdicts.get(data.id, False)
    )


def _zone_communes(selection: Selection, window: Window) -> list[Place]:
    """The communes in force at the window's end that lie in the selection's zones."""
    province = selection.province
    if province is None:
        return []
    communes = units(province, "commune", window.end)
    if selection.zones is None:
        return communes
    wanted = set(selection.zones)
    return [u for u in communes if zone_of(province, u) in wanted]


def communes_in_zones(selection: Selection, window: Window) -> int | None:
    """Stock: communes in force at the window's end in the rule's zones (all zones by default)."""
    if selection.province is None:
        return None
    return len(_zone_communes(selection, window))


def communes_with_standard_clubs(selection: Selection, window: Window) -> int | None:
    """Stock: communes of the rule's zones with at least ``min_clubs`` clubs to standard
    (see :func:`clubs_to_standard`) at the window's end.

    ``None`` when no plan's criteria were evaluated, or without a province file.
    """
    province = selection.province
    if province is None or selection.well_managed is None:
        return None
    verdicts = selection.well_managed
    standard = [
        d
        for d in selection.clubs
        if d.club is not None and _value("clubs_operating", d, window) and verdicts.get(d.id, False)
    ]
    found = 0
    for commune in _zone_communes(selection, window):
        inside = sum(
            1 for d in standard if d.club is not None and contains(province, commune, d.club)
        )
        if inside >= selection.min_clubs:
            found += 1
    return found
