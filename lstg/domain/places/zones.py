"""The zone of a commune, for targets that differ between the plains and the mountains.

Decision 1648/QĐ-TTg (1/8/2025) sets, for 2025–2030, "100% of communes and wards in
the plains, and 70% in mountain, border and island areas, with 1–3 clubs operating to
standard". The province file gives each commune a ``zone`` (plains, mountain, border,
island); the targets group the last three together.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from lstg.core.i18n import current_language
from lstg.domain.places.units import Unit, commune_era
from lstg.schema import Province
from lstg.schema.province import Zone

CoverageGroup = Literal["plains", "mountain-border-island"]

_ZONE_WORDS: dict[str, tuple[str, str]] = {
    "plains": ("đồng bằng", "plains"),
    "mountain": ("miền núi", "mountain"),
    "border": ("biên giới", "border"),
    "island": ("hải đảo", "island"),
}
_GROUP_WORDS: dict[str, tuple[str, str]] = {
    "plains": ("đồng bằng", "plains"),
    "mountain-border-island": ("miền núi, biên giới, hải đảo", "mountain, border and island areas"),
}


def zone_of(province: Province, unit: Unit) -> Zone | None:
    """The zone the province file gives the commune ``unit`` (``None`` for a district, or
    a commune without one)."""
    if unit.level != "commune":
        return None
    era = province.era(unit.era)
    commune = None if era is None else era.commune(unit.code)
    return None if commune is None else commune.zone


def coverage_group(zone: Zone | None) -> CoverageGroup | None:
    """The group of Decision 1648's coverage targets: the plains, or the mountain, border
    and island areas together."""
    if zone is None:
        return None
    return "plains" if zone == "plains" else "mountain-border-island"


def communes_by_group(province: Province, day: date) -> dict[CoverageGroup | None, list[Unit]]:
    """The communes in force at ``day`` by coverage group (``None``: no zone recorded),
    in the province file's order."""
    era = commune_era(province, day)
    groups: dict[CoverageGroup | None, list[Unit]] = {}
    for commune in era.communes:
        unit = Unit("commune", commune.code, commune.name, era.id)
        groups.setdefault(coverage_group(commune.zone), []).append(unit)
    return groups


def zone_word(zone: Zone, *, language: str | None = None) -> str:
    """The word for a zone: "miền núi"; English "mountain"."""
    vi, en = _ZONE_WORDS[zone]
    return en if (language or current_language()) == "en" else vi


def group_words(group: CoverageGroup, *, language: str | None = None) -> str:
    """The words for a coverage group: "miền núi, biên giới, hải đảo"; English
    "mountain, border and island areas"."""
    vi, en = _GROUP_WORDS[group]
    return en if (language or current_language()) == "en" else vi
