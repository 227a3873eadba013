"""``lstg import members|loans|meetings``: take records from a club's Excel or CSV register."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lstg.commands._edit_common import DryRunOption, club_arg, data_root, show
from lstg.commands._options import ClubArg, DataOption, choice, write_output
from lstg.core.i18n import _
from lstg.dataset.userpaths import input_file, output_path
from lstg.edit import finish
from lstg.edit.lock import club_lock
from lstg.importer import ImportPlan, Kind, import_change, plan_import
from lstg.importer.rejects import rejected_file


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
            help="File for the rows not imported, in the register's layout with a column of "
            "reasons: .xlsx, or .csv. Corrected, it imports as it is.",
            show_default=False,
        ),
    ] = None,
    settings: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            metavar="FIELD=VALUE",
            help="One value for every row, for a column the register does not have (or its "
            "empty cells): --set household_certified=2025. Repeatable.",
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
    given = _settings(settings or [])
    with club_lock(root, club):
        plan = plan_import(root, club, kind, file, sheet=sheet, mapping=mapping, settings=given)
        for line in plan.summary():
            typer.echo(line, err=True)
        if plan.rejected and rejected_to is not None and not dry_run:
            _save_rejected(plan, rejected_to, rejected)
        if (plan.rejected or plan.general) and not skip_invalid:
            typer.echo(
                _("Nothing was written: correct the rows above, or use --skip-invalid."), err=True
            )
            return 1
        if not plan.added:
            typer.echo(_("Nothing to add."), err=True)
            return 0
        outcome = finish(import_change(root, plan), dry_run=dry_run, warnings=False)
    return show(outcome)


def _settings(values: list[str]) -> dict[str, str]:
    """``--set FIELD=VALUE`` options, by field."""
    found: dict[str, str] = {}
    for value in values:
        name, sep, given = value.partition("=")
        if not sep or not name.strip() or not given.strip():
            raise typer.BadParameter(
                _("write --set FIELD=VALUE, such as --set household_certified=2025"),
                param_hint="--set",
            )
        found[name.strip()] = given.strip()
    return found


def _save_rejected(plan: ImportPlan, target: Path, shown: Path | None) -> None:
    table = plan.table
    grid = table.grid
    payload = rejected_file(
        target,
        above=table.above,
        band=table.band,
        merges=grid.merges if grid is not None else [],
        rejected=plan.rejected,
        delimiter=(grid.delimiter if grid is not None else None) or ",",
        widths=grid.widths if grid is not None else None,
        name=table.sheet if grid is not None and grid.is_excel else "",
    )
    write_output(target, payload)
    typer.echo(
        _(
            "Saved {n} rejected rows to {path}, in the register's layout: correct them there "
            "and import that file."
        ).format(n=plan.rejected_rows, path=shown),
        err=True,
    )
