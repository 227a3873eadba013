"""``lstg person erase``: one person erased from every file, validated, written atomically.

The edits are those of :mod:`lstg.privacy.scrub`, applied to every text file of the
data folder. Every club whose files change is validated as it would be after the
change (its fund balance assertions included); if any would have a new error,
nothing is written. The cache, which holds copies of the data, is emptied.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Collection, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lstg.core.atomicfile import remove_tree
from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.dataset import CLUBS_DIR, DataSet
from lstg.edit.change import Change, Checked, apply_change, check_change
from lstg.edit.lock import club_lock
from lstg.edit.nodes import EditError
from lstg.privacy.scrub import Names, Target, erase_text
from lstg.schema import Member
from lstg.validate.duplicates import same_name

SKIPPED = {".git", ".lstg-cache"}
TEXT_SUFFIXES = {".yaml", ".yml", ".md", ".txt", ".csv"}


@dataclass(slots=True)
class Erasure:
    """An erasure worked out and checked, not yet written.

    Attributes:
        targets: the memberships erased.
        names: the names replaced in free text, and the clubs left alone because a
            namesake is a member there.
        changes: the new text of the files, by club.
        checked: what validating each club after the change found.
    """

    root: Path
    targets: list[Target]
    names: Names
    changes: dict[str, Change] = field(default_factory=dict)
    checked: dict[str, Checked] = field(default_factory=dict)

    @property
    def files(self) -> list[str]:
        return sorted(rel for c in self.changes.values() for rel in c.files)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checked.values())


def target_for(
    club: str, member: Member, has_loans: bool, kinds: Collection[str], day: date
) -> Target:
    """What to erase of one membership: ``kinds`` (all of them: the whole person)."""
    return Target(
        club=club,
        member=member.id,
        name=member.name,
        kinds=frozenset(kinds),
        keep_record=has_loans,
        day=day,
    )


def _text_files(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(
            d for d in dirs if not (here == root and d in SKIPPED) and not d.startswith(".tmp")
        )
        for name in sorted(files):
            path = here / name
            if path.suffix in TEXT_SUFFIXES and not path.is_symlink():
                yield path


def namesakes(dataset: DataSet, targets: list[Target]) -> set[str]:
    """Clubs where someone not erased has the name of one erased: their names stay."""
    erased = {(t.club, t.member) for t in targets if t.whole}
    names = {same_name(t.name) for t in targets if t.whole}
    return {
        club_id
        for club_id, data in dataset.clubs.items()
        for m in data.members
        if (club_id, m.id) not in erased and m.erased is None and same_name(m.name) in names
    }


def plan(root: Path, dataset: DataSet, targets: list[Target], *, today: date) -> Erasure:
    """The new text of every file the erasure changes, and what validation says of it.

    Raises:
        UserError: a file cannot be read as text or edited safely.
    """
    names = Names(sorted({t.name for t in targets if t.whole}), namesakes(dataset, targets))
    erasure = Erasure(root, targets, names)
    home = targets[0].club
    for path in _text_files(root):
        rel = path.relative_to(root).as_posix()
        raw = path.read_bytes()
        if b"\0" in raw[:8192]:
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        try:
            new = erase_text(rel, text, targets, names)
        except EditError as exc:
            raise UserError(str(exc)) from None
        if new == text:
            continue
        parts = rel.split("/")
        club = parts[1] if len(parts) >= 3 and parts[0] == CLUBS_DIR else home
        change = erasure.changes.setdefault(club, Change(root, club))
        change.files[rel] = new
        change.read[rel] = raw
    for club, change in sorted(erasure.changes.items()):
        erasure.checked[club] = check_change(change, today=today)
    return erasure


def write(erasure: Erasure) -> None:
    """Write every file of the erasure, holding the lock of every club it changes, and
    empty the cache.

    Raises:
        UserError: a file changed since the erasure was planned, or cannot be written.
    """
    with ExitStack() as stack:
        for club in sorted(erasure.changes):
            stack.enter_context(club_lock(erasure.root, club))
        for _club, change in sorted(erasure.changes.items()):
            apply_change(change)
    clear_cache(erasure.root)


def clear_cache(root: Path) -> bool:
    """Remove the cache's entries (which hold copies of members' data); keep its work
    folder. Gives whether there was anything to remove."""
    from lstg.cache.keys import FORMAT, cache_folder

    entries = cache_folder(root) / f"v{FORMAT}"
    if not entries.is_dir():
        return False
    with contextlib.suppress(OSError):
        remove_tree(entries)
    if entries.exists():
        raise UserError(
            _("The cache {path} could not be emptied; delete it by hand.").format(path=entries)
        )
    return True
