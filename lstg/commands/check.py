"""``lstg check``: the clubs and the province against the plan's criteria and targets."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from lstg.commands._edit_common import club_arg
from lstg.commands._options import (
    AsOfOption,
    ClubOption,
    CommuneOption,
    DataOption,
    DistrictOption,
    FormatOption,
    OutputFormat,
    PeriodOption,
    PlanOption,
    ProvinceOption,
    TodayOption,
    data_and_language,
    day_or_today,
    fictional_notice,
)
from lstg.core.i18n import _
from lstg.criteria.check import CheckRequest, UsageError, run_check
from lstg.render.check import render_json, render_text


def check(
    province: ProvinceOption = False,
    district: DistrictOption = None,
    commune: CommuneOption = None,
    club: ClubOption = None,
    plan: PlanOption = None,
    period: PeriodOption = None,
    as_of: AsOfOption = None,
    output: FormatOption = OutputFormat.TEXT,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when a target or criterion is not met.")
    ] = False,
    data: DataOption = None,
    today: TodayOption = None,
) -> int:
    """Measure clubs, districts and the province against the plan's criteria and targets.

    The whole province unless --district, --commune or --club narrows it. The plan,
    the period and the as-of date follow the one rule of every command
    (docs/periods.md): without options, the figures of today, the plan whose phase
    holds it, and its year.
    """
    root, language = data_and_language(data)
    if club is not None:
        club = club_arg(club, root)
    if province and (district or commune or club):
        typer.echo(
            "lstg: " + _("give --province, or one of --district, --commune and --club"), err=True
        )
        return 2
    request = CheckRequest(
        plan=plan,
        period=period,
        as_of=as_of,
        club=club,
        district=district,
        commune=commune,
    )
    try:
        run = run_check(root, request, today=day_or_today(today))
    except UsageError as exc:
        typer.echo(f"lstg: {exc}", err=True)
        return 2
    notice = fictional_notice(root)
    if output is OutputFormat.JSON:
        text = render_json(run, language)
        if notice:
            text = json.dumps({"notice": notice, **json.loads(text)}, ensure_ascii=False, indent=2)
        typer.echo(text)
    else:
        if notice:
            typer.echo(notice)
        typer.echo(render_text(run, language))
    if strict and not run.result.all_met:
        return 1
    return 0
