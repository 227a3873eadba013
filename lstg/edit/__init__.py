"""Safe editing of data files: every change validated first, written atomically,
touching only the lines it is asked to change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lstg.core.i18n import _, ngettext
from lstg.edit.change import Change, Checked, apply_change, check_change

__all__ = ["Change", "Outcome", "finish"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a change gave: the messages to show, the exit code, and on a dry run the diff
    (the result, for the standard output; the rest are messages)."""

    lines: list[str]
    errors: list[str]
    exit_code: int
    diff: list[str] = field(default_factory=list)


def finish(
    change: Change, *, dry_run: bool, today: date | None = None, warnings: bool = True
) -> Outcome:
    """Validate ``change``; unless it brings errors or ``dry_run`` is set, write it.

    ``warnings`` false leaves out the warnings the change brings, for a caller that
    has shown them already (an import shows them at the register's cells).

    Returns:
        The lines to print: on a dry run the diff, else what was changed; any
        warnings; and the errors that made the change refused (exit 1).
    """
    if not change.files:
        return Outcome([_("Nothing to change: the records already say so.")], [], 0)
    checked: Checked = check_change(change, today=today)
    lines: list[str] = []
    errors: list[str] = []
    diff = change.diff().splitlines() if dry_run else []
    for finding in checked.warnings if warnings else []:
        lines.extend(finding.render())
    if not checked.ok:
        for finding in checked.errors:
            errors.extend(finding.render())
        errors.append(
            ngettext(
                "Refused: the change would bring {n} error; nothing was written.",
                "Refused: the change would bring {n} errors; nothing was written.",
                len(checked.errors),
            ).format(n=len(checked.errors))
        )
        return Outcome(lines, errors, 1, diff)
    if checked.earlier_errors:
        lines.append(
            ngettext(
                "Note: the club already had {n} error before this change; run lstg validate.",
                "Note: the club already had {n} errors before this change; run lstg validate.",
                checked.earlier_errors,
            ).format(n=checked.earlier_errors)
        )
    if dry_run:
        lines.extend(_("Would do: {what}").format(what=line) for line in change.done)
        lines.append(_("Dry run: nothing was written."))
        return Outcome(lines, errors, 0, diff)
    apply_change(change)
    lines.extend(change.done)
    return Outcome(lines, errors, 0)
