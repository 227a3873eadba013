"""``lstg validate``: placeholder replaced by the validation work."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lstg.loader import load_dataset
from lstg.paths import find_data_dir
from lstg.reader import locate_problems


def validate(
    data: Annotated[Path | None, typer.Option("--data", help="The data folder.")] = None,
) -> int:
    """Check the data: every problem, at its file, line and column."""
    root = find_data_dir(data)
    dataset = load_dataset(root)
    problems = sorted(locate_problems(root, dataset.problems), key=lambda p: p.sort_key())
    for p in problems:
        typer.echo(f"{p.file}:{p.line}:{p.column}: {p.severity} {p.code}: {p.message}")
    return 1 if any(p.is_error for p in problems) else 0
