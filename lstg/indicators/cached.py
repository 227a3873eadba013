"""Each club's facts (:mod:`lstg.indicators.facts`), kept between runs.

An entry holds the figures computed from one club's records for one set of figures
asked (a report's windows and plan), and the errors found loading the club. Its key is
the club folder's digest, the digest of the files outside ``clubs/`` (province, plans,
particulars: the checks read them), the figures asked, lstg's code fingerprint (with the
versions of the packages that shape results), the day and the language of messages, so
that a change to any of these makes a new entry. An
entry is plain JSON, checked on reading: a broken or foreign entry is ignored.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lstg.cache.keys import code_fingerprint, digest
from lstg.cache.store import Cache
from lstg.core.problems import Problem, problem_from_data, problem_to_data
from lstg.indicators.facts import ClubFacts, Key, needs_key


class FactsCache:
    """The cached facts of a data folder's clubs for one set of figures asked."""

    def __init__(self, root: Path, needs: Iterable[Key]) -> None:
        self.cache = Cache(root)
        self.before = self.cache.snapshot()
        from lstg.core.clock import today
        from lstg.core.i18n import current_language

        self.base = digest(
            code_fingerprint(),
            needs_key(needs),
            self.before.shared,
            today().isoformat(),
            current_language(),
        )
        self.fresh: list[tuple[ClubFacts, list[Problem]]] = []

    def _key(self, club_id: str, snapshot_digest: str) -> str:
        return digest(self.base, club_id, snapshot_digest)

    def get_all(self, ids: Iterable[str]) -> dict[str, tuple[ClubFacts, list[Problem]]]:
        """The facts of the clubs of ``ids`` that have an entry."""
        found: dict[str, tuple[ClubFacts, list[Problem]]] = {}
        for club_id in ids:
            entry = self.cache.get("facts", self._key(club_id, self.before.clubs.get(club_id, "")))
            try:
                found[club_id] = _read(club_id, entry)
            except (TypeError, ValueError, KeyError):
                continue
        return found

    def put(self, facts: ClubFacts, errors: list[Problem]) -> None:
        """Keep the facts of one club, to be written by :meth:`done`."""
        self.fresh.append((facts, errors))

    def done(self) -> None:
        """Write the facts kept, for the clubs whose files did not change while they were read."""
        if not self.fresh:
            return
        after = self.cache.snapshot()
        for facts, errors in self.fresh:
            digest_before = self.before.clubs.get(facts.id, "")
            if after.clubs.get(facts.id, "") != digest_before:
                continue
            entry: dict[str, Any] = {
                "folder": facts.folder,
                "values": facts.to_json(),
                "errors": [problem_to_data(p) for p in errors],
            }
            self.cache.put("facts", self._key(facts.id, digest_before), entry)
        self.fresh = []


def _read(club_id: str, entry: Any) -> tuple[ClubFacts, list[Problem]]:
    if not isinstance(entry, dict) or not isinstance(entry.get("folder"), str):
        raise ValueError("not a facts entry")
    errors = [problem_from_data(item) for item in entry["errors"]]
    values = ClubFacts.values_from_json(entry["values"])
    return ClubFacts(club_id, entry["folder"], None, values, len(errors)), errors
