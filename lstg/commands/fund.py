"""``lstg fund add|balance``: keep ``ledger.yaml``."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from lstg.commands._edit_common import (
    DryRunOption,
    amount,
    club_arg,
    data_root,
    day,
    run_edit,
)
from lstg.commands._options import ClubArg, DataOption, LangOption
from lstg.edit.ledger import add_balance, add_transaction
from lstg.i18n import _

app = typer.Typer(help="Record money into and out of the funds.", no_args_is_help=True)


class Fund(StrEnum):
    INCOME = "income"
    ACTIVITY = "activity"


@app.command("add")
def add(
    club: ClubArg,
    date: Annotated[str, typer.Option("--date", help="Date of the movement.")],
    fund: Annotated[Fund, typer.Option("--fund", help="income or activity.")],
    value: Annotated[
        str, typer.Option("--amount", help="Amount in đồng: 2.000.000 in, -450.000 out.")
    ],
    source: Annotated[
        str | None,
        typer.Option("--source", help="Where money in comes from: members, commune, donors …"),
    ] = None,
    use: Annotated[
        str | None,
        typer.Option("--use", help="What money out is for: equipment, activities, support …"),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note: Máy đo huyết áp.")] = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> int:
    """Add money into a fund (with --source) or out of it (with --use)."""
    root = data_root(data, lang)
    club = club_arg(club, root)
    money = amount(value, "--amount")
    if use is not None and money > 0:
        money = -money
    if (source is None) == (use is None):
        raise typer.BadParameter(_("give --source for money in or --use for money out"))
    when = day(date, "--date")
    return run_edit(
        root,
        club,
        lambda: add_transaction(
            root,
            club,
            day=when,
            fund=fund.value,
            amount=money,
            source=source,
            use=use,
            note=note,
        ),
        dry_run=dry_run,
    )


@app.command("balance")
def balance(
    club: ClubArg,
    date: Annotated[str, typer.Option("--date", help="The day counted, at its end.")],
    fund: Annotated[Fund, typer.Option("--fund", help="income or activity.")],
    value: Annotated[str, typer.Option("--balance", help="Cash counted, in đồng, loans included.")],
    note: Annotated[str | None, typer.Option("--note", help="A note.")] = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> int:
    """Assert a fund's balance; lstg validate checks that it holds."""
    root = data_root(data, lang)
    club = club_arg(club, root)
    when, counted = day(date, "--date"), amount(value, "--balance")
    return run_edit(
        root,
        club,
        lambda: add_balance(root, club, day=when, fund=fund.value, balance=counted, note=note),
        dry_run=dry_run,
    )
