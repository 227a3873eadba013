"""Where the data is: the data folder, its club folders, and the club a file belongs to.

The one module that knows the layout of a data folder on disk: a folder is a data
folder when it holds a regular ``province.yaml`` (:func:`data_folder_of`, the one walk
up from a path); its clubs are the real folders in ``clubs/`` (:func:`club_folders`);
a file inside ``clubs/<id>/`` belongs to club ``<id>`` (:func:`club_of`). The names of
the files are in :mod:`lstg.dataset`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.core.resources import SAMPLE, sample_dir
from lstg.core.safefiles import Kind, kind_of
from lstg.dataset import CLUBS_DIR, PROVINCE_FILE

ENV_VAR = "LSTG_DATA"


def data_path(text: str) -> Path:
    """The folder that ``--data TEXT`` names: the bundled sample for ``sample``, else the path.

    Only the bare word is the sample; a folder that happens to be called so is
    written ``./sample``.
    """
    return sample_dir() if text == SAMPLE else Path(text)


class NoDataFolder(UserError):
    """No data folder was given and none holds the working directory."""

    def __init__(self, start: Path) -> None:
        super().__init__(
            _("No data folder here: neither {path} nor a folder above it holds {file}.").format(
                path=start, file=PROVINCE_FILE
            ),
            hint=_(
                "Start one with “lstg init FOLDER”, or name one with --data FOLDER "
                "(or the LSTG_DATA environment variable); --data sample runs on the "
                "bundled fictional data."
            ),
        )


def find_data_dir(explicit: Path | None = None, *, cwd: Path | None = None) -> Path:
    """The data folder to use.

    In order: ``explicit`` (``--data``); else the ``LSTG_DATA`` environment
    variable (``sample`` for the bundled sample, as with ``--data``); else the
    nearest parent of the working directory that holds a province file. The
    bundled sample is used only when asked for by name.

    Raises:
        NoDataFolder: none of these gives a folder.
    """
    if explicit is not None:
        return explicit
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return data_path(from_env)
    start = (cwd or Path.cwd()).resolve()
    found = data_folder_of(start)
    if found is None:
        raise NoDataFolder(start)
    return found


def is_data_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a province file, and it is a regular file."""
    try:
        return stat.S_ISREG(os.stat(folder / PROVINCE_FILE).st_mode)
    except OSError:
        return False


def data_folder_of(path: Path) -> Path | None:
    """The nearest data folder holding ``path`` (or ``path`` itself, if a folder), if any."""
    start = path if path.is_dir() else path.parent
    for candidate in (start, *start.parents):
        if is_data_folder(candidate):
            return candidate
    return None


def club_folders(root: Path, only: Collection[str] | None = None) -> list[Path]:
    """The club folders of a data folder, in name order: real folders, not links to one.

    Args:
        only: the names of the folders wanted (any other is left out unseen: a worker
            given a few clubs of thousands looks at those alone).
    """
    clubs = root / CLUBS_DIR
    if kind_of(clubs) is not Kind.FOLDER:
        return []
    names = os.listdir(clubs)
    if only is not None:
        wanted = set(only)
        names = [name for name in names if name in wanted]
    return sorted(
        p
        for p in (clubs / name for name in names if not name.startswith("."))
        if kind_of(p) is Kind.FOLDER
    )


def club_of(rel: str | Sequence[str]) -> str | None:
    """The club whose folder holds a file, by the file's path inside the data folder.

    ``rel`` is that path as text with ``/`` (as problems name files) or as its parts;
    ``clubs/chi-lang-dong-mo/loans.yaml`` belongs to ``chi-lang-dong-mo``, and so does
    the club folder itself. Any other path belongs to no club.
    """
    parts = rel.split("/", 2) if isinstance(rel, str) else tuple(rel)
    if len(parts) >= 2 and parts[0] == CLUBS_DIR:
        return parts[1]
    return None


@dataclass(frozen=True, slots=True)
class Target:
    """What to validate: a data folder, and the clubs in it (``None``: all of them)."""

    root: Path
    clubs: frozenset[str] | None


def target_of(paths: Sequence[Path], *, data: Path | None, default: Path | None) -> Target:
    """The data folder and clubs to validate for the paths given on the command line.

    A path may be the data folder, a club folder, or files in it, as pre-commit
    passes them. A file inside ``clubs/<id>/`` selects its whole club (cross-file
    checks need whole club folders); any other path selects every club.

    Args:
        paths: the paths given; none means the whole data folder.
        data: the data folder given with ``--data``, if any; else each path's
            data folder is the nearest parent holding ``province.yaml``.
        default: the data folder when neither paths nor ``data`` are given (then
            it must be given).

    Raises:
        UserError: a path does not exist, is outside the data folder, or the
            paths belong to different data folders.
    """
    if not paths:
        root = data or default
        if root is None:
            raise ValueError("no paths, and no data folder to validate")
        return Target(root, None)
    roots: set[Path] = set()
    clubs: set[str] = set()
    everything = False
    for path in paths:
        if not path.exists():
            raise UserError(_("{path} does not exist.").format(path=path))
        resolved = path.resolve()
        root = data.resolve() if data is not None else data_folder_of(resolved)
        if root is None:
            raise UserError(
                _("{path} is not inside a data folder (none of its parents holds {file}).").format(
                    path=path, file=PROVINCE_FILE
                )
            )
        if resolved != root and root not in resolved.parents:
            raise UserError(
                _("{path} is not inside the data folder {root}.").format(path=path, root=root)
            )
        roots.add(root)
        club = club_of(resolved.relative_to(root).parts)
        if club is not None:
            clubs.add(club)
        else:
            everything = True
    if len(roots) > 1:
        raise UserError(
            _("The paths belong to different data folders: {roots}.").format(
                roots=", ".join(str(r) for r in sorted(roots))
            )
        )
    root = roots.pop()
    return Target(root, None if everything else frozenset(clubs))
