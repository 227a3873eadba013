"""``lstg fund add|balance``: keep ``ledger.yaml``."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from lstg.commands._edit_common import DryRunOption, club_arg, data_root, run_edit
from lstg.commands._options import AMOUNT, DATE, TEXT, ClubArg, DataOption, choice
from lstg.edit.ledger import add_balance, add_transaction
from lstg.i18n import _

app = typer.Typer(help="Record money into and out of the funds.", no_args_is_help=True)


class Fund(StrEnum):
    INCOME = "income"
    ACTIVITY = "activity"


FundOption = Annotated[
    Fund, typer.Option("--fund", parser=choice(Fund), metavar="income|activity", help="The fund.")
]
NoteOption = Annotated[
    str | None, typer.Option("--note", help="A note: Máy đo huyết áp.", show_default=False, **TEXT)
]


@app.command("add")
def add(
    club: ClubArg,
    day: Annotated[date, typer.Option("--date", help="Date of the movement.", **DATE)],
    fund: FundOption,
    money: Annotated[
        int, typer.Option("--amount", help="Amount in đồng: 2.000.000 in, -450.000 out.", **AMOUNT)
    ],
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            metavar="SOURCE",
            help="Where money in comes from: members, commune, donors …",
            show_default=False,
        ),
    ] = None,
    use: Annotated[
        str | None,
        typer.Option(
            "--use",
            metavar="USE",
            help="What money out is for: equipment, activities, support …",
            show_default=False,
        ),
    ] = None,
    note: NoteOption = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> int:
    """Add money into a fund (with --source) or out of it (with --use)."""
    root = data_root(data)
    club = club_arg(club, root)
    if use is not None and money > 0:
        money = -money
    if (source is None) == (use is None):
        raise typer.BadParameter(_("give --source for money in or --use for money out"))
    return run_edit(
        root,
        club,
        lambda: add_transaction(
            root,
            club,
            day=day,
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
    day: Annotated[date, typer.Option("--date", help="The day counted, at its end.", **DATE)],
    fund: FundOption,
    value: Annotated[
        int, typer.Option("--balance", help="Cash counted, in đồng, loans included.", **AMOUNT)
    ],
    note: NoteOption = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> int:
    """Assert a fund's balance; lstg validate checks that it holds."""
    root = data_root(data)
    club = club_arg(club, root)
    return run_edit(
        root,
        club,
        lambda: add_balance(root, club, day=day, fund=fund.value, balance=value, note=note),
        dry_run=dry_run,
    )
