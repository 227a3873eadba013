"""Units by name or code in every era, with what they became and came from.

A unit that stayed the same from era to era (same code, name, kind and district,
becoming itself) is one :class:`Entry` spanning those eras, so that a search for
"Đông Kinh" shows old Phường Đông Kinh once, then the new ward that took its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lstg.domain.places.words import Level, fold, kind_of, name_contains
from lstg.schema import Province
from lstg.schema.province import Commune, District, Era, Zone


@dataclass(frozen=True, slots=True)
class Link:
    """A unit of another era that a unit became or came from."""

    code: str
    name: str
    era: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One unit over one or more consecutive eras.

    Attributes:
        eras: the ids of the eras, oldest first.
        valid_from, valid_to: the span of those eras (``None``: open).
        district: the district's code and name, while districts existed.
        became: the units of the next era that took its territory (empty in the last era,
            or when they are not known: see ``note``).
        came_from: the units of the previous era whose territory it took.
    """

    level: Level
    code: str
    name: str
    kind: str | None
    eras: tuple[str, ...]
    valid_from: date | None
    valid_to: date | None
    district: tuple[str, str] | None = None
    zone: Zone | None = None
    split: bool = False
    note: str | None = None
    became: tuple[Link, ...] = ()
    came_from: tuple[Link, ...] = ()


def _district(era: Era, commune: Commune) -> tuple[str, str] | None:
    district = None if commune.district is None else era.district(commune.district)
    return None if district is None else (district.code, district.name)


def _same(one: Commune, other: Commune) -> bool:
    return (one.name, one.kind, one.district, one.zone) == (
        other.name,
        other.kind,
        other.district,
        other.zone,
    )


def _came_from(province: Province, index: int, code: str) -> tuple[Link, ...]:
    if index == 0:
        return ()
    previous = province.eras[index - 1]
    return tuple(Link(c.code, c.name, previous.id) for c in previous.communes if code in c.becomes)


def _became(province: Province, index: int, commune: Commune) -> tuple[Link, ...]:
    if index + 1 >= len(province.eras):
        return ()
    following = province.eras[index + 1]
    links = []
    for code in commune.becomes:
        unit = following.commune(code)
        links.append(Link(code, unit.name if unit is not None else code, following.id))
    return tuple(links)


def commune_entry(province: Province, start: int, stop: int, code: str) -> Entry:
    """The entry of commune ``code`` over the eras ``start`` to ``stop`` (both included)."""
    first, last = province.eras[start], province.eras[stop]
    commune = last.commune(code)
    assert commune is not None
    return Entry(
        level="commune",
        code=code,
        name=commune.name,
        kind=kind_of(commune),
        eras=tuple(e.id for e in province.eras[start : stop + 1]),
        valid_from=first.valid_from,
        valid_to=last.valid_to,
        district=_district(last, commune),
        zone=commune.zone,
        split=commune.is_split,
        note=commune.note,
        became=_became(province, stop, commune),
        came_from=_came_from(province, start, code),
    )


def _commune_runs(province: Province, code: str, only: int | None = None) -> list[Entry]:
    """The entries of the communes with ``code``: runs of eras where it stayed the same."""
    entries: list[Entry] = []
    index = 0
    eras = province.eras
    while index < len(eras):
        commune = eras[index].commune(code)
        if commune is None or (only is not None and index != only):
            index += 1
            continue
        stop = index
        while only is None and stop + 1 < len(eras):
            following = eras[stop + 1].commune(code)
            current = eras[stop].commune(code)
            assert current is not None
            if following is None or current.becomes != [code] or not _same(current, following):
                break
            stop += 1
        entries.append(commune_entry(province, index, stop, code))
        index = stop + 1
    return entries


def _district_entries(among: list[Era], matches: set[tuple[str, str]]) -> list[Entry]:
    entries: list[Entry] = []
    for code, name in sorted(matches):
        eras = [e for e in among if any(d.code == code and d.name == name for d in e.districts)]
        found = next(d for d in eras[0].districts if d.code == code)
        entries.append(
            Entry(
                level="district",
                code=code,
                name=name,
                kind=kind_of(found),
                eras=tuple(e.id for e in eras),
                valid_from=eras[0].valid_from,
                valid_to=eras[-1].valid_to,
            )
        )
    return entries


def _matches(query: str, unit: District | Commune) -> bool:
    text = query.strip()
    if text.isdigit():
        return unit.code == text
    return name_contains(text, unit.name)


def search(province: Province, query: str) -> list[Entry]:
    """The districts and communes of every era whose name holds the words of ``query``
    (without regard to case, diacritics or the kind), or whose code is ``query``.

    Districts first, then communes, each in the order of their first era and code.
    """
    if not fold(query):
        return []
    districts = {(d.code, d.name) for e in province.eras for d in e.districts if _matches(query, d)}
    codes = {c.code for e in province.eras for c in e.communes if _matches(query, c)}
    communes = [entry for code in sorted(codes) for entry in _commune_runs(province, code)]
    wanted = [e for e in communes if _matches(query, _as_unit(e))]
    order = {era.id: i for i, era in enumerate(province.eras)}
    wanted.sort(key=lambda e: (order[e.eras[0]], e.code))
    return _district_entries(province.eras, districts) + wanted


def _as_unit(entry: Entry) -> Commune:
    return Commune(code=entry.code, name=entry.name)


def show(province: Province, code: str, *, era: str | None = None) -> list[Entry]:
    """Every unit with ``code``, in every era (codes are reused across eras), or only in
    ``era``; districts first."""
    index = None if era is None else province.index(era)
    if era is not None and index is None:
        return []
    eras = province.eras if index is None else [province.eras[index]]
    districts = {(d.code, d.name) for e in eras for d in e.districts if d.code == code}
    return _district_entries(eras, districts) + _commune_runs(province, code, index)
