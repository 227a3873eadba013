"""Adding loans to ``loans.yaml`` and recording their repayments and write-offs."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.edit.change import Change
from lstg.edit.club_files import ClubFiles, next_id, record_ids
from lstg.edit.values import nfc_all
from lstg.schema import Loan
from lstg.validate.common import money, shown_date

LOAN_FIELDS: tuple[str, ...] = tuple(Loan.model_fields)
_YEARLY = re.compile(r"^L\d{4}-\d+$")


def new_loan_id(ids: list[str], disbursed: date) -> str:
    """The next loan id: ``L2025-03`` where ids are numbered by year, else ``L###``."""
    yearly = [i for i in ids if _YEARLY.match(i)]
    if yearly and len(yearly) * 2 >= len(ids):
        prefix = f"L{disbursed.year}-"
        return next_id([i for i in yearly if i.startswith(prefix)], prefix, 2)
    return next_id(ids, "L")


def add_loan(root: Path, club: str, fields: dict[str, Any]) -> Change:
    """Add a loan at the end of ``loans.yaml``; the id is the next free one if not given."""
    files = ClubFiles(root, club)
    doc = files.loans()
    ids = record_ids(doc.data())
    record = {name: nfc_all(fields[name]) for name in LOAN_FIELDS if fields.get(name) is not None}
    if "id" not in record:
        record = {"id": new_loan_id(ids, fields["disbursed"]), **record}
    elif record["id"] in ids:
        raise UserError(
            _("There is already a loan {id} in {file}.").format(id=record["id"], file=doc.rel)
        )
    line = doc.insert_record(record)
    return files.finish(
        _("{file}:{line}: added loan {id} of {amount} to {member}").format(
            file=doc.rel,
            line=line,
            id=record["id"],
            amount=money(record["amount"]),
            member=record["member"],
        )
    )


def repay_loan(
    root: Path, club: str, loan: str, day: date, principal: int, interest: int
) -> Change:
    """Record a repayment of a loan: principal and interest paid on ``day``."""
    files = ClubFiles(root, club)
    doc = files.loans()
    index = files.find(doc, loan, _("loan"))
    if principal == 0 and interest == 0:
        raise UserError(_("A repayment pays some principal or some interest."))
    item: dict[str, Any] = {"date": day, "principal": principal, "interest": interest}
    line = doc.append_item(
        [index],
        "repayments",
        item,
        LOAN_FIELDS,
        before=lambda r: isinstance(r, dict) and str(r.get("date", "")) > day.isoformat(),
    )
    return files.finish(
        _(
            "{file}:{line}: loan {id}: repaid {principal} principal "
            "and {interest} interest on {date}"
        ).format(
            file=doc.rel,
            line=line,
            id=loan,
            principal=money(principal),
            interest=money(interest),
            date=shown_date(day),
        )
    )


def write_off_loan(root: Path, club: str, loan: str, day: date, reason: str) -> Change:
    """Record the club's decision to stop collecting a loan."""
    files = ClubFiles(root, club)
    doc = files.loans()
    index = files.find(doc, loan, _("loan"))
    line = doc.set_field(
        [index], "written_off", {"date": day, "reason": nfc_all(reason)}, LOAN_FIELDS
    )
    return files.finish(
        _("{file}:{line}: loan {id} written off on {date}").format(
            file=doc.rel, line=line, id=loan, date=shown_date(day)
        )
    )
