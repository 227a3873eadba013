"""``lstg check``: the clubs and the province against the plan's criteria and targets."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from lstg.check import CheckRequest, UsageError, run_check
from lstg.commands._edit_common import club_arg
from lstg.commands._options import (
    DataOption,
    FormatOption,
    Language,
    OutputFormat,
    TodayOption,
    data_and_language,
    day_or_today,
)
from lstg.periods import parse_period
from lstg.render.check import render_json, render_text


def check(
    club: Annotated[str | None, typer.Option("--club", help="Only this club (its id).")] = None,
    district: Annotated[
        str | None, typer.Option("--district", help="Only this district, by name or code.")
    ] = None,
    commune: Annotated[
        str | None, typer.Option("--commune", help="Only this commune, by name or code.")
    ] = None,
    plan: Annotated[
        str | None,
        typer.Option("--plan", help="The plan, such as 2021-2025 (default: the as-of date's)."),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="Period of the criteria over a period: 2024, 2024-Q3, 2024-H1, 2024-05, "
            "2021..2025 (default: the as-of date's year).",
        ),
    ] = None,
    as_of: Annotated[
        datetime | None,
        typer.Option(
            "--as-of",
            formats=["%Y-%m-%d"],
            help="Date of the figures (default: the plan's end or today, whichever is earlier).",
        ),
    ] = None,
    output: FormatOption = OutputFormat.TEXT,
    lang: Annotated[
        Language | None,
        typer.Option("--lang", help="Language of the output (default: the province file's)."),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when a target or criterion is not met.")
    ] = False,
    data: DataOption = None,
    today: TodayOption = None,
) -> int:
    """Measure clubs, districts and the province against the plan's criteria and targets."""
    root, language = data_and_language(data, lang)
    if club is not None:
        club = club_arg(club, root)
    try:
        parsed = parse_period(period) if period is not None else None
    except ValueError as exc:
        typer.echo(f"lstg: {exc}", err=True)
        return 2
    request = CheckRequest(
        plan=plan,
        period=parsed,
        as_of=as_of.date() if as_of is not None else None,
        club=club,
        district=district,
        commune=commune,
    )
    try:
        run = run_check(root, request, today=day_or_today(today))
    except UsageError as exc:
        typer.echo(f"lstg: {exc}", err=True)
        return 2
    if output is OutputFormat.JSON:
        typer.echo(render_json(run, language))
    else:
        typer.echo(render_text(run, language))
    if strict and not run.result.all_met:
        return 1
    return 0
