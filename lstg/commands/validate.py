"""``lstg validate``: check the data and show every problem at its file, line and column."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lstg.commands._options import (
    DataOption,
    FormatOption,
    OutputFormat,
    TodayOption,
    data_and_language,
    fictional_notice,
)
from lstg.core.i18n import requested_language, set_language
from lstg.dataset.folder import target_of
from lstg.render.problems import render_json, render_text
from lstg.validate.run import data_language
from lstg.validate.run import validate as run_validation


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH",
            help="The data folder, club folders or files to check (files check their whole club).",
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    output: FormatOption = OutputFormat.TEXT,
    today: TodayOption = None,
) -> int:
    """Check the data: every problem, at its file, line and column. Exit 1 on errors."""
    if paths:
        root = data_and_language(data)[0] if data is not None else None
        target = target_of(paths, data=root, default=root)
        if requested_language() is None and (target.root / "province.yaml").is_file():
            set_language(data_language(target.root))
    else:
        root = data_and_language(data)[0]
        target = target_of([], data=root, default=root)
    result = run_validation(target.root, clubs=target.clubs, today=today)
    notice = fictional_notice(target.root)
    if output is OutputFormat.JSON:
        typer.echo(render_json(result.problems, clubs=result.clubs, notice=notice))
    else:
        if notice:
            typer.echo(notice)
        typer.echo(render_text(result.problems, target.root, clubs=result.clubs))
    return 0 if result.ok else 1
