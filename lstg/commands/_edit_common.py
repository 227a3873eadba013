"""Options and output shared by the editing commands (club, member, loan, meeting, fund)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lstg.commands import _options
from lstg.edit import Outcome
from lstg.errors import UserError
from lstg.i18n import _
from lstg.resources import sample_dir

DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Show the change as a diff and write nothing.")
]


def data_root(data: Path | None) -> Path:
    """The data folder to change, with the language of messages set.

    Raises:
        UserError: the folder is the bundled sample, which is part of lstg itself
            and is not changed.
    """
    root = _options.data_root(data)
    if root.resolve() == sample_dir().resolve():
        raise UserError(
            _("The bundled sample is not changed: it is part of lstg."),
            hint=_("Copy it to a folder of your own and give that folder with --data."),
        )
    return root


def show(outcome: Outcome) -> int:
    """Print what a change did (or why it was refused) and give the exit code.

    A dry run's diff is the result, on the standard output; what was done,
    warnings and refusals are messages, on the standard error.
    """
    for line in outcome.diff:
        typer.echo(line)
    for line in [*outcome.lines, *outcome.errors]:
        typer.echo(line, err=True)
    return outcome.exit_code
