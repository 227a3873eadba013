"""``lstg report``: the periodic review of a province, district, commune or club."""

from __future__ import annotations

import sys
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lstg.commands._edit_common import club_arg
from lstg.commands._options import (
    DATE,
    AsOfOption,
    ClubOption,
    CommuneOption,
    DataOption,
    DistrictOption,
    OutputOption,
    PeriodOption,
    PlanOption,
    ProvinceOption,
    TodayOption,
    checked,
    data_and_language,
    day_or_today,
    fictional_notice,
    format_option,
    whole_number,
    write_output,
)
from lstg.core.i18n import _
from lstg.dataset.userpaths import default_output, input_file, output_path
from lstg.report import (
    Request,
    UsageError,
    default_file_name,
    make_report,
    render,
)
from lstg.report.model import Level
from lstg.report.output import TEMPLATED_FORMATS, own_template
from lstg.report.provenance import GENERATED_AT_VAR


def report_number(value: object) -> int:
    """A report's number in its year, 1 to 99999."""
    number = whole_number(value)
    if not 1 <= number <= 99999:
        raise typer.BadParameter(_("a report's number is from 1 to 99999"))
    return number


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
    if province or (district is None and commune is None and club is None):
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
    province: ProvinceOption = False,
    district: DistrictOption = None,
    commune: CommuneOption = None,
    club: ClubOption = None,
    period: PeriodOption = None,
    as_of: AsOfOption = None,
    plan: PlanOption = None,
    output_format: Annotated[ReportFormat, format_option(ReportFormat)] = ReportFormat.MD,
    output: OutputOption = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            metavar="FILE",
            help="A template of your own (Markdown, HTML or Word), rather than the data "
            "folder's templates/ or the bundled one.",
            show_default=False,
        ),
    ] = None,
    members: Annotated[
        bool,
        typer.Option("--members", help="List the club's members by name (with --club only)."),
    ] = False,
    number: Annotated[
        int | None,
        typer.Option(
            "--number",
            parser=report_number,
            metavar="NUMBER",
            help="The report's number in its year: “Số: 15/BC-HNCT” (default: a blank).",
            show_default=False,
        ),
    ] = None,
    signed: Annotated[
        date | None,
        typer.Option(
            "--signed",
            help="The day of signing, as 05/12/2026 (default: a blank, in this year).",
            show_default=False,
            **DATE,
        ),
    ] = None,
    from_summaries: Annotated[
        bool,
        typer.Option(
            "--from",
            help="Add up provinces' JSON reports (the SUMMARY files) into a national report, "
            "without any member record.",
        ),
    ] = False,
    summaries: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="SUMMARY.json",
            help="With --from: the provinces' reports made with "
            "lstg report --province --format json.",
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    today: TodayOption = None,
    generated_at: Annotated[
        datetime | None,
        typer.Option(
            "--generated-at",
            parser=checked(datetime.fromisoformat),
            envvar=GENERATED_AT_VAR,
            hidden=True,
        ),
    ] = None,
) -> int:
    """Write the review report: totals, a row per unit, targets, change, and data provenance.

    The whole province unless --district, --commune or --club narrows it. A province
    report has a row per district (per commune after 1 July 2025), a district or
    commune report a row per club. The plan, the period and the as-of date follow
    the one rule of every command (docs/periods.md). Word and Excel reports are
    written to a file named after the report unless -o names one; the others go to
    the standard output. The layout comes from --template, else from the data
    folder's templates/ folder, else from the bundled templates (lstg template).
    With --from, the national report adds up the provinces' JSON reports.
    """
    if from_summaries or summaries:
        if not from_summaries:
            typer.echo("lstg: " + _("SUMMARY files are read with --from"), err=True)
            return 2
        given = [
            name
            for name, value in (
                ("--province", province),
                ("--district", district),
                ("--commune", commune),
                ("--club", club),
                ("--period", period),
                ("--as-of", as_of),
                ("--plan", plan),
                ("--members", members),
                ("--data", data),
            )
            if value
        ]
        if given:
            typer.echo(
                "lstg: "
                + _(
                    "--from adds up provinces' reports of their own period and date: "
                    "it takes no {options}"
                ).format(options=", ".join(given)),
                err=True,
            )
            return 2
        return _national(
            summaries or [], output_format, output, template, number, signed, generated_at
        )
    root, language = data_and_language(data)
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
    else:
        template = own_template(root, language, output_format.value)
    try:
        request = Request(
            level=scope[0],
            name=scope[1],
            period=period,
            as_of=as_of,
            plan=plan,
            lang=language,
            members=members,
            number=number,
            signed=signed,
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
    notice = fictional_notice(root)
    if target is None:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return 0
    if notice:
        typer.echo(notice, err=True)
    note = None
    if members:
        from lstg.privacy.output import write_private

        note = write_private(target, content)
    else:
        write_output(target, content)
    typer.echo(_("Report written to {path}").format(path=output or target), err=True)
    if note is not None:
        typer.echo(note, err=True)
    return 0


def _national(
    summaries: list[Path],
    output_format: ReportFormat,
    output: Path | None,
    template: Path | None,
    number: int | None,
    signed: date | None,
    generated_at: datetime | None,
) -> int:
    """``report --from``: the national report of provinces' summaries (lstg.report.summaries)."""
    from lstg.core.i18n import requested_language, set_language
    from lstg.report.provenance import generated_now
    from lstg.report.summaries import national_report

    language = requested_language() or "vi"
    set_language(language)
    if template is not None:
        problem = _template_problem(template, output_format.value)
        if problem:
            typer.echo(f"lstg: {problem}", err=True)
            return 2
    target = output_path(output) if output is not None else None
    try:
        made = national_report(
            summaries,
            lang=language,
            generated_at=generated_at or generated_now(),
            number=number,
            signed=signed,
        )
    except UsageError as exc:
        typer.echo(f"lstg: {exc}", err=True)
        return 2
    content = render(made, output_format.value, template=template)
    if target is None and output_format.value in ("docx", "xlsx"):
        target = output_path(default_output(default_file_name(made, output_format.value)))
    if target is None:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return 0
    if made.notice:
        typer.echo(made.notice, err=True)
    write_output(target, content)
    typer.echo(_("Report written to {path}").format(path=output or target), err=True)
    return 0
