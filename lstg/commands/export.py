"""``lstg export``: records or roll-up tables as CSV, XLSX or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lstg.atomicfile import write_atomic
from lstg.commands._edit_common import club_arg, data_root, maybe_day
from lstg.commands._options import DataOption, LangOption, TodayOption, day_or_today
from lstg.errors import UsageError
from lstg.export import ExportFormat, ExportKind, export_tables, render
from lstg.i18n import _
from lstg.periods import parse_period
from lstg.userpaths import output_path


def export(
    kind: Annotated[
        ExportKind,
        typer.Argument(
            metavar="KIND",
            help="What to export: members, loans, meetings, health, ledger or rollup.",
        ),
    ],
    club: Annotated[
        str | None, typer.Argument(metavar="CLUB", help="The club's id; leave out with --province.")
    ] = None,
    province: Annotated[
        bool, typer.Option("--province", help="Every club of the data folder.")
    ] = False,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv, xlsx or json.")] = (
        ExportFormat.CSV
    ),
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="The file to write (default: stdout).")
    ] = None,
    redact: Annotated[
        bool,
        typer.Option(
            "--redact",
            help="For sharing beyond the club: ids for names, age bands, no health data, "
            "no ethnicity, poverty as counts only.",
        ),
    ] = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Day at which ages are taken (default: today).")
    ] = None,
    period: Annotated[
        str | None,
        typer.Option("--period", help="Period of roll-up figures: 2024, 2024-Q3, 2021..2025."),
    ] = None,
    data: DataOption = None,
    lang: LangOption = None,
    today: TodayOption = None,
) -> int:
    """Export members, loans, meetings, health checks, the fund ledger or roll-up figures."""
    if (club is None) == (not province):
        raise typer.BadParameter(_("give a club id, or --province for every club"))
    root = data_root(data, lang)
    if club is not None:
        club = club_arg(club, root)
    target = output_path(output, root=root) if output is not None else None
    day = maybe_day(as_of, "--as-of")
    try:
        window = parse_period(period) if period is not None else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--period") from None
    try:
        tables = export_tables(
            root,
            kind,
            club=club,
            redact=redact,
            as_of=day,
            today=day_or_today(today),
            period=window,
        )
    except UsageError as exc:
        typer.echo(f"lstg: {exc}", err=True)
        return 2
    payload = render(tables, fmt)
    if output is None:
        if fmt is ExportFormat.XLSX:
            raise typer.BadParameter(_("an XLSX export needs -o FILE"))
        typer.echo(payload.decode("utf-8").removeprefix("\ufeff"), nl=False)
        return 0
    assert target is not None
    personal = not redact and kind is not ExportKind.ROLLUP
    note = None
    if personal:
        from lstg.privacy.output import write_private

        note = write_private(target, payload)
    else:
        write_atomic(target, payload)
    rows = sum(len(t.rows) for t in tables)
    typer.echo(_("Wrote {rows} rows to {path}.").format(rows=rows, path=output))
    if note is not None:
        typer.echo(note)
    return 0
