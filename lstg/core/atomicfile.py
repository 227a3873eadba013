"""The one way lstg writes a file: whole or not at all, never over the wrong thing.

The new content goes to a temporary file, is flushed and synced to disk, and
then replaces the target with :func:`os.replace`, which is atomic: a reader sees
the old file or the new one, never a mixture, and a run killed halfway leaves
the old file whole. Edits of the data folder pass ``temp_dir``, a folder inside
the data folder's ``.lstg-cache/`` that git and validation ignore (see
:mod:`lstg.dataset.workdir`); other writes put the temporary file beside the target,
hidden (``.name.XXXX.tmp``), and remove stale ones a killed run left there.

A temporary file is removed on every way out of the write (an error, Ctrl-C, a
termination signal turned into an exit by the command line); only a kill that
no process can catch leaves one, and the next run removes it.

A new file gets the permissions a plain ``open`` would give it (``0666`` less
the umask) unless ``mode`` says otherwise, such as ``0o600`` for a file only its
owner may read; a file written over keeps its own.

Disk, permission and read-only errors become :class:`WriteError`, a
:class:`~lstg.core.errors.UserError` of one line naming the file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
import time
from pathlib import Path

from lstg.core.errors import UserError
from lstg.core.i18n import _

STALE_SECONDS = 600
"""A hidden temporary file beside a target older than this is a killed run's leftover."""


class WriteError(UserError):
    """A file could not be written: the disk is full, read-only, or not ours to write."""

    def __init__(self, path: Path, exc: OSError) -> None:
        reason = exc.strerror or str(exc)
        if exc.errno == errno.ENOSPC:
            reason = _("the disk is full")
        elif exc.errno == errno.EROFS:
            reason = _("the disk is read-only")
        elif exc.errno in (errno.EACCES, errno.EPERM):
            reason = _("permission denied")
        super().__init__(
            _("Cannot write {path}: {reason}; nothing was changed.").format(
                path=path, reason=reason
            )
        )
        self.path = path


_umask: int | None = None


def default_mode() -> int:
    """The permissions of a new file: ``0666`` less the process's umask."""
    global _umask
    if _umask is None:
        current = os.umask(0o022)
        os.umask(current)
        _umask = current
    return 0o666 & ~_umask


def folder_mode() -> int:
    """The permissions of a new folder: ``0777`` less the process's umask."""
    default_mode()
    return 0o777 & ~(_umask or 0)


def temp_name(name: str) -> str:
    """A fresh hidden name for a temporary file made for ``name``."""
    return f".{name}.{secrets.token_hex(4)}.tmp"


def write_atomic(
    path: Path,
    data: bytes,
    *,
    mode: int | None = None,
    temp_dir: Path | None = None,
    exclusive: bool = False,
    durable: bool = True,
    tidy: bool = True,
) -> None:
    """Replace ``path`` with ``data`` in one step.

    Args:
        path: the file to write; its folder must exist.
        data: the whole new content.
        mode: permissions of a new file (default: ``0666`` less the umask); a file
            written over keeps its own.
        temp_dir: where to build the temporary file (on the same disk as ``path``);
            default: beside ``path``.
        exclusive: only create ``path``: if it exists, leave it and raise
            :class:`FileExistsError`.
        durable: wait until the data and the rename are on the disk. Without it, a
            crash of the machine may leave the file empty or cut short, though never
            a mix of old and new: for files that are checked when read and can be made
            again, such as the cache's entries.
        tidy: first remove the temporary files that a killed run left beside ``path``
            (a look at its whole folder). Without it, for a writer that removes them
            otherwise, such as the cache's daily pruning.

    Raises:
        FileExistsError: with ``exclusive``, ``path`` exists.
        WriteError: the file cannot be written (disk full, read-only, permission);
            the old file, if any, is unchanged and no temporary file is left.
    """
    try:
        _write(path, data, mode, temp_dir, exclusive, durable, tidy)
    except FileExistsError:
        if exclusive:
            raise
        raise WriteError(path, FileExistsError(17, "File exists")) from None
    except OSError as exc:
        raise WriteError(path, exc) from None


def _write(
    path: Path,
    data: bytes,
    mode: int | None,
    temp_dir: Path | None,
    exclusive: bool = False,
    durable: bool = True,
    tidy: bool = True,
) -> None:
    try:
        existing = os.stat(path)
    except FileNotFoundError:
        existing = None
    if existing is not None and stat.S_ISREG(existing.st_mode):
        final_mode = stat.S_IMODE(existing.st_mode)
    else:
        final_mode = default_mode() if mode is None else mode
    folder = temp_dir if temp_dir is not None else path.parent
    if temp_dir is None and tidy:
        remove_stale(path)
    temp = folder / temp_name(path.name)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temp, final_mode)
        if exclusive:
            os.link(temp, path)
            _remove(temp)
            return
        try:
            os.replace(temp, path)
        except OSError as exc:
            if exc.errno != errno.EXDEV or temp_dir is None:
                raise
            # The work folder is on another disk than the target: build the file beside it.
            _remove(temp)
            _write(path, data, mode, None, durable=durable)
            return
    except BaseException:
        _remove(temp)
        raise
    if durable:
        _sync_folder(path.parent)


def create_folder_atomic(
    path: Path, files: dict[str, bytes], *, temp_dir: Path | None = None
) -> None:
    """Create the folder ``path`` holding ``files`` in one step, by renaming a finished folder.

    The folder is built under a hidden name in ``temp_dir`` (default: beside
    ``path``), then renamed; if anything fails, the half-built folder is removed.

    Raises:
        WriteError: the folder cannot be created; nothing is left behind.
    """
    parent = temp_dir if temp_dir is not None else path.parent
    staging = parent / f".{path.name}.{secrets.token_hex(4)}.new"
    try:
        try:
            os.mkdir(staging, 0o700)
            for name, data in files.items():
                target = staging / name
                target.parent.mkdir(parents=True, exist_ok=True)
                _write(target, data, None, None)
            os.chmod(staging, folder_mode())
            os.rename(staging, path)
        except BaseException:
            remove_tree(staging)
            raise
    except OSError as exc:
        raise WriteError(path, exc) from None
    _sync_folder(path.parent)


def remove_stale(path: Path) -> None:
    """Remove hidden temporary files that a killed run left beside ``path``."""
    prefix = f".{path.name}."
    now = time.time()
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_SECONDS:
                    os.unlink(entry.path)


def remove_tree(path: Path) -> None:
    """Remove a folder lstg made, without following links in it; quietly."""
    with contextlib.suppress(OSError):
        if stat.S_ISDIR(os.lstat(path).st_mode):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows syncing a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
