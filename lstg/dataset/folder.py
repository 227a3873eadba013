"""Finding the data folder."""

from __future__ import annotations

import os
from pathlib import Path

from lstg.errors import UserError
from lstg.i18n import _
from lstg.resources import SAMPLE, sample_dir

ENV_VAR = "LSTG_DATA"
PROVINCE_FILE = "province.yaml"
"""The file that makes a folder a data folder (as :data:`lstg.dataset.PROVINCE_FILE`)."""


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
    for folder in (start, *start.parents):
        if (folder / PROVINCE_FILE).is_file():
            return folder
    raise NoDataFolder(start)
