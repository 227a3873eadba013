"""``lstg place search`` and ``lstg place show``: units of the province file, in every era."""

from __future__ import annotations

from typing import Annotated

import typer

from lstg.commands._options import DataOption, FormatOption, OutputFormat, data_and_language
from lstg.core.i18n import _
from lstg.dataset.loader import load_province
from lstg.domain.places.search import search as search_units
from lstg.domain.places.search import show as show_units
from lstg.render.place import render_json, render_text

app = typer.Typer(
    help="Find administrative units by name or code, in every era.", no_args_is_help=True
)


@app.command("search")
def search(
    text: Annotated[
        str,
        typer.Argument(
            metavar="TEXT", help="Words of the name, with or without accents, or a code."
        ),
    ],
    output: FormatOption = OutputFormat.TEXT,
    data: DataOption = None,
) -> int:
    """Find districts and communes of every era by name, with their codes and what they became."""
    root, language = data_and_language(data)
    found = search_units(load_province(root), text)
    if output is OutputFormat.JSON:
        typer.echo(render_json(found))
    elif found:
        typer.echo(render_text(found, language))
    else:
        typer.echo(_("No unit has “{text}” in its name.").format(text=text), err=True)
    return 0 if found else 1


@app.command("show")
def show(
    code: Annotated[str, typer.Argument(metavar="CODE", help="The unit's code, such as 05977.")],
    era: Annotated[
        str | None,
        typer.Option(
            "--era",
            metavar="ERA",
            help="Only the unit of this era (default: every era).",
            show_default=False,
        ),
    ] = None,
    output: FormatOption = OutputFormat.TEXT,
    data: DataOption = None,
) -> int:
    """Show every era's unit with this code (codes are reused across eras), or one era's."""
    root, language = data_and_language(data)
    province = load_province(root)
    if era is not None and province.era(era) is None:
        typer.echo(
            "lstg: "
            + _("The era “{era}” is not one of the province file's eras.").format(era=era)
            + " "
            + _("The eras are: {eras}.").format(eras=", ".join(e.id for e in province.eras)),
            err=True,
        )
        return 2
    found = show_units(province, code.strip(), era=era)
    if output is OutputFormat.JSON:
        typer.echo(render_json(found))
    elif found:
        typer.echo(render_text(found, language))
    else:
        typer.echo(_("No unit has the code {code}.").format(code=code), err=True)
    return 0 if found else 1
