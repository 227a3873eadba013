"""Names of units and the words for their kinds, in Vietnamese and English.

Names are matched without regard to case, diacritics or the kind of unit: "chi lang"
finds "Huyện Chi Lăng", "dong kinh" finds "Phường Đông Kinh". The words for the units
in force at a date ("huyện, thành phố"; "xã, phường, thị trấn") come from the kinds of
that era's units, so that a report after 1 July 2025 says "xã, phường" and no "huyện".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import Literal

from lstg.core.i18n import current_language
from lstg.schema import Province
from lstg.schema.province import Commune, District, Era

Level = Literal["district", "commune"]

KINDS: tuple[str, ...] = (
    "thành phố",
    "thị xã",
    "huyện",
    "quận",
    "xã",
    "phường",
    "thị trấn",
    "đặc khu",
)
"""Every kind of unit below the province, districts' first, in the order words list them."""

_DISTRICT_KINDS = ("huyện", "thành phố", "thị xã", "quận")
_COMMUNE_KINDS = ("xã", "phường", "thị trấn", "đặc khu")
_ENGLISH = {
    "huyện": ("district", "districts"),
    "thành phố": ("city", "cities"),
    "thị xã": ("town", "towns"),
    "quận": ("urban district", "urban districts"),
    "xã": ("commune", "communes"),
    "phường": ("ward", "wards"),
    "thị trấn": ("township", "townships"),
    "đặc khu": ("special zone", "special zones"),
}


def fold(text: str) -> str:
    """``text`` without case, diacritics or extra spaces: "Huyện Chi Lăng" → "huyen chi lang"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


_FOLDED_KINDS = tuple(sorted((fold(k) for k in KINDS), key=len, reverse=True))


def _bare_name(folded: str) -> str:
    for kind in _FOLDED_KINDS:
        if folded.startswith(kind + " "):
            return folded[len(kind) + 1 :]
    return folded


def name_matches(query: str, name: str) -> bool:
    """Whether ``query`` names the unit ``name``, with or without its kind ("huyện")."""
    wanted = fold(query)
    have = fold(name)
    return wanted in (have, _bare_name(have))


def name_contains(query: str, name: str) -> bool:
    """Whether ``query`` is a part of the unit's name, whole words, without regard to case,
    diacritics or the kind: "dong" finds "Phường Đông Kinh", "kinh" too, "don" does not."""
    wanted = fold(query).split()
    words = fold(name).split()
    if not wanted:
        return False
    return any(words[i : i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))


def kind_of(unit: District | Commune) -> str | None:
    """The unit's kind: as the province file states it, else from the first words of its name."""
    if unit.kind is not None:
        return unit.kind
    folded = fold(unit.name)
    for kind in sorted(KINDS, key=len, reverse=True):
        if folded.startswith(fold(kind) + " "):
            return kind
    return None


def kind_word(kind: str, *, plural: bool = False, language: str | None = None) -> str:
    """The word for one kind of unit: "xã" in Vietnamese, "commune" or "communes" in English."""
    if (language or current_language()) == "en":
        singular, many = _ENGLISH.get(kind, (kind, kind))
        return many if plural else singular
    return kind


def era_kinds(era: Era, level: Level) -> tuple[str, ...]:
    """The kinds of the era's units of ``level``, in the usual order: ("xã", "phường")."""
    units: Iterable[District | Commune] = era.districts if level == "district" else era.communes
    present = {kind_of(u) for u in units}
    order = _DISTRICT_KINDS if level == "district" else _COMMUNE_KINDS
    return tuple(k for k in order if k in present)


def join_kinds(kinds: Iterable[str], *, language: str | None = None) -> str:
    """The words for several kinds together: "xã, phường, thị trấn"; English
    "communes, wards and townships"."""
    items = list(kinds)
    if (language or current_language()) != "en":
        return ", ".join(items)
    words = [kind_word(k, plural=True, language="en") for k in items]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def era_unit_words(era: Era, level: Level, *, language: str | None = None) -> str:
    """The words for the era's units of ``level``: "huyện, thành phố" for Lạng Sơn's
    districts, "" for an era without districts."""
    return join_kinds(era_kinds(era, level), language=language)


def unit_words(province: Province, level: Level, day: date, *, language: str | None = None) -> str:
    """The words for the units of ``level`` in force at ``day``.

    Lạng Sơn: "huyện, thành phố" and "xã, phường, thị trấn" until 30/6/2025; from
    1/7/2025 no district-level unit is in force (``""``) and communes are "xã, phường".
    English: "districts and cities", "communes, wards and townships". A date outside
    every era takes the nearest era.
    """
    era = province.era_at(day)
    if era is None:
        first = province.eras[0]
        before = first.valid_from is not None and day < first.valid_from
        era = first if before else province.eras[-1]
    return era_unit_words(era, level, language=language)


def province_designation(
    province: Province, *, language: str | None = None, capitalised: bool = False
) -> str:
    """How a text names the province: "tỉnh Lạng Sơn", or "thành phố Hà Nội" for a
    centrally governed city; English "Lạng Sơn province", "Hà Nội city".

    ``capitalised`` starts the Vietnamese words with a capital, as at the head of a
    line: "Tỉnh Lạng Sơn".
    """
    if (language or current_language()) == "en":
        return f"{province.name} {'city' if province.kind == 'thành phố' else 'province'}"
    text = f"{province.kind} {province.name}"
    return text[:1].upper() + text[1:] if capitalised else text
