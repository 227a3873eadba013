"""Everything the files record about one person: the answer to a request to see one's data.

A person is found by ``CLUB/MEMBER`` (one membership) or by name, with the year of
birth to tell namesakes apart, in every club of the data folder (one membership per
club the person belongs to). For each membership the answer holds the member record,
the consent history, board seats, loans and repayments, the meetings attended, health
checks and home-care visits, and every free text (ledger, loans, meetings, club) that
names the person. Nothing about anyone else is copied: a home-care visit keeps its
date and count, not who the other person was, and another member named in a free text
that names the person shows as :data:`SOMEONE_ELSE`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.dataset import CLUB_FILE, LEDGER_FILE, LOANS_FILE, MEMBERS_FILE, ClubData, DataSet
from lstg.dataset.loader import load_dataset
from lstg.privacy.scrub import Names
from lstg.schema import Loan, Member
from lstg.schema.club import BoardSeat
from lstg.schema.ledger import Transaction
from lstg.schema.meeting import HealthRow
from lstg.validate.duplicates import same_name

SOMEONE_ELSE = "(người khác)"
"""What a free text of the person's answer shows for the name of another member."""

_REF = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)/([A-Za-z0-9][A-Za-z0-9._-]*)$")


@dataclass(frozen=True, slots=True)
class Mention:
    """A free text that names the person: where, on which day, and the text."""

    file: str
    field: str
    day: date | None
    text: str


@dataclass(frozen=True, slots=True)
class Visit:
    """Home-care visits received (``given`` False) or made as a volunteer, at a meeting."""

    day: date
    visits: int
    given: bool


@dataclass(slots=True)
class Membership:
    """What one club's files hold about the person."""

    club: str
    club_name: str
    member: Member
    board: list[BoardSeat] = field(default_factory=list)
    loans: list[Loan] = field(default_factory=list)
    attended: list[date] = field(default_factory=list)
    health: list[tuple[date, HealthRow]] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def files(self) -> list[str]:
        """The files that hold something about the person."""
        found = {f"clubs/{self.club}/{MEMBERS_FILE}"}
        if self.board:
            found.add(f"clubs/{self.club}/{CLUB_FILE}")
        if self.loans:
            found.add(f"clubs/{self.club}/{LOANS_FILE}")
        found |= {m.file for m in self.mentions}
        return sorted(found)


@dataclass(slots=True)
class PersonData:
    """Everything about one person in a data folder."""

    name: str
    birth_year: int | None
    memberships: list[Membership]


def parse_ref(text: str) -> tuple[str, str] | None:
    """``(club, member)`` of ``CLUB/MEMBER``, else ``None`` (a name)."""
    match = _REF.match(text.strip())
    return (match.group(1), match.group(2)) if match else None


def names_in(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` (whole words, without regard to case or Unicode form)."""
    wanted = re.escape(same_name(name)).replace(r"\ ", r"\s+")
    return (
        re.search(rf"(?<!\w){wanted}(?!\w)", unicodedata.normalize("NFC", text).casefold())
        is not None
    )


def only_the_person(text: str, name: str, others: list[str]) -> str:
    """``text`` with the names of ``others`` replaced by :data:`SOMEONE_ELSE`, where they
    are not part of the person's own ``name``."""
    if not others:
        return text
    own = Names([name]).pattern()
    pattern = Names(sorted(set(others))).pattern()
    parts = own.split(text)  # the person's name at the odd places (one group)
    return "".join(
        part if index % 2 else pattern.sub(SOMEONE_ELSE, part) for index, part in enumerate(parts)
    )


def find_people(
    dataset: DataSet, who: str, *, birth_year: int | None = None
) -> list[tuple[ClubData, Member]]:
    """The memberships of the person ``who`` (``CLUB/MEMBER`` or a name).

    Raises:
        UserError: no such club or member; or a name that fits people born in
            different years, without ``birth_year`` to choose.
    """
    ref = parse_ref(who)
    if ref is not None:
        club_id, member_id = ref
        data = dataset.clubs.get(club_id)
        if data is None:
            raise UserError(_("No club “{club}”.").format(club=club_id))
        member = data.member(member_id)
        if member is None:
            raise UserError(
                _("No member “{id}” in {file}.").format(id=member_id, file=data.file(MEMBERS_FILE))
            )
        return [(data, member)]
    wanted = same_name(who)
    found = [
        (data, m)
        for _club_id, data in sorted(dataset.clubs.items())
        for m in data.members
        if m.erased is None
        and same_name(m.name) == wanted
        and (birth_year is None or m.known_birth_year == birth_year)
    ]
    if not found:
        raise UserError(_("No member named “{name}” in the data folder.").format(name=who))
    years = {m.known_birth_year for _d, m in found}
    if len(years) > 1:
        listed = ", ".join(f"{d.id}/{m.id} ({m.known_birth_year or '?'})" for d, m in found)
        raise UserError(
            _(
                "Several people are named “{name}”: {who}. Give --birth-year, or CLUB/MEMBER."
            ).format(name=who, who=listed)
        )
    return found


def membership(data: ClubData, member: Member) -> Membership:
    """What the club's files hold about ``member``."""
    club = data.club
    found = Membership(data.id, club.name if club else data.id, member)
    if club is not None:
        found.board = [s for s in club.board if s.member == member.id]
        for change in club.status_changes:
            if change.reason and names_in(change.reason, member.name):
                found.mentions.append(
                    Mention(
                        data.file(CLUB_FILE), "status_changes.reason", change.date, change.reason
                    )
                )
    for loan in data.loans:
        if loan.member == member.id:
            found.loans.append(loan)
            continue
        for label, text in (
            ("purpose", loan.purpose),
            ("written_off.reason", loan.written_off and loan.written_off.reason),
        ):
            if text and names_in(text, member.name):
                found.mentions.append(Mention(data.file(LOANS_FILE), label, loan.disbursed, text))
    for (file, _row), meeting in zip(data.meeting_rows, data.meetings, strict=True):
        if member.id in meeting.attendance:
            found.attended.append(meeting.date)
        found.health += [(meeting.date, c) for c in meeting.health_checks if c.member == member.id]
        for visit in meeting.home_care_visits:
            if visit.member == member.id:
                found.visits.append(Visit(meeting.date, visit.visits, False))
            if visit.volunteer == member.id:
                found.visits.append(Visit(meeting.date, visit.visits, True))
        for label, text in (("note", meeting.note), ("reason", meeting.reason)):
            if text and names_in(text, member.name):
                found.mentions.append(Mention(file, label, meeting.date, text))
    for entry in data.ledger:
        if entry.note and names_in(entry.note, member.name):
            kind = "note" if isinstance(entry, Transaction) else "balance.note"
            found.mentions.append(Mention(data.file(LEDGER_FILE), kind, entry.date, entry.note))
    for other in data.members:
        if other.id != member.id and other.left and names_in(other.left.reason, member.name):
            found.mentions.append(
                Mention(data.file(MEMBERS_FILE), "left.reason", other.left.date, other.left.reason)
            )
    others = [o.name for o in data.members if same_name(o.name) != same_name(member.name)]
    found.mentions = [
        Mention(x.file, x.field, x.day, only_the_person(x.text, member.name, others))
        for x in found.mentions
    ]
    found.mentions.sort(key=lambda m: (m.file, m.day or date.min, m.field))
    return found


def person_data(root: Path, who: str, *, birth_year: int | None = None) -> PersonData:
    """Everything the data folder ``root`` records about the person ``who``.

    Raises:
        UserError: see :func:`find_people`; or the data folder has no clubs.
    """
    dataset = load_dataset(root)
    found = find_people(dataset, who, birth_year=birth_year)
    memberships = [membership(data, member) for data, member in found]
    first = found[0][1]
    return PersonData(first.name, first.known_birth_year, memberships)
