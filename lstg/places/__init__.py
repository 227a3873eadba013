"""Administrative places: where a club is, in the units of a given date.

Lạng Sơn had 11 districts and 194 communes until 30 June 2025, and 65 communes
with no district level from 1 July 2025. A club records its commune with the
era of that list (``commune: {code, era}``). A figure at a date is attached to
the units in force at that date: before the reform, the old district; after it,
the new commune. A club recorded in one era is placed in another by following
the province file's ``becomes`` lists:

- forwards (old → new): the commune the old one became. An old commune that was
  split (more than one code in ``becomes``) goes to the **first one listed**; to
  place a club in another part, record the club's commune in the new era.
- backwards (new → old): the first old commune, in the order of the province
  file, that lists the new one in its ``becomes``. Its district is the club's
  district for reports by district after the reform.

Names are matched without regard to case, diacritics or the kind of unit:
"chi lang" finds "Huyện Chi Lăng", "dong kinh" finds "Phường Đông Kinh".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

from lstg.i18n import _
from lstg.schema import Club, Province
from lstg.schema.province import Commune, Era

Level = Literal["district", "commune"]

_KINDS = ("thanh pho", "thi xa", "thi tran", "huyen", "phuong", "xa")


class UnknownPlace(ValueError):
    """A district or commune name that matches no unit; the message lists the known ones."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A district or a commune of one era."""

    level: Level
    code: str
    name: str
    era: str


def fold(text: str) -> str:
    """``text`` without case, diacritics or extra spaces: "Huyện Chi Lăng" → "huyen chi lang"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def _bare_name(folded: str) -> str:
    for kind in _KINDS:
        if folded.startswith(kind + " "):
            return folded[len(kind) + 1 :]
    return folded


def name_matches(query: str, name: str) -> bool:
    """Whether ``query`` names the unit ``name``, with or without its kind ("huyện")."""
    wanted = fold(query)
    have = fold(name)
    return wanted in (have, _bare_name(have))


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


def units(province: Province, level: Level, day: date) -> list[Unit]:
    """Every unit of ``level`` in force for reports at ``day``, in the province file's order."""
    if level == "district":
        era = district_era(province, day)
        if era is None:
            return []
        return [Unit("district", d.code, d.name, era.id) for d in era.districts]
    era = commune_era(province, day)
    return [Unit("commune", c.code, c.name, era.id) for c in era.communes]


def _era_index(province: Province, era_id: str) -> int | None:
    return next((i for i, e in enumerate(province.eras) if e.id == era_id), None)


def translate(province: Province, era_id: str, code: str, target: str) -> Commune | None:
    """The commune of era ``target`` that the commune ``code`` of era ``era_id`` lies in.

    Follows ``becomes`` forwards (first listed on a split) or backwards (first
    old commune that lists it); ``None`` when the chain is broken.
    """
    start = _era_index(province, era_id)
    stop = _era_index(province, target)
    if start is None or stop is None:
        return None
    current = code
    step = 1 if stop >= start else -1
    index = start
    while index != stop:
        era = province.eras[index]
        following = province.eras[index + step]
        if step == 1:
            commune = next((c for c in era.communes if c.code == current), None)
            if commune is None or not commune.becomes:
                return None
            current = commune.becomes[0]
        else:
            before = next((c for c in following.communes if current in c.becomes), None)
            if before is None:
                return None
            current = before.code
        index += step
    return next((c for c in province.eras[stop].communes if c.code == current), None)


def club_unit(province: Province, club: Club, level: Level, day: date) -> Unit | None:
    """The district or commune a club counts in, for a figure at ``day``.

    ``None`` when the club's commune cannot be placed in that era's units.
    """
    if level == "district":
        era = district_era(province, day)
        if era is None:
            return None
        commune = translate(province, club.commune.era, club.commune.code, era.id)
        if commune is None or commune.district is None:
            return None
        district = next((d for d in era.districts if d.code == commune.district), None)
        if district is None:
            return None
        return Unit("district", district.code, district.name, era.id)
    era = commune_era(province, day)
    commune = translate(province, club.commune.era, club.commune.code, era.id)
    if commune is None:
        return None
    return Unit("commune", commune.code, commune.name, era.id)


def contains(province: Province, unit: Unit, club: Club) -> bool:
    """Whether the club lies in ``unit``, its commune placed in the unit's own era."""
    commune = translate(province, club.commune.era, club.commune.code, unit.era)
    if commune is None:
        return False
    if unit.level == "district":
        return commune.district == unit.code
    return commune.code == unit.code


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


def club_commune(province: Province, club: Club) -> Unit | None:
    """The commune as the club records it, in its own era."""
    era = province.era(club.commune.era)
    if era is None:
        return None
    commune = next((c for c in era.communes if c.code == club.commune.code), None)
    if commune is None:
        return None
    return Unit("commune", commune.code, commune.name, era.id)


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
        every = [Unit("commune", c.code, c.name, e.id) for e in province.eras for c in e.communes]
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
