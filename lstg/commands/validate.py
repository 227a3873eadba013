"""``lstg validate``: check the data and show every problem at its file, line and column."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lstg.commands._options import FormatOption, LangOption, OutputFormat, TodayOption
from lstg.i18n import set_language
from lstg.paths import find_data_dir
from lstg.render.problems import render_json, render_text
from lstg.validation import data_language, target_of
from lstg.validation import validate as run_validation


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH",
            help="The data folder, club folders or files to check (files check their whole club).",
            show_default=False,
        ),
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            metavar="DIR",
            help="The data folder (default: $LSTG_DATA, else the nearest folder above "
            "holding province.yaml, else the bundled data).",
        ),
    ] = None,
    output: FormatOption = OutputFormat.TEXT,
    lang: LangOption = None,
    today: TodayOption = None,
) -> int:
    """Check the data: every problem, at its file, line and column. Exit 1 on errors."""
    set_language(lang.value if lang is not None else "vi")
    target = target_of(paths or [], data=data, default=find_data_dir(data))
    if lang is None and target.root.is_dir():
        set_language(data_language(target.root))
    result = run_validation(
        target.root,
        clubs=target.clubs,
        today=today.date() if today is not None else None,
    )
    if output is OutputFormat.JSON:
        typer.echo(render_json(result.problems, clubs=result.clubs))
    else:
        typer.echo(render_text(result.problems, target.root, clubs=result.clubs))
    return 0 if result.ok else 1
