"""Starting a new data repository for a province (``lstg init``).

A new repository holds a province file (Lạng Sơn's units, copied from the bundled
data, or an empty template to fill in), the plan files, an empty ``clubs/``
folder, a ``.gitignore``, and a ``.pre-commit-config.yaml`` that runs
``lstg validate`` on every commit; it is made a git repository if it is not
inside one already.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from lstg.atomicfile import write_atomic
from lstg.dataset import CLUBS_DIR, PLANS_DIR, PROVINCE_FILE
from lstg.errors import UserError
from lstg.i18n import _
from lstg.paths import BUNDLED_DATA


class ProvinceChoice(StrEnum):
    LANG_SON = "lang-son"
    EMPTY = "empty"


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

PRE_COMMIT_CONFIG = """\
# Runs `lstg validate` on the clubs whose files a commit changes.
# Install once with: pre-commit install
repos:
  - repo: local
    hooks:
      - id: lstg-validate
        name: lstg validate
        entry: lstg validate
        language: system
        files: \\.ya?ml$
"""


@dataclass(slots=True)
class Created:
    """What ``lstg init`` made: files relative to the folder, and whether it ran git init."""

    files: list[str] = field(default_factory=list)
    git_init: bool = False


def _inside_git(folder: Path) -> bool:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree"],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return False
    return result.returncode == 0 and result.stdout.strip() == "true"


def init_repository(
    folder: Path, *, province: ProvinceChoice, bundled: Path = BUNDLED_DATA
) -> Created:
    """Make ``folder`` a new data repository.

    Raises:
        UserError: ``folder`` already holds a province file, or the bundled data
            that Lạng Sơn's units and the plans are copied from is missing.
    """
    if (folder / PROVINCE_FILE).exists():
        raise UserError(
            _("{path} already holds a {file}: it is a data folder already.").format(
                path=folder, file=PROVINCE_FILE
            )
        )
    source_province = bundled / PROVINCE_FILE
    if province is ProvinceChoice.LANG_SON and not source_province.is_file():
        raise UserError(
            _("The bundled {file} is missing; use --province empty.").format(file=PROVINCE_FILE)
        )
    folder.mkdir(parents=True, exist_ok=True)
    created = Created()
    if province is ProvinceChoice.LANG_SON:
        write_atomic(folder / PROVINCE_FILE, source_province.read_bytes())
    else:
        write_atomic(folder / PROVINCE_FILE, EMPTY_PROVINCE.encode("utf-8"))
    created.files.append(PROVINCE_FILE)
    plans = bundled / PLANS_DIR
    if plans.is_dir():
        (folder / PLANS_DIR).mkdir(exist_ok=True)
        for plan in sorted(plans.glob("*.yaml")):
            write_atomic(folder / PLANS_DIR / plan.name, plan.read_bytes())
            created.files.append(f"{PLANS_DIR}/{plan.name}")
    (folder / CLUBS_DIR).mkdir(exist_ok=True)
    keep = folder / CLUBS_DIR / ".gitkeep"
    keep.touch()
    created.files.append(f"{CLUBS_DIR}/.gitkeep")
    for name, text in ((".gitignore", GITIGNORE), (".pre-commit-config.yaml", PRE_COMMIT_CONFIG)):
        if not (folder / name).exists():
            write_atomic(folder / name, text.encode("utf-8"))
            created.files.append(name)
    if not _inside_git(folder) and shutil.which("git") is not None:
        subprocess.run(["git", "init", "--quiet"], cwd=folder, check=True)
        created.git_init = True
    return created
