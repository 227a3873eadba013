"""Each club's facts (:mod:`lstg.indicators.facts`), and its record of months
(:mod:`lstg.indicators.status`), kept between runs.

A facts entry holds the figures computed from one club's records for one set of figures
asked (a report's windows and plan), and the errors found loading the club. Its key is
the club folder's digest, the digest of the files outside ``clubs/`` (province, plans,
particulars: the checks read them), the figures asked, lstg's code fingerprint (with the
versions of the packages that shape results), the day and the language of messages, so
that a change to any of these makes a new entry. An
entry is plain JSON, checked on reading: a broken or foreign entry is ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from lstg.cache.keys import code_fingerprint, digest
from lstg.cache.snapshot import Snapshot
from lstg.cache.store import Cache
from lstg.core.problems import Problem, problem_from_data, problem_to_data
from lstg.domain.periods import Window
from lstg.indicators.facts import ClubFacts, Key, needs_key

T = TypeVar("T")


def _run_key(snapshot: Snapshot) -> tuple[str, str, str, str]:
    """What every entry of a run depends on besides its own: lstg's code, the files outside
    ``clubs/``, the day and the language of messages."""
    from lstg.core.clock import today
    from lstg.core.i18n import current_language

    return (code_fingerprint(), snapshot.shared, today().isoformat(), current_language())


class NeedsCache:
    """The figures a run asks of each club, kept so that a run need not note them again.

    What a report or a check asks follows from what was asked (``asked``: the request
    and the day taken as today, as text), the plans, the province, and the clubs' club
    files (which clubs there are, where they are and in what state), never from their
    records. The entry's key holds all of these, so a changed meeting or member file
    keeps it, and a changed club file, plan or province makes a new one.
    """

    def __init__(self, root: Path, asked: str) -> None:
        self.cache = Cache(root)
        self.snapshot = self.cache.snapshot()
        club_files = "\n".join(
            f"{club}\0{self.snapshot.files.get(f'clubs/{club}/club.yaml', '-')}"
            for club in sorted(self.snapshot.clubs)
        )
        self.key = digest(*_run_key(self.snapshot), asked, club_files)

    def get(self) -> frozenset[Key] | None:
        """The figures noted the last time, if the entry is there and sound."""
        entry = self.cache.get("needs", self.key)
        if not isinstance(entry, str):
            return None
        try:
            return frozenset(_key_of(line) for line in entry.splitlines())
        except ValueError:
            return None

    def put(self, needs: Iterable[Key]) -> None:
        """Keep the figures noted by this run, as :func:`needs_key` writes them."""
        self.cache.put("needs", self.key, needs_key(needs))


def _key_of(line: str) -> Key:
    """The figure of one line of :func:`needs_key`: ``name|start|end``."""
    name, start, end = line.split("|")
    return (name, Window(date.fromisoformat(start), date.fromisoformat(end)))


class ClubEntries(Generic[T]):
    """One entry a club, kept between runs, for one thing asked of every club (a set of
    figures, a window of months).

    Its key is :func:`_run_key`, ``asked`` and the club folder's digest. An entry is
    written only for a club whose files did not change while it was read, and read back
    by ``read``, which raises ``TypeError``, ``ValueError`` or ``KeyError`` on anything
    it did not write: such an entry is passed over, and the club read again.
    """

    def __init__(
        self,
        root: Path,
        kind: str,
        asked: str,
        read: Callable[[str, Any], T],
        *,
        snapshot: Snapshot | None = None,
    ) -> None:
        self.cache = Cache(root)
        self.kind = kind
        self.read = read
        self.before = snapshot if snapshot is not None else self.cache.snapshot()
        self.base = digest(*_run_key(self.before), asked)
        self.fresh: list[tuple[str, Any]] = []

    def _key(self, club_id: str, snapshot_digest: str) -> str:
        return digest(self.base, club_id, snapshot_digest)

    def get_all(self, ids: Iterable[str]) -> dict[str, T]:
        """What is kept for the clubs of ``ids`` that have a sound entry."""
        found: dict[str, T] = {}
        for club_id in ids:
            key = self._key(club_id, self.before.clubs.get(club_id, ""))
            entry = self.cache.get(self.kind, key)
            try:
                found[club_id] = self.read(club_id, entry)
            except (TypeError, ValueError, KeyError):
                continue
        return found

    def keep(self, club_id: str, entry: Any) -> None:
        """Keep a club's entry (plain JSON data), to be written by :meth:`done`."""
        self.fresh.append((club_id, entry))

    def done(self) -> None:
        """Write the entries kept, for the clubs whose files did not change while they were
        read."""
        if not self.fresh:
            return
        after = self.cache.snapshot()
        for club_id, entry in self.fresh:
            digest_before = self.before.clubs.get(club_id, "")
            if after.clubs.get(club_id, "") == digest_before:
                self.cache.put(self.kind, self._key(club_id, digest_before), entry)
        self.fresh = []


class FactsCache(ClubEntries[tuple[ClubFacts, list[Problem]]]):
    """The cached facts of a data folder's clubs for one set of figures asked."""

    def __init__(
        self, root: Path, needs: Iterable[Key], *, snapshot: Snapshot | None = None
    ) -> None:
        super().__init__(root, "facts", needs_key(needs), _read, snapshot=snapshot)

    def put(self, facts: ClubFacts, errors: list[Problem]) -> None:
        """Keep the facts of one club, to be written by :meth:`done`."""
        entry: dict[str, Any] = {
            "folder": facts.folder,
            "values": facts.to_json(),
            "errors": [problem_to_data(p) for p in errors],
        }
        self.keep(facts.id, entry)


def _read(club_id: str, entry: Any) -> tuple[ClubFacts, list[Problem]]:
    if not isinstance(entry, dict) or not isinstance(entry.get("folder"), str):
        raise ValueError("not a facts entry")
    errors = [problem_from_data(item) for item in entry["errors"]]
    values = ClubFacts.values_from_json(entry["values"])
    return ClubFacts(club_id, entry["folder"], None, values, len(errors)), errors
