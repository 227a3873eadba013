"""The units in force at a date, and finding a unit by its name or code.

A figure at a date is attached to the units in force at that date: until 30 June 2025
Lạng Sơn's districts (and the communes of the era in force), from 1 July 2025 its
communes, with no district level. Reviews by district made after the reform use the
latest era that had districts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lstg.core.i18n import _
from lstg.domain.places.words import Level, name_matches
from lstg.schema import Province
from lstg.schema.province import Era


class UnknownPlace(ValueError):
    """A district or commune name that matches no unit; the message lists the known ones."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A district or a commune of one era (the era's id, never an alias)."""

    level: Level
    code: str
    name: str
    era: str


def district_era(province: Province, day: date | None = None) -> Era | None:
    """The era whose districts are used for reports by district at ``day``.

    The era in force at ``day`` if it has districts, else the latest era that has
    districts (reviews of 2021–2025 are still made by district after the reform).
    """
    if day is not None:
        era = province.era_at(day)
        if era is not None and era.districts:
            return era
    with_districts = [e for e in province.eras if e.districts]
    return with_districts[-1] if with_districts else None


def commune_era(province: Province, day: date) -> Era:
    """The era whose communes are in force at ``day`` (the first or last one outside all eras)."""
    era = province.era_at(day)
    if era is not None:
        return era
    first = province.eras[0]
    if first.valid_from is not None and day < first.valid_from:
        return first
    return province.eras[-1]


def default_level(province: Province, day: date) -> Level:
    """District while the era at ``day`` has districts, commune after."""
    return "district" if commune_era(province, day).districts else "commune"


def era_units(era: Era, level: Level) -> list[Unit]:
    """The era's units of ``level``, in the province file's order."""
    if level == "district":
        return [Unit("district", d.code, d.name, era.id) for d in era.districts]
    return [Unit("commune", c.code, c.name, era.id) for c in era.communes]


def units(province: Province, level: Level, day: date) -> list[Unit]:
    """Every unit of ``level`` in force for reports at ``day``, in the province file's order."""
    if level == "district":
        era = district_era(province, day)
        return [] if era is None else era_units(era, "district")
    return era_units(commune_era(province, day), "commune")


def units_within(province: Province, parent: Unit | None, day: date) -> list[Unit]:
    """The units counted under ``parent`` by ``units_*`` figures.

    The province (``None``): its districts before 1 July 2025, its communes
    after. A district: its communes, in its era. A commune: itself.
    """
    if parent is None:
        return units(province, default_level(province, day), day)
    if parent.level == "commune":
        return [parent]
    era = province.era(parent.era)
    if era is None:
        return []
    return [
        Unit("commune", c.code, c.name, era.id) for c in era.communes if c.district == parent.code
    ]


def find_unit(province: Province, level: Level, query: str, day: date) -> Unit:
    """The unit of ``level`` that ``query`` names (by name or code), among the units at ``day``.

    For communes, the communes of every era are searched when none at ``day``
    matches, so that an old commune can still be named after the reform.

    Raises:
        UnknownPlace: no unit or more than one matches; the message lists the candidates.
    """
    candidates = units(province, level, day)
    found = [u for u in candidates if u.code == query.strip() or name_matches(query, u.name)]
    if not found and level == "commune":
        every = [u for era in province.eras for u in era_units(era, "commune")]
        found = [u for u in every if u.code == query.strip() or name_matches(query, u.name)]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise UnknownPlace(
            _("“{query}” names more than one unit: {names}").format(
                query=query, names=", ".join(f"{u.name} ({u.code}, {u.era})" for u in found)
            )
        )
    if level == "district":
        message = _("Unknown district “{query}”. Known districts: {names}")
    else:
        message = _("Unknown commune “{query}”. Known communes: {names}")
    raise UnknownPlace(message.format(query=query, names=", ".join(u.name for u in candidates)))
