"""``lstg schema``: the JSON Schema of each kind of data file."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from lstg.commands._options import choice
from lstg.schema.fileschemas import KINDS, file_schema

Kind = StrEnum("Kind", {name: name for name in KINDS})  # type: ignore[misc]


def schema(
    kind: Annotated[
        Kind | None,
        typer.Argument(
            metavar="KIND",
            parser=choice(Kind),
            help="One kind of file; all of them, keyed by kind, if left out.",
            show_default=False,
        ),
    ] = None,
) -> int:
    """Print the JSON Schema of the data files, generated from lstg's models."""
    if kind is None:
        document = {name: file_schema(name) for name in KINDS}
    else:
        document = file_schema(str(kind.value))
    typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
    return 0
