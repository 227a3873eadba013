"""A fund's cash: the one definition, for the checks (day by day) and the figures (at a date).

A fund's cash at the end of a day is the sum, up to that day, of its ledger
transactions, minus the loans disbursed from it, plus the principal and the interest
repaid on those loans. A written-off loan changes nothing: its money left the fund
when it was lent. Balance assertions are checks of the cash, not money, and are not
moves.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import NamedTuple

from lstg.core.problems import PathPart
from lstg.dataset import LEDGER_FILE, LOANS_FILE, ClubData
from lstg.schema import Transaction


class Move(NamedTuple):
    """Money into (positive) or out of (negative) a fund, and where it is written.

    A named tuple: a club's ledger and loans make hundreds, on every validation.
    """

    day: date
    amount: int
    file: str
    where: tuple[PathPart, ...]
    loan: str | None = None


def fund_moves(club: ClubData) -> dict[str, list[Move]]:
    """Each fund's moves of money, in date order (a day's moves in the order of the files)."""
    moves: dict[str, list[Move]] = defaultdict(list)
    ledger = club.file(LEDGER_FILE)
    for row, entry in zip(club.ledger_rows, club.ledger, strict=True):
        if isinstance(entry, Transaction):
            moves[entry.fund].append(Move(entry.date, entry.amount, ledger, (row, "amount")))
    loans = club.file(LOANS_FILE)
    for row, loan in zip(club.loan_rows, club.loans, strict=True):
        moves[loan.fund].append(Move(loan.disbursed, -loan.amount, loans, (row, "amount"), loan.id))
        for index, repayment in enumerate(loan.repayments):
            moves[loan.fund].append(
                Move(
                    repayment.date,
                    repayment.principal + repayment.interest,
                    loans,
                    (row, "repayments", index),
                )
            )
    for one_fund in moves.values():
        one_fund.sort(key=lambda m: m.day)
    return moves


def cash_at(moves: list[Move], day: date) -> int:
    """The cash that ``moves`` (one fund's) leave at the end of ``day``."""
    return sum(m.amount for m in moves if m.day <= day)


def fund_cash(club: ClubData, fund: str, day: date) -> int:
    """The cash of one fund of ``club`` at the end of ``day``."""
    return cash_at(fund_moves(club).get(fund, []), day)
