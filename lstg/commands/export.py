"""``lstg export``: records or roll-up tables as CSV, XLSX or JSON."""

from __future__ import annotations

from typing import Annotated

import typer

from lstg.commands._edit_common import club_arg
from lstg.commands._options import (
    AsOfOption,
    ClubOption,
    DataOption,
    OutputOption,
    PeriodOption,
    ProvinceOption,
    TodayOption,
    choice,
    data_root,
    day_or_today,
    fictional_notice,
    format_option,
    write_output,
)
from lstg.core.errors import UsageError
from lstg.core.i18n import _, current_language
from lstg.dataset.userpaths import output_path
from lstg.export import ExportFormat, ExportKind, Table, export_tables, render


def export(
    kind: Annotated[
        ExportKind,
        typer.Argument(
            metavar="KIND",
            parser=choice(ExportKind),
            help="What to export: members, loans, meetings, health, ledger or rollup.",
        ),
    ],
    province: ProvinceOption = False,
    club: ClubOption = None,
    fmt: Annotated[ExportFormat, format_option(ExportFormat)] = ExportFormat.CSV,
    output: OutputOption = None,
    redact: Annotated[
        bool,
        typer.Option(
            "--redact",
            help="For sharing beyond the club: ids for names, age bands, no health data, "
            "no ethnicity, poverty as counts only.",
        ),
    ] = False,
    as_of: AsOfOption = None,
    period: PeriodOption = None,
    data: DataOption = None,
    today: TodayOption = None,
) -> int:
    """Export members, loans, meetings, health checks, the fund ledger or roll-up figures.

    One club with --club, every club of the data folder with --province. Ages are
    taken at the as-of date; the period and the as-of date of roll-up figures
    follow the one rule of every command (docs/periods.md). An Excel export needs -o.
    """
    if (club is None) == (not province):
        raise typer.BadParameter(_("give --club CLUB, or --province for every club"))
    if output is None and fmt is ExportFormat.XLSX:
        raise typer.BadParameter(_("an XLSX export needs -o FILE"))
    root = data_root(data)
    if club is not None:
        club = club_arg(club, root)
    target = output_path(output, root=root) if output is not None else None
    try:
        tables = export_tables(
            root,
            kind,
            club=club,
            redact=redact,
            as_of=as_of,
            today=day_or_today(today),
            period=period,
        )
    except UsageError as exc:
        typer.echo(f"lstg: {exc}", err=True)
        return 2
    rows = sum(len(t.rows) for t in tables)
    notice = fictional_notice(root)
    if notice:
        tables = [Table("notice", ["notice"], [[notice]]), *tables]
    payload = render(tables, fmt, current_language())
    if output is None:
        typer.echo(payload.decode("utf-8").removeprefix("\ufeff"), nl=False)
        return 0
    if notice:
        typer.echo(notice, err=True)
    assert target is not None
    note = None
    if not redact and kind is not ExportKind.ROLLUP:
        from lstg.privacy.output import write_private

        note = write_private(target, payload)
    else:
        write_output(target, payload)
    typer.echo(_("Wrote {rows} rows to {path}.").format(rows=rows, path=output), err=True)
    if note is not None:
        typer.echo(note, err=True)
    return 0
