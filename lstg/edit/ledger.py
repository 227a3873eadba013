"""Adding money movements and balance assertions to ``ledger.yaml``, in date order."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from lstg.core.i18n import _
from lstg.edit.change import Change
from lstg.edit.club_files import ClubFiles
from lstg.edit.values import nfc
from lstg.validate.common import fund_label, money, shown_date


def _after(day: date) -> Any:
    return lambda record: str(record.get("date", "")) > day.isoformat()


def add_transaction(
    root: Path,
    club: str,
    *,
    day: date,
    fund: str,
    amount: int,
    source: str | None = None,
    use: str | None = None,
    note: str | None = None,
) -> Change:
    """Add money into a fund (``source``, positive amount) or out of it (``use``, negative)."""
    files = ClubFiles(root, club)
    doc = files.ledger()
    record: dict[str, Any] = {"date": day, "fund": fund, "amount": amount}
    if source is not None:
        record["source"] = source
    if use is not None:
        record["use"] = use
    if note:
        record["note"] = nfc(note)
    line = doc.insert_record(record, before=_after(day))
    return files.finish(
        _("{file}:{line}: {fund}: {amount} on {date}").format(
            file=doc.rel,
            line=line,
            fund=fund_label(fund),
            amount=money(amount),
            date=shown_date(day),
        )
    )


def add_balance(
    root: Path, club: str, *, day: date, fund: str, balance: int, note: str | None = None
) -> Change:
    """Assert a fund's cash at the end of ``day``, as the treasurer counted it."""
    files = ClubFiles(root, club)
    doc = files.ledger()
    record: dict[str, Any] = {"date": day, "fund": fund, "balance": balance}
    if note:
        record["note"] = nfc(note)
    line = doc.insert_record(record, before=_after(day))
    return files.finish(
        _("{file}:{line}: {fund}: balance {balance} at the end of {date}").format(
            file=doc.rel,
            line=line,
            fund=fund_label(fund),
            balance=money(balance),
            date=shown_date(day),
        )
    )
