"""Errors that stop a command: a user's mistake, said in one line, exit 1 (2 for usage)."""

from __future__ import annotations


class UserError(Exception):
    """The command cannot proceed: a missing folder, an unknown club, a bad option value."""

    exit_code = 1


class UsageError(UserError):
    """The options ask for something that cannot be, or that the data does not have: one
    line, exit 2, before anything is read or written when it can be told then.

    An unknown plan, club or place, a club id that is not one, an as-of date after
    today, a period that has not started; the message says what there is instead.
    """

    exit_code = 2
