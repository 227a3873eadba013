"""Records and roll-up figures laid out as tables: fixed columns, sorted rows, redaction.

With ``redact``, the tables are fit to share beyond the club: names become member
ids, birth dates become age bands, ethnicity, disability, reasons for leaving and
health measurements are left out, poverty status is kept only as counts in a
``summary`` table, and free text (loan purposes, meeting notes, ledger notes) is
withheld unless the province file marks its field free of personal data. Figures of
roll-up tables come from :mod:`lstg.indicators`; this module only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Literal

from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.dataset import ClubData, DataSet
from lstg.domain.periods import Window
from lstg.indicators import FIGURE_NAMES, club_figures, rollup
from lstg.indicators.facts import Clubs
from lstg.schema import BalanceAssertion, Loan, Member


class ExportKind(StrEnum):
    MEMBERS = "members"
    LOANS = "loans"
    MEETINGS = "meetings"
    HEALTH = "health"
    LEDGER = "ledger"
    ROLLUP = "rollup"


@dataclass(slots=True)
class Table:
    """One table of an export: its name (the sheet), its columns and its rows."""

    name: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)


AGE_BANDS: tuple[tuple[int, str], ...] = (
    (40, "<40"),
    (50, "40–49"),
    (60, "50–59"),
    (70, "60–69"),
    (80, "70–79"),
)


def age_band(age: int | None) -> str:
    """The age band of an age in full years: <40, 40–49, …, 70–79, 80+; empty if unknown."""
    if age is None:
        return ""
    for limit, label in AGE_BANDS:
        if age < limit:
            return label
    return "80+"


def _payments(items: list[Any], *, interest: bool) -> str:
    parts = []
    for item in sorted(items, key=lambda i: i.date):
        text = f"{item.date.isoformat()} {item.principal}"
        if interest:
            text += f" {item.interest}"
        parts.append(text)
    return "; ".join(parts)


def _member_row(m: Member, *, redact: bool, as_of: date) -> list[Any]:
    left_date = m.left.date if m.left else None
    groups = ", ".join(m.groups)
    if redact:
        return [
            m.id,
            m.gender,
            age_band(m.age_on(as_of)),
            m.joined,
            left_date,
            m.team,
            groups,
            m.home_care_volunteer,
        ]
    return [
        m.id,
        m.name,
        m.gender,
        m.birth_year,
        m.birth_date,
        m.ethnicity,
        m.household,
        m.household_certified,
        m.living_alone,
        m.disability,
        m.joined,
        left_date,
        m.left.reason if m.left else None,
        consent_text(m),
        m.team,
        groups,
        m.home_care_volunteer,
    ]


def consent_text(member: Member) -> str | date | None:
    """The member's consents in one cell: the date alone for the older form (as registers
    give it, so that it imports again), else each record as
    ``date (purposes; kinds; method; evidence; recorded by[; withdrawn date])``."""
    if not member.consent:
        return None
    if len(member.consent) == 1 and member.consent[0].old_form:
        return member.consent[0].date
    parts = []
    for c in member.consent:
        fields = [
            ", ".join(c.purposes),
            ", ".join(c.kinds),
            c.method or "",
            c.evidence or "",
            c.recorded_by or "",
        ]
        if c.withdrawn is not None:
            scope = ", ".join([*c.withdrawn.kinds, *c.withdrawn.purposes])
            fields.append(f"withdrawn {c.withdrawn.date.isoformat()} {scope}".strip())
        parts.append(f"{c.date.isoformat()} ({'; '.join(fields)})")
    return " | ".join(parts)


MEMBER_COLUMNS = [
    "id",
    "name",
    "gender",
    "birth_year",
    "birth_date",
    "ethnicity",
    "household",
    "household_certified",
    "living_alone",
    "disability",
    "joined",
    "left_date",
    "left_reason",
    "consent",
    "team",
    "groups",
    "home_care_volunteer",
]
REDACTED_MEMBER_COLUMNS = [
    "id",
    "gender",
    "age_band",
    "joined",
    "left_date",
    "team",
    "groups",
    "home_care_volunteer",
]
LOAN_COLUMNS = [
    "id",
    "member",
    "fund",
    "amount",
    "monthly_interest",
    "term_months",
    "disbursed",
    "purpose",
    "due",
    "schedule",
    "repayments",
    "written_off_date",
    "written_off_reason",
]
MEETING_COLUMNS = ["date", "kind", "reason", "activities", "attendance", "note"]
HEALTH_COLUMNS = ["date", "member", "weight", "bp", "glucose"]
LEDGER_COLUMNS = ["date", "fund", "amount", "balance", "source", "use", "note"]


def _free(text: str | None, field: str, public: frozenset[str] | None) -> str | None:
    """A free text as exported: kept whole, or, in a redacted export, withheld unless the
    province file marks its field free of personal data (``privacy.public_text``)."""
    if text is None or public is None or field in public:
        return text
    return _("[withheld]")


def _loan_row(loan: Loan, public: frozenset[str] | None = None) -> list[Any]:
    return [
        loan.id,
        loan.member,
        loan.fund,
        loan.amount,
        loan.monthly_interest,
        loan.term_months,
        loan.disbursed,
        _free(loan.purpose, "loans.purpose", public),
        loan.due,
        _payments(loan.schedule, interest=False),
        _payments(loan.repayments, interest=True),
        loan.written_off.date if loan.written_off else None,
        _free(loan.written_off.reason, "loans.written_off.reason", public)
        if loan.written_off
        else None,
    ]


def _records(
    kind: ExportKind,
    data: ClubData,
    *,
    redact: bool,
    as_of: date,
    public: frozenset[str] | None = None,
) -> list[tuple[tuple[Any, ...], list[Any]]]:
    """(sort key, row) for each record of one club; ``public`` (with ``redact``) names the
    free-text fields that are exported, every other free text being withheld."""
    if not redact:
        public = None
    out: list[tuple[tuple[Any, ...], list[Any]]] = []
    row: list[Any]
    if kind is ExportKind.MEMBERS:
        for m in data.members:
            out.append(((m.id,), _member_row(m, redact=redact, as_of=as_of)))
    elif kind is ExportKind.LOANS:
        for loan in data.loans:
            out.append(((loan.disbursed, loan.id), _loan_row(loan, public)))
    elif kind is ExportKind.MEETINGS:
        for i, meeting in enumerate(data.meetings):
            row = [
                meeting.date,
                meeting.kind,
                _free(meeting.reason, "meetings.reason", public),
                ", ".join(meeting.activities),
                ", ".join(meeting.attendance),
                _free(meeting.note, "meetings.note", public),
            ]
            out.append(((meeting.date, i), row))
    elif kind is ExportKind.HEALTH:
        for i, meeting in enumerate(data.meetings):
            for j, check in enumerate(meeting.health_checks):
                bp = f"{check.bp[0]}/{check.bp[1]}" if check.bp else None
                row = [meeting.date, check.member, check.weight, bp, check.glucose]
                out.append(((meeting.date, i, j), row))
    elif kind is ExportKind.LEDGER:
        for i, entry in enumerate(data.ledger):
            if isinstance(entry, BalanceAssertion):
                note = _free(entry.note, "ledger.note", public)
                row = [entry.date, entry.fund, None, entry.balance, None, None, note]
            else:
                row = [
                    entry.date,
                    entry.fund,
                    entry.amount,
                    None,
                    entry.source,
                    entry.use,
                    _free(entry.note, "ledger.note", public),
                ]
            out.append(((entry.date, i), row))
    return out


def _columns(kind: ExportKind, redact: bool) -> list[str]:
    return {
        ExportKind.MEMBERS: REDACTED_MEMBER_COLUMNS if redact else MEMBER_COLUMNS,
        ExportKind.LOANS: LOAN_COLUMNS,
        ExportKind.MEETINGS: MEETING_COLUMNS,
        ExportKind.HEALTH: HEALTH_COLUMNS,
        ExportKind.LEDGER: LEDGER_COLUMNS,
    }[kind]


def record_tables(
    dataset: DataSet,
    kind: ExportKind,
    *,
    clubs: list[str],
    redact: bool,
    as_of: date,
    with_club: bool,
) -> list[Table]:
    """The records of ``clubs`` as tables: the records, and with ``redact`` a summary.

    Args:
        with_club: add the club id as the first column (for several clubs).
        as_of: the day at which ages are taken, for age bands.

    Raises:
        UserError: health measurements are asked for with ``redact``.
    """
    if kind is ExportKind.HEALTH and redact:
        raise UserError(_("Health measurements are never exported with --redact."))
    columns = (["club"] if with_club else []) + _columns(kind, redact)
    table = Table(kind.value, columns)
    privacy = dataset.province.privacy if dataset.province is not None else None
    public = frozenset(privacy.public_text if privacy is not None else ())
    keyed: list[tuple[tuple[Any, ...], list[Any]]] = []
    for club_id in sorted(clubs):
        data = dataset.clubs[club_id]
        for key, row in _records(kind, data, redact=redact, as_of=as_of, public=public):
            keyed.append(((club_id, *key), ([club_id] if with_club else []) + row))
    keyed.sort(key=lambda pair: tuple(_sortable(x) for x in pair[0]))
    table.rows = [row for _key, row in keyed]
    tables = [table]
    if redact and kind is ExportKind.MEMBERS:
        tables.append(_household_summary(dataset, clubs, with_club=with_club))
    return tables


def _household_summary(dataset: DataSet, clubs: list[str], *, with_club: bool) -> Table:
    """Counts of the exported members by household status: the only trace of poverty kept."""
    table = Table("summary", (["club"] if with_club else []) + ["members", "poor", "near_poor"])
    for club_id in sorted(clubs):
        members = dataset.clubs[club_id].members
        row = [
            len(members),
            sum(1 for m in members if m.household == "poor"),
            sum(1 for m in members if m.household == "near-poor"),
        ]
        table.rows.append(([club_id] if with_club else []) + row)
    return table


def _sortable(value: Any) -> tuple[int, Any]:
    if value is None:
        return (0, "")
    if isinstance(value, date):
        return (1, value.isoformat())
    if isinstance(value, int | float):
        return (2, value)
    return (3, str(value))


def rollup_tables(
    dataset: Clubs,
    *,
    clubs: list[str] | None,
    window: Window,
    units: Literal["district", "commune"] | None = None,
) -> list[Table]:
    """Roll-up figures over ``window``: one row per club given, or for the province one
    row per child unit and a total row; every figure from :mod:`lstg.indicators`.

    ``units`` are the plan's units of account (the 2021–2025 plan counts districts even
    after the reform), as in ``lstg report``; by default those in force at the window's end.
    """
    columns = ["kind", "code", "name", *FIGURE_NAMES]
    table = Table("rollup", columns)
    if clubs is not None:
        for club_id in sorted(clubs):
            data = dataset.clubs[club_id]
            figures = club_figures(data, window).as_dict()
            name = data.club.name if data.club else ""
            table.rows.append(["club", club_id, name, *figures.values()])
        return [table]
    result = rollup(dataset, level="province", unit=None, window=window, child_level=units)
    for row in result.rows:
        table.rows.append([row.kind, row.code, row.name, *row.figures.as_dict().values()])
    province = dataset.province
    table.rows.append(
        [
            "province",
            province.code if province else "",
            province.name if province else "",
            *result.totals.as_dict().values(),
        ]
    )
    return [table]
