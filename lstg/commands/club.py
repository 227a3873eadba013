"""``lstg club new``: start a club folder."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from lstg.commands._edit_common import DryRunOption, club_arg, data_root, run_edit
from lstg.commands._options import DATE, TEXT, DataOption
from lstg.edit.clubs import new_club

app = typer.Typer(help="Create clubs.", no_args_is_help=True)


@app.command("new")
def new(
    club: Annotated[
        str,
        typer.Argument(metavar="CLUB", help="The club's id, its folder name: chi-lang-dong-mo."),
    ],
    name: Annotated[str, typer.Option("--name", help="The club's full name.", **TEXT)],
    commune: Annotated[
        str, typer.Option("--commune", metavar="CODE", help='The commune code, such as "06463".')
    ],
    founded: Annotated[date, typer.Option("--founded", help="The founding date.", **DATE)],
    era: Annotated[
        str | None,
        typer.Option(
            "--era",
            metavar="ERA",
            help="The era of the commune code (default: the era of --founded).",
            show_default=False,
        ),
    ] = None,
    launched: Annotated[
        date | None,
        typer.Option(
            "--launched", help="The launch date (lễ ra mắt), if held.", show_default=False, **DATE
        ),
    ] = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> int:
    """Create a club folder with its club.yaml and an empty members list."""
    root = data_root(data)
    club = club_arg(club, root, new=True)
    return run_edit(
        root,
        club,
        lambda: new_club(
            root,
            club,
            name=name,
            commune=commune.strip(),
            era=era,
            founded=founded,
            launched=launched,
        ),
        dry_run=dry_run,
    )
