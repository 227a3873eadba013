"""Writing a file that holds personal data: atomically, readable by its owner only."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from lstg.core.atomicfile import write_atomic
from lstg.core.errors import UserError, os_reason
from lstg.core.i18n import _

PRIVATE_MODE = 0o600


def write_private(path: Path, data: bytes) -> str:
    """Write ``data`` to ``path`` (whole or not at all) with owner-only permissions, also
    over an existing file that others could read; gives the line that says so.

    On Windows, where files take their folder's permissions, the line says that instead.

    Raises:
        UserError: the file cannot be written (permission, full or read-only disk).
    """
    try:
        write_atomic(path, data, mode=PRIVATE_MODE)
    except OSError as exc:
        raise UserError(
            _("Cannot write {path}: {reason}.").format(path=path, reason=os_reason(exc))
        ) from None
    if os.name == "nt":
        return _(
            "{path} holds personal data: keep it in a folder only you can open, and delete it "
            "when it has served."
        ).format(path=path)
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE_MODE)
    return _(
        "{path} holds personal data: only its owner may read it (permissions 600); delete it "
        "when it has served."
    ).format(path=path)
