"""``lstg export``: records or roll-up tables as CSV, XLSX or JSON."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from lstg.commands._options import (
    AsOfOption,
    ClubOption,
    DataOption,
    OutputOption,
    PeriodOption,
    ProvinceOption,
    choice,
    data_root,
    fictional_notice,
    format_option,
    write_output,
)
from lstg.export import ExportFormat, ExportKind, Table, export_tables, render
from lstg.i18n import _


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
) -> int:
    """Export members, loans, meetings, health checks, the fund ledger or roll-up figures.

    One club with --club, every club of the data folder with --province. Ages are
    taken at the as-of date (default: today); roll-up figures are those of the
    period (default: the as-of date's year, up to it). An Excel export needs -o.
    """
    if (club is None) == (not province):
        raise typer.BadParameter(_("give --club CLUB, or --province for every club"))
    if output is None and fmt is ExportFormat.XLSX:
        raise typer.BadParameter(_("an XLSX export needs -o FILE"))
    root = data_root(data)
    day = as_of or date.today()
    tables = export_tables(root, kind, club=club, redact=redact, as_of=day, period=period)
    rows = sum(len(t.rows) for t in tables)
    notice = fictional_notice(root)
    if notice:
        tables = [Table("notice", ["notice"], [[notice]]), *tables]
    payload = render(tables, fmt)
    if output is None:
        typer.echo(payload.decode("utf-8").removeprefix("\ufeff"), nl=False)
        return 0
    if notice:
        typer.echo(notice, err=True)
    write_output(output, payload)
    typer.echo(_("Wrote {rows} rows to {path}.").format(rows=rows, path=output), err=True)
    return 0
