"""Exporting records and roll-up tables as CSV, XLSX or JSON, the same bytes for the same data.

Tables have a fixed column order and rows sorted by club and id (or date); XLSX
files carry a fixed creation time; JSON keys keep the column order. With
``redact``, the tables are fit to share beyond the club: names become member ids,
birth dates become age bands, ethnicity, disability, reasons for leaving and
health measurements are left out, and poverty status is kept only as counts in
a ``summary`` table.

Figures of roll-up tables come from :mod:`lstg.rollup`; this module only lays
them out.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from lstg.dataset import ClubData, DataSet
from lstg.errors import UserError
from lstg.i18n import _
from lstg.loader import load_dataset
from lstg.periods import Period, Window
from lstg.rollup import FIGURE_NAMES, club_figures, rollup
from lstg.schema import BalanceAssertion, Loan, Member
from lstg.validation import validate

FIXED_TIME = datetime(2000, 1, 1)
"""The creation and modification time written into every XLSX file."""


class ExportKind(StrEnum):
    MEMBERS = "members"
    LOANS = "loans"
    MEETINGS = "meetings"
    HEALTH = "health"
    LEDGER = "ledger"
    ROLLUP = "rollup"


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"


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
        m.consent,
        m.team,
        groups,
        m.home_care_volunteer,
    ]


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


def _loan_row(loan: Loan) -> list[Any]:
    return [
        loan.id,
        loan.member,
        loan.fund,
        loan.amount,
        loan.monthly_interest,
        loan.term_months,
        loan.disbursed,
        loan.purpose,
        loan.due,
        _payments(loan.schedule, interest=False),
        _payments(loan.repayments, interest=True),
        loan.written_off.date if loan.written_off else None,
        loan.written_off.reason if loan.written_off else None,
    ]


def _records(
    kind: ExportKind, data: ClubData, *, redact: bool, as_of: date
) -> list[tuple[tuple[Any, ...], list[Any]]]:
    """(sort key, row) for each record of one club."""
    out: list[tuple[tuple[Any, ...], list[Any]]] = []
    row: list[Any]
    if kind is ExportKind.MEMBERS:
        for m in data.members:
            out.append(((m.id,), _member_row(m, redact=redact, as_of=as_of)))
    elif kind is ExportKind.LOANS:
        for loan in data.loans:
            out.append(((loan.disbursed, loan.id), _loan_row(loan)))
    elif kind is ExportKind.MEETINGS:
        for i, meeting in enumerate(data.meetings):
            row = [
                meeting.date,
                meeting.kind,
                meeting.reason,
                ", ".join(meeting.activities),
                ", ".join(meeting.attendance),
                meeting.note,
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
                row = [entry.date, entry.fund, None, entry.balance, None, None, entry.note]
            else:
                row = [
                    entry.date,
                    entry.fund,
                    entry.amount,
                    None,
                    entry.source,
                    entry.use,
                    entry.note,
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
    keyed: list[tuple[tuple[Any, ...], list[Any]]] = []
    for club_id in sorted(clubs):
        data = dataset.clubs[club_id]
        for key, row in _records(kind, data, redact=redact, as_of=as_of):
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


def rollup_tables(dataset: DataSet, *, clubs: list[str] | None, window: Window) -> list[Table]:
    """Roll-up figures over ``window``: one row per club given, or for the province one
    row per child unit and a total row; every figure from :mod:`lstg.rollup`."""
    columns = ["kind", "code", "name", *FIGURE_NAMES]
    table = Table("rollup", columns)
    if clubs is not None:
        for club_id in sorted(clubs):
            data = dataset.clubs[club_id]
            figures = club_figures(data, window).as_dict()
            name = data.club.name if data.club else ""
            table.rows.append(["club", club_id, name, *figures.values()])
        return [table]
    result = rollup(dataset, level="province", unit=None, window=window)
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


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def to_csv(tables: list[Table]) -> bytes:
    """CSV, UTF-8 with a byte-order mark (so that Excel reads Vietnamese); a second table,
    such as the summary of a redacted export, follows after an empty line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for index, table in enumerate(tables):
        if index:
            writer.writerow([])
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow([_text(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_json(tables: list[Table]) -> bytes:
    """JSON: each table by name, as a list of objects with keys in column order."""
    document = {
        table.name: [
            {
                c: (_text(v) if isinstance(v, date) else v)
                for c, v in zip(table.columns, row, strict=True)
            }
            for row in table.rows
        ]
        for table in tables
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_xlsx(tables: list[Table]) -> bytes:
    """XLSX, one sheet per table, dates as date cells, with fixed document times."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for table in tables:
        sheet = book.create_sheet(table.name)
        sheet.append(table.columns)
        for row in table.rows:
            sheet.append(list(row))
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, date):
                    cell.number_format = "dd/mm/yyyy"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.properties.creator = "lstg"
    book.properties.lastModifiedBy = None
    stream = io.BytesIO()
    # Workbook.save stamps the current time as "modified"; the writer itself does not.
    ExcelWriter(book, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED)).save()
    return _fixed_zip_times(stream.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """The same archive with every member dated :data:`FIXED_TIME`, so equal data gives
    equal bytes whatever the clock says."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


WRITERS = {ExportFormat.CSV: to_csv, ExportFormat.JSON: to_json, ExportFormat.XLSX: to_xlsx}


def render(tables: list[Table], fmt: ExportFormat) -> bytes:
    """The bytes of ``tables`` in format ``fmt``."""
    return WRITERS[fmt](tables)


def export_tables(
    root: Path,
    kind: ExportKind,
    *,
    club: str | None,
    redact: bool,
    as_of: date,
    period: Period | None = None,
) -> list[Table]:
    """The tables of an export of one club (``club``) or of the whole province (``None``).

    The clubs exported are validated first: records that fail validation would be
    missing from the export, so an export of data with errors is refused.

    Raises:
        UserError: the data has errors, or the club does not exist.
    """
    result = validate(root, clubs=None if club is None else [club])
    if not result.ok:
        raise UserError(
            _(
                "The data has {n} errors; run lstg validate and correct them before exporting."
            ).format(n=result.errors)
        )
    dataset = load_dataset(root, clubs=None if club is None else [club])
    clubs = [club] if club is not None else sorted(dataset.clubs)
    if kind is ExportKind.ROLLUP:
        window = (
            Window(period.start, period.end) if period else Window(date(as_of.year, 1, 1), as_of)
        )
        return rollup_tables(dataset, clubs=None if club is None else clubs, window=window)
    return record_tables(
        dataset, kind, clubs=clubs, redact=redact, as_of=as_of, with_club=club is None
    )
