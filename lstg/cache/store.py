"""The cache folder of one data folder: HMAC-checked entries, atomic writes, pruning."""

from __future__ import annotations

import contextlib
import hmac
import json
import os
import secrets
import stat
from collections.abc import Collection
from pathlib import Path
from typing import Any

from lstg.cache.keys import (
    _CLUBS,
    FORMAT,
    KEEP_DAYS,
    RACY_SECONDS,
    cache_folder,
    digest,
    file_digest,
    refreshing,
)
from lstg.cache.snapshot import Snapshot, _now_ns, _walk
from lstg.core.atomicfile import STALE_SECONDS, write_atomic
from lstg.core.errors import UserError
from lstg.core.safefiles import Kind, kind_of, link_target
from lstg.dataset.workdir import GITIGNORE


class Cache:
    """The cache folder of one data folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.dir = cache_folder(root)
        self._key: bytes | None = None
        self._writable = True

    def _secret(self) -> bytes | None:
        if self._key is not None:
            return self._key
        if kind_of(self.dir) not in (Kind.FOLDER, Kind.MISSING):
            # A cache folder that is a link could hold anyone's key and entries.
            return None
        path = self.dir / "key"
        try:
            key = path.read_bytes()
            if len(key) == 32:
                self._key = key
                return key
        except OSError:
            pass
        key = secrets.token_bytes(32)
        if not self._write(path, key, exclusive=True):
            try:
                key = path.read_bytes()
            except OSError:
                return None
            if len(key) != 32:
                return None
        self._key = key
        return key

    def _write(
        self, path: Path, data: bytes, *, exclusive: bool = False, tidy: bool = True
    ) -> bool:
        """Write a file atomically (temporary file, then rename); False if it cannot be done.

        Without ``tidy``, the temporary files a killed run left beside it are not looked
        for: the daily pruning removes those of entries (:meth:`prune`)."""
        if not self._writable:
            return False
        try:
            if kind_of(self.dir) not in (Kind.FOLDER, Kind.MISSING):
                raise NotADirectoryError(str(self.dir))
            if kind_of(self.dir) is Kind.MISSING:
                # Entries hold members' data: the folder is its owner's alone.
                self.dir.parent.mkdir(parents=True, exist_ok=True)
                self.dir.mkdir(mode=0o700, exist_ok=True)
            ignore = self.dir / ".gitignore"
            if kind_of(ignore) is Kind.MISSING:
                write_atomic(ignore, GITIGNORE.encode("utf-8"), durable=False)
                folder = f"{self.root.absolute()}\n".encode()
                write_atomic(self.dir / "folder", folder, durable=False)
            path.parent.mkdir(parents=True, exist_ok=True)
            # The key is a secret: only its owner may read it. An entry cut short by a
            # crash fails its HMAC and is made again: it need not wait for the disk.
            write_atomic(
                path,
                data,
                mode=0o600 if exclusive else None,
                exclusive=exclusive,
                durable=exclusive,
                tidy=tidy,
            )
        except FileExistsError:
            return False
        except (OSError, UserError):
            self._writable = False
            return False
        return True

    def prune(self) -> None:
        """Once a day, delete entries not written for :data:`KEEP_DAYS` days.

        Entries of data that has since changed are never read again; deleting
        any entry is always safe (it is computed again when needed).
        """
        import time

        if kind_of(self.dir) is not Kind.FOLDER:
            return
        marker = self.dir / ".pruned"
        now = time.time()
        try:
            if now - marker.stat().st_mtime < 86_400:
                return
        except OSError:
            pass
        if not self._write(marker, b""):
            return
        limit = now - KEEP_DAYS * 86_400
        top = str(self.dir / f"v{FORMAT}")
        for folder, dirs, files in os.walk(top):
            if folder == top:
                dirs[:] = [d for d in dirs if d != "index"]
            for name in files:
                path = os.path.join(folder, name)
                # A temporary file of an entry is a killed run's once it is some minutes old.
                left = name.startswith(".") and name.endswith(".tmp")
                with contextlib.suppress(OSError):
                    if os.stat(path).st_mtime < (now - STALE_SECONDS if left else limit):
                        os.unlink(path)

    def _entry_path(self, kind: str, key: str) -> Path:
        return self.dir / f"v{FORMAT}" / kind / key[:2] / f"{key}.json"

    def get(self, kind: str, key: str) -> Any:
        """The entry stored under ``key``, or ``None`` if it is missing or not to be trusted."""
        body = self.get_bytes(kind, key)
        if body is None:
            return None
        try:
            return json.loads(body)
        except ValueError:
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store ``value`` (plain JSON data) under ``key``; silently skipped if not writable."""
        body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.put_bytes(kind, key, body)

    def get_bytes(self, kind: str, key: str) -> bytes | None:
        """The bytes stored under ``key``, if their HMAC shows that this cache wrote them (never
        while refreshing: see :func:`~lstg.cache.keys.refreshing`)."""
        if refreshing():
            return None
        secret = self._secret()
        if secret is None:
            return None
        try:
            raw = self._entry_path(kind, key).read_bytes()
        except OSError:
            return None
        mac, _sep, body = raw.partition(b"\n")
        expected = hmac.new(secret, kind.encode() + b"/" + key.encode() + b"\n" + body, "sha256")
        if not hmac.compare_digest(mac, expected.hexdigest().encode()):
            return None
        return body

    def put_bytes(self, kind: str, key: str, body: bytes) -> None:
        """Store ``body`` under ``key`` with its HMAC; silently skipped if not writable."""
        secret = self._secret()
        if secret is None:
            return
        mac = hmac.new(secret, kind.encode() + b"/" + key.encode() + b"\n" + body, "sha256")
        self._write(
            self._entry_path(kind, key),
            mac.hexdigest().encode() + b"\n" + body,
            tidy=kind == "index",
        )

    def snapshot(self, clubs: Collection[str] | None = None, *, read_all: bool = True) -> Snapshot:
        """Digests of the files of the data folder, reusing those of unchanged files.

        Args:
            clubs: read only these club folders (and everything outside ``clubs/``);
                the others appear as empty folders. ``None``: every club folder.
            read_all: without it, when the cache knows no file of the folder (its first
                use, or after ``lstg cache clear``), the files of the club folders are
                listed, not read: no entry can be found for their clubs anyway, and
                whoever reads them next gives their digests to :meth:`complete`, so that
                each file is read once. Their clubs are then in ``Snapshot.waiting``.
        """
        chosen = None if clubs is None else set(clubs)
        known: dict[str, list[Any]] = {}
        written = 0
        stored = self.get("index", "files")
        if isinstance(stored, dict) and isinstance(stored.get("files"), dict):
            known = stored["files"]
            written = int(stored.get("written_ns", 0))
        listing_only = not read_all and not known
        trusted_before = written - RACY_SECONDS * 1_000_000_000
        # Taken before any file is looked at: a file changed after its stamp was taken has
        # a later time than this, and is read again (see RACY_SECONDS).
        now = _now_ns(self.dir)
        files: dict[str, str] = {}
        fresh: dict[str, list[Any]] = {}
        unread: dict[str, tuple[str, list[int]]] = {}
        changed = False
        for rel, path, st in _walk(self.root, chosen):
            if st is None:
                files[rel] = "/"
                continue
            # A stamp catches an edit that puts the modification time back (cp -p, rsync
            # -t, tar x): the change time and the inode cannot be set back, nor the mode.
            stamp = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_mode]
            old = known.get(rel)
            if (
                isinstance(old, list)
                and len(old) == len(stamp) + 1
                and old[: len(stamp)] == stamp
                and max(st.st_mtime_ns, st.st_ctime_ns) < trusted_before
            ):
                files[rel] = old[-1]
                fresh[rel] = old
                continue
            if not stat.S_ISREG(st.st_mode):
                # Never opened: a FIFO would block, a link could lead out of the folder.
                target = link_target(Path(path)) if stat.S_ISLNK(st.st_mode) else ""
                files[rel] = digest("special", str(st.st_mode), target)
                continue
            if listing_only and rel.count("/") >= 2 and rel.startswith(_CLUBS + "/"):
                unread[rel] = (path, stamp)
                continue
            try:
                files[rel] = file_digest(Path(path), st.st_size)
            except OSError:
                files[rel] = "?"
                continue
            fresh[rel] = [*stamp, files[rel]]
            changed = True
        if chosen is not None:
            for rel, entry in known.items():
                parts = rel.split("/", 2)
                if len(parts) == 3 and parts[0] == _CLUBS and parts[1] not in chosen:
                    fresh.setdefault(rel, entry)
        snapshot = Snapshot(self.root, files, unread=unread, index=fresh, taken_ns=now)
        if not unread and (changed or len(fresh) != len(known) or not known):
            self._keep_index(snapshot)
        return snapshot

    def complete(self, snapshot: Snapshot, read: dict[str, str]) -> Snapshot:
        """``snapshot`` with a digest for each of its unread files: the digest of the bytes
        read (``read``, by path relative to the root, as :func:`~lstg.cache.keys.digest`
        of them gives), else of the file read now. The index of files is updated."""
        if not snapshot.unread:
            return snapshot
        files = dict(snapshot.files)
        index = dict(snapshot.index)
        for rel, (path, stamp) in snapshot.unread.items():
            found = read.get(rel)
            if found is None:
                try:
                    found = file_digest(Path(path), stamp[0])
                except OSError:
                    files[rel] = "?"
                    continue
            files[rel] = found
            index[rel] = [*stamp, found]
        done = Snapshot(self.root, files, index=index, taken_ns=snapshot.taken_ns)
        self._keep_index(done)
        return done

    def _keep_index(self, snapshot: Snapshot) -> None:
        """Store the index of files of ``snapshot``, if the time it was taken is known."""
        if snapshot.taken_ns is not None:
            self.put("index", "files", {"written_ns": snapshot.taken_ns, "files": snapshot.index})
