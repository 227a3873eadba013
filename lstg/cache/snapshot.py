"""The snapshot of a data folder: a digest of every file, grouped by club."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lstg.cache.keys import _CLUBS, _SKIP_AT_ROOT, digest


class Snapshot:
    """The content of a data folder: a digest for every file, ``"/"`` for every folder.

    Attributes:
        files: digest of each file (``"/"`` for a folder) by path relative to the root.
        clubs: digest of each club folder: the names and contents of everything in it.
        shared: digest of everything outside ``clubs/`` (province, plans, other
            files); adding or removing a club folder does not change it.
        unread: the files listed but not yet read (see :meth:`Cache.snapshot
            <lstg.cache.store.Cache.snapshot>`), by path relative to the root: the full
            path and the stamp of each. Their clubs are in ``waiting``, not in ``clubs``.
        waiting: the clubs that have unread files.
        index: what the cache's index of files is to hold after this snapshot: for
            each file read, its stamp and digest.
        taken_ns: the file system's time before the files were listed, if known.
    """

    def __init__(
        self,
        root: Path,
        files: dict[str, str],
        *,
        unread: dict[str, tuple[str, list[int]]] | None = None,
        index: dict[str, list[Any]] | None = None,
        taken_ns: int | None = None,
    ) -> None:
        self.root = root
        self.files = files
        self.unread = unread or {}
        self.index = index or {}
        self.taken_ns = taken_ns
        self.waiting = {rel.split("/", 2)[1] for rel in self.unread}
        groups: dict[str, list[tuple[str, str]]] = {}
        outside: list[tuple[str, str]] = []
        top: list[tuple[str, str]] = []
        for rel, d in files.items():
            parts = rel.split("/", 2)
            if parts[0] != _CLUBS:
                outside.append((rel, d))
            elif len(parts) == 3:
                groups.setdefault(parts[1], []).append((rel, d))
            else:
                top.append((rel, d))
                if len(parts) == 2 and d == "/":
                    groups.setdefault(parts[1], [])
        self.clubs = {
            cid: _listing(cid, items) for cid, items in groups.items() if cid not in self.waiting
        }
        self.shared = _listing("", outside)
        self._top = _listing(_CLUBS, top)

    def whole(self) -> str:
        """Digest of the whole folder."""
        return _listing(self.shared + self._top, list(self.clubs.items()))


def _listing(name: str, pairs: list[tuple[str, str]]) -> str:
    """Digest of a list of (path, digest) pairs, in path order. A name cannot hold NUL and
    a digest holds no newline, so the listing reads one way only."""
    lines = "\n".join(f"{rel}\0{d}" for rel, d in sorted(pairs))
    return digest(name, lines)


def _now_ns(folder: Path) -> int | None:
    """The file system's idea of now, read from a file's modification time."""
    from lstg.core.safefiles import Kind, kind_of

    if kind_of(folder) not in (Kind.FOLDER, Kind.MISSING):
        return None
    try:
        # Entries hold members' data: the folder is its owner's alone.
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        probe = folder / ".clock"
        probe.touch()
        return probe.stat().st_mtime_ns
    except OSError:
        return None


def _walk(
    root: Path, clubs: set[str] | None = None
) -> Iterable[tuple[str, str, os.stat_result | None]]:
    """Every file (path relative to ``root``, full path, stat) and folder (stat ``None``)
    under ``root``, the cache and ``.git`` excluded; with ``clubs``, only those club
    folders are entered. Links are not followed: a link, like a special file, comes
    with its own stat (:func:`os.lstat`), never with its target's."""
    stack: list[tuple[str, str]] = [("", str(root))]
    seen: set[tuple[int, int]] = set()
    while stack:
        prefix, folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if not prefix and entry.name in _SKIP_AT_ROOT:
                continue
            rel = prefix + entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    yield rel, entry.path, None
                    if clubs is not None and prefix == _CLUBS + "/" and entry.name not in clubs:
                        continue
                    st = entry.stat()
                    if (st.st_dev, st.st_ino) not in seen:
                        seen.add((st.st_dev, st.st_ino))
                        stack.append((rel + "/", entry.path))
                else:
                    yield rel, entry.path, entry.stat(follow_symlinks=False)
            except OSError:
                continue
