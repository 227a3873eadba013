"""Finding the data folder."""

from __future__ import annotations

import os
from pathlib import Path

from lstg.dataset import PROVINCE_FILE

ENV_VAR = "LSTG_DATA"
BUNDLED_DATA = Path(__file__).resolve().parent.parent / "data"


def find_data_dir(explicit: Path | None = None, *, cwd: Path | None = None) -> Path:
    """The data folder to use.

    In order: ``explicit`` (``--data``); else the ``LSTG_DATA`` environment
    variable; else the nearest parent of the working directory that holds a
    province file; else the bundled ``data/`` folder.
    """
    if explicit is not None:
        return explicit
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env)
    start = (cwd or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / PROVINCE_FILE).is_file():
            return folder
    return BUNDLED_DATA
