"""Turning a register's rows into records: members and loans (meetings: :mod:`.meetings`).

Each converter reads the cells of one row through the column mapping, parses
them as people write them (dd/mm/yyyy, Nam/Nữ, 1.000.000, Có/Không), validates
the record with its schema model, and gives the record or the reasons the row
cannot be taken, each at its column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from openpyxl.utils.datetime import from_excel
from pydantic import BaseModel, ValidationError

from lstg.edit.values import (
    fold,
    nfc,
    parse_amount,
    parse_bool,
    parse_date,
    parse_gender,
    parse_household,
    parse_int,
    parse_number,
)
from lstg.i18n import _
from lstg.importer.mapping import Columns
from lstg.importer.tabular import FormulaCell, Row
from lstg.modelerrors import problems_from
from lstg.schema import Loan, Member


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why one cell (or a whole row, when ``column`` is empty) cannot be taken."""

    sheet: str
    row: int
    column: str
    header: str
    reason: str

    def render(self) -> str:
        if self.column:
            return _("{sheet}: row {row}, column {column} ({header}): {reason}").format(
                sheet=self.sheet,
                row=self.row,
                column=self.column,
                header=self.header,
                reason=self.reason,
            )
        return _("{sheet}: row {row}: {reason}").format(
            sheet=self.sheet, row=self.row, reason=self.reason
        )


@dataclass(slots=True)
class ClubContext:
    """What a row is checked against: the club's teams, groups and members."""

    teams: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    members: dict[str, str] = field(default_factory=dict)

    @staticmethod
    def _lookup(table: dict[str, str], value: str) -> str | None:
        if value in table:
            return value
        found = [
            i for i, name in table.items() if fold(name) == fold(value) or fold(i) == fold(value)
        ]
        return found[0] if len(found) == 1 else None

    def team(self, value: str) -> str:
        found = self._lookup(self.teams, value)
        if found is None:
            raise ValueError(_("no team “{value}” in club.yaml").format(value=value))
        return found

    def group(self, value: str) -> str:
        found = self._lookup(self.groups, value)
        if found is None:
            raise ValueError(_("no group “{value}” in club.yaml").format(value=value))
        return found

    def member_by_name(self, value: str) -> str:
        found = [i for i, name in self.members.items() if fold(name) == fold(value)]
        if not found:
            raise ValueError(_("no member named “{value}” in the club").format(value=value))
        if len(found) > 1:
            raise ValueError(
                _("{n} members are named “{value}”: give the member id").format(
                    n=len(found), value=value
                )
            )
        return found[0]

    def member(self, value: str) -> str:
        if value not in self.members:
            raise ValueError(_("no member {value} in members.yaml").format(value=value))
        return value


def cell_date(value: Any) -> date:
    """A date cell: a date, text as people write dates, or a date that Excel keeps as its
    serial number (days since 1899-12-30) in a cell formatted as a number."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 10000 < value < 80000:
        found: datetime = from_excel(value)
        return found.date()
    return parse_date(value)


def text(value: Any) -> str:
    """A cell as text; whole numbers from a spreadsheet lose their ``.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return nfc(str(value))


def items(value: Any) -> list[str]:
    """Several values in one cell, separated by commas, semicolons or new lines."""
    return [nfc(x) for x in re.split(r"[,;\n]+", text(value)) if nfc(x)]


class RowReader:
    """Reads the cells of one row by field name, collecting what cannot be read."""

    def __init__(self, row: Row, columns: Columns) -> None:
        self.row = row
        self.columns = columns
        self.rejections: list[Rejection] = []

    def reject(self, field_name: str, reason: str) -> None:
        column = self.columns.by_field.get(field_name, "")
        header = self.columns.header(field_name) if column else ""
        rejection = Rejection(self.row.sheet, self.row.number, column, header, reason)
        if rejection not in self.rejections:
            self.rejections.append(rejection)

    def raw(self, field_name: str) -> Any:
        column = self.columns.by_field.get(field_name)
        value = None if column is None else self.row.values.get(column)
        if isinstance(value, FormulaCell):
            self.reject(
                field_name,
                _(
                    "the cell holds a formula ({formula}) whose value was never saved: type "
                    "the value itself, or open the file in Excel and save it"
                ).format(formula=value.formula[:40]),
            )
            return None
        return value

    def get(self, field_name: str, parse: Callable[[Any], Any]) -> Any:
        value = self.raw(field_name)
        if value is None:
            return None
        try:
            return parse(value)
        except ValueError as exc:
            self.reject(field_name, str(exc))
            return None

    def validate(
        self, model: type[BaseModel], record: dict[str, Any], fields: dict[str, str]
    ) -> bool:
        """Validate ``record`` with ``model``; reject each error at the column of its field.

        Args:
            fields: the register field that holds each top-level record field,
                where the names differ (``left`` is read from ``left_date``).
        """
        try:
            model.model_validate(record)
        except ValidationError as exc:
            problems = problems_from(exc, file="", prefix=(), model=model)
            for err, problem in zip(exc.errors(include_url=False), problems, strict=True):
                loc = [str(p) for p in err["loc"] if not str(p).startswith("function-")]
                top = loc[0] if loc else ""
                name = fields.get(".".join(loc[:2])) if len(loc) > 1 else None
                self.reject(name or fields.get(top, top), problem.message)
            return False
        return True


def member_record(
    row: Row, columns: Columns, club: ClubContext
) -> tuple[dict[str, Any] | None, list[Rejection]]:
    """The member of one register row, in the order fields are written."""
    r = RowReader(row, columns)
    record: dict[str, Any] = {}
    record["id"] = r.get("id", text)
    record["name"] = r.get("name", text)
    record["gender"] = r.get("gender", parse_gender)
    year_cell = r.raw("birth_year")
    if isinstance(year_cell, date) or (
        isinstance(year_cell, str) and not text(year_cell).isdigit()
    ):
        record["birth_date"] = r.get("birth_year", cell_date)
    else:
        record["birth_year"] = r.get("birth_year", parse_int)
    if r.raw("birth_date") is not None:
        record["birth_date"] = r.get("birth_date", cell_date)
    record["ethnicity"] = r.get("ethnicity", text)
    record["household"] = r.get("household", parse_household)
    record["household_certified"] = r.get("household_certified", parse_int)
    record["living_alone"] = r.get("living_alone", parse_bool)
    record["disability"] = r.get("disability", parse_bool)
    record["joined"] = r.get("joined", cell_date)
    left_date = r.get("left_date", cell_date)
    left_reason = r.get("left_reason", text)
    if left_date is not None or left_reason is not None:
        record["left"] = _present({"date": left_date, "reason": left_reason})
    record["consent"] = r.get("consent", cell_date)
    record["team"] = r.get("team", lambda v: club.team(text(v)))
    record["groups"] = r.get("groups", lambda v: [club.group(g) for g in items(v)])
    record["home_care_volunteer"] = r.get("home_care_volunteer", parse_bool)
    record = drop_defaults(record, Member)
    if r.rejections:
        return None, r.rejections
    check = {"id": "M000", **record}
    fields = {"left": "left_date", "left.reason": "left_reason", "left.date": "left_date"}
    if not r.validate(Member, check, fields):
        return None, r.rejections
    return record, []


def _present(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def drop_defaults(record: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in record.items():
        if value is None or value == [] or value == {}:
            continue
        info = model.model_fields.get(name)
        if info is not None and not info.is_required() and info.default == value:
            continue
        out[name] = value
    return out


def _payments(value: Any) -> list[dict[str, Any]]:
    """Repayments written ``2019-09-10 1500000 90000; …`` (date, principal, interest)."""
    out = []
    for item in re.split(r"[;\n]+", text(value)):
        parts = item.split()
        if not parts:
            continue
        if len(parts) not in (2, 3):
            raise ValueError(
                _("write each repayment as “date principal interest”, separated by “;”")
            )
        entry: dict[str, Any] = {"date": parse_date(parts[0]), "principal": parse_amount(parts[1])}
        if len(parts) == 3:
            entry["interest"] = parse_amount(parts[2])
        out.append(entry)
    return out


def _fund(value: Any) -> str:
    folded = fold(text(value))
    if "hoat dong" in folded or folded == "activity":
        return "activity"
    if "thu nhap" in folded or "kinh te" in folded or folded == "income":
        return "income"
    return text(value)


def loan_record(
    row: Row, columns: Columns, club: ClubContext
) -> tuple[dict[str, Any] | None, list[Rejection]]:
    """The loan of one register row; the borrower by member id, else by unique name."""
    r = RowReader(row, columns)
    record: dict[str, Any] = {}
    record["id"] = r.get("id", text)
    if r.raw("member") is not None:
        record["member"] = r.get("member", lambda v: club.member(text(v)))
    else:
        record["member"] = r.get("member_name", lambda v: club.member_by_name(text(v)))
    record["fund"] = r.get("fund", _fund)
    record["amount"] = r.get("amount", parse_amount)
    rate = r.get("monthly_interest", parse_number)
    record["monthly_interest"] = int(rate) if rate is not None and rate.is_integer() else rate
    record["term_months"] = r.get("term_months", parse_int)
    record["disbursed"] = r.get("disbursed", cell_date)
    record["purpose"] = r.get("purpose", text)
    record["due"] = r.get("due", cell_date)
    record["schedule"] = r.get(
        "schedule",
        lambda v: [{"date": p["date"], "principal": p["principal"]} for p in _payments(v)],
    )
    record["repayments"] = r.get("repayments", _payments)
    off_date = r.get("written_off_date", cell_date)
    off_reason = r.get("written_off_reason", text)
    if off_date is not None or off_reason is not None:
        record["written_off"] = _present({"date": off_date, "reason": off_reason})
    if record.get("member") is None and not any(x.column for x in r.rejections):
        r.reject("member", _("the borrower is missing: give the member id or the name"))
    record = drop_defaults(record, Loan)
    if r.rejections:
        return None, r.rejections
    fields = {"written_off": "written_off_date", "written_off.reason": "written_off_reason"}
    if not r.validate(Loan, {"id": "L000", **record}, fields):
        return None, r.rejections
    return record, []
