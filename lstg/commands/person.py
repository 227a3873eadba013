"""``lstg person show|export|erase``: one person's data, on request, and its erasure."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from lstg.commands._options import (
    NUMBER,
    DataOption,
    OutputOption,
    TodayOption,
    day_or_today,
    fictional_notice,
    format_option,
)
from lstg.commands._options import data_root as data_folder
from lstg.core.errors import UsageError
from lstg.core.i18n import _, current_language

app = typer.Typer(
    help="A person's data on request: show it, export it, erase it.", no_args_is_help=True
)

PersonArg = Annotated[
    str | None,
    typer.Argument(
        metavar="PERSON", help="CLUB/MEMBER (chi-lang-dong-mo/M012), or the person's full name."
    ),
]
BirthYearOpt = Annotated[
    int | None,
    typer.Option(
        "--birth-year", help="Year of birth, to tell namesakes apart.", show_default=False, **NUMBER
    ),
]


class ExportFormat(StrEnum):
    DOCX = "docx"
    HTML = "html"
    MD = "md"
    JSON = "json"


def _required(person: str | None) -> str:
    if person is None:
        raise UsageError(_("give the person: CLUB/MEMBER or a full name"))
    return person


@app.command("show")
def show(
    person: PersonArg = None,
    birth_year: BirthYearOpt = None,
    data: DataOption = None,
    today: TodayOption = None,
) -> int:
    """Show everything the files record about one person, in every club."""
    from lstg.dataset.loader import load_province
    from lstg.privacy.document import to_text
    from lstg.privacy.person import person_data
    from lstg.privacy.person_doc import person_document
    from lstg.privacy.requests import read_requests

    root = data_folder(data)
    found = person_data(root, _required(person), birth_year=birth_year)
    notice = fictional_notice(root)
    if notice:
        typer.echo(notice)
    doc = person_document(
        found,
        read_requests(root),
        load_province(root).privacy,
        lang=current_language(),
        today=day_or_today(today),
    )
    typer.echo(to_text(doc), nl=False)
    return 0


@app.command("export")
def export(
    person: PersonArg = None,
    output: OutputOption = None,
    fmt: Annotated[ExportFormat, format_option(ExportFormat)] = ExportFormat.DOCX,
    birth_year: BirthYearOpt = None,
    data: DataOption = None,
    today: TodayOption = None,
) -> int:
    """Write everything about one person as a document to hand over, or as JSON; the file
    is readable by its owner only."""
    from lstg.dataset.loader import load_province
    from lstg.dataset.userpaths import output_path
    from lstg.privacy.document import to_docx, to_html, to_markdown
    from lstg.privacy.output import write_private
    from lstg.privacy.person import person_data
    from lstg.privacy.person_doc import person_document, person_json
    from lstg.privacy.requests import read_requests

    if output is None:
        raise UsageError(_("give the file to write with -o FILE"))
    root = data_folder(data)
    target = output_path(output, root=root)
    found = person_data(root, _required(person), birth_year=birth_year)
    requests = read_requests(root)
    if fmt is ExportFormat.JSON:
        payload = (
            json.dumps(person_json(found, requests), ensure_ascii=False, indent=2) + "\n"
        ).encode("utf-8")
    else:
        doc = person_document(
            found,
            requests,
            load_province(root).privacy,
            lang=current_language(),
            today=day_or_today(today),
        )
        if fmt is ExportFormat.DOCX:
            payload = to_docx(doc)
        elif fmt is ExportFormat.HTML:
            payload = to_html(doc).encode("utf-8")
        else:
            payload = to_markdown(doc).encode("utf-8")
    note = write_private(target, payload)
    notice = fictional_notice(root)
    if notice:
        typer.echo(notice, err=True)
    typer.echo(
        _("Wrote everything recorded about {name} to {path}.").format(name=found.name, path=output),
        err=True,
    )
    typer.echo(note, err=True)
    return 0


@app.command("erase")
def erase(
    person: PersonArg = None,
    birth_year: BirthYearOpt = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help="Erase only this kind: ethnicity, household, health; repeatable "
            "(default: the whole person).",
            show_default=False,
        ),
    ] = None,
    expired: Annotated[
        bool,
        typer.Option(
            "--expired", help="List the data kept past its retention period, and erase it."
        ),
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", help="Erase: without it, only show what would be erased.")
    ] = False,
    data: DataOption = None,
    today: TodayOption = None,
) -> int:
    """Erase one person (or the data past its term) from every file, validated and written
    atomically; print the commands that purge it from the git history."""
    from lstg.commands._edit_common import data_root
    from lstg.commands._person_erase import run_erase

    if expired == (person is not None):
        raise UsageError(_("give a person, or --expired"))
    root = data_root(data)
    return run_erase(
        root,
        person=person,
        birth_year=birth_year,
        kinds=kind or [],
        expired=expired,
        yes=yes,
        today=day_or_today(today),
    )
