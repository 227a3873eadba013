"""Importing club registers (Excel or CSV) into a club's data files.

:func:`plan_import` reads the register as clerks keep it (titles, headers over two
rows, a footer and signatures: :mod:`.layout`), converts every row, and says what
would be added, what is already there (importing the same register twice adds
nothing), and every cell that cannot be taken, at its sheet, row and column. The
rows that can be taken are then checked with the club as it would be (a loan dated
before the borrower joined, a date in the future): what that finds in a new record
is reported at the row and column it came from, like a bad cell, in the same pass.
:func:`import_change` turns the rows that can be taken into a
:class:`~lstg.edit.change.Change`, which is validated and written like any edit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from lstg.core.errors import UserError
from lstg.core.i18n import _, ngettext
from lstg.edit.change import Change, check_change
from lstg.edit.club_files import ClubFiles, next_id, record_ids
from lstg.edit.loans import new_loan_id
from lstg.edit.values import fold
from lstg.importer.layout import LeftOut, find_table, split_rows
from lstg.importer.loans import group_loan_rows, loan_from_rows, loan_record
from lstg.importer.mapping import Columns, default_mapping, field_of, load_mapping, match_columns
from lstg.importer.meetings import (
    group_by_meeting,
    meeting_from_rows,
    meeting_record,
    per_member,
)
from lstg.importer.records import ClubContext, Rejection, member_record
from lstg.importer.tabular import Row, Table, read_grid

__all__ = ["ImportPlan", "Kind", "import_change", "plan_import"]


class Kind(StrEnum):
    MEMBERS = "members"
    LOANS = "loans"
    MEETINGS = "meetings"


REQUIRED: dict[Kind, tuple[tuple[str, ...], ...]] = {
    Kind.MEMBERS: (
        ("name",),
        ("gender", "birth_year_male", "birth_year_female", "gender_male", "gender_female"),
        ("joined",),
    ),
    Kind.LOANS: (
        ("member", "member_name"),
        ("amount",),
        ("disbursed",),
        ("monthly_interest",),
        ("term_months", "due"),
    ),
    Kind.MEETINGS: (("date",),),
}
"""The fields a register must have a column for (one of each tuple), or a ``--set`` value."""

Sources = dict[str, tuple[int, str]]
Converted = tuple[dict[str, Any] | None, list[Rejection], Sources]
Converter = Callable[[Row, Columns, ClubContext], Converted]


def _per_row(convert: Callable[..., Any]) -> Callable[[list[Row], Columns, ClubContext], Converted]:
    def converter(rows: list[Row], columns: Columns, club: ClubContext) -> Converted:
        record, rejections, letters = convert(rows[0], columns, club)
        return record, rejections, {k: (rows[0].number, v) for k, v in letters.items()}

    return converter


@dataclass(slots=True)
class Item:
    """One record of a register: the rows it is read from, and where each field came from.

    Attributes:
        sources: for each field of the record (a dotted path such as ``left.date`` or
            ``health_checks.2.bp``), the row number and column letter it was read from.
    """

    rows: list[Row]
    record: dict[str, Any]
    sources: Sources = field(default_factory=dict)

    @property
    def row(self) -> Row:
        return self.rows[0]


@dataclass(slots=True)
class ImportPlan:
    """What importing a register would do.

    Attributes:
        added: each record to add, ids assigned.
        present: (row, id or date) for each row already in the data, or repeated
            in the register.
        rejected: (rows, reasons) for each record that cannot be taken.
        left_out: rows that are not records (totals, the footer and signatures).
        warnings: what checking the club found doubtful in a record taken, at its cell.
        general: errors of the club as it would be that no row of the register explains.
    """

    kind: Kind
    club: str
    table: Table
    columns: Columns
    added: list[Item] = field(default_factory=list)
    present: list[tuple[Row, str]] = field(default_factory=list)
    rejected: list[tuple[list[Row], list[Rejection]]] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    warnings: list[Rejection] = field(default_factory=list)
    general: list[str] = field(default_factory=list)
    other_clubs: int = 0

    @property
    def rejected_rows(self) -> int:
        return sum(len(rows) for rows, _r in self.rejected)

    def summary(self) -> list[str]:
        """What the import would do, line by line: every row added, already there or
        rejected (each bad cell on its line), the rows left out, and the counts."""
        records = sum(len(item.rows) for item in self.added) + len(self.present)
        records += self.rejected_rows
        lines = [
            _("{file}: {rows} rows read ({encoding}).").format(
                file=self.table.sheet,
                rows=records,
                encoding=self.table.encoding or "Excel",
            )
        ]
        if self.columns.unused:
            lines.append(
                _("Columns not imported: {names}.").format(names=", ".join(self.columns.unused))
            )
        for name, value in self.columns.given.items():
            lines.append(
                _("Every row: {header} = {value} (--set).").format(
                    header=self.columns.names.get(name, name), value=value
                )
            )
        for item in self.added:
            lines.append(
                _("  row {row}: add {what}").format(
                    row=_rows_text(item.rows), what=_describe(self.kind, item.record)
                )
            )
        for row, what in self.present:
            lines.append(_("  row {row}: already there ({what})").format(row=row.number, what=what))
        for _rows, reasons in self.rejected:
            lines.extend("  " + r.render() for r in sorted(reasons, key=_cell_order))
        for warning in self.warnings:
            lines.append("  " + _("warning: {what}").format(what=warning.render()))
        lines.extend("  " + line for line in self.general)
        for left in self.left_out:
            lines.append(_left_out_line(left))
        if self.other_clubs:
            lines.append(
                _("{n} rows of other clubs (column “club”) left out.").format(n=self.other_clubs)
            )
        lines.extend(self.missing_column_hints())
        lines.append(
            _(
                "{added} to add, {present} already there, {rejected} rows that cannot be taken."
            ).format(added=len(self.added), present=len(self.present), rejected=self.rejected_rows)
        )
        return lines

    def missing_column_hints(self) -> list[str]:
        """For each field that rows need and the register has no column for, how to give it."""
        wanted: list[str] = []
        for _rows, reasons in self.rejected:
            for reason in reasons:
                if reason.column or reason.header:
                    continue
                for name, header in self.columns.names.items():
                    if f"“{header}”" in reason.reason and name not in wanted:
                        wanted.append(name)
        return [
            _(
                "The register has no column “{header}”: add it, or give one value for every "
                "row with --set {field}=VALUE."
            ).format(header=self.columns.names[name], field=name)
            for name in wanted
        ]


def _cell_order(rejection: Rejection) -> tuple[int, int, str]:
    letters = rejection.column
    return (rejection.row, len(letters), letters)


def _rows_text(rows: list[Row]) -> str:
    if len(rows) == 1:
        return str(rows[0].number)
    return f"{rows[0].number}–{rows[-1].number}"


def _left_out_line(left: LeftOut) -> str:
    rows = ", ".join(str(r.number) for r in left.rows[:8]) + ("…" if len(left.rows) > 8 else "")
    text = left.first_text()
    shown = f" (“{text[:40]}”)" if text else ""
    if left.kind == "total":
        return _("Rows {rows} left out: totals{shown}.").format(rows=rows, shown=shown)
    if left.kind == "footer":
        return _("Rows {rows} left out: below the list (signatures, notes){shown}.").format(
            rows=rows, shown=shown
        )
    return _("Rows {rows} left out: they fill no column of the register{shown}.").format(
        rows=rows, shown=shown
    )


def _describe(kind: Kind, record: dict[str, Any]) -> str:
    from lstg.core.format import money, short_date
    from lstg.core.i18n import current_language

    language = current_language()
    if kind is Kind.MEMBERS:
        return f"{record['id']} {record.get('name', '')}"
    if kind is Kind.LOANS:
        return f"{record['id']} {record.get('member', '')} {money(record.get('amount'), language)}"
    day = short_date(record["date"], language)
    present = len(record.get("attendance", []))
    checks = len(record.get("health_checks", []))
    if not present and not checks:
        return day
    return _("{date}: {present} present, {checks} health checks").format(
        date=day, present=present, checks=checks
    )


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


def _given(
    settings: dict[str, str], fields: dict[str, list[str]], columns: Columns
) -> dict[str, str]:
    """The ``--set`` values by field, each field named by its name or one of its headers.

    Raises:
        UserError: a name is no field of the register kind.
    """
    given: dict[str, str] = {}
    for name, value in settings.items():
        found = field_of(name, fields)
        if found is None:
            raise UserError(
                _("--set {name}: no such field; the fields are: {fields}.").format(
                    name=name, fields=", ".join(f for f in fields if f != "club")
                )
            )
        given[found] = value
    return given


def _check_columns(kind: Kind, table: Table, columns: Columns) -> None:
    """Every field the records need has a column, or a value given with ``--set``."""
    missing = [
        choices
        for choices in REQUIRED[kind]
        if not any(c in columns.by_field or c in columns.given for c in choices)
    ]
    if not missing:
        return
    lines = [
        _("{file}: no column for “{header}” ({field}).").format(
            file=table.sheet, header=columns.names.get(choices[0], choices[0]), field=choices[0]
        )
        for choices in missing
    ]
    lines.append(
        _("The headers found are: {headers}.").format(headers=", ".join(table.headers.values()))
    )
    lines.append(
        _(
            "Add the column to the register, name its header in a mapping file (--mapping), "
            "or give one value for every row with --set {field}=VALUE."
        ).format(field=missing[0][0])
    )
    raise UserError("\n".join(lines))


def plan_import(
    root: Path,
    club: str,
    kind: Kind,
    path: Path,
    *,
    sheet: str | None = None,
    mapping: Path | None = None,
    settings: dict[str, str] | None = None,
    today: date | None = None,
) -> ImportPlan:
    """Read a register and work out what importing it into ``club`` would do.

    Args:
        settings: one value for every row, by field (``--set household_certified=2025``):
            it fills a column the register does not have, and the empty cells of one
            it has.
        today: the day taken as today, for the check of the club as it would be.

    Raises:
        UserError: the club, the file, the sheet or the mapping cannot be found or
            read, a ``--set`` field does not exist, or a column the records need is
            missing.
    """
    files = ClubFiles(root, club)
    fields = load_mapping(mapping or default_mapping(kind.value))
    table = find_table(read_grid(path, sheet), fields)
    columns = match_columns(table.headers, fields)
    columns = dataclasses.replace(columns, given=_given(settings or {}, fields, columns))
    _check_columns(kind, table, columns)
    context = _context(files)
    plan = ImportPlan(kind, club, table, columns)
    records, plan.left_out = split_rows(table, columns)
    existing = _existing(kind, files)
    ids = {str(r["id"]) for r in existing if "id" in r}
    seen: dict[tuple[str, ...], str] = {}
    for record in existing:
        seen.setdefault(_key(kind, record), str(record.get("id", record.get("date"))))
    taken_ids = record_ids(existing)
    club_column = columns.by_field.get("club")
    mine = []
    for row in records:
        if club_column is not None and str(row.values.get(club_column, club)).strip() != club:
            plan.other_clubs += 1
            continue
        mine.append(row)
    convert: Callable[[list[Row], Columns, ClubContext], Converted]
    if kind is Kind.MEETINGS and per_member(columns):
        groups = group_by_meeting(mine, columns)
        convert = meeting_from_rows
    elif kind is Kind.LOANS:
        groups = group_loan_rows(mine, columns)
        convert = loan_from_rows
    else:
        groups = [[row] for row in mine]
        convert = _per_row(
            {Kind.MEMBERS: member_record, Kind.LOANS: loan_record, Kind.MEETINGS: meeting_record}[
                kind
            ]
        )
    for rows in groups:
        converted, reasons, sources = convert(rows, columns, context)
        if converted is None:
            plan.rejected.append((rows, reasons))
            continue
        record = converted
        if "id" in record and record["id"] in ids:
            plan.present.append((rows[0], str(record["id"])))
            continue
        key = _key(kind, record)
        if key in seen:
            plan.present.append((rows[0], seen[key]))
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
        plan.added.append(Item(rows, record, sources))
    _check_club(root, plan, today)
    return plan


CHECK_ROUNDS = 3
"""How many times the club is checked again after rows it finds fault with are set
aside: setting a row aside can show or hide a fault of another."""


def _check_club(root: Path, plan: ImportPlan, today: date | None) -> None:
    """Check the club as it would be with the records taken; move those it finds errors in
    to the rejected rows, with each error at the cell it came from."""
    for round_ in range(CHECK_ROUNDS + 1):
        if not plan.added:
            return
        change, spans = _build(root, plan)
        checked = check_change(change, today=today)
        faults: dict[int, list[Rejection]] = {}
        general: list[str] = []
        warnings: list[Rejection] = []
        for finding in checked.errors:
            found = _at_cell(plan, spans, finding.problem)
            if found is None:
                general.extend(finding.render())
            else:
                faults.setdefault(found[0], []).append(found[1])
        for finding in checked.warnings:
            found = _at_cell(plan, spans, finding.problem)
            if found is not None:
                warnings.append(found[1])
        plan.warnings = warnings
        plan.general = general
        if not faults or round_ == CHECK_ROUNDS:
            return
        for index in sorted(faults, reverse=True):
            item = plan.added.pop(index)
            plan.rejected.append((item.rows, faults[index]))
        plan.rejected.sort(key=lambda pair: pair[0][0].number)


def _at_cell(
    plan: ImportPlan, spans: dict[str, list[tuple[int, int, int]]], problem: Any
) -> tuple[int, Rejection] | None:
    """The record of the plan that ``problem`` (in the club as it would be) is in, and the
    problem as a rejection at the cell that field was read from."""
    for first, last, index in spans.get(problem.file, []):
        if not first <= problem.line <= last:
            continue
        item = plan.added[index]
        path = [str(p) for p in problem.where[1:]]
        row, letter = item.row.number, ""
        for n in range(len(path), 0, -1):
            found = item.sources.get(".".join(path[:n]))
            if found is not None:
                row, letter = found
                break
        header = plan.columns.headers.get(letter, "") if letter else ""
        message = problem.message.rstrip(".")
        message = message[:1].lower() + message[1:]
        return index, Rejection(item.row.sheet, row, letter, header, message)
    return None


def _build(root: Path, plan: ImportPlan) -> tuple[Change, dict[str, list[tuple[int, int, int]]]]:
    """The change adding the plan's records, and the lines of each record in each file."""
    files = ClubFiles(root, plan.club)
    for item in plan.added:
        record = item.record
        if plan.kind is Kind.MEMBERS:
            files.members().insert_record(record)
        elif plan.kind is Kind.LOANS:
            files.loans().insert_record(record)
        else:
            day: date = record["date"]
            files.meetings(day.year).insert_record(record, before=_later_than(day))
    change = files.change
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for doc in files.documents():
        records = doc.data()
        lines = doc.record_spans()
        for index, item in enumerate(plan.added):
            at = _index_of(plan.kind, records, item.record)
            if at is None:
                continue
            label = _("{sheet}, row {row}").format(sheet=item.row.sheet, row=_rows_text(item.rows))
            change.origins.setdefault(doc.rel, []).append((*lines[at], label))
            spans.setdefault(doc.rel, []).append((*lines[at], index))
    count = len(plan.added)
    what = {
        Kind.MEMBERS: ngettext("{n} member", "{n} members", count),
        Kind.LOANS: ngettext("{n} loan", "{n} loans", count),
        Kind.MEETINGS: ngettext("{n} meeting", "{n} meetings", count),
    }[plan.kind].format(n=count)
    files.finish(_("Imported {what} from {file}.").format(what=what, file=plan.table.sheet))
    return change, spans


def import_change(root: Path, plan: ImportPlan) -> Change:
    """The change adding the plan's records: members and loans at the end, meetings by date."""
    return _build(root, plan)[0]


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
