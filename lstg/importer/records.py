"""Turning a register's rows into records, every bad cell of a row found in one pass.

Each converter reads the cells of one row through the column mapping, parses
them as people write them (dd/mm/yyyy, Nam/Nữ, 1.000.000, Có/Không), validates
the record with its schema model, and gives the record or the reasons the row
cannot be taken, each at its column and in the column's own words. A cell that
cannot be read is reported, and the rest of the row is still read and validated,
so that one import names every bad cell of every row.

Members here; loans in :mod:`.loans`, meetings in :mod:`.meetings`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from openpyxl.utils.datetime import from_excel
from pydantic import BaseModel, ValidationError

from lstg.core.i18n import _
from lstg.dataset.modelerrors import error_fields, problems_from
from lstg.edit.values import (
    fold,
    nfc,
    parse_bool,
    parse_date,
    parse_gender,
    parse_household,
    parse_int,
)
from lstg.importer.mapping import Columns
from lstg.importer.tabular import FormulaCell, Row
from lstg.schema import Member


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

    def short(self) -> str:
        """The reason with its column, for the column of reasons of a rejected rows' file."""
        if self.column:
            return _("column {column} ({header}): {reason}").format(
                column=self.column, header=self.header, reason=self.reason
            )
        return self.reason


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
    """A cell as text, spaces made single; whole numbers from a spreadsheet lose their ``.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return nfc(str(value))


def items(value: Any) -> list[str]:
    """Several values in one cell, separated by commas, semicolons or new lines."""
    return [nfc(x) for x in re.split(r"[,;\n]+", text(value)) if nfc(x)]


def year_or_date(value: Any) -> tuple[str, Any]:
    """A cell of a birth: ``("birth_year", 1956)`` for a year, ``("birth_date", date)`` for
    a date (an Excel date, or text such as 04/03/1956)."""
    if isinstance(value, date) or (isinstance(value, str) and not text(value).isdigit()):
        return "birth_date", cell_date(value)
    return "birth_year", parse_int(value)


class RowReader:
    """Reads the cells of one row (or of several rows making one record) by field name,
    collecting every cell that cannot be read, and where each field of the record came
    from.

    Attributes:
        rejections: what cannot be taken, each at its cell.
        sources: for each field of the record (a dotted path, ``left.date``), the
            register field it was read from.
    """

    def __init__(self, row: Row, columns: Columns) -> None:
        self.row = row
        self.columns = columns
        self.rejections: list[Rejection] = []
        self.sources: dict[str, str] = {}
        self.failed: set[str] = set()

    def column(self, name: str) -> str:
        """The column letter of the register field ``name``; empty when it has none."""
        return self.columns.by_field.get(name, "")

    def label(self, name: str) -> str:
        """What to call the register field ``name`` in a message."""
        if name not in self.columns.by_field and name in self.columns.given:
            return f"--set {name}"
        return self.columns.header(name)

    def reject(self, name: str, reason: str, *, row: Row | None = None) -> None:
        column = self.column(name)
        header = self.columns.header(name) if column else ""
        at = row or self.row
        rejection = Rejection(at.sheet, at.number, column, header, reason)
        if rejection not in self.rejections:
            self.rejections.append(rejection)

    def raw(self, name: str, row: Row | None = None) -> Any:
        """The cell of ``name``; the value given with ``--set`` when the cell is empty."""
        column = self.columns.by_field.get(name)
        value = None if column is None else (row or self.row).values.get(column)
        if isinstance(value, FormulaCell):
            self.reject(
                name,
                _(
                    "the cell holds a formula ({formula}) whose value was never saved: type "
                    "the value itself, or open the file in Excel and save it"
                ).format(formula=value.formula[:40]),
                row=row,
            )
            self.failed.add(name)
            return None
        if value is None:
            return self.columns.given.get(name)
        return value

    def get(self, name: str, parse: Callable[[Any], Any], *, into: str | None = None) -> Any:
        """The cell of ``name`` read by ``parse``; ``None`` if empty or unreadable (then
        rejected at its column). ``into`` is the record's field it fills (default: ``name``)."""
        target = into or name
        value = self.raw(name)
        if value is None:
            if name in self.failed:
                self.failed.add(target)
            return None
        try:
            parsed = parse(value)
        except ValueError as exc:
            self.reject(name, str(exc))
            self.failed.add(target)
            return None
        self.sources[target] = name
        return parsed

    def labels(self) -> dict[str, str]:
        """What each field of the record is called in messages: its column's header."""
        found = {target: self.label(name) for target, name in self.sources.items()}
        for name in (*self.columns.names, *self.columns.by_field):
            found.setdefault(name, self.label(name))
        return found

    def validate(
        self, model: type[BaseModel], record: dict[str, Any], fields: dict[str, str]
    ) -> bool:
        """Validate ``record`` with ``model``; reject each error at the column of its field,
        called by the column's header. Errors about a cell already rejected are not
        repeated.

        Args:
            fields: the register field that holds each record field, where the names
                differ and the field was not read (``left.date`` from ``left_date``).
        """
        try:
            model.model_validate(record)
        except ValidationError as exc:
            labels = {**{k: self.columns.header(v) for k, v in fields.items()}, **self.labels()}
            problems = problems_from(exc, file="", prefix=(), model=model, labels=labels)
            for path, problem in zip(error_fields(exc), problems, strict=True):
                names = [p for p in path if not p.isdigit()]
                dotted = ".".join(names)
                if any(".".join(names[:n]) in self.failed for n in range(1, len(names) + 1)):
                    continue
                name = (
                    self.sources.get(dotted)
                    or fields.get(dotted)
                    or (self.sources.get(names[0]) if names else None)
                    or fields.get(names[0] if names else "")
                    or (names[0] if names else "")
                )
                self.reject(name, _strip_period(problem.message))
            return not self.rejections
        return not self.rejections


def _strip_period(message: str) -> str:
    return message[:1].lower() + message[1:].rstrip(".") if message else message


_MARK = re.compile(r"^[x✓✔v]$", re.IGNORECASE)


def _birth_by_gender(r: RowReader, record: dict[str, Any]) -> None:
    """A register that writes the year of birth under *Nam* or under *Nữ*: the column
    gives the gender, the cell the year (or the date)."""
    found: list[tuple[str, str, Any]] = []
    for name, gender in (("birth_year_male", "male"), ("birth_year_female", "female")):
        value = r.raw(name)
        if value is not None:
            found.append((name, gender, value))
    if not found:
        return
    if len(found) == 2:
        r.reject(
            found[1][0],
            _(
                "the birth is written under both {male} and {female}: keep the one of the gender"
            ).format(male=r.label(found[0][0]), female=r.label(found[1][0])),
        )
        r.failed.update({"gender", "birth_year", "birth_date"})
        return
    name, gender, value = found[0]
    if record.get("gender") is not None and record["gender"] != gender:
        r.reject(
            name,
            _("the birth is under {column}, but the gender column says otherwise").format(
                column=r.label(name)
            ),
        )
        r.failed.add("gender")
        return
    record["gender"] = gender
    r.sources["gender"] = name
    if isinstance(value, str) and _MARK.match(value.strip()):
        return
    try:
        key, born = year_or_date(value)
    except ValueError as exc:
        r.reject(name, str(exc))
        r.failed.update({"birth_year", "birth_date"})
        return
    record[key] = born
    r.sources[key] = name


def _gender_marks(r: RowReader) -> str | None:
    """A register that marks the gender with an x under *Nam* or *Nữ*."""
    marked = [
        gender
        for name, gender in (("gender_male", "male"), ("gender_female", "female"))
        if r.raw(name) is not None
    ]
    if len(marked) == 1:
        r.sources["gender"] = "gender_male" if marked[0] == "male" else "gender_female"
        return marked[0]
    if len(marked) == 2:
        r.reject("gender_female", _("both Nam and Nữ are marked"))
        r.failed.add("gender")
    return None


def member_record(
    row: Row, columns: Columns, club: ClubContext
) -> tuple[dict[str, Any] | None, list[Rejection], dict[str, str]]:
    """The member of one register row, in the order fields are written.

    Returns:
        The record (``None`` if the row cannot be taken), the reasons it cannot, and
        the column letter each field of the record was read from.
    """
    r = RowReader(row, columns)
    record: dict[str, Any] = {}
    record["id"] = r.get("id", text)
    record["name"] = r.get("name", text)
    record["gender"] = r.get("gender", parse_gender)
    if record["gender"] is None and "gender" not in r.failed:
        record["gender"] = _gender_marks(r)
    year_cell = r.raw("birth_year")
    if year_cell is not None:
        kind = "birth_date" if isinstance(year_cell, date) else None
        if isinstance(year_cell, str) and not text(year_cell).isdigit():
            kind = "birth_date"
        if kind == "birth_date":
            record["birth_date"] = r.get("birth_year", cell_date, into="birth_date")
        else:
            record["birth_year"] = r.get("birth_year", parse_int)
    if r.raw("birth_date") is not None:
        record["birth_date"] = r.get("birth_date", cell_date)
    _birth_by_gender(r, record)
    record["ethnicity"] = r.get("ethnicity", text)
    record["household"] = r.get("household", parse_household)
    if record["household"] in (None, "none"):
        record["household_certified"] = None
    else:
        record["household_certified"] = r.get("household_certified", parse_int)
    record["living_alone"] = r.get("living_alone", parse_bool)
    record["disability"] = r.get("disability", parse_bool)
    record["joined"] = r.get("joined", cell_date)
    left_date = r.get("left_date", cell_date, into="left.date")
    left_reason = r.get("left_reason", text, into="left.reason")
    if left_date is not None or left_reason is not None:
        record["left"] = _present({"date": left_date, "reason": left_reason})
    record["consent"] = r.get("consent", cell_date)
    record["team"] = r.get("team", lambda v: club.team(text(v)))
    record["groups"] = r.get("groups", lambda v: [club.group(g) for g in items(v)])
    record["home_care_volunteer"] = r.get("home_care_volunteer", parse_bool)
    record = drop_defaults(record, Member)
    fields = {"left": "left_date", "left.reason": "left_reason", "left.date": "left_date"}
    if not r.validate(Member, {"id": "M000", **record}, fields):
        return None, r.rejections, {}
    return record, [], sources_of(r)


def sources_of(r: RowReader) -> dict[str, str]:
    """The column letter that each field of a record was read from."""
    return {
        target: r.columns.by_field[name]
        for target, name in r.sources.items()
        if name in r.columns.by_field
    }


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
