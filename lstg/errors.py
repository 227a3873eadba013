"""Errors that stop a command: a user's mistake, said in one line, exit 1."""

from __future__ import annotations


class UserError(Exception):
    """The command cannot proceed: a missing folder, an unknown club, a bad option value."""
