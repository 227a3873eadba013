"""``lstg fund add|balance``: keep ``ledger.yaml``."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from lstg.commands._edit_common import DryRunOption, club_arg, data_root, run_edit
from lstg.commands._options import AMOUNT, DATE, TEXT, ClubArg, DataOption, coded
from lstg.core.i18n import _
from lstg.edit.ledger import add_balance, add_transaction

app = typer.Typer(help="Record money into and out of the funds.", no_args_is_help=True)


FundOption = Annotated[
    str,
    typer.Option(
        "--fund",
        help="The fund: income or activity (Quỹ tăng thu nhập, Quỹ hoạt động).",
        **coded("fund", "FUND"),
    ),
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
            help="Where money in comes from: members (Thành viên đóng góp), commune "
            "(Xã hỗ trợ), donors (Nhà hảo tâm) …",
            show_default=False,
            **coded("source", "SOURCE"),
        ),
    ] = None,
    use: Annotated[
        str | None,
        typer.Option(
            "--use",
            help="What money out is for: equipment (Mua sắm thiết bị), activities "
            "(Chi hoạt động), support (Hỗ trợ, thăm hỏi) …",
            show_default=False,
            **coded("use", "USE"),
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
            fund=fund,
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
        int,
        typer.Option(
            "--balance",
            help="Cash counted in the fund's box or account, in đồng: money lent out and "
            "not yet repaid is not counted.",
            **AMOUNT,
        ),
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
        lambda: add_balance(root, club, day=day, fund=fund, balance=value, note=note),
        dry_run=dry_run,
    )
