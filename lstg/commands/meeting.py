"""``lstg meeting add``: record a meeting, its attendance and its health checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from lstg.commands._edit_common import DryRunOption, club_arg, data_root, run_edit
from lstg.commands._options import DATE, TEXT, ClubArg, DataOption, coded
from lstg.core.i18n import _
from lstg.dataset.userpaths import input_file
from lstg.edit.meetings import add_meeting, health_from_line
from lstg.edit.values import parse_list
from lstg.importer.sheets import attendance_from_file, health_from_file

app = typer.Typer(help="Record meetings.", no_args_is_help=True)


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
    day: Annotated[date, typer.Option("--date", help="Date of the meeting.", **DATE)],
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            help="The kind of meeting: regular, extra or skipped (Thường kỳ, Bất thường, "
            "Không họp).",
            **coded("kind", "KIND"),
        ),
    ] = "regular",
    reason: Annotated[
        str | None,
        typer.Option(
            "--reason", help="Why the month was skipped (skipped only).", show_default=False, **TEXT
        ),
    ] = None,
    activity: Annotated[
        list[str] | None,
        typer.Option(
            "--activity",
            help="An activity area covered: its number 1–8, its name (Chăm sóc sức khỏe, "
            "Tăng thu nhập …) or its code (health, income …); repeatable.",
            show_default=False,
            **coded("activities", "AREA"),
        ),
    ] = None,
    attendance: Annotated[
        str | None,
        typer.Option(
            "--attendance",
            metavar="IDS",
            help="Members present: M001,M002,…",
            show_default=False,
        ),
    ] = None,
    attendance_csv: Annotated[
        Path | None,
        typer.Option(
            "--attendance-csv",
            metavar="FILE",
            help="Sheet (.csv, .xlsx) of members present.",
            show_default=False,
        ),
    ] = None,
    health_csv: Annotated[
        Path | None,
        typer.Option(
            "--health-csv",
            metavar="FILE",
            help="Sheet of health checks: member, weight, bp, glucose.",
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help="A note.", show_default=False, **TEXT)
    ] = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> int:
    """Add a meeting to meetings/<year>.yaml, in date order.

    Without --attendance or --attendance-csv, asks for the members present and
    their health checks.
    """
    root = data_root(data)
    club = club_arg(club, root)
    present: list[str] = []
    checks: list[dict[str, Any]] = []
    if attendance_csv is not None:
        present = attendance_from_file(input_file(attendance_csv, "--attendance-csv"))
    elif attendance is not None:
        present = parse_list(attendance)
    elif kind != "skipped":
        present = parse_list(typer.prompt(_("Members present (ids separated by commas)")))
        if health_csv is None:
            checks = _prompt_health()
    if health_csv is not None:
        checks = health_from_file(input_file(health_csv, "--health-csv"))
    fields: dict[str, Any] = {
        "date": day,
        "kind": kind,
        "reason": reason,
        "activities": list(dict.fromkeys(activity or [])),
        "attendance": present,
        "health_checks": checks,
        "note": note,
    }
    return run_edit(root, club, lambda: add_meeting(root, club, fields), dry_run=dry_run)
