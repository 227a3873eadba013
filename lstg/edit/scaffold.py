"""Starting a new data repository for a province (``lstg init``).

A new repository holds a province file (Lạng Sơn's units, copied from the bundled
sample, or an empty template to fill in), the plan files, an empty ``clubs/``
folder and a ``.gitignore``. It is made a git repository if it is not inside one
already, and its commit hook is made active (:mod:`lstg.edit.hooks`).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from lstg.core.atomicfile import write_atomic
from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.core.resources import sample_dir
from lstg.dataset import CLUBS_DIR, PLANS_DIR, PROVINCE_FILE
from lstg.edit.hooks import PRE_COMMIT_CONFIG, Hook, HookState, activate, top_of_repository

EMPTY_PROVINCE = """\
# The province and its administrative units, in each era (a span of time during
# which one list of units was in force). Fill in the name, the code and the
# units; see docs/data-format.md. Codes are written in quotes.
name: Tên tỉnh
kind: tỉnh                    # or: thành phố (a centrally governed city)
code: "00"
language: vi
eras:
  - id: current
    name: Hiện hành
    communes: []
"""

GITIGNORE = """\
# Files that editors, spreadsheets and lstg leave behind.
.lstg-cache/
.*.tmp
~$*
*.swp
__pycache__/
"""


@dataclass(slots=True)
class Created:
    """What ``lstg init`` made.

    Attributes:
        files: the files written, relative to the folder.
        git_init: whether it made the folder a git repository.
        staged: whether it added the files to the new repository's index.
        hook: the commit hook it made active (or why it did not).
    """

    files: list[str] = field(default_factory=list)
    git_init: bool = False
    staged: bool = False
    hook: Hook = field(default_factory=lambda: Hook(HookState.NO_GIT))


def init_repository(folder: Path, *, empty: bool, bundled: Path | None = None) -> Created:
    """Make ``folder`` a new data repository.

    Args:
        folder: the folder to make; it may exist already.
        empty: write a province file to fill in, rather than Lạng Sơn's.
        bundled: where the province file and the plans are copied from (the
            bundled sample by default).

    Raises:
        UserError: ``folder`` already holds a province file.
    """
    source = bundled if bundled is not None else sample_dir()
    if (folder / PROVINCE_FILE).exists():
        raise UserError(
            _("{path} already holds a {file}: it is a data folder already.").format(
                path=folder, file=PROVINCE_FILE
            )
        )
    folder.mkdir(parents=True, exist_ok=True)
    created = Created()
    province = EMPTY_PROVINCE.encode("utf-8") if empty else (source / PROVINCE_FILE).read_bytes()
    write_atomic(folder / PROVINCE_FILE, province)
    created.files.append(PROVINCE_FILE)
    (folder / PLANS_DIR).mkdir(exist_ok=True)
    for plan in sorted((source / PLANS_DIR).glob("*.yaml")):
        write_atomic(folder / PLANS_DIR / plan.name, plan.read_bytes())
        created.files.append(f"{PLANS_DIR}/{plan.name}")
    (folder / CLUBS_DIR).mkdir(exist_ok=True)
    (folder / CLUBS_DIR / ".gitkeep").touch()
    created.files.append(f"{CLUBS_DIR}/.gitkeep")
    if not (folder / ".gitignore").exists():
        write_atomic(folder / ".gitignore", GITIGNORE.encode("utf-8"))
        created.files.append(".gitignore")
    if shutil.which("git") is None:
        return created
    if top_of_repository(folder) is None:
        subprocess.run(["git", "init", "--quiet"], cwd=folder, check=True)
        created.git_init = True
    had_config = (folder / PRE_COMMIT_CONFIG).exists()
    created.hook = activate(folder)
    if not had_config and (folder / PRE_COMMIT_CONFIG).exists():
        created.files.append(PRE_COMMIT_CONFIG)
    if created.git_init:
        done = subprocess.run(
            ["git", "add", "--", *created.files], cwd=folder, capture_output=True, check=False
        )
        created.staged = done.returncode == 0
    return created
