"""``lstg status`` as a library call: which clubs have sent the records of which months.

The table a district or commune officer chases clubs with: for each unit and
each club of it, the months of the period with a meeting held, a month skipped
with its reason, a month owed and missing, or a month not owed; the club's
latest record; and how complete each unit's records are (see
:mod:`lstg.rollup.completeness`). The period and as-of date follow the rule of
:mod:`lstg.resolve`, like ``lstg check`` and ``lstg report``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lstg import places
from lstg.dataset import ClubData, DataSet
from lstg.errors import UsageError, UserError
from lstg.i18n import _
from lstg.loader import load_dataset
from lstg.periods import Period, Window
from lstg.places import Unit, UnknownPlace
from lstg.resolve import resolve
from lstg.rollup import clubs_in
from lstg.rollup.completeness import (
    Completeness,
    MonthState,
    completeness,
    last_recorded,
    month_states,
    months_late,
)


@dataclass(frozen=True, slots=True)
class ClubStatus:
    """One club's records over the window.

    Attributes:
        months: each calendar month of the window with its state.
        last_record: the club's latest meeting or skipped month up to the as-of date.
        months_late: the months owed after that latest record.
    """

    id: str
    name: str
    months: list[tuple[date, MonthState]]
    done: Completeness
    last_record: date | None
    months_late: int


@dataclass(frozen=True, slots=True)
class UnitStatus:
    """A unit (district or commune) with its clubs' records."""

    unit: Unit | None
    clubs: list[ClubStatus]
    done: Completeness


@dataclass(frozen=True, slots=True)
class StatusRun:
    """The records of the clubs asked for, by unit."""

    period: Period
    window: Window
    level: places.Level
    units: list[UnitStatus]
    done: Completeness


def _club_status(dataset: DataSet, data: ClubData, window: Window) -> ClubStatus:
    assert data.club is not None
    return ClubStatus(
        id=data.id,
        name=data.club.name,
        months=month_states(data, window),
        done=completeness(dataset, [data], window),
        last_record=last_recorded(data, window.end),
        months_late=months_late(data, window.end),
    )


def _shown(data: ClubData, window: Window) -> bool:
    """A club is shown if it existed at some time in the window."""
    if data.club is None or data.club.founded > window.end:
        return False
    return data.club.status_on(window.start) != "dissolved"


def run_status(
    root: Path,
    *,
    period: Period | None,
    as_of: date | None,
    today: date,
    district: str | None = None,
    commune: str | None = None,
    club: str | None = None,
) -> StatusRun:
    """Load the data folder ``root`` and tell each club's records over the period.

    Raises:
        UserError: the data folder does not exist or has no province file.
        UsageError: an unknown district, commune or club, more than one of
            them, or a period and as-of date that cannot be.
    """
    if not root.is_dir():
        raise UserError(_("The data folder {path} does not exist.").format(path=root))
    if sum(x is not None for x in (district, commune, club)) > 1:
        raise UsageError(_("Give at most one of --club, --district and --commune."))
    dataset = load_dataset(root)
    province = dataset.province
    if province is None:
        raise UserError(_("The data folder has no readable province file"))
    resolved = resolve(
        dataset.plans, plan=None, period=period, as_of=as_of, today=today, require_plan=False
    )
    window = resolved.window
    level = places.default_level(province, window.end)
    chosen: list[ClubData]
    groups: list[Unit | None]
    if club is not None:
        data = dataset.clubs.get(club)
        if data is None or data.club is None:
            raise UsageError(
                _("Unknown club “{club}”. Known clubs: {names}").format(
                    club=club, names=", ".join(sorted(dataset.clubs))
                )
            )
        chosen = [data]
        groups = [places.club_unit(province, data.club, level, window.end)]
    elif district is not None or commune is not None:
        wanted: places.Level = "district" if district is not None else "commune"
        try:
            unit = places.find_unit(province, wanted, district or commune or "", window.end)
        except UnknownPlace as exc:
            raise UsageError(str(exc)) from None
        chosen = clubs_in(dataset, unit)
        level = "commune" if wanted == "district" else wanted
        groups = (
            [u for u in places.units_within(province, unit, window.end)]
            if wanted == "district"
            else [unit]
        )
    else:
        chosen = clubs_in(dataset, None)
        groups = list(places.units(province, level, window.end))
    shown = [d for d in chosen if _shown(d, window)]
    units: list[UnitStatus] = []
    placed: set[str] = set()
    for group in groups:
        inside = [
            d
            for d in shown
            if d.id not in placed
            and d.club is not None
            and (group is None or places.contains(province, group, d.club))
        ]
        placed.update(d.id for d in inside)
        if inside:
            units.append(
                UnitStatus(
                    group,
                    [_club_status(dataset, d, window) for d in inside],
                    completeness(dataset, inside, window),
                )
            )
    lost = [d for d in shown if d.id not in placed]
    if lost:
        units.append(
            UnitStatus(
                None,
                [_club_status(dataset, d, window) for d in lost],
                completeness(dataset, lost, window),
            )
        )
    return StatusRun(resolved.period, window, level, units, completeness(dataset, shown, window))
