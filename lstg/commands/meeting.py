"""``lstg meeting add``: record a meeting, its attendance and its health checks."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from lstg.commands._edit_common import DryRunOption, club_arg, data_root, day, run_edit
from lstg.commands._options import ClubArg, DataOption, LangOption
from lstg.edit.meetings import (
    add_meeting,
    attendance_from_file,
    health_from_file,
    health_from_line,
)
from lstg.edit.values import parse_list
from lstg.i18n import _
from lstg.userpaths import input_file

app = typer.Typer(help="Record meetings.", no_args_is_help=True)


class Kind(StrEnum):
    REGULAR = "regular"
    EXTRA = "extra"
    SKIPPED = "skipped"


def _prompt_health() -> list[dict[str, Any]]:
    typer.echo(
        _("Health checks, one a line: member weight bp glucose (such as M001 52.5 130/85 5.6);")
    )
    typer.echo(_("“-” for a value not measured; an empty line to finish."))
    checks: list[dict[str, Any]] = []
    while True:
        line = typer.prompt(">", default="", show_default=False)
        if not line.strip():
            return checks
        try:
            checks.append(health_from_line(line))
        except ValueError as exc:
            typer.echo(str(exc), err=True)


@app.command("add")
def add(
    club: ClubArg,
    date: Annotated[str, typer.Option("--date", help="Date of the meeting (dd/mm/yyyy).")],
    kind: Annotated[Kind, typer.Option("--kind", help="regular, extra or skipped.")] = Kind.REGULAR,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Why the month was skipped (skipped only).")
    ] = None,
    activity: Annotated[
        list[str] | None,
        typer.Option("--activity", help="An activity area covered (income, health …); repeatable."),
    ] = None,
    attendance: Annotated[
        str | None, typer.Option("--attendance", help="Members present: M001,M002,…")
    ] = None,
    attendance_csv: Annotated[
        Path | None,
        typer.Option("--attendance-csv", help="Sheet (.csv, .xlsx) of members present."),
    ] = None,
    health_csv: Annotated[
        Path | None,
        typer.Option("--health-csv", help="Sheet of health checks: member, weight, bp, glucose."),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note.")] = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> int:
    """Add a meeting to meetings/<year>.yaml, in date order.

    Without --attendance or --attendance-csv, asks for the members present and
    their health checks.
    """
    root = data_root(data, lang)
    club = club_arg(club, root)
    present: list[str] = []
    checks: list[dict[str, Any]] = []
    if attendance_csv is not None:
        present = attendance_from_file(input_file(attendance_csv, "--attendance-csv"))
    elif attendance is not None:
        present = parse_list(attendance)
    elif kind is not Kind.SKIPPED:
        present = parse_list(typer.prompt(_("Members present (ids separated by commas)")))
        if health_csv is None:
            checks = _prompt_health()
    if health_csv is not None:
        checks = health_from_file(input_file(health_csv, "--health-csv"))
    fields: dict[str, Any] = {
        "date": day(date, "--date"),
        "kind": kind.value,
        "reason": reason,
        "activities": list(activity or []),
        "attendance": present,
        "health_checks": checks,
        "note": note,
    }
    return run_edit(root, club, lambda: add_meeting(root, club, fields), dry_run=dry_run)
