"""Options and output shared by the editing commands (club, member, loan, meeting, fund)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lstg.commands import _options
from lstg.core.errors import UsageError, UserError
from lstg.core.i18n import _
from lstg.core.resources import sample_dir
from lstg.dataset.clubids import BadClubId, club_id, new_club_id

if TYPE_CHECKING:
    from lstg.edit import Change, Outcome

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


def club_arg(text: str, root: Path, *, new: bool = False) -> str:
    """The club id given as ``text``, checked before anything else (:mod:`lstg.dataset.clubids`).

    Raises:
        UsageError: ``text`` is not a club id (one line, exit 2).
    """
    try:
        return new_club_id(text) if new else club_id(text, root)
    except BadClubId as exc:
        raise UsageError(str(exc)) from None


def run_edit(root: Path, club: str, make: Callable[[], Change], *, dry_run: bool) -> int:
    """Make a change of ``club`` with ``make`` and finish it, holding the club's lock.

    The club's files are read by ``make``, after the lock is taken, so an edit
    always starts from what the previous one wrote; see :mod:`lstg.edit.lock`.
    """
    from lstg.edit import finish
    from lstg.edit.lock import club_lock

    with club_lock(root, club):
        return show(finish(make(), dry_run=dry_run))


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
