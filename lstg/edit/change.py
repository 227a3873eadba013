"""A change to a club's files: shown as a diff, validated before it is written, written atomically.

An editing function builds a :class:`Change` (the new text of each file it
touches, and a line saying what it did). Nothing is written until
:func:`check_change` has validated the club as it would be after the change, in
a temporary copy of the data folder (the province file, the plans and that one
club) made in the data folder's work folder (:mod:`lstg.dataset.workdir`), never in the
system's temporary folder, and found no new error.
"""

from __future__ import annotations

import difflib
import secrets
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lstg.core.atomicfile import create_folder_atomic, remove_tree, write_atomic
from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.core.problems import Problem, severity_word
from lstg.core.safefiles import Kind, kind_of, read_regular
from lstg.dataset import CLUB_FILE, CLUBS_DIR, MEETINGS_DIR, PLANS_DIR, PROVINCE_FILE
from lstg.dataset.loader import KNOWN_CLUB_ENTRIES
from lstg.dataset.workdir import temp_dir
from lstg.read.reader import source_line
from lstg.validate.run import validate


@dataclass(slots=True)
class Change:
    """New text for some of one club's files.

    Attributes:
        root: the data folder.
        club: the club's id (its folder name).
        files: new text by path relative to the data folder.
        done: what the change does, one line each, for the user.
        new_club: the club folder does not exist yet and is created whole.
        read: the bytes of each file as the change was made from them (``None``: no
            file), so that a file changed meanwhile by someone else is not overwritten.
        origins: for each file, spans of new lines (first, last) and where they came
            from, so that a problem in them can name its source.
    """

    root: Path
    club: str
    files: dict[str, str] = field(default_factory=dict)
    done: list[str] = field(default_factory=list)
    new_club: bool = False
    read: dict[str, bytes | None] = field(default_factory=dict)
    origins: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)

    def origin(self, problem: Problem) -> str | None:
        """Where the lines of a problem came from, such as a register's row."""
        for first, last, label in self.origins.get(problem.file, []):
            if first <= problem.line <= last:
                return label
        return None

    def old_text(self, rel: str) -> str | None:
        path = self.root / rel
        if kind_of(path) is not Kind.FILE:
            return None
        return read_regular(path).decode("utf-8", errors="replace")

    def diff(self) -> str:
        """The change as a unified diff, file by file, as ``git diff`` would show it."""
        chunks: list[str] = []
        for rel, new in sorted(self.files.items()):
            old = self.old_text(rel)
            chunks.extend(
                difflib.unified_diff(
                    (old or "").splitlines(keepends=True),
                    new.splitlines(keepends=True),
                    fromfile=f"a/{rel}" if old is not None else "/dev/null",
                    tofile=f"b/{rel}",
                )
            )
        return "".join(x if x.endswith("\n") else x + "\n" for x in chunks)


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem found in the club as it would be, with its line as it would read."""

    problem: Problem
    line: str | None
    origin: str | None = None

    def render(self) -> list[str]:
        p = self.problem
        out = [f"{p.file}:{p.line}:{p.column}: {severity_word(p.severity)} {p.code}: {p.message}"]
        if self.origin is not None:
            out.append("    " + _("(from {origin})").format(origin=self.origin))
        if self.line is not None:
            out.append(f"    {self.line}")
            out.append("    " + " " * max(p.column - 1, 0) + "^")
        if p.hint:
            out.append(f"    {p.hint}")
        return out


@dataclass(frozen=True, slots=True)
class Checked:
    """What validating the club after a change found.

    Attributes:
        errors: errors the change would bring (errors already there before are left out).
        warnings: warnings the change would bring in the files it changes.
        earlier_errors: how many errors the club had before the change.
    """

    errors: list[Finding]
    warnings: list[Finding]
    earlier_errors: int

    @property
    def ok(self) -> bool:
        return not self.errors


def _key(p: Problem) -> tuple[str, str, str]:
    return (p.file, p.code, p.message)


def _club_problems(root: Path, club: str, today: date | None) -> list[Problem]:
    if kind_of(root / CLUBS_DIR / club) is not Kind.FOLDER:
        return []
    return validate(root, clubs=[club], today=today).problems


def _copy_file(source: Path, target: Path) -> None:
    """Copy a regular file (never a link or a special file) for the check's copy."""
    if kind_of(source) is not Kind.FILE:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(read_regular(source))


def _copy_for_check(change: Change, copy: Path) -> None:
    """The province file, the plans and the club's data files, as they are now."""
    root = change.root
    copy.mkdir()
    _copy_file(root / PROVINCE_FILE, copy / PROVINCE_FILE)
    (copy / CLUBS_DIR).mkdir()
    if kind_of(root / PLANS_DIR) is Kind.FOLDER:
        for plan in sorted((root / PLANS_DIR).glob("*.yaml")):
            _copy_file(plan, copy / PLANS_DIR / plan.name)
    folder = root / CLUBS_DIR / change.club
    target = copy / CLUBS_DIR / change.club
    target.mkdir()
    if change.new_club or kind_of(folder) is not Kind.FOLDER:
        return
    for name in sorted(KNOWN_CLUB_ENTRIES - {MEETINGS_DIR}):
        _copy_file(folder / name, target / name)
    if kind_of(folder / MEETINGS_DIR) is Kind.FOLDER:
        for meeting in sorted((folder / MEETINGS_DIR).glob("*.yaml")):
            _copy_file(meeting, target / MEETINGS_DIR / meeting.name)


def check_change(change: Change, *, today: date | None = None) -> Checked:
    """Validate the club as it would be after ``change``, in a temporary copy.

    The club as it is now is validated only if the club would have errors, or
    warnings in the files changed, to leave out those it already had.
    """
    copy = temp_dir(change.root, change.club) / f"check-{secrets.token_hex(4)}"
    try:
        _copy_for_check(change, copy)
        for rel, text in change.files.items():
            path = copy / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
        after = validate(copy, clubs=[change.club], today=today).problems
        earlier = (
            _club_problems(change.root, change.club, today)
            if any(p.is_error or p.file in change.files for p in after)
            else []
        )
        before = Counter(_key(p) for p in earlier if p.is_error)
        seen = Counter(_key(p) for p in earlier if not p.is_error)
        errors: list[Finding] = []
        warnings: list[Finding] = []
        remaining = Counter(before)
        for problem in after:
            if problem.is_error:
                if remaining[_key(problem)] > 0:
                    remaining[_key(problem)] -= 1
                    continue
                errors.append(Finding(problem, source_line(copy, problem), change.origin(problem)))
            elif seen[_key(problem)] > 0:
                seen[_key(problem)] -= 1
            elif problem.file in change.files:
                warnings.append(
                    Finding(problem, source_line(copy, problem), change.origin(problem))
                )
    except OSError as exc:
        raise UserError(
            _("Cannot prepare the check of the change in {path}: {reason}.").format(
                path=copy.parent, reason=exc.strerror or exc
            )
        ) from None
    finally:
        remove_tree(copy)
    return Checked(errors, warnings, sum(before.values()))


def apply_change(change: Change) -> None:
    """Write the change: each file atomically, a new club folder in one rename.

    Call it holding the club's lock (:func:`lstg.edit.lock.club_lock`): a file that
    changed since the change was made from it is not written over.

    Raises:
        UserError: a file changed meanwhile, or cannot be written (a full or
            read-only disk): nothing more is written.
    """
    work = temp_dir(change.root, change.club)
    if change.new_club:
        folder = change.root / CLUBS_DIR / change.club
        if kind_of(folder) is not Kind.MISSING:
            raise UserError(_("The club folder {path} already exists.").format(path=folder))
        prefix = f"{CLUBS_DIR}/{change.club}/"
        create_folder_atomic(
            folder,
            {rel.removeprefix(prefix): text.encode("utf-8") for rel, text in change.files.items()},
            temp_dir=work,
        )
        return
    folder = change.root / CLUBS_DIR / change.club
    if kind_of(folder) is not Kind.FOLDER or kind_of(folder / CLUB_FILE) is not Kind.FILE:
        raise UserError(
            _("The club folder {path} is gone; nothing was written.").format(path=folder)
        )
    for rel in change.files:
        path = change.root / rel
        kind = kind_of(path)
        if kind not in (Kind.FILE, Kind.MISSING):
            raise UserError(
                _(
                    "{file} is not a regular file (a link or a special file); nothing was written."
                ).format(file=rel)
            )
        if kind is Kind.MISSING and kind_of(path.parent) not in (Kind.FOLDER, Kind.MISSING):
            raise UserError(
                _("{file}: its folder is not a real folder; nothing was written.").format(file=rel)
            )
        if rel not in change.read:
            continue
        now = read_regular(path) if kind is Kind.FILE else None
        if now != change.read[rel]:
            raise UserError(
                _("{file} was changed by someone else meanwhile; nothing was written.").format(
                    file=rel
                )
            )
    for rel, text in sorted(change.files.items()):
        path = change.root / rel
        if kind_of(path.parent) is Kind.MISSING:
            path.parent.mkdir()
        write_atomic(path, text.encode("utf-8"), temp_dir=work)
