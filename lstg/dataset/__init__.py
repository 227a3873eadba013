"""The loaded data: what the loader gives to checks, roll-ups and reports.

Records that failed their schema are left out of these lists (their problems are
reported); the ids they carried are kept in ``invalid_ids`` so that checks do
not pile "unknown member" problems on top of the real one. A file with a failed
record whose id cannot be read is in ``unidentified``: any id may be that one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lstg.core.problems import Problem
from lstg.schema import Club, LedgerEntry, Loan, Meeting, Member, Plan, Province, Reports
from lstg.schema.requests import Request

PROVINCE_FILE = "province.yaml"
PLANS_DIR = "plans"
REPORTS_FILE = "reports.yaml"
CLUBS_DIR = "clubs"
CLUB_FILE = "club.yaml"
MEMBERS_FILE = "members.yaml"
LOANS_FILE = "loans.yaml"
LEDGER_FILE = "ledger.yaml"
MEETINGS_DIR = "meetings"
REQUESTS_FILE = "requests.yaml"


@dataclass(slots=True)
class ClubData:
    """One club folder, loaded.

    Each list of records has a twin list ``*_rows`` giving, for each record, its
    index in its file (and for meetings, the file too), so that a check can say
    where a record is written.
    """

    id: str
    folder: str
    club: Club | None = None
    members: list[Member] = field(default_factory=list)
    member_rows: list[int] = field(default_factory=list)
    loans: list[Loan] = field(default_factory=list)
    loan_rows: list[int] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    meeting_rows: list[tuple[str, int]] = field(default_factory=list)
    ledger: list[LedgerEntry] = field(default_factory=list)
    ledger_rows: list[int] = field(default_factory=list)
    invalid_ids: set[str] = field(default_factory=set)
    unidentified: set[str] = field(default_factory=set)
    """Files with a record that failed and whose id could not be read either."""
    files: list[str] = field(default_factory=list)

    def file(self, name: str) -> str:
        """Path of one of the club's files, relative to the data folder."""
        return f"{self.folder}/{name}"

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)

    def members_on(self, day: date) -> list[Member]:
        """Members who had joined and not left at the end of ``day``."""
        return [m for m in self.members if m.is_member_on(day)]


@dataclass(slots=True)
class DataSet:
    """A whole data folder: province, plans and clubs, with every problem found loading it.

    ``reports`` holds the particulars of the documents the folder's reports are
    (``reports.yaml``), if the folder has them.
    """

    root: Path
    province: Province | None
    plans: dict[str, Plan]
    clubs: dict[str, ClubData]
    problems: list[Problem]
    reports: Reports | None = None
    requests: list[Request] = field(default_factory=list)
    """The log of requests about personal data (``requests.yaml``), if any."""

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)
