"""What every club check needs: the club's records indexed once, and how to say money."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from lstg.core import format as fmt
from lstg.core.i18n import _, current_language
from lstg.dataset import CLUB_FILE, LEDGER_FILE, LOANS_FILE, MEMBERS_FILE, ClubData
from lstg.dataset.holdings import Holding, checked_ids, holdings
from lstg.domain.vocabulary import FUND
from lstg.schema import Club, Loan, Meeting, Member
from lstg.schema.club import Fund
from lstg.schema.ledger import BalanceAssertion, Transaction


class Standing(Enum):
    """Where a person stood with the club on a given day."""

    MEMBER = "member"
    UNKNOWN = "unknown"
    INVALID = "invalid"
    NOT_YET = "not-yet"
    LEFT = "left"


@dataclass(slots=True)
class ClubView:
    """One loaded club with its records indexed, built once for all checks.

    Attributes:
        data: the loaded club folder.
        today: the day taken as today; later dates are in the future.
        members: valid members by id (the first one, if an id is repeated).
        member_rows: the index in ``members.yaml`` of each member in ``members``.
        broken: the club's files with an error found while loading them; sums
            over such a file would be wrong, and are not checked.
    """

    data: ClubData
    today: date
    broken: frozenset[str] = frozenset()
    members: dict[str, Member] = field(default_factory=dict)
    member_rows: dict[str, int] = field(default_factory=dict)
    spans: dict[str, tuple[date, date]] = field(default_factory=dict)
    held: dict[str, Holding] | None = None
    checked_ids: list[list[str]] | None = None

    @classmethod
    def of(cls, data: ClubData, today: date, broken: frozenset[str] = frozenset()) -> ClubView:
        view = cls(data, today, broken)
        for row, member in zip(data.member_rows, data.members, strict=True):
            if member.id not in view.members:
                view.members[member.id] = member
                view.member_rows[member.id] = row
                left = member.left.date if member.left is not None else date.max
                view.spans[member.id] = (member.joined, left)
        return view

    def holdings(self) -> dict[str, Holding]:
        """What the files hold about each member (:func:`lstg.dataset.holdings.holdings`),
        found once for all checks; with the attendances only when a member of the club
        withdrew a consent, since only the check of records made after a withdrawal
        reads them."""
        if self.held is None:
            withdrawn = any(m.withdrew_consent for m in self.data.members)
            self.held = holdings(self.data, attendance=withdrawn, checked=self.checked())
        return self.held

    @property
    def club(self) -> Club | None:
        return self.data.club

    @property
    def club_file(self) -> str:
        return self.data.file(CLUB_FILE)

    @property
    def members_file(self) -> str:
        return self.data.file(MEMBERS_FILE)

    @property
    def loans_file(self) -> str:
        return self.data.file(LOANS_FILE)

    @property
    def ledger_file(self) -> str:
        return self.data.file(LEDGER_FILE)

    def loans(self) -> Iterator[tuple[int, Loan]]:
        """Each valid loan with its index in ``loans.yaml``."""
        return zip(self.data.loan_rows, self.data.loans, strict=True)

    def meetings(self) -> Iterator[tuple[str, int, Meeting]]:
        """Each valid meeting with its file and its index in that file."""
        for (file, row), meeting in zip(self.data.meeting_rows, self.data.meetings, strict=True):
            yield file, row, meeting

    def checked(self) -> list[list[str]]:
        """The ids of the members checked at each meeting (of :meth:`meetings`), in order;
        found once for all checks, since the health checks are most of a club's records."""
        if self.checked_ids is None:
            self.checked_ids = checked_ids(self.data)
        return self.checked_ids

    def transactions(self) -> Iterator[tuple[int, Transaction]]:
        for row, entry in zip(self.data.ledger_rows, self.data.ledger, strict=True):
            if isinstance(entry, Transaction):
                yield row, entry

    def assertions(self) -> Iterator[tuple[int, BalanceAssertion]]:
        for row, entry in zip(self.data.ledger_rows, self.data.ledger, strict=True):
            if isinstance(entry, BalanceAssertion):
                yield row, entry

    @property
    def members_unreadable(self) -> bool:
        """The members file is missing or unreadable, so references to members cannot be checked."""
        if self.data.members:
            return False
        return self.members_file in self.broken or self.members_file not in self.data.files

    def members_on(self, days: Iterable[date]) -> dict[date, frozenset[str]]:
        """The ids of the members on each of ``days`` (:meth:`is_member`), found in one pass
        over the days in order, adding who joined and taking out who left."""
        joins = sorted((span[0], member_id) for member_id, span in self.spans.items())
        leaves = sorted((span[1], member_id) for member_id, span in self.spans.items())
        current: set[str] = set()
        found: dict[date, frozenset[str]] = {}
        i = j = 0
        for day in sorted(set(days)):
            while i < len(joins) and joins[i][0] <= day:
                member_id = joins[i][1]
                # A span already over (a departure dated before the joining included)
                # never makes a member again.
                if self.spans[member_id][1] > day:
                    current.add(member_id)
                i += 1
            while j < len(leaves) and leaves[j][0] <= day:
                current.discard(leaves[j][1])
                j += 1
            found[day] = frozenset(current)
        return found

    def is_member(self, member_id: str, day: date) -> bool:
        """Whether ``member_id`` had joined and not left on ``day``; the quick common case."""
        span = self.spans.get(member_id)
        return span is not None and span[0] <= day < span[1]

    def standing(self, member_id: str, day: date) -> Standing:
        """Whether ``member_id`` was a member of the club at the end of ``day``."""
        member = self.members.get(member_id)
        if member is None:
            if member_id in self.data.invalid_ids:
                return Standing.INVALID
            return Standing.UNKNOWN
        if day < member.joined:
            return Standing.NOT_YET
        if member.left is not None and day >= member.left.date:
            return Standing.LEFT
        return Standing.MEMBER

    def fund(self, name: str) -> Fund | None:
        """The club's fund called ``name``, if the club file was read and has it."""
        if self.club is None:
            return None
        return next((f for kind, f in self.club.funds.items() if kind == name), None)

    def fund_names(self) -> set[str]:
        """The keys of the club's funds; empty when the club file could not be read."""
        return set(self.club.funds) if self.club is not None else set()


def money(amount: int) -> str:
    """An amount of đồng in a message: ``1.500.000 đ`` (vi), ``1,500,000 đ`` (en)."""
    if current_language() == "vi":
        return fmt.money(amount, "vi")
    return _("{amount} đ").format(amount=fmt.number(amount, "en"))


def fund_label(fund: str) -> str:
    """A fund by the word people use for it: ``Quỹ tăng thu nhập`` for ``income`` (vi);
    a fund that is not one of the two is named as it is written."""
    if fund not in FUND.codes:
        return fund
    return FUND.label(fund, current_language())


def role_label(role: str) -> str:
    """A board role in the active language, as people say it."""
    labels = {
        "chair": _("chair"),
        "vice-chair": _("vice-chair"),
        "accountant": _("accountant"),
        "treasurer": _("treasurer"),
        "member": _("board member"),
    }
    return labels.get(role, role)


def status_label(status: str) -> str:
    """A club status in the active language."""
    labels = {
        "preparing": _("preparing"),
        "operating": _("operating"),
        "suspended": _("suspended"),
        "dissolved": _("dissolved"),
    }
    return labels.get(status, status)


def shown_date(day: date) -> str:
    """A date in a message, as its reader writes dates: ``25/09/2026`` (vi), ``2026-09-25``
    (en, the form that is also the one of the data files)."""
    if current_language() == "vi":
        return fmt.short_date(day, "vi")
    return day.isoformat()
