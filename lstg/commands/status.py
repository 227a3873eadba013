"""``lstg status``: which clubs have sent the meeting records of which months."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from lstg.commands._options import (
    DataOption,
    FormatOption,
    LangOption,
    OutputFormat,
    TodayOption,
    data_and_language,
    day_or_today,
)
from lstg.errors import UsageError
from lstg.periods import parse_period
from lstg.render.status import render_json, render_text
from lstg.status import run_status


def status(
    district: Annotated[
        str | None, typer.Option("--district", help="Only this district, by name or code.")
    ] = None,
    commune: Annotated[
        str | None, typer.Option("--commune", help="Only this commune, by name or code.")
    ] = None,
    club: Annotated[str | None, typer.Option("--club", help="Only this club (its id).")] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="2026, 2026-Q3, 2026-H1, 2026-05 or 2021..2025 (default: the as-of date's year).",
        ),
    ] = None,
    as_of: Annotated[
        datetime | None,
        typer.Option(
            "--as-of",
            formats=["%Y-%m-%d"],
            help="The last day counted (default: the period's end, or today).",
        ),
    ] = None,
    output: FormatOption = OutputFormat.TEXT,
    lang: LangOption = None,
    data: DataOption = None,
    today: TodayOption = None,
) -> int:
    """Show which clubs have sent the meeting records of which months, unit by unit."""
    root, language = data_and_language(data, lang)
    try:
        run = run_status(
            root,
            period=parse_period(period) if period is not None else None,
            as_of=as_of.date() if as_of is not None else None,
            today=day_or_today(today),
            district=district,
            commune=commune,
            club=club,
        )
    except (UsageError, ValueError) as exc:
        typer.echo(f"lstg: {exc}", err=True)
        return 2
    typer.echo(render_json(run) if output is OutputFormat.JSON else render_text(run, language))
    return 0
