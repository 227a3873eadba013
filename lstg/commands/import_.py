"""``lstg import members|loans|meetings``: take records from a club's Excel or CSV register."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lstg.commands._edit_common import DryRunOption, club_arg, data_root, show
from lstg.commands._options import ClubArg, DataOption, choice, write_output
from lstg.edit import finish
from lstg.edit.lock import club_lock
from lstg.i18n import _
from lstg.importer import Kind, import_change, plan_import, rejected_csv
from lstg.userpaths import input_file, output_path


def import_register(
    kind: Annotated[
        Kind,
        typer.Argument(
            metavar="KIND",
            parser=choice(Kind),
            help="What the register holds: members, loans or meetings.",
        ),
    ],
    club: ClubArg,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="The register: .xlsx, or .csv (UTF-8 or Windows-1258)."
        ),
    ],
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet", metavar="NAME", help="The sheet (default: the first).", show_default=False
        ),
    ] = None,
    mapping: Annotated[
        Path | None,
        typer.Option(
            "--mapping",
            metavar="FILE",
            help="A mapping file of headers to fields (see docs/import-export.md).",
            show_default=False,
        ),
    ] = None,
    skip_invalid: Annotated[
        bool,
        typer.Option("--skip-invalid", help="Import the good rows; save the others (--rejected)."),
    ] = False,
    rejected: Annotated[
        Path | None,
        typer.Option(
            "--rejected",
            metavar="FILE",
            help="CSV file for the rows not imported.",
            show_default=False,
        ),
    ] = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> int:
    """Import members, loans or meetings from a register; nothing is written unless every row
    can be taken (or --skip-invalid is given)."""
    root = data_root(data)
    club = club_arg(club, root)
    if skip_invalid and rejected is None and not dry_run:
        raise typer.BadParameter(_("give --rejected FILE to keep the rows that are skipped"))
    input_file(file, "FILE")
    if mapping is not None:
        input_file(mapping, "--mapping")
    rejected_to = output_path(rejected, root=root) if rejected is not None else None
    with club_lock(root, club):
        plan = plan_import(root, club, kind, file, sheet=sheet, mapping=mapping)
        for line in plan.summary():
            typer.echo(line, err=True)
        if plan.rejected and not skip_invalid:
            typer.echo(
                _("Nothing was written: correct the rows above, or use --skip-invalid."), err=True
            )
            return 1
        if not plan.added:
            typer.echo(_("Nothing to add."), err=True)
            return 0
        outcome = finish(import_change(root, plan), dry_run=dry_run)
    code = show(outcome)
    if code == 0 and not dry_run and plan.rejected and rejected_to is not None:
        write_output(rejected_to, rejected_csv(plan))
        typer.echo(
            _("Saved {n} rejected rows to {path}.").format(n=len(plan.rejected), path=rejected),
            err=True,
        )
    return code
