"""``lstg init``: start a new data repository for a province."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lstg.commands._options import Language
from lstg.i18n import _, set_language
from lstg.scaffold import ProvinceChoice, init_repository


def init(
    folder: Annotated[
        Path, typer.Argument(metavar="DIR", help="The folder of the new data repository.")
    ],
    province: Annotated[
        ProvinceChoice,
        typer.Option("--province", help="lang-son: Lạng Sơn's units; empty: a template to fill."),
    ] = ProvinceChoice.LANG_SON,
    lang: Annotated[
        Language | None, typer.Option("--lang", help="Language of the messages.")
    ] = None,
) -> int:
    """Create a data folder: province file, plans, .gitignore, pre-commit hook, git repository."""
    set_language(lang.value if lang is not None else "vi")
    created = init_repository(folder, province=province)
    for name in created.files:
        typer.echo(_("created {path}").format(path=folder / name))
    if created.git_init:
        typer.echo(_("initialised a git repository in {path}").format(path=folder))
    typer.echo(
        _(
            "Next: lstg club new CLUB_ID --name … --commune CODE --founded DATE --data {path}"
        ).format(path=folder)
    )
    return 0
