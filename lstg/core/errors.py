"""Errors that stop a command: a user's mistake, said in one line, exit 1 (2 for usage)."""

from __future__ import annotations

import errno

from lstg.core.i18n import N_, _


class UserError(Exception):
    """The command cannot proceed: a missing folder, an unknown club, a bad option value.

    Attributes:
        hint: what to do about it, shown on a second line; empty if nothing to add.
    """

    exit_code = 1

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


_OS_REASONS = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EISDIR: N_("it is a folder, not a file"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.EEXIST: N_("it exists already"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EMFILE: N_("too many files are open"),
    getattr(errno, "EDQUOT", errno.ENOSPC): N_("the disk is full"),
}


def os_reason(exc: OSError) -> str:
    """What went wrong in a failed read or write, in words, in the active language."""
    reason = _OS_REASONS.get(exc.errno or 0)
    return _(reason) if reason else (exc.strerror or type(exc).__name__)


def os_error(exc: OSError) -> str:
    """A failed read or write in one line: the path, and what went wrong."""
    paths = [str(p) for p in (exc.filename, exc.filename2) if p is not None]
    return f"{' → '.join(paths)}: {os_reason(exc)}" if paths else os_reason(exc)


class UsageError(UserError):
    """The options ask for something that cannot be, or that the data does not have: one
    line, exit 2, before anything is read or written when it can be told then.

    An unknown plan, club or place, a club id that is not one, an as-of date after
    today, a period that has not started; the message says what there is instead.
    """

    exit_code = 2
