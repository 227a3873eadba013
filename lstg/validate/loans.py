"""Each loan on its own: repayments after disbursement, never beyond the principal."""

from __future__ import annotations

from lstg.core.i18n import _
from lstg.core.problems import Problem, error, warning
from lstg.validate.common import ClubView, money, shown_date


def check_repayments(view: ClubView) -> list[Problem]:
    """Repayments fall between disbursement and write-off and never exceed the amount."""
    problems: list[Problem] = []
    for row, loan in view.loans():
        repaid = 0
        overpaid = False
        last = None
        for index, repayment in enumerate(loan.repayments):
            where = (row, "repayments", index, "date")
            if repayment.date < loan.disbursed:
                problems.append(
                    error(
                        view.loans_file,
                        "loan.repayment-before-disbursement",
                        _(
                            "Loan {id} is repaid on {day}, before it was disbursed on {disbursed}."
                        ).format(
                            id=loan.id,
                            day=shown_date(repayment.date),
                            disbursed=shown_date(loan.disbursed),
                        ),
                        where=where,
                    )
                )
            if loan.written_off is not None and repayment.date > loan.written_off.date:
                problems.append(
                    error(
                        view.loans_file,
                        "loan.repayment-after-write-off",
                        _(
                            "Loan {id} is repaid on {day}, after it was written off on {off}."
                        ).format(
                            id=loan.id,
                            day=shown_date(repayment.date),
                            off=shown_date(loan.written_off.date),
                        ),
                        hint=_(
                            "Money recovered after a write-off goes in the ledger, "
                            "with source: other."
                        ),
                        where=where,
                    )
                )
            if last is not None and repayment.date < last:
                problems.append(
                    warning(
                        view.loans_file,
                        "loan.repayments-out-of-order",
                        _("This repayment of {day} comes after one of {previous}.").format(
                            day=shown_date(repayment.date), previous=shown_date(last)
                        ),
                        hint=_("Keep repayments in date order."),
                        where=where,
                    )
                )
            last = repayment.date
            if repayment.principal == 0 and repayment.interest == 0:
                problems.append(
                    error(
                        view.loans_file,
                        "loan.empty-repayment",
                        _(
                            "This repayment of loan {id} pays neither principal nor interest."
                        ).format(id=loan.id),
                        where=(row, "repayments", index),
                    )
                )
            repaid += repayment.principal
            if repaid > loan.amount and not overpaid:
                overpaid = True
                problems.append(
                    error(
                        view.loans_file,
                        "loan.overpaid",
                        _(
                            "Loan {id} is {amount}, but {repaid} of principal is repaid by {day}."
                        ).format(
                            id=loan.id,
                            amount=money(loan.amount),
                            repaid=money(repaid),
                            day=shown_date(repayment.date),
                        ),
                        hint=_(
                            "Check this repayment: its principal may include the interest, "
                            "or the amount has a zero too many."
                        ),
                        where=(row, "repayments", index, "principal"),
                    )
                )
        off = loan.written_off
        if off is not None:
            if off.date < loan.disbursed:
                problems.append(
                    error(
                        view.loans_file,
                        "loan.write-off-before-disbursement",
                        _("Loan {id} is written off on {day}, before it was disbursed.").format(
                            id=loan.id, day=shown_date(off.date)
                        ),
                        where=(row, "written_off", "date"),
                    )
                )
            elif loan.repaid_principal(off.date) >= loan.amount:
                problems.append(
                    warning(
                        view.loans_file,
                        "loan.write-off-repaid",
                        _("Loan {id} is written off on {day}, but it was already repaid.").format(
                            id=loan.id, day=shown_date(off.date)
                        ),
                        where=(row, "written_off", "date"),
                    )
                )
    return problems


def check_schedule(view: ClubView) -> list[Problem]:
    """The due date and every installment come after disbursement."""
    problems: list[Problem] = []
    for row, loan in view.loans():
        if loan.due is not None and loan.due <= loan.disbursed:
            problems.append(
                error(
                    view.loans_file,
                    "loan.due-before-disbursement",
                    _("Loan {id} falls due on {due}, not after it was disbursed on {day}.").format(
                        id=loan.id, due=shown_date(loan.due), day=shown_date(loan.disbursed)
                    ),
                    where=(row, "due"),
                )
            )
        for index, installment in enumerate(loan.schedule):
            if installment.date <= loan.disbursed:
                problems.append(
                    error(
                        view.loans_file,
                        "loan.due-before-disbursement",
                        _(
                            "An installment of loan {id} falls due on {due}, "
                            "not after it was disbursed on {day}."
                        ).format(
                            id=loan.id,
                            due=shown_date(installment.date),
                            day=shown_date(loan.disbursed),
                        ),
                        where=(row, "schedule", index, "date"),
                    )
                )
    return problems
