"""The commit hook of a data repository: ``lstg validate`` on the data files a commit changes.

``lstg init`` makes it active. With pre-commit installed it writes
``.pre-commit-config.yaml`` and runs ``pre-commit install``; without it, it writes
a plain git hook (a POSIX shell script, which Git for Windows runs too) that
passes the staged data files to ``lstg validate``. Either way only the data
files are passed: the province file and other YAML files at the top of the data
folder, and YAML files under ``plans/`` and ``clubs/``; any other YAML file of
the repository is left alone.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from lstg.core.atomicfile import write_atomic

PRE_COMMIT_CONFIG = ".pre-commit-config.yaml"

DATA_FILES = r"^([^./][^/]*|(plans|clubs)/.+)\.ya?ml$"
"""The files the hook checks, relative to the top of the repository (the data folder)."""

PRE_COMMIT_TEXT = f"""\
# Runs `lstg validate` on the data files a commit changes: the province file and
# the YAML files under plans/ and clubs/. Each file selects its whole club.
repos:
  - repo: local
    hooks:
      - id: lstg-validate
        name: lstg validate
        entry: lstg validate
        language: system
        files: {DATA_FILES}
        require_serial: true
"""

_PATHSPECS = (
    ":(glob)*.yaml",
    ":(glob)*.yml",
    ":(glob)plans/**/*.yaml",
    ":(glob)plans/**/*.yml",
    ":(glob)clubs/**/*.yaml",
    ":(glob)clubs/**/*.yml",
    ":(exclude,glob).*",
)

GIT_HOOK_MARK = "# lstg-validate"


def git_hook_text(python: str) -> str:
    """The plain git hook: ``lstg`` from the PATH, else the Python that wrote the hook."""
    specs = " ".join(f"'{spec}'" for spec in _PATHSPECS)
    return f"""\
#!/bin/sh
{GIT_HOOK_MARK}: written by `lstg init`. Before each commit, checks the staged data
# files (the province file, plans/ and clubs/) with `lstg validate`; each file selects
# its whole club. Other files of the repository are not checked. Delete this file to
# stop checking; with pre-commit installed, `pre-commit install` replaces it.
set -f
files=$(git -c core.quotePath=false diff --cached --name-only --diff-filter=ACMR -- {specs})
[ -z "$files" ] && exit 0
if command -v lstg >/dev/null 2>&1; then
  set -- lstg
else
  set -- "{python}" -m lstg
fi
IFS='
'
exec "$@" validate -- $files
"""


class HookState(StrEnum):
    PRE_COMMIT = "pre-commit"
    """``pre-commit install`` ran: the hook of ``.pre-commit-config.yaml`` is active."""
    GIT = "git"
    """A plain git hook was written, pre-commit not being installed."""
    KEPT = "kept"
    """The repository has a pre-commit hook already; it was left as it was."""
    NO_GIT = "no-git"
    """Git is not installed, so there is no repository to hook."""
    INSIDE = "inside"
    """The folder is inside a larger repository, whose hooks are its owners' to set."""


@dataclass(frozen=True, slots=True)
class Hook:
    """What :func:`activate` did: the state and the hook file, if one was written or kept."""

    state: HookState
    path: Path | None = None


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=folder, capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def top_of_repository(folder: Path) -> Path | None:
    """The top folder of the git work tree holding ``folder``; ``None`` outside git."""
    top = _git(folder, "rev-parse", "--show-toplevel")
    return Path(top) if top else None


def pre_commit_program() -> str | None:
    """The ``pre-commit`` program: on the PATH, or beside the Python running lstg."""
    found = shutil.which("pre-commit")
    if found:
        return found
    beside = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    return beside


def activate(folder: Path) -> Hook:
    """Make ``lstg validate`` run before each commit of the repository whose top is ``folder``.

    Writes ``.pre-commit-config.yaml`` if there is none. Then, with pre-commit
    installed, runs ``pre-commit install``; else writes a plain git hook, unless
    the repository has a pre-commit hook already.
    """
    top = top_of_repository(folder)
    if top is None:
        return Hook(HookState.NO_GIT)
    if top.resolve() != folder.resolve():
        return Hook(HookState.INSIDE)
    config = folder / PRE_COMMIT_CONFIG
    if not config.exists():
        write_atomic(config, PRE_COMMIT_TEXT.encode("utf-8"))
    hook_path = _git(folder, "rev-parse", "--git-path", "hooks/pre-commit")
    path = (folder / hook_path) if hook_path else folder / ".git" / "hooks" / "pre-commit"
    program = pre_commit_program()
    if program is not None:
        done = subprocess.run(
            [program, "install"], cwd=folder, capture_output=True, text=True, check=False
        )
        if done.returncode == 0:
            return Hook(HookState.PRE_COMMIT, path)
    if path.exists():
        return Hook(HookState.KEPT, path)
    python = Path(sys.executable).as_posix()
    write_atomic(path, git_hook_text(python).encode("utf-8"), mode=0o755)
    return Hook(HookState.GIT, path)
