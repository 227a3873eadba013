"""``lstg report``: the periodic review of a province, district, commune or club."""

from __future__ import annotations

import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lstg.atomicfile import write_atomic
from lstg.commands._edit_common import club_arg
from lstg.commands._options import (
    DataOption,
    Language,
    TodayOption,
    data_and_language,
    day_or_today,
)
from lstg.i18n import _
from lstg.periods import parse_period
from lstg.provenance import GENERATED_AT_VAR
from lstg.report import (
    Request,
    UsageError,
    default_file_name,
    make_report,
    render,
)
from lstg.report.model import Level
from lstg.report.output import TEMPLATED_FORMATS
from lstg.userpaths import default_output, input_file, output_path


class ReportFormat(StrEnum):
    MD = "md"
    HTML = "html"
    DOCX = "docx"
    XLSX = "xlsx"
    JSON = "json"


def _scope(
    province: bool, district: str | None, commune: str | None, club: str | None
) -> tuple[Level, str | None] | None:
    chosen: list[tuple[Level, str | None]] = []
    if province:
        chosen.append(("province", None))
    if district is not None:
        chosen.append(("district", district))
    if commune is not None:
        chosen.append(("commune", commune))
    if club is not None:
        chosen.append(("club", club))
    return chosen[0] if len(chosen) == 1 else None


def _template_problem(template: Path, fmt: str) -> str | None:
    """Why ``template`` cannot make a report in format ``fmt``, if it cannot."""
    if not template.is_file():
        return _("no template at {path}").format(path=template)
    input_file(template, "--template")
    if fmt not in TEMPLATED_FORMATS:
        return _("the {format} format has no template").format(format=fmt)
    if (template.suffix.lower() == ".docx") != (fmt == "docx"):
        return _("a Word template (.docx) makes Word reports, a Jinja2 template the others")
    return None


def report(
    province: Annotated[
        bool,
        typer.Option(
            "--province",
            help="The whole province: a row per district (per commune after 1 July 2025).",
        ),
    ] = False,
    district: Annotated[
        str | None,
        typer.Option("--district", help="One district, by name or code; a row per club."),
    ] = None,
    commune: Annotated[
        str | None,
        typer.Option("--commune", help="One commune, by name or code; a row per club."),
    ] = None,
    club: Annotated[str | None, typer.Option("--club", help="One club, by its id.")] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="2024, 2024-Q3, 2024-H1, 2024-05 or 2021..2025 "
            "(default: the plan's phase that holds the as-of date).",
        ),
    ] = None,
    as_of: Annotated[
        datetime | None,
        typer.Option(
            "--as-of",
            formats=["%Y-%m-%d"],
            help="The day stocks are taken (default: the period's end).",
        ),
    ] = None,
    plan: Annotated[
        str | None,
        typer.Option("--plan", help="The plan whose targets are shown, such as 2021-2025."),
    ] = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", help="md, html, docx, xlsx or json.")
    ] = ReportFormat.MD,
    lang: Annotated[
        Language | None,
        typer.Option("--lang", help="Language of the report (default: the province file's)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the report to this file.")
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option("--template", help="Your own template (Markdown, HTML or Word)."),
    ] = None,
    members: Annotated[
        bool,
        typer.Option("--members", help="List the club's members by name (with --club only)."),
    ] = False,
    number: Annotated[
        int | None,
        typer.Option(
            "--number",
            min=1,
            max=99999,
            help="The report's number in its year: “Số: 15/BC-HNCT” (default: a blank).",
        ),
    ] = None,
    signed: Annotated[
        datetime | None,
        typer.Option(
            "--signed",
            formats=["%d/%m/%Y", "%Y-%m-%d"],
            help="The day of signing, as 05/12/2026 (default: a blank, in this year).",
        ),
    ] = None,
    data: DataOption = None,
    today: TodayOption = None,
    generated_at: Annotated[
        datetime | None,
        typer.Option("--generated-at", envvar=GENERATED_AT_VAR, hidden=True),
    ] = None,
) -> int:
    """Write the review report: totals, a row per unit, targets, change, and data provenance."""
    root, language = data_and_language(data, lang)
    if club is not None:
        club = club_arg(club, root)
    target = output_path(output, root=root) if output is not None else None
    scope = _scope(province, district, commune, club)
    if scope is None:
        typer.echo(
            "lstg: " + _("give one of --province, --district, --commune or --club"), err=True
        )
        return 2
    if members and scope[0] != "club":
        typer.echo("lstg: " + _("--members lists a club's members: use it with --club"), err=True)
        return 2
    if template is not None:
        problem = _template_problem(template, output_format.value)
        if problem:
            typer.echo(f"lstg: {problem}", err=True)
            return 2
    try:
        request = Request(
            level=scope[0],
            name=scope[1],
            period=parse_period(period) if period is not None else None,
            as_of=as_of.date() if as_of is not None else None,
            plan=plan,
            lang=language,
            members=members,
            number=number,
            signed=signed.date() if signed is not None else None,
        )
        made = make_report(
            root,
            request,
            today=day_or_today(today),
            generated_at=generated_at,
        )
    except (UsageError, ValueError) as exc:
        typer.echo(f"lstg: {exc}", err=True)
        return 2
    if made.no_plan:
        typer.echo(f"lstg: {made.no_plan}", err=True)
    content = render(made, output_format.value, template=template)
    if target is None and output_format.value in ("docx", "xlsx"):
        target = output_path(default_output(default_file_name(made, output_format.value)))
    if target is None:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return 0
    if members:
        from lstg.privacy.output import write_private

        note = write_private(target, content)
        typer.echo(_("Report written to {path}").format(path=output or target), err=True)
        typer.echo(note, err=True)
        return 0
    write_atomic(target, content)
    typer.echo(_("Report written to {path}").format(path=output or target), err=True)
    return 0
