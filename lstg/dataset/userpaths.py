"""Files a user names on the command line: outputs that never land on data, inputs that are files.

Reports, exports and the rows an import rejected are written where ``-o`` (or
``--rejected``) says, with these rules, checked before anything is computed:

- the path is resolved (``..`` and links in its folders followed) before it is
  judged;
- never inside a data folder (one holding ``province.yaml``, the one in use or any
  other), except in its ``reports/`` folder, which is the data folder's place for
  outputs: lstg reads nothing there. So no output can ever replace a data file;
- the folder must exist, and the path must not be a folder, a symbolic link or a
  special file (``/dev/…``, a FIFO): each is one line and exit 1.

Without ``-o``, a Word or Excel report goes into the working folder, or into the
data folder's ``reports/`` when the working folder is inside a data folder.

Input files (a register, a mapping, a template) must be regular files: a FIFO or a
device would make the command wait forever.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.dataset.folder import data_folder_of

REPORTS_DIR = "reports"
"""The folder of a data folder where outputs may be written."""


def output_path(path: Path, *, root: Path | None = None) -> Path:
    """The file to write for ``-o path``, checked; see the module's rules.

    Args:
        path: the path given.
        root: the data folder in use, refused as a place for outputs even if it
            has no province file.

    Raises:
        UserError: the path is not a place to write an output.
    """
    given = Path(os.path.abspath(path))
    try:
        folder = given.parent.resolve(strict=True)
    except (OSError, RuntimeError):
        raise UserError(
            _("Cannot write {path}: the folder {folder} does not exist.").format(
                path=path, folder=given.parent
            )
        ) from None
    if not folder.is_dir():
        raise UserError(
            _("Cannot write {path}: {folder} is not a folder.").format(path=path, folder=folder)
        )
    target = folder / given.name
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise UserError(
            _("Cannot write {path}: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise UserError(
                _(
                    "Cannot write {path}: it is a folder; give a file name, such as {example}."
                ).format(path=path, example=Path(path) / "bao-cao.docx")
            )
        if stat.S_ISLNK(info.st_mode):
            raise UserError(
                _("Cannot write {path}: it is a symbolic link; give the file itself.").format(
                    path=path
                )
            )
        if not stat.S_ISREG(info.st_mode):
            raise UserError(
                _("Cannot write {path}: it is not a regular file (a device or a pipe).").format(
                    path=path
                )
            )
    homes = {data_folder_of(folder)}
    if root is not None:
        with contextlib.suppress(OSError, RuntimeError):
            homes.add(root.resolve())
    for home in homes:
        if home is None or (folder != home and home not in folder.parents):
            continue
        reports = home / REPORTS_DIR
        if folder == reports or reports in folder.parents:
            continue
        raise UserError(
            _(
                "Not writing {path}: it is inside the data folder {root}, where only data "
                "belongs. Write it outside the data folder, or in its {reports}/ folder."
            ).format(path=path, root=home, reports=REPORTS_DIR)
        )
    return target


def default_output(name: str, *, cwd: Path | None = None) -> Path:
    """Where an output without ``-o`` goes: the working folder, or the ``reports/`` folder
    of the data folder the working folder is in (made if missing)."""
    here = (cwd or Path.cwd()).resolve()
    home = data_folder_of(here)
    if home is None:
        return here / name
    reports = home / REPORTS_DIR
    try:
        info = os.lstat(reports)
    except FileNotFoundError:
        try:
            reports.mkdir()
        except OSError as exc:
            raise UserError(
                _("Cannot make the folder {folder}: {reason}.").format(
                    folder=reports, reason=exc.strerror or exc
                )
            ) from None
    else:
        if not stat.S_ISDIR(info.st_mode):
            raise UserError(_("{folder} is not a folder; give -o FILE.").format(folder=reports))
    return reports / name


def input_file(path: Path, option: str) -> Path:
    """``path``, if it is a regular file (a link to one is accepted).

    Raises:
        UserError: no such file, or it is a folder, a FIFO or a device.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        raise UserError(
            _("{option} {path}: {reason}.").format(
                option=option, path=path, reason=exc.strerror or exc
            )
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise UserError(_("{option} {path}: not a regular file.").format(option=option, path=path))
    return path
