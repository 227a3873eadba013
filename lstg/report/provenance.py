"""Which data a report was made from: the git commit of the data folder.

Keeping the clubs' records in git is the audit trail; a report names the commit
it was made from and says whether the folder had changes not yet committed, so
that a figure can always be traced to the records behind it.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from lstg import __version__
from lstg.core.i18n import N_

FICTIONAL_NOTICE = N_(
    "FICTIONAL DATA: the bundled sample; every name and figure in it is invented. Do not report it."
)
"""The line that starts every output made from fictional data (see lstg.core.resources)."""

GENERATED_AT_VAR = "LSTG_GENERATED_AT"
"""Environment variable fixing the generation time (ISO 8601), for reproducible reports."""


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a report's figures come from.

    Attributes:
        commit: the full hash of the data folder's last commit; ``None`` when
            the folder is not in a git repository (or git is not installed).
        dirty: whether files under the data folder differ from that commit
            (changed, added or not yet tracked); ``None`` when not in git.
        generated_at: when the report was made, in UTC.
        lstg_version: the version of lstg that made it.
    """

    commit: str | None
    dirty: bool | None
    generated_at: datetime
    lstg_version: str

    @property
    def in_git(self) -> bool:
        return self.commit is not None

    @property
    def short_commit(self) -> str | None:
        return self.commit[:12] if self.commit else None


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout


def data_commit(root: Path) -> tuple[str | None, bool | None]:
    """The commit of the data folder ``root`` and whether it has uncommitted changes.

    Only changes under ``root`` count: a change elsewhere in the same repository
    does not touch the report's figures.
    """
    head = _git(root, "rev-parse", "--verify", "HEAD")
    if head is None:
        return None, None
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", ".")
    if status is None:
        return head.strip(), None
    return head.strip(), bool(status.strip())


def generated_now() -> datetime:
    """The generation time: ``LSTG_GENERATED_AT`` if set, else now (UTC, to the second)."""
    fixed = os.environ.get(GENERATED_AT_VAR)
    if fixed:
        moment = datetime.fromisoformat(fixed)
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return datetime.now(UTC).replace(microsecond=0)


def provenance(root: Path, *, generated_at: datetime | None = None) -> Provenance:
    """The provenance of a report made now from the data folder ``root``."""
    commit, dirty = data_commit(root)
    return Provenance(
        commit=commit,
        dirty=dirty,
        generated_at=generated_at or generated_now(),
        lstg_version=__version__,
    )
