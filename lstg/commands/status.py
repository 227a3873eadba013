"""``lstg status``: which clubs have sent the meeting records of which months."""

from __future__ import annotations

import typer

from lstg.commands._options import (
    AsOfOption,
    ClubOption,
    CommuneOption,
    DataOption,
    DistrictOption,
    FormatOption,
    OutputFormat,
    PeriodOption,
    TodayOption,
    data_and_language,
    day_or_today,
    fictional_notice,
)
from lstg.core.errors import UsageError
from lstg.indicators.status import run_status
from lstg.render.status import render_json, render_text


def status(
    district: DistrictOption = None,
    commune: CommuneOption = None,
    club: ClubOption = None,
    period: PeriodOption = None,
    as_of: AsOfOption = None,
    output: FormatOption = OutputFormat.TEXT,
    data: DataOption = None,
    today: TodayOption = None,
) -> int:
    """Show which clubs have sent the meeting records of which months, unit by unit.

    The period and the last day counted follow the one rule of every command
    (docs/periods.md).
    """
    root, language = data_and_language(data)
    try:
        run = run_status(
            root,
            period=period,
            as_of=as_of,
            today=day_or_today(today),
            district=district,
            commune=commune,
            club=club,
        )
    except (UsageError, ValueError) as exc:
        typer.echo(f"lstg: {exc}", err=True)
        return 2
    notice = fictional_notice(root)
    if notice and output is not OutputFormat.JSON:
        typer.echo(notice)
    typer.echo(render_json(run) if output is OutputFormat.JSON else render_text(run, language))
    return 0
