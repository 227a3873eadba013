"""Opening the data folder's files without following links or blocking on special files.

A data folder is a git checkout that anyone may have put anything in. Before
lstg opens an entry it looks at the entry itself (:func:`os.lstat`, which does
not follow a symbolic link): only regular files are opened, and they are opened
with ``O_NOFOLLOW`` and ``O_NONBLOCK`` where the system has them, then checked
again on the open handle, so that an entry swapped for a link or a FIFO in
between is not read either. A FIFO, a device or a socket is never opened (opening
a FIFO waits for a writer forever); a symbolic link is never followed, so no file
outside the data folder is read through one, and a link that points to itself is
reported rather than looping.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from lstg.core.i18n import _


class Kind(StrEnum):
    """What an entry of a folder is, seen without following links."""

    FILE = "file"
    FOLDER = "folder"
    SYMLINK = "symlink"
    SPECIAL = "special"
    MISSING = "missing"


def kind_of(path: Path) -> Kind:
    """What ``path`` is, without following a symbolic link."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return Kind.MISSING
    except OSError:
        return Kind.SPECIAL
    return kind_of_mode(mode)


def kind_of_mode(mode: int) -> Kind:
    """What an entry with the ``st_mode`` of :func:`os.lstat` is."""
    if stat.S_ISREG(mode):
        return Kind.FILE
    if stat.S_ISDIR(mode):
        return Kind.FOLDER
    if stat.S_ISLNK(mode):
        return Kind.SYMLINK
    return Kind.SPECIAL


def special_kind(path: Path) -> str:
    """A word for a special file, for messages: a FIFO, a device, a socket."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return _("an entry that cannot be examined")
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    return _("a special file")


def link_target(path: Path) -> str:
    """Where a symbolic link points, as written in the link."""
    try:
        return os.readlink(path)
    except OSError:
        return "?"


class NotRegular(OSError):
    """The entry is not a regular file: it was not opened."""

    def __init__(self, path: Path, kind: Kind) -> None:
        super().__init__(str(path))
        self.path = path
        self.kind = kind


class TooLarge(OSError):
    """The file is larger than allowed: it was not read."""

    def __init__(self, path: Path, size: int) -> None:
        super().__init__(str(path))
        self.size = size


_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOCTTY", 0)
)


def _open_regular(path: Path) -> tuple[int, os.stat_result]:
    """A handle on the regular file ``path`` and its stat, taken on the handle itself.

    Raises:
        NotRegular: ``path`` is a symbolic link, a folder or a special file.
        OSError: the file cannot be opened.
    """
    kind = kind_of(path)
    if kind is Kind.MISSING:
        raise FileNotFoundError(2, os.strerror(2), str(path))
    if kind is not Kind.FILE:
        raise NotRegular(path, kind)
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        if kind_of(path) is not Kind.FILE:
            raise NotRegular(path, kind_of(path)) from exc
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(path, kind_of_mode(info.st_mode))
    except BaseException:
        os.close(fd)
        raise
    return fd, info


def stream_regular(path: Path, take: Callable[[memoryview], object], buffer: bytearray) -> int:
    """Give the bytes of the regular file ``path`` to ``take``, a part at a time, read into
    ``buffer`` (reused, so that reading many files allocates no memory); the number of
    bytes read. Each part is valid only until ``take`` returns.

    Raises:
        NotRegular: ``path`` is a symbolic link, a folder or a special file.
        OSError: the file cannot be read.
    """
    fd, _info = _open_regular(path)
    try:
        view = memoryview(buffer)
        total = 0
        while count := os.readv(fd, [buffer]) if _READV else _read_into(fd, buffer):
            take(view[:count])
            total += count
        return total
    finally:
        os.close(fd)


_READV = hasattr(os, "readv")
"""Windows has no ``os.readv``: a part is read as bytes, then copied into the buffer."""


def _read_into(fd: int, buffer: bytearray) -> int:
    chunk = os.read(fd, len(buffer))
    buffer[: len(chunk)] = chunk
    return len(chunk)


def read_regular(path: Path, *, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path``.

    Raises:
        NotRegular: ``path`` is a symbolic link, a folder or a special file.
        TooLarge: the file has more than ``limit`` bytes (none of it is read).
        OSError: the file cannot be read.
    """
    fd, info = _open_regular(path)
    try:
        if limit is not None and info.st_size > limit:
            raise TooLarge(path, info.st_size)
        chunks: list[bytes] = []
        budget = (limit + 1) if limit is not None else None
        while True:
            chunk = os.read(fd, 1 << 20 if budget is None else min(1 << 20, budget))
            if not chunk:
                break
            chunks.append(chunk)
            if budget is not None:
                budget -= len(chunk)
                if budget <= 0:
                    raise TooLarge(path, limit + 1 if limit is not None else 0)
        return b"".join(chunks)
    finally:
        os.close(fd)


def is_regular(path: Path) -> bool:
    """Whether ``path`` is a regular file itself (a link to one is not)."""
    return kind_of(path) is Kind.FILE


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder itself (a link to one is not)."""
    return kind_of(path) is Kind.FOLDER
