"""A commune of one era in the units of another, and a club in the units of a date.

A commune is followed from era to era by the province file's ``becomes`` lists, as far
as needed, forwards or backwards. Each step gives the *set* of units the commune may
lie in, and a club is placed in a unit only when that set has one unit; it is never
assigned to one of several by a rule of thumb:

- forwards, a commune that was split (``becomes`` lists several units) may lie in any
  of them; a commune whose successor is not known (an empty ``becomes``) may lie in any
  unit of the next era within its district, since the changes of communes moved no
  commune to another district;
- backwards, a unit made of several communes may lie in any of them, and in any commune
  of its district whose successor is not known (or only partly).

A club records its commune in one era (``commune``) and may record it in others
(``communes``), for instance the part of a split commune that it lies in. A record in
the target era is taken as it is; otherwise the club lies in the units that every
record leads to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from lstg.domain.places.units import Unit, commune_era, district_era
from lstg.domain.places.words import Level
from lstg.schema import Club, Province
from lstg.schema.club import Place
from lstg.schema.province import Commune, Era

StepKind = Literal["split", "merge", "untraced"]


@dataclass(frozen=True, slots=True)
class Step:
    """A point where a commune stopped being one unit on its way to another era.

    Attributes:
        kind: ``split``: the commune's territory went to several units (forwards);
            ``merge``: the unit was made of several communes (backwards);
            ``untraced``: what the commune became is not known (forwards).
        era: the era of ``code``.
        code, name: the commune that split, was merged, or is not traced.
        into: the codes of the units it may correspond to in the next era on the way.
        into_era: the era of ``into``.
    """

    kind: StepKind
    era: str
    code: str
    name: str
    into: tuple[str, ...]
    into_era: str


@dataclass(frozen=True, slots=True)
class Translation:
    """The communes of one era that a commune of another era may lie in, and why.

    ``codes`` is empty when the commune is not in the province file.
    """

    era: str
    codes: frozenset[str]
    steps: tuple[Step, ...] = ()

    @property
    def unique(self) -> str | None:
        """The one commune, if there is exactly one."""
        return next(iter(self.codes)) if len(self.codes) == 1 else None


def _incomplete(commune: Commune) -> bool:
    """Whether some of the units that took the commune's territory are not known."""
    return not commune.becomes or (commune.split and len(set(commune.becomes)) == 1)


def _district_successors(era: Era, following: Era, district: str | None) -> set[str]:
    """The units of ``following`` that may hold a commune of ``district`` in ``era``."""
    if following.districts:
        return {c.code for c in following.communes if district is None or c.district == district}
    return {
        code
        for c in era.communes
        if district is None or c.district == district
        for code in c.becomes
        if following.commune(code) is not None
    }


def _forwards(era: Era, following: Era, codes: Iterable[str]) -> tuple[set[str], list[Step]]:
    found: set[str] = set()
    steps: list[Step] = []
    for code in sorted(codes):
        commune = era.commune(code)
        if commune is None:
            continue
        into = {c for c in commune.becomes if following.commune(c) is not None}
        if _incomplete(commune):
            into |= _district_successors(era, following, commune.district)
            kind: StepKind = "untraced"
        else:
            kind = "split"
        found |= into
        if len(into) > 1:
            steps.append(Step(kind, era.id, code, commune.name, tuple(sorted(into)), following.id))
    return found, steps


def _predecessors(previous: Era) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for commune in previous.communes:
        for code in commune.becomes:
            found.setdefault(code, set()).add(commune.code)
    return found


def _backwards(era: Era, previous: Era, codes: Iterable[str]) -> tuple[set[str], list[Step]]:
    found: set[str] = set()
    steps: list[Step] = []
    predecessors = _predecessors(previous)
    for code in sorted(codes):
        commune = era.commune(code)
        if commune is None:
            continue
        into = set(predecessors.get(code, ()))
        districts = (
            {commune.district}
            if era.districts
            else {c.district for c in previous.communes if c.code in into}
        )
        into |= {c.code for c in previous.communes if _incomplete(c) and c.district in districts}
        found |= into
        if len(into) > 1:
            steps.append(
                Step("merge", era.id, code, commune.name, tuple(sorted(into)), previous.id)
            )
    return found, steps


_Key = tuple[str, ...]
_MEMO: dict[int, tuple[Province, dict[_Key, Translation]]] = {}


def _memo(province: Province) -> dict[_Key, Translation]:
    """Translations and placements already made for ``province``, by the codes and eras
    they start from and their target (a province is immutable, so they stay true)."""
    entry = _MEMO.get(id(province))
    if entry is None or entry[0] is not province:
        if len(_MEMO) >= 8:
            _MEMO.clear()
        entry = (province, {})
        _MEMO[id(province)] = entry
    return entry[1]


def translate_codes(province: Province, place: Place, target: str) -> Translation:
    """The communes of era ``target`` that the commune ``place`` may lie in."""
    key = ("translate", place.code, place.era, target)
    memo = _memo(province)
    if key not in memo:
        memo[key] = _translate(province, place, target)
    return memo[key]


def _translate(province: Province, place: Place, target: str) -> Translation:
    start = province.index(place.era)
    stop = province.index(target)
    if start is None or stop is None:
        return Translation(target, frozenset())
    target_id = province.eras[stop].id
    if province.eras[start].commune(place.code) is None:
        return Translation(target_id, frozenset())
    codes = {place.code}
    steps: list[Step] = []
    index = start
    while index != stop:
        if stop > index:
            codes, found = _forwards(province.eras[index], province.eras[index + 1], codes)
            index += 1
        else:
            codes, found = _backwards(province.eras[index], province.eras[index - 1], codes)
            index -= 1
        steps.extend(found)
    return Translation(target_id, frozenset(codes), tuple(steps))


def translate(province: Province, era_id: str, code: str, target: str) -> Commune | None:
    """The commune of era ``target`` that the commune ``code`` of era ``era_id`` lies in.

    ``None`` when it is not in the province file or may lie in more than one commune
    of ``target`` (a split forwards, a merge backwards, an unknown successor).
    """
    translation = translate_codes(province, Place(code=code, era=era_id), target)
    era = province.era(target)
    if translation.unique is None or era is None:
        return None
    return era.commune(translation.unique)


def club_places(club: Club) -> list[Place]:
    """The club's commune as it records it: ``commune`` first, then ``communes``."""
    return [club.commune, *club.communes]


def place_club(province: Province, club: Club, target: str) -> Translation:
    """The communes of era ``target`` that the club may lie in, from all its records.

    A record in ``target`` itself is taken as it is. Otherwise the club lies in the
    communes that every record leads to (those that lead nowhere, being unknown, left
    aside); an empty set when the records disagree.
    """
    key = ("place", target, *(part for p in club_places(club) for part in (p.code, p.era)))
    memo = _memo(province)
    if key not in memo:
        memo[key] = _place(province, club, target)
    return memo[key]


def _place(province: Province, club: Club, target: str) -> Translation:
    era = province.era(target)
    if era is None:
        return Translation(target, frozenset())
    direct = [p for p in club_places(club) if province.index(p.era) == province.index(target)]
    if direct:
        codes = frozenset(p.code for p in direct if era.commune(p.code) is not None)
        return Translation(era.id, codes)
    found = [translate_codes(province, p, target) for p in club_places(club)]
    known = [t for t in found if t.codes]
    if not known:
        return Translation(era.id, frozenset())
    codes = frozenset.intersection(*(t.codes for t in known))
    steps = tuple(s for t in known for s in t.steps) if len(codes) > 1 else ()
    return Translation(era.id, codes, steps)


def districts_of(era: Era, codes: Iterable[str]) -> frozenset[str]:
    """The districts of the era's communes ``codes``."""
    return frozenset(
        c.district for code in codes if (c := era.commune(code)) is not None and c.district
    )


def club_unit(province: Province, club: Club, level: Level, day: date) -> Unit | None:
    """The district or commune a club counts in, for a figure at ``day``.

    ``None`` when the club's commune cannot be placed in one unit of that era: it is
    not in the province file, its records disagree, or it may lie in several units.
    """
    if level == "district":
        era = district_era(province, day)
        if era is None:
            return None
        districts = districts_of(era, place_club(province, club, era.id).codes)
        if len(districts) != 1:
            return None
        district = era.district(next(iter(districts)))
        return None if district is None else Unit("district", district.code, district.name, era.id)
    era = commune_era(province, day)
    code = place_club(province, club, era.id).unique
    commune = None if code is None else era.commune(code)
    return None if commune is None else Unit("commune", commune.code, commune.name, era.id)


def unit_code(province: Province, club: Club, level: Level, era_id: str) -> str | None:
    """The code of the one district or commune of era ``era_id`` the club lies in, if one."""
    codes = place_club(province, club, era_id).codes
    if level != "commune":
        era = province.era(era_id)
        codes = districts_of(era, codes) if era is not None else frozenset()
    return next(iter(codes)) if len(codes) == 1 else None


class UnitFinder:
    """The units of a list that a club lies in, as :func:`contains` says, found by the
    club's one code in each level and era of the list rather than by asking every unit."""

    def __init__(self, province: Province, units: Iterable[Unit]) -> None:
        self._province = province
        self._groups: dict[tuple[Level, str], dict[str, Unit]] = {}
        for unit in units:
            self._groups.setdefault((unit.level, unit.era), {}).setdefault(unit.code, unit)

    def units_of(self, club: Club) -> list[Unit]:
        """The units of the list that hold ``club``: at most one of each level and era."""
        found: list[Unit] = []
        for (level, era), by_code in self._groups.items():
            code = unit_code(self._province, club, level, era)
            if code is not None and code in by_code:
                found.append(by_code[code])
        return found


def contains(province: Province, unit: Unit, club: Club) -> bool:
    """Whether the club lies in ``unit``, its commune placed in the unit's own era."""
    return unit_code(province, club, unit.level, unit.era) == unit.code


def club_commune(province: Province, club: Club) -> Unit | None:
    """The commune as the club records it, in its own era."""
    era = province.era(club.commune.era)
    if era is None:
        return None
    commune = era.commune(club.commune.code)
    if commune is None:
        return None
    return Unit("commune", commune.code, commune.name, era.id)
