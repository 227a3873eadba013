"""The same person or the same loan entered twice.

A person is known by their name, compared in NFC without regard to case or
spacing (diacritics count: Lan and Lân are two names), and their year of birth.
Two members of one club with the same name and birth year, or two members of
different clubs, are probably one person entered twice (or one person in two
clubs); a member's ``distinct_from`` lists the members known to be someone else
(``M012`` in the same club, ``club-id/M012`` in another), which silences the
warning. Two loans to one member on one day, of one amount, for one purpose, are
probably one loan entered twice.

Only a digest of the name and birth year is kept to compare clubs (see
:func:`people_index`), so that the cache never holds names.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from lstg.core.i18n import _
from lstg.core.problems import Problem, warning
from lstg.dataset import CLUBS_DIR, MEMBERS_FILE, ClubData
from lstg.domain.places import club_unit
from lstg.schema import Member, Province
from lstg.validate.common import ClubView


def same_name(name: str) -> str:
    """A name as two records of one person would agree on: NFC, case folded, one space."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def person_key(member: Member) -> str:
    """A short digest of the member's normalised name and year of birth."""
    return _person_key(member.name, member.known_birth_year)


@lru_cache(maxsize=4096)
def _person_key(name: str, year: int | None) -> str:
    # Remembered: a club's check of duplicates and its people index each ask every member.
    text = f"{same_name(name)}|{year if year is not None else '?'}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _born_apart(one: Member, other: Member) -> bool:
    """Two full birth dates that differ are two people, whatever their names."""
    return (
        one.birth_date is not None
        and other.birth_date is not None
        and (one.birth_date != other.birth_date)
    )


def _known_apart(member: Member, other: str) -> bool:
    return other in member.distinct_from


def check_duplicates(view: ClubView) -> list[Problem]:
    """Members with the same name and birth year, and loans entered twice, in one club."""
    problems: list[Problem] = []
    first: dict[str, tuple[int, Member]] = {}
    for row, member in zip(view.data.member_rows, view.data.members, strict=True):
        key = person_key(member)
        if key not in first:
            first[key] = (row, member)
            continue
        _row, earlier = first[key]
        if (
            _known_apart(member, earlier.id)
            or _known_apart(earlier, member.id)
            or _born_apart(member, earlier)
        ):
            continue
        year = member.known_birth_year
        problems.append(
            warning(
                view.members_file,
                "member.duplicate",
                _(
                    "{id} has the same name and year of birth as {other} ({name}, {year}): "
                    "is it one person entered twice?"
                ).format(
                    id=member.id,
                    other=earlier.id,
                    name=earlier.name,
                    year=year if year is not None else "?",
                ),
                hint=_(
                    "If it is one person, keep one record; if they are two people, "
                    "write distinct_from: [{other}] in this record."
                ).format(other=earlier.id),
                where=(row, "name"),
            )
        )
    seen: dict[tuple[str, object, int, str], str] = {}
    for row, loan in view.loans():
        entry = (loan.member, loan.disbursed, loan.amount, same_name(loan.purpose or ""))
        if entry in seen:
            problems.append(
                warning(
                    view.loans_file,
                    "loan.duplicate",
                    _(
                        "Loan {id} has the same member, day, amount and purpose as loan "
                        "{other}: is it one loan entered twice?"
                    ).format(id=loan.id, other=seen[entry]),
                    hint=_("If it is one loan, remove one of the two records."),
                    where=(row, "id"),
                )
            )
        else:
            seen[entry] = loan.id
    return problems


PeopleIndex = dict[str, list]  # type: ignore[type-arg]
"""A club's members for comparing clubs, as plain data the cache can keep: ``places``,
the units the club lies in (its district and its commune after the 2025 reform), and
``people``, for each member ``[id, row in members.yaml, key, distinct_from, birth date]``
(the key a digest of the name and birth year; no name)."""


def people_index(data: ClubData, places: list[str]) -> PeopleIndex:
    """What :func:`check_across_clubs` needs of one club: no name, only its digest."""
    return {
        "places": sorted(places),
        "people": [
            [
                m.id,
                row,
                person_key(m),
                list(m.distinct_from),
                m.birth_date.isoformat() if m.birth_date else None,
            ]
            for row, m in zip(data.member_rows, data.members, strict=True)
        ],
    }


def check_across_clubs(indexes: Mapping[str, PeopleIndex]) -> list[Problem]:
    """Members of clubs of one commune with the same name and birth year: one person in two
    clubs, or entered in the wrong club. A warning at each record.

    Clubs are compared within the commune people live in (the commune of the latest
    era); across a district or a province, two people of one common name and year are
    to be expected.
    """
    owners: dict[tuple[str, str], list[tuple[str, list[Any]]]] = defaultdict(list)
    for club_id, index in sorted(indexes.items()):
        for place in index["places"]:
            for person in index["people"]:
                owners[(place, person[2])].append((club_id, person))
    warned: dict[tuple[str, str], list[str]] = {}
    rows: dict[tuple[str, str], int] = {}
    for people in owners.values():
        # Nearly every name and year is one person's: only a group of two or more is read.
        if len(people) < 2 or len({club for club, _person in people}) < 2:
            continue
        found = [
            (club, member_id, row, apart, born)
            for club, (member_id, row, _key, apart, born) in people
        ]
        for club_id, member_id, row, apart, born in found:
            for club, other, _row, their, their_born in found:
                name = f"{club}/{other}"
                if club == club_id or name in apart or f"{club_id}/{member_id}" in their:
                    continue
                if born is not None and their_born is not None and born != their_born:
                    continue
                listed = warned.setdefault((club_id, member_id), [])
                if name not in listed:
                    listed.append(name)
                rows[(club_id, member_id)] = row
    problems: list[Problem] = []
    for (club_id, member_id), others in sorted(warned.items()):
        problems.append(
            warning(
                f"{CLUBS_DIR}/{club_id}/{MEMBERS_FILE}",
                "member.in-two-clubs",
                _(
                    "{id} has the same name and year of birth as {others}: one person in two clubs?"
                ).format(id=member_id, others=", ".join(others)),
                hint=_(
                    "If they are two people, write distinct_from: [{first}] in this record."
                ).format(first=others[0]),
                where=(rows[(club_id, member_id)], "name"),
            )
        )
    return problems


def club_places(province: Province | None, data: ClubData) -> list[str]:
    """The unit a club's members live in, for comparing clubs: its commune in the latest era
    (or as the club records it, when it cannot be placed there)."""
    if province is None or data.club is None:
        return []
    era = province.eras[-1]
    day = era.valid_from or era.valid_to
    unit = club_unit(province, data.club, "commune", day) if day is not None else None
    if unit is None:
        place = data.club.commune
        return [f"commune:{place.era}:{place.code}"]
    return [f"commune:{unit.era}:{unit.code}"]


def all_indexes(province: Province | None, clubs: Sequence[ClubData]) -> dict[str, PeopleIndex]:
    """The people index of each loaded club."""
    return {data.id: people_index(data, club_places(province, data)) for data in clubs}
