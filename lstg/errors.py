"""Errors that stop a command: a user's mistake, said in one line, exit 1."""

from __future__ import annotations


class UserError(Exception):
    """The command cannot proceed: a missing folder, an unknown club, a bad option value."""


class UsageError(UserError):
    """The options ask for something the data does not have or that cannot be: exit 2.

    An unknown plan, club or place, an as-of date after today, a period that
    has not started; the message says what there is instead.
    """
