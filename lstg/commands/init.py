"""``lstg init``: start a new data repository for a province."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lstg.core.i18n import _
from lstg.edit.hooks import HookState
from lstg.edit.scaffold import init_repository


def init(
    folder: Annotated[
        Path, typer.Argument(metavar="DIR", help="The folder of the new data repository.")
    ],
    empty: Annotated[
        bool,
        typer.Option(
            "--empty",
            help="A province file to fill in, rather than Lạng Sơn's units.",
        ),
    ] = False,
) -> int:
    """Create a data folder: province file, plans, .gitignore, git repository and its
    commit hook.

    The folder becomes a git repository, unless it is inside one already, and
    lstg validate runs before each commit on the data files the commit changes:
    through pre-commit when it is installed, else through a plain git hook.
    """
    created = init_repository(folder, empty=empty)
    for name in created.files:
        _say(_("created {path}").format(path=folder / name))
    if created.git_init:
        _say(_("initialised a git repository in {path}").format(path=folder))
    if created.staged:
        _say(_("added these files to the index: the first git commit records them"))
    hook = created.hook
    if hook.state is HookState.PRE_COMMIT:
        _say(_("the pre-commit hook is installed: lstg validate runs before each commit"))
    elif hook.state is HookState.GIT:
        _say(
            _(
                "wrote the git hook {path}: lstg validate runs before each commit "
                "(pre-commit is not installed)"
            ).format(path=hook.path)
        )
    elif hook.state is HookState.KEPT:
        _say(
            _("the repository has a pre-commit hook already ({path}); it was left as it is").format(
                path=hook.path
            )
        )
    elif hook.state is HookState.INSIDE:
        _say(
            _(
                "{path} is inside another git repository: no commit hook was set up; "
                "see docs/editing.md to add lstg validate to its hooks"
            ).format(path=folder)
        )
    else:
        _say(_("git is not installed: no repository and no commit hook were set up"))
    _say(
        _("Next: cd {path} && lstg club new CLUB_ID --name … --commune CODE --founded DATE").format(
            path=folder
        )
    )
    return 0


def _say(line: str) -> None:
    typer.echo(line, err=True)
