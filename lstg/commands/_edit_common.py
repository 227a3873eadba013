"""Options and output shared by the editing commands (club, member, loan, meeting, fund)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from lstg.clubids import BadClubId, club_id, new_club_id
from lstg.commands._options import Language
from lstg.edit import Change, Outcome, finish
from lstg.edit.lock import club_lock
from lstg.edit.values import parse_amount, parse_date
from lstg.errors import UsageError
from lstg.i18n import set_language
from lstg.paths import find_data_dir
from lstg.validation import data_language

T = TypeVar("T")


DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Show the change as a diff and write nothing.")
]


def data_root(data: Path | None, lang: Language | None) -> Path:
    """The data folder, with the language of messages set."""
    root = find_data_dir(data)
    if lang is not None:
        set_language(lang.value)
    elif (root / "province.yaml").is_file():
        set_language(data_language(root))
    return root


def club_arg(text: str, root: Path, *, new: bool = False) -> str:
    """The club id given as ``text`` (see :mod:`lstg.clubids`), checked before anything else.

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
    with club_lock(root, club):
        return show(finish(make(), dry_run=dry_run))


def parsed(parse: Callable[[Any], T], value: Any, option: str) -> T:
    """``parse(value)``, its ``ValueError`` shown as a usage error of ``option``."""
    try:
        return parse(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


def day(value: str, option: str) -> date:
    """A date option, written YYYY-MM-DD or dd/mm/yyyy."""
    return parsed(parse_date, value, option)


def maybe_day(value: str | None, option: str) -> date | None:
    return None if value is None else day(value, option)


def amount(value: str, option: str) -> int:
    """An amount option, written 1.000.000 or 1000000."""
    return parsed(parse_amount, value, option)


def show(outcome: Outcome) -> int:
    """Print what a change did (or why it was refused) and give the exit code."""
    for line in outcome.lines:
        typer.echo(line)
    for line in outcome.errors:
        typer.echo(line, err=True)
    return outcome.exit_code
