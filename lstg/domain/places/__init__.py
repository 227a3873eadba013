"""Administrative places: where a club is, in the units of a given date.

The province file lists the units of each era: Lạng Sơn's communes before 1/1/2020,
from 1/1/2020, from 1/12/2024 (with their 11 districts), and the 65 communes from
1/7/2025, with no district level. A club records its commune with the era of that
list (``commune: {code, era}``), and may record it in other eras (``communes``).
A figure at a date is attached to the units in force at that date: before the
reform, the district; after it, the new commune.

- :mod:`~lstg.domain.places.words`: names (matched without case or diacritics), the words for
  the kinds of units in force at a date, the province's designation;
- :mod:`~lstg.domain.places.units`: the eras and units in force at a date, finding a unit;
- :mod:`~lstg.domain.places.links`: a commune of one era in another era, and a club in the
  units of a date, never assigned to one of several units by a guess;
- :mod:`~lstg.domain.places.zones`: the zone of a commune (plains, mountain, border, island);
- :mod:`~lstg.domain.places.search`: units by name in every era, for ``lstg place``.

See ``docs/places.md``.
"""

from __future__ import annotations

from lstg.domain.places.links import (
    Step,
    Translation,
    UnitFinder,
    club_commune,
    club_places,
    club_unit,
    contains,
    districts_of,
    place_club,
    translate,
    translate_codes,
    unit_code,
)
from lstg.domain.places.units import (
    Unit,
    UnknownPlace,
    commune_era,
    default_level,
    district_era,
    era_units,
    find_unit,
    units,
    units_within,
)
from lstg.domain.places.words import (
    Level,
    era_kinds,
    era_unit_words,
    fold,
    join_kinds,
    kind_of,
    kind_word,
    name_contains,
    name_matches,
    province_designation,
    unit_words,
)
from lstg.domain.places.zones import (
    CoverageGroup,
    communes_by_group,
    coverage_group,
    group_words,
    zone_of,
    zone_word,
)

__all__ = [
    "CoverageGroup",
    "Level",
    "Step",
    "Translation",
    "Unit",
    "UnitFinder",
    "UnknownPlace",
    "club_commune",
    "club_places",
    "club_unit",
    "commune_era",
    "communes_by_group",
    "contains",
    "coverage_group",
    "default_level",
    "district_era",
    "districts_of",
    "era_kinds",
    "era_unit_words",
    "era_units",
    "find_unit",
    "fold",
    "group_words",
    "join_kinds",
    "kind_of",
    "kind_word",
    "name_contains",
    "name_matches",
    "place_club",
    "province_designation",
    "translate",
    "translate_codes",
    "unit_code",
    "unit_words",
    "units",
    "units_within",
    "zone_of",
    "zone_word",
]
