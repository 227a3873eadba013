"""``loans.yaml``: loans from the club's funds, with their repayments."""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from lstg.core.i18n import _
from lstg.schema.common import Ident, IsoDate, Model, Money, Text


class Installment(Model):
    """One scheduled repayment of principal."""

    date: IsoDate
    principal: Money


class Repayment(Model):
    """Money a borrower paid back on one day: principal and interest."""

    date: IsoDate
    principal: Money = 0
    interest: Money = 0


class WriteOff(Model):
    """The club's decision to stop collecting what is left of a loan."""

    date: IsoDate
    reason: Text


class Loan(Model):
    """One loan to a member.

    ``monthly_interest`` is a percentage per month (0.5 means 0.5%/month). The
    due date is ``due`` if given, else the last installment of ``schedule``,
    else the disbursement date plus ``term_months``.
    """

    id: Ident
    member: Ident
    fund: Ident = "income"
    amount: Money = Field(gt=0)
    monthly_interest: float = Field(ge=0, le=10)
    term_months: int = Field(ge=1, le=120)
    disbursed: IsoDate
    purpose: Text | None = None
    due: IsoDate | None = None
    schedule: list[Installment] = Field(default_factory=list)
    repayments: list[Repayment] = Field(default_factory=list)
    written_off: WriteOff | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Loan:
        if self.due is not None and self.schedule:
            raise ValueError(_("give a due date or a schedule, not both"))
        if self.schedule and sum(i.principal for i in self.schedule) != self.amount:
            raise ValueError(_("the schedule's installments do not add up to the amount"))
        return self

    @property
    def due_date(self) -> date:
        if self.due is not None:
            return self.due
        if self.schedule:
            return max(i.date for i in self.schedule)
        return add_months(self.disbursed, self.term_months)

    def installments(self) -> list[Installment]:
        """The repayment schedule; one installment of the whole amount if none is given."""
        if self.schedule:
            return sorted(self.schedule, key=lambda i: i.date)
        return [Installment(date=self.due_date, principal=self.amount)]

    def repaid_principal(self, day: date) -> int:
        return sum(r.principal for r in self.repayments if r.date <= day)

    def outstanding(self, day: date) -> int:
        """Principal owed at the end of ``day``; zero before disbursement and after write-off."""
        if day < self.disbursed:
            return 0
        if self.written_off is not None and self.written_off.date <= day:
            return 0
        return max(self.amount - self.repaid_principal(day), 0)

    def days_overdue(self, day: date) -> int:
        """Days since the oldest installment that was due and is not fully paid by ``day``."""
        if self.outstanding(day) == 0:
            return 0
        paid = self.repaid_principal(day)
        due_so_far = 0
        for installment in self.installments():
            due_so_far += installment.principal
            if installment.date >= day:
                return 0
            if paid < due_so_far:
                return (day - installment.date).days
        return 0


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day if it has no such day."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")
