"""The ledger on its own terms: dates within each fund's life, date order, paired transfers."""

from __future__ import annotations

from collections import Counter
from datetime import date

from lstg.core.i18n import _
from lstg.core.problems import Problem, error, warning
from lstg.validate.common import ClubView, fund_label, money, shown_date


def check_ledger(view: ClubView) -> list[Problem]:
    """Entries come after their fund was opened and in date order; transfers are paired."""
    problems: list[Problem] = []
    last: date | None = None
    for row, entry in zip(view.data.ledger_rows, view.data.ledger, strict=True):
        fund = view.fund(entry.fund)
        if fund is not None and entry.date < fund.opened:
            problems.append(
                error(
                    view.ledger_file,
                    "ledger.before-fund-opened",
                    _(
                        "This entry of {day} is before the fund “{fund}” was opened on {opened}."
                    ).format(
                        day=shown_date(entry.date),
                        fund=fund_label(entry.fund),
                        opened=shown_date(fund.opened),
                    ),
                    where=(row, "date"),
                )
            )
        if last is not None and entry.date < last:
            problems.append(
                warning(
                    view.ledger_file,
                    "ledger.out-of-order",
                    _("This entry of {day} comes after one of {previous}.").format(
                        day=shown_date(entry.date), previous=shown_date(last)
                    ),
                    hint=_("Keep the ledger in date order, so that it reads like the cash book."),
                    where=(row, "date"),
                )
            )
        last = entry.date
    problems.extend(_unpaired_transfers(view))
    return problems


def _unpaired_transfers(view: ClubView) -> list[Problem]:
    """A transfer out of one fund is a transfer into another, the same day, of the same amount."""
    ins: Counter[tuple[date, int]] = Counter()
    outs: Counter[tuple[date, int]] = Counter()
    for _row, entry in view.transactions():
        if entry.source == "transfer":
            ins[(entry.date, entry.amount)] += 1
        elif entry.use == "transfer":
            outs[(entry.date, -entry.amount)] += 1
    problems: list[Problem] = []
    for row, entry in view.transactions():
        if entry.source == "transfer":
            key, counter, other = (entry.date, entry.amount), ins, outs
        elif entry.use == "transfer":
            key, counter, other = (entry.date, -entry.amount), outs, ins
        else:
            continue
        if counter[key] > other[key]:
            counter[key] -= 1
            problems.append(
                warning(
                    view.ledger_file,
                    "ledger.unpaired-transfer",
                    _(
                        "This transfer of {amount} on {day} has no matching transfer "
                        "in the other direction."
                    ).format(amount=money(key[1]), day=shown_date(entry.date)),
                    hint=_(
                        "A transfer between the funds is two entries on the same day: "
                        "money out of one (use: transfer), money into the other "
                        "(source: transfer)."
                    ),
                    where=(row, "amount"),
                )
            )
    return problems
