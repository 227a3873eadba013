"""Loans from a loans register (sổ cho vay): one row per loan, with its repayments.

The borrower is named by member id or by a name only one member has. Repayments
are written in one cell (``25/03/2025 500.000 15.000; …``) or, as registers lay
them out, one group of columns a repayment: *Trả nợ lần 1: Ngày | Gốc | Lãi*. A
column of what is still owed (*Dư nợ*) is checked against the amount and the
principal repaid, and not recorded: it follows from them.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from lstg.core.format import money
from lstg.core.i18n import _
from lstg.domain.vocabulary import FUND
from lstg.edit.values import parse_amount, parse_date, parse_int, parse_number
from lstg.importer.mapping import Columns
from lstg.importer.records import (
    ClubContext,
    Rejection,
    RowReader,
    cell_date,
    drop_defaults,
    sources_of,
    text,
)
from lstg.importer.tabular import Row
from lstg.schema import Loan


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
    return FUND.find(text(value)) or text(value)


def _column_repayments(r: RowReader, columns: Columns) -> list[dict[str, Any]]:
    """Repayments laid out as groups of columns (date, principal, interest), in order."""
    dates = columns.repeated.get("repayment_date", [])
    principals = columns.repeated.get("repayment_principal", [])
    interests = columns.repeated.get("repayment_interest", [])
    out: list[dict[str, Any]] = []
    for index in range(max(len(dates), len(principals), len(interests))):
        cells: dict[str, tuple[str, Any]] = {}
        for name, letters in (
            ("date", dates),
            ("principal", principals),
            ("interest", interests),
        ):
            if index < len(letters) and r.row.values.get(letters[index]) is not None:
                cells[name] = (letters[index], r.row.values[letters[index]])
        if not cells:
            continue
        entry: dict[str, Any] = {}
        bad = False
        for name, (letter, value) in cells.items():
            try:
                entry[name] = cell_date(value) if name == "date" else parse_amount(value)
            except ValueError as exc:
                _reject_at(r, letter, str(exc))
                bad = True
        if bad:
            r.failed.add("repayments")
            continue
        if "date" not in entry:
            first = next(iter(cells.values()))[0]
            _reject_at(r, first, _("a repayment without its date"))
            r.failed.add("repayments")
            continue
        if not entry.get("principal") and not entry.get("interest"):
            continue
        out.append(entry)
    if out:
        r.sources["repayments"] = "repayment_date"
    return sorted(out, key=lambda e: e["date"])


def _term(disbursed: date | None, due: date | None) -> int | None:
    """The term in months of a loan from its dates, where the register gives no term:
    the months from disbursement to the due date, a part month counted whole."""
    if disbursed is None or due is None or due <= disbursed:
        return None
    months = (due.year - disbursed.year) * 12 + due.month - disbursed.month
    return months + (1 if due.day > disbursed.day else 0) or 1


def _reject_at(r: RowReader, letter: str, reason: str) -> None:
    header = r.columns.headers.get(letter, "")
    rejection = Rejection(r.row.sheet, r.row.number, letter, header, reason)
    if rejection not in r.rejections:
        r.rejections.append(rejection)


def _check_outstanding(r: RowReader, record: dict[str, Any]) -> None:
    owed = r.get("outstanding", parse_amount)
    if owed is None or "amount" not in record or "repayments" in r.failed:
        return
    repaid = sum(p.get("principal", 0) for p in record.get("repayments", []))
    expected = record["amount"] - repaid
    if record.get("written_off") or owed == expected:
        return
    from lstg.core.i18n import current_language

    language = current_language()
    r.reject(
        "outstanding",
        _(
            "{owed} is still owed here, but the amount less the principal repaid is "
            "{amount} − {repaid} = {expected}"
        ).format(
            owed=money(owed, language),
            amount=money(record["amount"], language),
            repaid=money(repaid, language),
            expected=money(expected, language),
        ),
    )


def loan_record(
    row: Row, columns: Columns, club: ClubContext
) -> tuple[dict[str, Any] | None, list[Rejection], dict[str, str]]:
    """The loan of one register row; the borrower by member id, else by unique name."""
    r = RowReader(row, columns)
    record: dict[str, Any] = {}
    record["id"] = r.get("id", text)
    if r.raw("member") is not None:
        record["member"] = r.get("member", lambda v: club.member(text(v)))
    else:
        record["member"] = r.get(
            "member_name", lambda v: club.member_by_name(text(v)), into="member"
        )
    record["fund"] = r.get("fund", _fund)
    record["amount"] = r.get("amount", parse_amount)
    rate = r.get("monthly_interest", parse_number)
    record["monthly_interest"] = int(rate) if rate is not None and rate.is_integer() else rate
    record["term_months"] = r.get("term_months", parse_int)
    record["disbursed"] = r.get("disbursed", cell_date)
    record["purpose"] = r.get("purpose", text)
    record["due"] = r.get("due", cell_date)
    if record["term_months"] is None and "term_months" not in r.failed:
        record["term_months"] = _term(record["disbursed"], record["due"])
    record["schedule"] = r.get(
        "schedule",
        lambda v: [{"date": p["date"], "principal": p["principal"]} for p in _payments(v)],
    )
    record["repayments"] = r.get("repayments", _payments) or _column_repayments(r, columns)
    off_date = r.get("written_off_date", cell_date, into="written_off.date")
    off_reason = r.get("written_off_reason", text, into="written_off.reason")
    if off_date is not None or off_reason is not None:
        record["written_off"] = {
            k: v for k, v in {"date": off_date, "reason": off_reason}.items() if v is not None
        }
    if record.get("member") is None and "member" not in r.failed:
        r.reject(
            "member_name" if "member_name" in columns.by_field else "member",
            _("the borrower is missing: give the member id or the name"),
        )
        r.failed.add("member")
    _check_outstanding(r, record)
    record = drop_defaults(record, Loan)
    fields = {
        "written_off": "written_off_date",
        "written_off.date": "written_off_date",
        "written_off.reason": "written_off_reason",
        "member": "member_name" if "member" not in columns.by_field else "member",
    }
    if not r.validate(Loan, {"id": "L000", **record}, fields):
        return None, r.rejections, {}
    return record, [], sources_of(r)


REPAYMENT_FIELDS = frozenset({"repayment_date", "repayment_principal", "repayment_interest"})
"""The columns of one repayment; a row that fills only these is a further repayment of
the loan of the row above, as loan books write one repayment a line."""


def _only_repayments(row: Row, columns: Columns) -> bool:
    filled = {
        name for name, letter in columns.by_field.items() if row.values.get(letter) is not None
    }
    for name, letters in columns.repeated.items():
        if any(row.values.get(letter) is not None for letter in letters):
            filled.add(name)
    return bool(filled) and filled <= REPAYMENT_FIELDS


def group_loan_rows(rows: list[Row], columns: Columns) -> list[list[Row]]:
    """The rows of each loan: its own row, then the rows below it that hold only a
    repayment (:data:`REPAYMENT_FIELDS`)."""
    groups: list[list[Row]] = []
    for row in rows:
        if groups and _only_repayments(row, columns):
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def loan_from_rows(
    rows: list[Row], columns: Columns, club: ClubContext
) -> tuple[dict[str, Any] | None, list[Rejection], dict[str, tuple[int, str]]]:
    """The loan of its row and of the repayment rows under it."""
    record, rejections, letters = loan_record(rows[0], columns, club)
    sources = {k: (rows[0].number, v) for k, v in letters.items()}
    more: list[dict[str, Any]] = []
    for row in rows[1:]:
        r = RowReader(row, columns)
        more.extend(_column_repayments(r, columns))
        rejections = [*rejections, *r.rejections]
    if record is None or rejections:
        return None, rejections, {}
    if more:
        paid = [*record.get("repayments", []), *more]
        record["repayments"] = sorted(paid, key=lambda e: e["date"])
    return record, [], sources
