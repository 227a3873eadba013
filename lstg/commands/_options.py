"""Options and arguments that several commands declare the same way."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lstg import clock
from lstg.i18n import set_language
from lstg.paths import find_data_dir
from lstg.validation import data_language


class Language(StrEnum):
    VI = "vi"
    EN = "en"


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", help="text for people, json for tools.")
]
DataOption = Annotated[
    Path | None,
    typer.Option("--data", help="The data folder (default: LSTG_DATA, then province.yaml)."),
]
LangOption = Annotated[
    Language | None,
    typer.Option("--lang", help="Language of the messages (default: the province file's)."),
]
TodayOption = Annotated[
    datetime | None,
    typer.Option("--today", formats=["%Y-%m-%d"], envvar="LSTG_TODAY", hidden=True),
]
ClubArg = Annotated[str, typer.Argument(metavar="CLUB", help="The club's id (its folder name).")]


def data_and_language(data: Path | None, lang: Language | None) -> tuple[Path, str]:
    """The data folder and the language of the output (``--lang``, else the province
    file's), which is set for the messages."""
    root = find_data_dir(data)
    language = lang.value if lang is not None else data_language(root)
    set_language(language)
    return root, language


def day_or_today(value: datetime | None) -> date:
    """The day of a ``--today`` option, else today in Vietnam (Asia/Ho_Chi_Minh), whatever
    the computer's time zone."""
    return value.date() if value is not None else clock.today()
