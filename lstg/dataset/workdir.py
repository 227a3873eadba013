"""The data folder's own work folder, for temporary files and locks: ``.lstg-cache/``.

Edits build their temporary files, the copy of a club they validate before
writing, and a new club folder before it is renamed into place, in
``.lstg-cache/tmp/``; the locks of club edits are in ``.lstg-cache/locks/``.
That folder holds a ``.gitignore`` of ``*``, so ``git status`` never shows what
is there, validation never reads it, and it is inside the data folder, so the
final renames stay on one disk and no copy of members' data goes to the
system's temporary folder. Each club has its own ``tmp/<club>/``: the next
edit of that club, holding its lock, removes whatever a killed run left there.

The work folder is refused if it, or one of its folders, is a symbolic link or
not a folder: nothing lstg writes may be led outside the data folder.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from lstg.core.atomicfile import WriteError, folder_mode, remove_tree, write_atomic
from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.core.safefiles import Kind, kind_of

WORK_DIR = ".lstg-cache"
"""The work folder's name in the data folder (shared with the cache)."""
GITIGNORE = "# Made by lstg: this folder is a cache.\n*\n"


def _folder(path: Path) -> Path:
    kind = kind_of(path)
    if kind is Kind.MISSING:
        try:
            os.mkdir(path, folder_mode())
        except FileExistsError:
            pass
        except OSError as exc:
            raise WriteError(path, exc) from None
        kind = kind_of(path)
    if kind is not Kind.FOLDER:
        raise UserError(
            _(
                "{path} is not a folder (it may be a link); remove it and run the command again."
            ).format(path=path)
        )
    return path


def work_dir(root: Path) -> Path:
    """``root/.lstg-cache``, made if missing, with its ``.gitignore``."""
    folder = _folder(root / WORK_DIR)
    ignore = folder / ".gitignore"
    if kind_of(ignore) is Kind.MISSING:
        write_atomic(ignore, GITIGNORE.encode("utf-8"))
    elif kind_of(ignore) is Kind.FILE and ignore.stat().st_size < len(GITIGNORE):
        # A run killed while writing it (or a hand edit) left it without its "*".
        write_atomic(ignore, GITIGNORE.encode("utf-8"))
    return folder


def temp_dir(root: Path, club: str) -> Path:
    """Where edits of the club ``club`` of the data folder ``root`` build temporary files."""
    return _folder(_folder(work_dir(root) / "tmp") / club)


def locks_dir(root: Path) -> Path:
    """Where the locks of club edits are."""
    return _folder(work_dir(root) / "locks")


def clean_club_leftovers(root: Path, club: str) -> None:
    """Remove what killed edits of ``club`` left in the work folder.

    Call only while holding the club's lock: then no other edit of the club is
    using them.
    """
    folder = root / WORK_DIR / "tmp" / club
    if kind_of(folder) is not Kind.FOLDER:
        return
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            remove_tree(Path(entry.path))
