"""``ledger.yaml``: money into and out of the club's two funds, in date order.

Loan disbursements, repayments and interest are not written here: they are
derived from ``loans.yaml``, so that no fact is stated twice. A ``balance``
entry asserts a fund's cash at the end of a day, loans included, in the manner
of beancount's ``balance`` directive; validation checks that it holds.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from lstg.core.i18n import _
from lstg.schema.common import Ident, IsoDate, Model, Money, SignedMoney, Text

Source = Literal[
    "members", "commune", "donors", "business", "production", "state-budget", "transfer", "other"
]
Use = Literal["equipment", "activities", "support", "home-care", "transfer", "other"]


class Transaction(Model):
    """Money into a fund (positive ``amount``, with ``source``) or out of it (negative, ``use``)."""

    date: IsoDate
    fund: Ident
    amount: SignedMoney
    source: Source | None = None
    use: Use | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _direction(self) -> Transaction:
        if self.amount == 0:
            raise ValueError(_("an amount of 0 moves no money"))
        if self.amount > 0 and (self.source is None or self.use is not None):
            raise ValueError(_("money in (a positive amount) gives its source, not a use"))
        if self.amount < 0 and (self.use is None or self.source is not None):
            raise ValueError(_("money out (a negative amount) gives its use, not a source"))
        return self


class BalanceAssertion(Model):
    """The cash a fund holds at the end of ``date``, as counted by the treasurer."""

    date: IsoDate
    fund: Ident
    balance: Money
    note: Text | None = None


LedgerEntry = Transaction | BalanceAssertion
