"""``lstg loan add|repay|write-off``: keep ``loans.yaml``."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from lstg.commands._edit_common import (
    DryRunOption,
    amount,
    club_arg,
    data_root,
    day,
    maybe_day,
    parsed,
    run_edit,
)
from lstg.commands._options import ClubArg, DataOption, LangOption
from lstg.edit.loans import add_loan, repay_loan, write_off_loan
from lstg.edit.values import parse_number

app = typer.Typer(help="Lend, record repayments, write off loans.", no_args_is_help=True)

LoanArg = Annotated[str, typer.Argument(metavar="LOAN", help="The loan's id, such as L2025-03.")]


@app.command("add")
def add(
    club: ClubArg,
    member: Annotated[str, typer.Option("--member", help="The borrower's member id.")],
    loan_amount: Annotated[str, typer.Option("--amount", help="Amount in đồng: 3.000.000.")],
    interest: Annotated[
        str, typer.Option("--interest", help="Monthly interest in percent: 0.5 or 0,5.")
    ],
    term: Annotated[int, typer.Option("--term", help="Term in months.")],
    disbursed: Annotated[str, typer.Option("--disbursed", help="Disbursement date.")],
    fund: Annotated[str, typer.Option("--fund", help="The fund lending.")] = "income",
    purpose: Annotated[str | None, typer.Option("--purpose", help="Purpose: Nuôi lợn …")] = None,
    due: Annotated[
        str | None, typer.Option("--due", help="Due date, if not the term's end.")
    ] = None,
    loan_id: Annotated[
        str | None, typer.Option("--id", help="The loan's id (default: the next free one).")
    ] = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> int:
    """Add a loan at the end of loans.yaml."""
    root = data_root(data, lang)
    club = club_arg(club, root)
    rate = parsed(parse_number, interest, "--interest")
    fields: dict[str, Any] = {
        "id": loan_id,
        "member": member,
        "fund": None if fund == "income" else fund,
        "amount": amount(loan_amount, "--amount"),
        "monthly_interest": int(rate) if rate.is_integer() else rate,
        "term_months": term,
        "disbursed": day(disbursed, "--disbursed"),
        "purpose": purpose,
        "due": maybe_day(due, "--due"),
    }
    return run_edit(root, club, lambda: add_loan(root, club, fields), dry_run=dry_run)


@app.command("repay")
def repay(
    club: ClubArg,
    loan: LoanArg,
    date: Annotated[str, typer.Option("--date", help="Date of the repayment.")],
    principal: Annotated[str, typer.Option("--principal", help="Principal repaid, in đồng.")] = "0",
    interest: Annotated[str, typer.Option("--interest", help="Interest paid, in đồng.")] = "0",
    dry_run: DryRunOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> int:
    """Record a repayment of a loan."""
    root = data_root(data, lang)
    club = club_arg(club, root)
    when = day(date, "--date")
    paid, interest_paid = amount(principal, "--principal"), amount(interest, "--interest")
    return run_edit(
        root,
        club,
        lambda: repay_loan(root, club, loan, when, paid, interest_paid),
        dry_run=dry_run,
    )


@app.command("write-off")
def write_off(
    club: ClubArg,
    loan: LoanArg,
    date: Annotated[str, typer.Option("--date", help="Date of the board's decision.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the loan is written off.")],
    dry_run: DryRunOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> int:
    """Record that the club stops collecting what is left of a loan."""
    root = data_root(data, lang)
    club = club_arg(club, root)
    when = day(date, "--date")
    return run_edit(
        root, club, lambda: write_off_loan(root, club, loan, when, reason), dry_run=dry_run
    )
