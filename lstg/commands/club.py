"""``lstg club new``: start a club folder."""

from __future__ import annotations

from typing import Annotated

import typer

from lstg.commands._edit_common import (
    DryRunOption,
    club_arg,
    data_root,
    day,
    maybe_day,
    run_edit,
)
from lstg.commands._options import DataOption, LangOption
from lstg.edit.clubs import new_club

app = typer.Typer(help="Create clubs.", no_args_is_help=True)


@app.command("new")
def new(
    club: Annotated[
        str,
        typer.Argument(metavar="CLUB", help="The club's id, its folder name: chi-lang-dong-mo."),
    ],
    name: Annotated[str, typer.Option("--name", help="The club's full name.")],
    commune: Annotated[str, typer.Option("--commune", help='The commune code, such as "06463".')],
    founded: Annotated[str, typer.Option("--founded", help="Founding date (dd/mm/yyyy).")],
    era: Annotated[
        str | None,
        typer.Option("--era", help="Era of the commune code (default: the era of --founded)."),
    ] = None,
    launched: Annotated[
        str | None, typer.Option("--launched", help="Launch date (lễ ra mắt), if held.")
    ] = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> int:
    """Create a club folder with its club.yaml and an empty members list."""
    root = data_root(data, lang)
    club = club_arg(club, root, new=True)
    founded_on, launched_on = day(founded, "--founded"), maybe_day(launched, "--launched")
    return run_edit(
        root,
        club,
        lambda: new_club(
            root,
            club,
            name=name,
            commune=commune.strip(),
            era=era,
            founded=founded_on,
            launched=launched_on,
        ),
        dry_run=dry_run,
    )
