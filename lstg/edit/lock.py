"""One edit of a club at a time: a lock held from reading its files to writing them.

Every edit of a club (``member``, ``loan``, ``meeting``, ``fund``, ``import``,
``club new``) takes the club's lock before it reads anything, so that it reads
what the previous edit wrote and no edit is lost: two edits started at once run
one after the other. An edit that cannot get the lock within
:data:`WAIT_SECONDS` (another one is stuck, or very long) is refused with one
line, and writes nothing.

The lock is :mod:`filelock`'s, which uses the system's own locking on Linux,
macOS and Windows: a lock held by a process that was killed is released with
it. Lock files are in the data folder's work folder (:mod:`lstg.dataset.workdir`),
ignored by git and by validation. Holding the lock, the edit removes what a
killed edit of the same club left in the work folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.dataset.workdir import clean_club_leftovers, locks_dir

WAIT_SECONDS = 60.0
"""How long an edit waits for another edit of the same club to finish."""


@contextmanager
def club_lock(root: Path, club: str, *, wait: float | None = None) -> Iterator[None]:
    """Hold the edit lock of ``club`` in the data folder ``root``.

    Raises:
        UserError: another edit of the club holds the lock for longer than ``wait``
            seconds (default :data:`WAIT_SECONDS`).
    """
    lock = FileLock(str(locks_dir(root) / f"{club}.lock"))
    try:
        lock.acquire(timeout=WAIT_SECONDS if wait is None else wait)
    except Timeout:
        raise UserError(
            _(
                "Another edit of the club {club} is running; nothing was written. "
                "Run the command again when it has finished."
            ).format(club=club)
        ) from None
    try:
        clean_club_leftovers(root, club)
        yield
    finally:
        lock.release()
