"""Keys of cache entries: whether the cache is on, where it is, digests, and the fingerprint of
lstg's code and of the packages that shape its results."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from lstg.core.safefiles import read_regular, stream_regular

CACHE_DIR = ".lstg-cache"
"""The data folder's work folder (temporary files and locks, :mod:`lstg.dataset.workdir`); the cache
itself is in the user's cache folder (:func:`cache_home`)."""
FORMAT = 2
"""Version of the cache's own layout."""
RACY_SECONDS = 2
KEEP_DAYS = 30
"""Entries not written for this many days are deleted (see :meth:`Cache.prune`)."""
ENV_VAR = "LSTG_NO_CACHE"
HOME_VAR = "LSTG_CACHE_DIR"
"""Where the cache is, in place of the user's cache folder."""
SHAPING = ("pydantic", "pydantic-core", "ruamel.yaml", "PyYAML", "yaml-rs", "Babel", "Jinja2")
"""The installed packages whose versions are part of every key: they read, check or word what
lstg caches."""
_SKIP_AT_ROOT = {CACHE_DIR, ".git", "reports", "__pycache__"}
"""Not data: the cache and work folder, git's own, the folder of outputs (lstg.dataset.userpaths),
and Python's bytecode (the bundled sample is a package)."""
_CLUBS = "clubs"

_enabled: bool | None = None
_refresh = False


def enabled() -> bool:
    """Whether the cache is used in this process (``LSTG_NO_CACHE`` turns it off)."""
    if _enabled is not None:
        return _enabled
    return os.environ.get(ENV_VAR, "") in ("", "0")


def set_enabled(flag: bool | None) -> None:
    """Turn the cache on or off for this process; ``None`` goes back to the environment."""
    global _enabled
    _enabled = flag


def refreshing() -> bool:
    """Whether entries are written but never read (``--no-cache``): every result is computed
    again, and replaces what was stored."""
    return _refresh


def set_refresh(flag: bool) -> None:
    global _refresh
    _refresh = flag


def digest(*parts: str | bytes) -> str:
    """A short hex digest of several parts, kept apart so that no two lists collide."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


_BUFFER = bytearray(1 << 18)
"""The buffer that :func:`file_digest` reads files through."""


def file_digest(path: Path, size: int) -> str:
    """``digest(content)`` of the regular file ``path`` of ``size`` bytes (as its stat
    gives), read through one buffer: hashing a folder of many files then allocates no
    memory for them, where reading each whole would make the system map memory for it.

    A file whose length is not ``size`` when read (it is being written) is read again
    whole, so that the digest is always that of what was read.

    Raises:
        NotRegular, OSError: as :func:`lstg.core.safefiles.read_regular`.
    """
    h = hashlib.blake2b(digest_size=16)
    h.update(size.to_bytes(8, "little"))
    if stream_regular(path, h.update, _BUFFER) == size:
        return h.hexdigest()
    return digest(read_regular(path))


_code: str | None = None


def code_fingerprint() -> str:
    """A digest of lstg's version and every source file, catalog and template it uses
    (not the bundled sample, which is data)."""
    global _code
    if _code is None:
        from lstg import __version__
        from lstg.core.resources import package_dir, sample_dir, templates_dir

        parts: list[str | bytes] = [__version__, sys.version, str(FORMAT), *package_versions()]
        skip = {sample_dir().resolve()}
        sources: set[Path] = set()
        for top in (package_dir(), templates_dir()):
            for folder, dirs, files in os.walk(top):
                here = Path(folder)
                dirs[:] = [
                    d for d in dirs if d != "__pycache__" and (here / d).resolve() not in skip
                ]
                sources.update(
                    here / f
                    for f in files
                    if Path(f).suffix in (".py", ".mo", ".j2", ".yaml", ".docx")
                )
        for path in sorted(sources):
            parts += [path.as_posix(), path.read_bytes()]
        _code = digest(*parts)
    return _code


def package_versions() -> list[str]:
    """``name==version`` of each package in :data:`SHAPING` (``name==-`` when not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in SHAPING:
        try:
            found.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}==-")
    return found


def cache_home() -> Path:
    """The folder of every data folder's cache: ``LSTG_CACHE_DIR``, else the user's cache
    folder (``~/.cache/lstg`` on Linux, ``%LOCALAPPDATA%\\lstg\\Cache`` on Windows,
    ``~/Library/Caches/lstg`` on macOS)."""
    configured = os.environ.get(HOME_VAR, "").strip()
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("lstg", appauthor=False)


def cache_folder(root: Path) -> Path:
    """The cache of the data folder ``root``: a folder of :func:`cache_home` named after the
    data folder and a digest of its full path, so that two folders of the same name (or a
    copy) never share entries. It lives outside the data folder: the members' data it holds
    is never synced, shared or committed with the data, and whoever can write the data folder
    cannot sign an entry."""
    try:
        where = root.resolve()
    except OSError:
        where = root.absolute()
    name = "".join(c if c.isalnum() or c in "-_." else "_" for c in where.name)[:40] or "data"
    return cache_home() / "folders" / f"{name}-{digest(str(where))[:16]}"
