"""``lstg status`` as a library call: which clubs have sent the records of which months.

The table a district or commune officer chases clubs with: for each unit and
each club of it, the months of the period with a meeting held, a month skipped
with its reason, a month owed and missing, or a month not owed; the club's
latest record; and how complete each unit's records are (see
:mod:`lstg.indicators.completeness`). The period and as-of date follow the rule of
:mod:`lstg.domain.resolve`, like ``lstg check`` and ``lstg report``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, get_args

from lstg.core.errors import UsageError, UserError
from lstg.core.i18n import _
from lstg.dataset import ClubData, DataSet
from lstg.dataset.folder import club_folders
from lstg.dataset.loader import load_base, load_club
from lstg.domain import places
from lstg.domain.periods import Period, Window
from lstg.domain.places import Unit, UnknownPlace
from lstg.domain.resolve import resolve
from lstg.indicators import clubs_in
from lstg.indicators.completeness import (
    Completeness,
    MonthState,
    completeness,
    last_recorded,
    month_states,
    months_late,
)
from lstg.indicators.facts import AnyClub
from lstg.indicators.stream import each_club
from lstg.schema import Province


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


def _club_status(root: Path, folder: Path, window: Window, province: Province | None) -> ClubStatus:
    """One club's status, from its records, loaded here and dropped after."""
    data, _problems = load_club(root, folder)
    assert data.club is not None
    alone = DataSet(root=root, province=province, plans={}, clubs={data.id: data}, problems=[])
    return ClubStatus(
        id=data.id,
        name=data.club.name,
        months=month_states(data, window),
        done=completeness(alone, [data], window),
        last_record=last_recorded(data, window.end),
        months_late=months_late(data, window.end),
    )


_STATES: frozenset[str] = frozenset(get_args(MonthState))


def status_to_data(status: ClubStatus) -> dict[str, Any]:
    """A club's status as plain JSON data, for the cache."""
    done = status.done
    return {
        "name": status.name,
        "months": [[month.isoformat(), state] for month, state in status.months],
        "done": [
            done.months_expected,
            done.months_recorded,
            done.share,
            done.clubs_owing,
            list(done.not_reporting),
        ],
        "last_record": None if status.last_record is None else status.last_record.isoformat(),
        "months_late": status.months_late,
    }


def status_from_data(club_id: str, entry: Any) -> ClubStatus:
    """A club's status read back from :func:`status_to_data`; ``TypeError``, ``ValueError``
    or ``KeyError`` when ``entry`` is not that."""
    if not isinstance(entry, dict):
        raise TypeError("not a status entry")
    months: list[tuple[date, MonthState]] = []
    for month, state in entry["months"]:
        if state not in _STATES:
            raise ValueError(f"not a month's state: {state!r}")
        months.append((date.fromisoformat(month), state))
    expected, recorded, share, owing, not_reporting = entry["done"]
    counts = (expected, recorded, owing, entry["months_late"])
    if not all(type(n) is int for n in counts) or not (
        share is None or type(share) in (int, float)
    ):
        raise TypeError("not a count")
    if not (isinstance(entry["name"], str) and all(isinstance(c, str) for c in not_reporting)):
        raise TypeError("not a name")
    last = entry["last_record"]
    return ClubStatus(
        id=club_id,
        name=entry["name"],
        months=months,
        done=Completeness(expected, recorded, share, owing, tuple(not_reporting)),
        last_record=None if last is None else date.fromisoformat(last),
        months_late=entry["months_late"],
    )


def _statuses(
    root: Path, shown: list[ClubData], window: Window, province: Province
) -> dict[str, ClubStatus]:
    """The status of each club of ``shown``: from the cache for a club whose files have not
    changed since it was last told for this window, else from its records."""
    from lstg import cache

    stored = None
    if cache.enabled():
        from lstg.indicators.cached import ClubEntries

        asked = f"status {window.start.isoformat()} {window.end.isoformat()}"
        stored = ClubEntries(root, "status", asked, status_from_data)
    found = stored.get_all(d.id for d in shown) if stored is not None else {}
    folders = {f.name: f for f in club_folders(root, [d.id for d in shown if d.id not in found])}
    missing = [folders[d.id] for d in shown if d.id not in found]
    for status in each_club(root, missing, partial(_club_status, window=window, province=province)):
        found[status.id] = status
        if stored is not None:
            stored.keep(status.id, status_to_data(status))
    if stored is not None:
        stored.done()
    return found


def _together(clubs: Sequence[ClubStatus]) -> Completeness:
    """The completeness of a set of clubs: the sums of the clubs' months, as
    :func:`~lstg.indicators.completeness.completeness` adds them."""
    expected = sum(c.done.months_expected for c in clubs)
    recorded = sum(c.done.months_recorded for c in clubs)
    return Completeness(
        months_expected=expected,
        months_recorded=recorded,
        share=100 * recorded / expected if expected else None,
        clubs_owing=sum(c.done.clubs_owing for c in clubs),
        not_reporting=tuple(i for c in clubs for i in c.done.not_reporting),
    )


def _records(clubs: list[AnyClub]) -> list[ClubData]:
    """The clubs with their club files (their records are read one club at a time)."""
    return [d for d in clubs if isinstance(d, ClubData)]


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
    dataset = load_base(root, club_files=True)
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
        chosen = _records(clubs_in(dataset, unit))
        level = "commune" if wanted == "district" else wanted
        groups = (
            [u for u in places.units_within(province, unit, window.end)]
            if wanted == "district"
            else [unit]
        )
    else:
        chosen = _records(clubs_in(dataset, None))
        groups = list(places.units(province, level, window.end))
    shown = [d for d in chosen if _shown(d, window)]
    statuses = _statuses(root, shown, window, province)
    units: list[UnitStatus] = []
    placed: set[str] = set()
    for group in groups:
        inside = [
            statuses[d.id]
            for d in shown
            if d.id not in placed
            and d.club is not None
            and (group is None or places.contains(province, group, d.club))
        ]
        placed.update(c.id for c in inside)
        if inside:
            units.append(UnitStatus(group, inside, _together(inside)))
    lost = [statuses[d.id] for d in shown if d.id not in placed]
    if lost:
        units.append(UnitStatus(None, lost, _together(lost)))
    return StatusRun(
        resolved.period, window, level, units, _together([statuses[d.id] for d in shown])
    )
