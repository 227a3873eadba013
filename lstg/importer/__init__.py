"""Importing club registers (Excel or CSV) into a club's data files.

:func:`plan_import` reads the register, converts every row, and says what would
be added, what is already there (importing the same register twice adds
nothing), and every row that cannot be taken, at its sheet, row and column.
:func:`import_change` turns the rows that can be taken into a
:class:`~lstg.edit.change.Change`, which is validated and written like any edit.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from lstg.edit.change import Change
from lstg.edit.club_files import ClubFiles, next_id, record_ids
from lstg.edit.loans import new_loan_id
from lstg.edit.values import fold
from lstg.errors import UserError
from lstg.i18n import _, ngettext
from lstg.importer.mapping import Columns, default_mapping, load_mapping, match_columns
from lstg.importer.meetings import meeting_record
from lstg.importer.records import ClubContext, Rejection, loan_record, member_record
from lstg.importer.tabular import Row, Table, read_table
from lstg.spreadsheets import csv_text

__all__ = ["ImportPlan", "Kind", "import_change", "plan_import", "rejected_csv"]


class Kind(StrEnum):
    MEMBERS = "members"
    LOANS = "loans"
    MEETINGS = "meetings"


REQUIRED: dict[Kind, tuple[tuple[str, ...], ...]] = {
    Kind.MEMBERS: (("name",), ("gender",), ("joined",)),
    Kind.LOANS: (("member", "member_name"), ("amount",), ("disbursed",)),
    Kind.MEETINGS: (("date",),),
}

Converter = Callable[[Row, Columns, ClubContext], tuple[dict[str, Any] | None, list[Rejection]]]
CONVERTERS: dict[Kind, Converter] = {
    Kind.MEMBERS: member_record,
    Kind.LOANS: loan_record,
    Kind.MEETINGS: meeting_record,
}


@dataclass(slots=True)
class ImportPlan:
    """What importing a register would do.

    Attributes:
        added: (row, record) for each record to add, ids assigned.
        present: (row, id or date) for each row already in the data, or repeated
            in the register.
        rejected: (row, reasons) for each row that cannot be taken.
    """

    kind: Kind
    club: str
    table: Table
    columns: Columns
    added: list[tuple[Row, dict[str, Any]]] = field(default_factory=list)
    present: list[tuple[Row, str]] = field(default_factory=list)
    rejected: list[tuple[Row, list[Rejection]]] = field(default_factory=list)
    other_clubs: int = 0

    def summary(self) -> list[str]:
        lines = [
            _("{file}: {rows} rows read ({encoding}).").format(
                file=self.table.sheet,
                rows=len(self.table.rows),
                encoding=self.table.encoding or "Excel",
            )
        ]
        if self.columns.unused:
            lines.append(
                _("Columns not imported: {names}.").format(names=", ".join(self.columns.unused))
            )
        for row, record in self.added:
            lines.append(
                _("  row {row}: add {what}").format(
                    row=row.number, what=_describe(self.kind, record)
                )
            )
        for row, what in self.present:
            lines.append(_("  row {row}: already there ({what})").format(row=row.number, what=what))
        for _row, reasons in self.rejected:
            lines.extend("  " + r.render() for r in reasons)
        if self.other_clubs:
            lines.append(
                _("{n} rows of other clubs (column “club”) left out.").format(n=self.other_clubs)
            )
        lines.append(
            _(
                "{added} to add, {present} already there, {rejected} rows that cannot be taken."
            ).format(added=len(self.added), present=len(self.present), rejected=len(self.rejected))
        )
        return lines


def _describe(kind: Kind, record: dict[str, Any]) -> str:
    if kind is Kind.MEMBERS:
        return f"{record['id']} {record.get('name', '')}"
    if kind is Kind.LOANS:
        return f"{record['id']} {record.get('member', '')} {record.get('amount', '')} đ"
    return str(record["date"])


def _context(files: ClubFiles) -> ClubContext:
    club = files.club_data()
    members = [m for m in files.members().data() if isinstance(m, dict)]
    return ClubContext(
        teams={
            str(t.get("id")): str(t.get("name", ""))
            for t in club.get("teams") or []
            if isinstance(t, dict)
        },
        groups={
            str(g.get("id")): str(g.get("name", ""))
            for g in club.get("groups") or []
            if isinstance(g, dict)
        },
        members={str(m.get("id")): str(m.get("name", "")) for m in members},
    )


def _birth_year(record: dict[str, Any]) -> str:
    if record.get("birth_year") is not None:
        return str(record["birth_year"])
    born = record.get("birth_date")
    return str(born)[:4] if born is not None else ""


def _key(kind: Kind, record: dict[str, Any]) -> tuple[str, ...]:
    """What makes two records the same: a member's name and birth year, a loan's borrower,
    date and amount, a meeting's date."""
    if kind is Kind.MEMBERS:
        return (fold(str(record.get("name", ""))), _birth_year(record))
    if kind is Kind.LOANS:
        return (str(record.get("member")), str(record.get("disbursed")), str(record.get("amount")))
    return (str(record.get("date")),)


def _existing(kind: Kind, files: ClubFiles) -> list[dict[str, Any]]:
    if kind is Kind.MEMBERS:
        return [r for r in files.members().data() if isinstance(r, dict)]
    if kind is Kind.LOANS:
        return [r for r in files.loans().data() if isinstance(r, dict)]
    found: list[dict[str, Any]] = []
    for year in files.meeting_years():
        found.extend(r for r in files.meetings(year).data() if isinstance(r, dict))
    return found


def _find_header(table: Table, fields: dict[str, list[str]]) -> Table:
    """The table read from its real header row: registers often have a title above it.

    The header row is the one, among the first rows, whose cells match the most
    fields (at least two); if none does, the first row that is not empty.
    """
    best, best_count = table.header_number, 1
    for number, cells in table.candidates():
        count = len(match_columns({str(i): c for i, c in enumerate(cells)}, fields).by_field)
        if count > best_count:
            best, best_count = number, count
    if best == table.header_number:
        return table
    return table.with_header_at(best)


def plan_import(
    root: Path,
    club: str,
    kind: Kind,
    path: Path,
    *,
    sheet: str | None = None,
    mapping: Path | None = None,
) -> ImportPlan:
    """Read a register and work out what importing it into ``club`` would do.

    Raises:
        UserError: the club, the file, the sheet or the mapping cannot be found or
            read, or a column the records need is missing.
    """
    files = ClubFiles(root, club)
    fields = load_mapping(mapping or default_mapping(kind.value))
    table = _find_header(read_table(path, sheet), fields)
    columns = match_columns(table.headers, fields)
    for choices in REQUIRED[kind]:
        if not any(c in columns.by_field for c in choices):
            raise UserError(
                _("{file}: no column for “{field}”; the headers found are: {headers}.").format(
                    file=table.sheet,
                    field=choices[0],
                    headers=", ".join(table.headers.values()),
                )
            )
    context = _context(files)
    plan = ImportPlan(kind, club, table, columns)
    existing = _existing(kind, files)
    ids = {str(r["id"]) for r in existing if "id" in r}
    seen: dict[tuple[str, ...], str] = {}
    for record in existing:
        seen.setdefault(_key(kind, record), str(record.get("id", record.get("date"))))
    taken_ids = record_ids(existing)
    convert = CONVERTERS[kind]
    club_column = columns.by_field.get("club")
    for row in table.rows:
        if club_column is not None and str(row.values.get(club_column, club)).strip() != club:
            plan.other_clubs += 1
            continue
        converted, reasons = convert(row, columns, context)
        if converted is None:
            plan.rejected.append((row, reasons))
            continue
        record = converted
        if "id" in record and record["id"] in ids:
            plan.present.append((row, str(record["id"])))
            continue
        key = _key(kind, record)
        if key in seen:
            plan.present.append((row, seen[key]))
            continue
        if kind is Kind.MEMBERS and "id" not in record:
            record = {"id": next_id(taken_ids, "M"), **record}
        elif kind is Kind.LOANS and "id" not in record:
            record = {"id": new_loan_id(taken_ids, record["disbursed"]), **record}
        if "id" in record:
            taken_ids.append(str(record["id"]))
            ids.add(str(record["id"]))
            if kind is Kind.MEMBERS:
                context.members[str(record["id"])] = str(record.get("name", ""))
        seen[key] = str(record.get("id", record.get("date")))
        plan.added.append((row, record))
    return plan


def import_change(root: Path, plan: ImportPlan) -> Change:
    """The change adding the plan's records: members and loans at the end, meetings by date."""
    files = ClubFiles(root, plan.club)
    for _row, record in plan.added:
        if plan.kind is Kind.MEMBERS:
            files.members().insert_record(record)
        elif plan.kind is Kind.LOANS:
            files.loans().insert_record(record)
        else:
            day: date = record["date"]
            files.meetings(day.year).insert_record(record, before=_later_than(day))
    change = files.change
    for doc in files.documents():
        records = doc.data()
        spans = doc.record_spans()
        for row, record in plan.added:
            index = _index_of(plan.kind, records, record)
            if index is not None:
                label = _("{sheet}, row {row}").format(sheet=row.sheet, row=row.number)
                change.origins.setdefault(doc.rel, []).append((*spans[index], label))
    count = len(plan.added)
    what = {
        Kind.MEMBERS: ngettext("{n} member", "{n} members", count),
        Kind.LOANS: ngettext("{n} loan", "{n} loans", count),
        Kind.MEETINGS: ngettext("{n} meeting", "{n} meetings", count),
    }[plan.kind].format(n=count)
    return files.finish(_("Imported {what} from {file}.").format(what=what, file=plan.table.sheet))


def _index_of(kind: Kind, records: list[Any], record: dict[str, Any]) -> int | None:
    """Where ``record`` is among the records of a file, by its id (meetings: by date)."""
    key = "date" if kind is Kind.MEETINGS else "id"
    wanted = str(record[key])
    return next(
        (i for i, r in enumerate(records) if isinstance(r, dict) and str(r.get(key)) == wanted),
        None,
    )


def _later_than(day: date) -> Callable[[dict[str, Any]], bool]:
    return lambda record: str(record.get("date", "")) > day.isoformat()


def rejected_csv(plan: ImportPlan) -> bytes:
    """The rejected rows as CSV (UTF-8 with a byte-order mark, for Excel): the register's own
    columns, then the row number and the reasons."""
    letters = list(plan.table.headers)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_text(h) for h in [*plan.table.headers.values(), _("Row"), _("Reason")]])
    for row, reasons in plan.rejected:
        cells = [row.values.get(letter) for letter in letters]
        values = [csv_text(v) if isinstance(v, str) else _cell_text(v) for v in cells]
        writer.writerow([*values, row.number, csv_text("; ".join(r.render() for r in reasons))])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
