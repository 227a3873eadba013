"""The funds' cash, day by day: balance assertions hold and no fund is overdrawn.

The cash is the one of :mod:`lstg.dataset.cash`, the same as the figures' fund balances.
"""

from __future__ import annotations

from datetime import date

from lstg.core.i18n import _
from lstg.core.problems import Problem, error
from lstg.dataset.cash import Move, cash_at, fund_moves
from lstg.validate.common import ClubView, fund_label, money, shown_date


def cash_by_day(view: ClubView, fund: str) -> list[tuple[date, int]]:
    """The fund's cash at the end of each day on which it moved, in date order."""
    days: dict[date, int] = {}
    cash = 0
    for move in fund_moves(view.data).get(fund, []):
        cash += move.amount
        days[move.day] = cash
    return sorted(days.items())


def check_cash(view: ClubView) -> list[Problem]:
    """Balance assertions hold, and no fund pays out more than it holds.

    A difference is reported at the first balance where it appears; later
    balances that carry the same difference are not reported again, so that
    one wrong entry gives one error. A mistyped balance is reported alone.

    Not checked while the ledger or the loans file has errors, or names a fund
    the club does not have: a record left out, or counted in the wrong fund,
    would make every later balance look wrong. Nor, for a fund, while one of
    its loans is repaid beyond its amount (``loan.overpaid``): that typing
    error is the likely cause, and is reported where it is.
    """
    if view.ledger_file in view.broken or view.loans_file in view.broken:
        return []
    if view.club is not None:
        funds = view.fund_names()
        named = {loan.fund for _row, loan in view.loans()} | {e.fund for e in view.data.ledger}
        if not named <= funds:
            return []
    moves = fund_moves(view.data)
    overpaid = {
        loan.fund for _row, loan in view.loans() if loan.repaid_principal(date.max) > loan.amount
    }
    problems: list[Problem] = []
    for fund, its_moves in sorted(moves.items()):
        if fund not in overpaid:
            problems.extend(_overdrawn(view, fund, its_moves))
    previous: dict[str, tuple[date, int]] = {}
    for row, assertion in sorted(view.assertions(), key=lambda pair: pair[1].date):
        if assertion.fund in overpaid:
            continue
        its_moves = moves.get(assertion.fund, [])
        cash = cash_at(its_moves, assertion.date)
        difference = assertion.balance - cash
        since, carried = previous.get(assertion.fund, (None, 0))
        previous[assertion.fund] = (assertion.date, difference)
        if difference in (0, carried):
            continue
        hint = (
            _("Look for a missing or mistyped entry or repayment between {start} and {end}.")
            if since is not None
            else _("Look for a missing or mistyped entry or repayment up to {end}.")
        ).format(start=shown_date(since) if since else "", end=shown_date(assertion.date))
        problems.append(
            error(
                view.ledger_file,
                "ledger.balance-mismatch",
                _(
                    "The fund “{fund}” should hold {balance} at the end of {day}, but the "
                    "records give {cash} (a difference of {difference})."
                ).format(
                    fund=fund_label(assertion.fund),
                    balance=money(assertion.balance),
                    day=shown_date(assertion.date),
                    cash=money(cash),
                    difference=money(difference),
                ),
                hint=hint,
                where=(row, "balance"),
            )
        )
    return problems


def _overdrawn(view: ClubView, fund: str, moves: list[Move]) -> list[Problem]:
    """Report each time the fund's cash goes below zero at the end of a day."""
    problems: list[Problem] = []
    cash = 0
    negative = False
    index = 0
    while index < len(moves):
        day = moves[index].day
        todays: list[Move] = []
        while index < len(moves) and moves[index].day == day:
            todays.append(moves[index])
            index += 1
        cash += sum(m.amount for m in todays)
        if cash >= 0:
            negative = False
            continue
        if negative:
            continue
        negative = True
        loans = [m for m in todays if m.loan is not None]
        held = cash - sum(m.amount for m in loans)
        if loans:
            culprit = loans[-1]
            problems.append(
                error(
                    culprit.file,
                    "loan.exceeds-fund",
                    _(
                        "Loan {id} of {amount} was disbursed on {day}, but the fund “{fund}” "
                        "held only {held} that day."
                    ).format(
                        id=culprit.loan,
                        amount=money(-culprit.amount),
                        day=shown_date(day),
                        fund=fund_label(fund),
                        held=money(max(held, 0)),
                    ),
                    hint=_(
                        "Record the money that came into the fund before this loan in {file}, "
                        "or correct the amount."
                    ).format(file="ledger.yaml"),
                    where=culprit.where,
                )
            )
        else:
            culprit = min(todays, key=lambda m: m.amount)
            problems.append(
                error(
                    culprit.file,
                    "ledger.overdrawn",
                    _("After {day} the fund “{fund}” would hold {cash}, less than nothing.").format(
                        day=shown_date(day), fund=fund_label(fund), cash=money(cash)
                    ),
                    hint=_("Check the amounts paid out, and whether money received is missing."),
                    where=culprit.where,
                )
            )
    return problems
