"""Keys of cache entries: whether the cache is on, digests, and the fingerprint of lstg's code."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

CACHE_DIR = ".lstg-cache"
FORMAT = 1
"""Version of the cache's own layout."""
RACY_SECONDS = 2
KEEP_DAYS = 30
"""Entries not written for this many days are deleted (see :meth:`Cache.prune`)."""
ENV_VAR = "LSTG_NO_CACHE"
_SKIP_AT_ROOT = {CACHE_DIR, ".git", "reports", "__pycache__"}
"""Not data: the cache and work folder, git's own, the folder of outputs (lstg.userpaths),
and Python's bytecode (the bundled sample is a package)."""
_CLUBS = "clubs"

_enabled: bool | None = None


def enabled() -> bool:
    """Whether the cache is used in this process."""
    if _enabled is not None:
        return _enabled
    return os.environ.get(ENV_VAR, "") in ("", "0")


def set_enabled(flag: bool | None) -> None:
    """Turn the cache on or off for this process; ``None`` goes back to the environment."""
    global _enabled
    _enabled = flag


def digest(*parts: str | bytes) -> str:
    """A short hex digest of several parts, kept apart so that no two lists collide."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


_code: str | None = None


def code_fingerprint() -> str:
    """A digest of lstg's version and every source file, catalog and template it uses
    (not the bundled sample, which is data)."""
    global _code
    if _code is None:
        from lstg import __version__
        from lstg.resources import package_dir, sample_dir, templates_dir

        parts: list[str | bytes] = [__version__, sys.version, str(FORMAT)]
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


def cache_folder(root: Path) -> Path:
    """The cache folder of the data folder ``root``: ``.lstg-cache/`` inside it, except for
    the bundled sample, which is part of lstg and is not written to (its cache is in the
    user's cache folder)."""
    from lstg.resources import sample_dir

    if root.resolve() == sample_dir().resolve():
        from platformdirs import user_cache_path

        return user_cache_path("lstg", appauthor=False) / "sample"
    return root / CACHE_DIR
