"""``lstg loan add|repay|write-off``: keep ``loans.yaml``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from lstg.commands._edit_common import DryRunOption, club_arg, data_root, run_edit
from lstg.commands._options import AMOUNT, DATE, NUMBER, TEXT, ClubArg, DataOption, checked
from lstg.edit.loans import add_loan, repay_loan, write_off_loan
from lstg.edit.values import parse_number

app = typer.Typer(help="Lend, record repayments, write off loans.", no_args_is_help=True)

LoanArg = Annotated[str, typer.Argument(metavar="LOAN", help="The loan's id, such as L2025-03.")]


@app.command("add")
def add(
    club: ClubArg,
    member: Annotated[
        str, typer.Option("--member", metavar="MEMBER", help="The borrower's member id.")
    ],
    loan_amount: Annotated[int, typer.Option("--amount", help="Amount in đồng.", **AMOUNT)],
    rate: Annotated[
        float,
        typer.Option(
            "--interest",
            parser=checked(parse_number),
            metavar="PERCENT",
            help="Monthly interest in percent: 0.5 or 0,5.",
        ),
    ],
    term: Annotated[int, typer.Option("--term", help="Term in months.", **NUMBER)],
    disbursed: Annotated[date, typer.Option("--disbursed", help="Disbursement date.", **DATE)],
    fund: Annotated[
        str, typer.Option("--fund", metavar="FUND", help="The fund lending.")
    ] = "income",
    purpose: Annotated[
        str | None,
        typer.Option("--purpose", help="Purpose: Nuôi lợn …", show_default=False, **TEXT),
    ] = None,
    due: Annotated[
        date | None,
        typer.Option("--due", help="Due date, if not the term's end.", show_default=False, **DATE),
    ] = None,
    loan_id: Annotated[
        str | None,
        typer.Option(
            "--id",
            metavar="ID",
            help="The loan's id (default: the next free one).",
            show_default=False,
        ),
    ] = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> int:
    """Add a loan at the end of loans.yaml."""
    root = data_root(data)
    club = club_arg(club, root)
    fields: dict[str, Any] = {
        "id": loan_id,
        "member": member,
        "fund": None if fund == "income" else fund,
        "amount": loan_amount,
        "monthly_interest": int(rate) if rate.is_integer() else rate,
        "term_months": term,
        "disbursed": disbursed,
        "purpose": purpose,
        "due": due,
    }
    return run_edit(root, club, lambda: add_loan(root, club, fields), dry_run=dry_run)


@app.command("repay")
def repay(
    club: ClubArg,
    loan: LoanArg,
    day: Annotated[date, typer.Option("--date", help="Date of the repayment.", **DATE)],
    principal: Annotated[
        int, typer.Option("--principal", help="Principal repaid, in đồng.", **AMOUNT)
    ] = 0,
    interest: Annotated[
        int, typer.Option("--interest", help="Interest paid, in đồng.", **AMOUNT)
    ] = 0,
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> int:
    """Record a repayment of a loan."""
    root = data_root(data)
    club = club_arg(club, root)
    return run_edit(
        root,
        club,
        lambda: repay_loan(root, club, loan, day, principal, interest),
        dry_run=dry_run,
    )


@app.command("write-off")
def write_off(
    club: ClubArg,
    loan: LoanArg,
    day: Annotated[date, typer.Option("--date", help="Date of the board's decision.", **DATE)],
    reason: Annotated[str, typer.Option("--reason", help="Why the loan is written off.", **TEXT)],
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> int:
    """Record that the club stops collecting what is left of a loan."""
    root = data_root(data)
    club = club_arg(club, root)
    return run_edit(
        root, club, lambda: write_off_loan(root, club, loan, day, reason), dry_run=dry_run
    )
