"""``lstg cache show`` and ``lstg cache clear``: where the cache of a data folder is, and
emptying it (see :mod:`lstg.cache`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from lstg.commands._options import DataOption, data_root
from lstg.core.format import number as format_number
from lstg.core.i18n import _, current_language

app = typer.Typer(help="Show where the cache is, or empty it.", no_args_is_help=True)


def _size(folder: Path) -> tuple[int, int]:
    """The number of files under ``folder`` and their bytes (links are not followed)."""
    count = total = 0
    for here, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += os.lstat(os.path.join(here, name)).st_size
            except OSError:
                continue
            count += 1
    return count, total


@app.command("show")
def show(data: DataOption = None) -> int:
    """Show the folder that holds the cache of the data folder, and how much it holds."""
    from lstg.cache import cache_folder

    root = data_root(data)
    folder = cache_folder(root)
    count, total = _size(folder) if folder.is_dir() else (0, 0)
    typer.echo(
        _("Cache of {data}: {folder} ({files} files, {size} KB).").format(
            data=root,
            folder=folder,
            files=format_number(count, current_language()),
            size=format_number((total + 1023) // 1024, current_language()),
        )
    )
    return 0


@app.command("clear")
def clear(
    every: Annotated[
        bool,
        typer.Option("--all", help="Empty the cache of every data folder, not only this one's."),
    ] = False,
    data: DataOption = None,
) -> int:
    """Empty the cache of the data folder (or of every data folder, with --all). Nothing in
    it is data: whatever is needed again is computed again."""
    from lstg.cache import cache_folder, cache_home
    from lstg.core.atomicfile import remove_tree

    if every:
        folder = cache_home() / "folders"
        label = _("every data folder")
    else:
        root = data_root(data)
        folder = cache_folder(root)
        label = str(root)
    count, total = _size(folder) if folder.is_dir() else (0, 0)
    if folder.is_dir() and not folder.is_symlink():
        remove_tree(folder)
    typer.echo(
        _("Emptied the cache of {data}: {files} files, {size} KB ({folder}).").format(
            data=label,
            files=format_number(count, current_language()),
            size=format_number((total + 1023) // 1024, current_language()),
            folder=folder,
        ),
        err=True,
    )
    return 0
