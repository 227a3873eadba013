"""Writing files so that a run killed halfway leaves the old file intact.

The new content goes to a temporary file in the same folder (so that the rename
stays on one file system), is flushed and synced to disk, and then replaces the
old file with :func:`os.replace`, which is atomic: a reader sees the old file or
the new one, never a mixture.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; keep the old file's permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else None
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        else:
            os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _sync_folder(path.parent)


def create_folder_atomic(path: Path, files: dict[str, bytes]) -> None:
    """Create the folder ``path`` holding ``files`` in one step, by renaming a finished folder.

    The folder is built under a hidden name beside ``path`` (which the loader skips),
    then renamed; if that fails, the half-built folder is removed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}."))
    try:
        for name, data in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(staging, 0o755)
        os.rename(staging, path)
    except BaseException:
        for child in sorted(staging.rglob("*"), reverse=True):
            with contextlib.suppress(OSError):
                child.unlink() if child.is_file() else child.rmdir()
        with contextlib.suppress(OSError):
            staging.rmdir()
        raise
    _sync_folder(path.parent)


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
