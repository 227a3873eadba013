"""``lstg template list|copy``: the report templates, and a data folder's own copies."""

from __future__ import annotations

from typing import Annotated

import typer

from lstg.commands._edit_common import data_root as writable_root
from lstg.commands._options import DataOption, data_root, write_output
from lstg.core.i18n import _
from lstg.core.resources import templates_dir
from lstg.report.output import OWN_TEMPLATES

app = typer.Typer(
    help="List the report templates, and copy one into the data folder to change it.",
    no_args_is_help=True,
)


def _bundled() -> list[str]:
    return sorted(p.name for p in templates_dir().iterdir() if p.suffix in (".j2", ".docx"))


@app.command("list")
def list_templates(data: DataOption = None) -> int:
    """List the bundled templates, and which of them the data folder has its own copy of."""
    root = data_root(data)
    own = root / OWN_TEMPLATES
    for name in _bundled():
        if (own / name).is_file():
            typer.echo(f"{name}  " + _("(own copy: {path})").format(path=own / name))
        else:
            typer.echo(name)
    return 0


@app.command("copy")
def copy(
    names: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME",
            help="The templates to copy, such as report.vi.md.j2 or report.vi.docx.",
        ),
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Replace a copy that is there already.")
    ] = False,
    data: DataOption = None,
) -> int:
    """Copy bundled templates into the data folder's templates/, where lstg report uses them.

    Edit the copy (a .j2 file in a text editor, a .docx in Word); lstg report then
    uses it in place of the bundled one. Delete the copy to go back to the bundled
    template, which changes with new versions of lstg.
    """
    root = writable_root(data)
    known = _bundled()
    unknown = [n for n in names if n not in known]
    if unknown:
        raise typer.BadParameter(
            _("no bundled template {names}; the templates are: {known}").format(
                names=", ".join(unknown), known=", ".join(known)
            )
        )
    folder = root / OWN_TEMPLATES
    folder.mkdir(exist_ok=True)
    for name in names:
        target = folder / name
        if target.exists() and not force:
            typer.echo(
                "lstg: "
                + _("{path} exists already; give --force to replace it").format(path=target),
                err=True,
            )
            return 1
        write_output(target, (templates_dir() / name).read_bytes())
        typer.echo(_("copied {name} to {path}").format(name=name, path=target), err=True)
    return 0
