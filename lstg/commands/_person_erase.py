"""The output of ``lstg person erase``: what is erased, what validation says, and the
commands that purge the git history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from lstg.core import format as fmt
from lstg.core.errors import UsageError, UserError
from lstg.core.i18n import _, current_language, ngettext
from lstg.edit.consent import parse_kind
from lstg.schema.consent import DATA_KINDS
from lstg.validate.consent import kind_label


def run_erase(
    root: Path,
    *,
    person: str | None,
    birth_year: int | None,
    kinds: list[str],
    expired: bool,
    yes: bool,
    today: date,
) -> int:
    """Plan the erasure, show it, and write it when ``yes``; gives the exit code."""
    from lstg.dataset.loader import load_dataset
    from lstg.privacy.erase import plan, target_for, write
    from lstg.privacy.expired import expired as find_expired
    from lstg.privacy.person import find_people

    lang = current_language()
    dataset = load_dataset(root)
    if expired:
        found = find_expired(dataset, today)
        if not found:
            typer.echo(_("No data is kept past its retention period."))
            return 0
        for item in found:
            parts = []
            for kind, until, count in item.kinds:
                label = kind_label(kind)
                if count is not None:
                    label = ngettext("{n} health check", "{n} health checks", count).format(n=count)
                parts.append(
                    _("{what} (term ended {day})").format(
                        what=label, day=fmt.short_date(until, lang)
                    )
                )
            typer.echo(f"{item.club}/{item.member}: " + "; ".join(parts))
        targets = [item.target for item in found]
    else:
        assert person is not None
        try:
            wanted = {parse_kind(k) for k in kinds} or set(DATA_KINDS)
        except ValueError as exc:
            raise UsageError(f"--kind: {exc}") from None
        if "basic" in wanted:
            wanted = set(DATA_KINDS)
        people = find_people(dataset, person, birth_year=birth_year)
        targets = []
        for data, member in people:
            if member.erased is not None:
                raise UserError(
                    _("{club}/{id} was already erased on {day}.").format(
                        club=data.id, id=member.id, day=member.erased.isoformat()
                    )
                )
            has_loans = any(loan.member == member.id for loan in data.loans)
            targets.append(target_for(data.id, member, has_loans, wanted, today))
    erasure = plan(root, dataset, targets, today=today)
    for target in targets:
        what = (
            _("the whole person, keeping an anonymised record for the loans")
            if target.whole and target.keep_record
            else _("the whole person")
            if target.whole
            else ", ".join(kind_label(k) for k in sorted(target.kinds))
        )
        typer.echo(
            _("Erase {club}/{id}: {what}.").format(club=target.club, id=target.member, what=what)
        )
    for rel in erasure.files:
        typer.echo(f"  {rel}")
    if erasure.names.skip_clubs:
        typer.echo(
            _("The name is left in {clubs}: a different member there has the same name.").format(
                clubs=", ".join(sorted(erasure.names.skip_clubs))
            )
        )
    failed = False
    for _club, checked in sorted(erasure.checked.items()):
        for finding in checked.errors:
            failed = True
            for line in finding.render():
                typer.echo(line, err=True)
    if failed:
        typer.echo(_("Refused: the erasure would bring errors; nothing was written."), err=True)
        return 1
    if not erasure.files:
        typer.echo(_("Nothing to erase: the files hold none of it."))
        return 0
    if not yes and _interactive():
        yes = typer.confirm(_("Erase it now?"), default=False)
    if not yes:
        typer.echo(_("Nothing was written: add --yes to erase."))
        return 0
    write(erasure)
    typer.echo(
        ngettext(
            "Erased; {n} file was written. The cache was emptied.",
            "Erased; {n} files were written. The cache was emptied.",
            len(erasure.files),
        ).format(n=len(erasure.files))
    )
    _purge(root, erasure)
    return 0


def _interactive() -> bool:
    """Whether someone at a terminal can be asked (never in scripts, pipes or hooks)."""
    import sys

    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _purge(root: Path, erasure: object) -> None:
    from lstg.privacy.erase import Erasure
    from lstg.privacy.history import git_top, prepare, shell

    assert isinstance(erasure, Erasure)
    top = git_top(root)
    if top is None:
        typer.echo(
            _(
                "The data folder is not in a git repository: no history to purge. Copies of the "
                "data elsewhere (backups, exports, other computers) must be deleted or erased "
                "in the same way."
            )
        )
        return
    purge = prepare(root, top, erasure.targets, erasure.names, erasure.files)
    typer.echo("")
    typer.echo(
        _(
            "The earlier versions of the files, in the git history, still hold the person. To "
            "purge them (this rewrites every commit: it cannot be undone), run:"
        )
    )
    if not purge.installed:
        typer.echo(
            "    $ " + shell([purge.filter_repo[0], "-m", "pip", "install", "git-filter-repo"])
        )
    for command in purge.commit:
        typer.echo("    $ " + shell(command))
    typer.echo("    $ " + shell(["cd", str(purge.top)]))
    typer.echo("    $ " + shell(purge.filter_repo))
    typer.echo("    $ " + shell(purge.cleanup))
    typer.echo(
        _(
            "{folder} holds the names for these commands, readable by you only: the last "
            "command deletes it."
        ).format(folder=purge.folder)
    )
    typer.echo(
        _(
            "Then every other copy: git filter-repo removes the remote “origin”; add it again "
            "and push with git push --force --all and git push --force --tags; every clone "
            "must be deleted and cloned again (a pull would bring the old commits back); "
            "backups made before today, and files exported with personal data, must be "
            "deleted or purged the same way. If that cannot be done for a copy, the person "
            "is told so."
        )
    )
