"""Errors that stop a command: a user's mistake, said in one line, exit 1 (2 for usage)."""

from __future__ import annotations


class UserError(Exception):
    """The command cannot proceed: a missing folder, an unknown club, a bad option value."""

    exit_code = 1


class UsageLineError(UserError):
    """A value given on the command line is wrong (such as a club id that is not one):
    one line, exit 2, before anything is read or written."""

    exit_code = 2
