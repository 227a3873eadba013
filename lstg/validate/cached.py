"""Validation of a data folder that checks again only the clubs whose files changed."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lstg.cache.keys import _CLUBS, code_fingerprint, digest
from lstg.cache.store import Cache
from lstg.checks.duplicates import PeopleIndex, all_indexes
from lstg.problems import Problem, Severity

if TYPE_CHECKING:
    from lstg.dataset import DataSet


def _problem_to_json(problem: Problem) -> list[Any]:
    return [
        problem.file,
        problem.code,
        problem.message,
        problem.severity.value,
        problem.hint,
        list(problem.where),
        problem.key,
        problem.line,
        problem.column,
    ]


def _problem_from_json(item: list[Any]) -> Problem:
    file, code, message, severity, hint, where, key, line, column = item
    return Problem(file, code, message, Severity(severity), hint, tuple(where), key, line, column)


def _club_of(problem: Problem) -> str | None:
    parts = problem.file.split("/", 2)
    if len(parts) >= 2 and parts[0] == _CLUBS:
        return parts[1]
    return None


RunClubs = Callable[[Path, list[str], date], tuple[list[Problem], "DataSet"]]
"""Validates the province, the plans and the given clubs of a data folder, as of a day;
gives the located problems and the data set. A module-level function, so that worker
processes can run it."""

BATCH = 8
"""Clubs validated together by a worker: enough to spread the cost of reading the
province and plans, few enough to keep memory low and both cores busy."""
PARALLEL_FROM = 4
"""Fewer clubs than this to check are checked in this process."""


def _entry(problems: list[Problem], people: PeopleIndex) -> dict[str, Any]:
    return {"problems": [_problem_to_json(p) for p in problems], "people": people}


def _read_entry(entry: Any) -> tuple[list[Problem], PeopleIndex]:
    """A club's entry: its problems and its people index; ``ValueError`` when malformed."""
    if not isinstance(entry, dict) or not isinstance(entry.get("people"), dict):
        raise ValueError("not a club entry")
    problems = [_problem_from_json(item) for item in entry["problems"]]
    index = entry["people"]
    places = [str(p) for p in index["places"]]
    people = []
    for member_id, row, key, apart, born in index["people"]:
        if not (isinstance(member_id, str) and isinstance(row, int) and isinstance(key, str)):
            raise ValueError("not a people index")
        people.append([member_id, row, key, [str(a) for a in apart], born])
    return problems, {"places": places, "people": people}


def validate_cached(
    root: Path, *, clubs: Collection[str] | None, today: date, run: RunClubs
) -> tuple[list[Problem], DataSet, int, dict[str, PeopleIndex]]:
    """Validate ``root``, reading and checking only the clubs whose files changed.

    Cross-file checks see one club at a time, so a club's problems depend only
    on its own folder, the files outside the club folders, lstg's code, the
    language of the messages and the day taken as today: that is the key of a
    club's entry. The province, the plans and the folder itself are checked on
    every run (they are small). Clubs to check are checked in batches, in
    worker processes when there are several, so that memory holds a few clubs
    at a time, not all of them.

    Args:
        clubs: the club ids to check; all club folders if ``None``.
        today: the day taken as today.
        run: validates the data folder for the given club ids (see :data:`RunClubs`).

    Returns:
        Every located problem (those of unchanged clubs from the cache), the data
        set of the province and plans (no clubs), how many clubs were checked, and
        each club's people index (for the check across clubs, which holds digests
        of names, never names).
    """
    from lstg.i18n import current_language

    cache = Cache(root)
    selection = None if clubs is None else frozenset(clubs)
    before = cache.snapshot(selection)
    language = current_language()
    base = digest(code_fingerprint(), today.isoformat(), language, before.shared)
    ids = sorted(c for c in (before.clubs if clubs is None else clubs) if not c.startswith("."))
    keys = {c: digest(base, before.clubs.get(c, "")) for c in ids}
    problems: list[Problem] = []
    misses: list[str] = []
    people: dict[str, PeopleIndex] = {}
    for club_id in ids:
        entry = cache.get("club", keys[club_id])
        try:
            found_problems, people[club_id] = _read_entry(entry)
            problems.extend(found_problems)
        except (TypeError, ValueError, KeyError):
            misses.append(club_id)
    if 0 < len(misses) <= BATCH:
        found, dataset = run(root, misses, today)
        fresh: dict[str, list[Problem]] = {c: [] for c in misses}
        _sort_into(fresh, found)
        problems.extend(found)
        people.update(
            all_indexes(dataset.province, [d for c, d in dataset.clubs.items() if c in fresh])
        )
    else:
        found, dataset = run(root, [], today)
        problems.extend(found)
        fresh, indexes = _check_clubs(root, misses, today, run, language)
        people.update(indexes)
        for club_problems in fresh.values():
            problems.extend(club_problems)
    if misses:
        after = cache.snapshot(selection)
        for club_id in misses:
            unchanged = after.clubs.get(club_id) == before.clubs.get(club_id)
            if unchanged and after.shared == before.shared:
                entry = _entry(fresh[club_id], people.get(club_id, {"places": [], "people": []}))
                cache.put("club", keys[club_id], entry)
        cache.prune()
    return sorted(problems, key=lambda p: p.sort_key()), dataset, len(ids), people


def _check_clubs(
    root: Path, ids: list[str], today: date, run: RunClubs, language: str
) -> tuple[dict[str, list[Problem]], dict[str, PeopleIndex]]:
    """The located problems and the people index of each club in ``ids``, checked in batches."""
    results: dict[str, list[Problem]] = {c: [] for c in ids}
    people: dict[str, PeopleIndex] = {}
    if not ids:
        return results, people
    workers = min(os.cpu_count() or 1, 8)
    size = max(1, min(BATCH, -(-len(ids) // (2 * workers))))
    batches = [ids[i : i + size] for i in range(0, len(ids), size)]
    from lstg.progress import Progress

    progress = Progress(len(ids), label="clubs")
    if workers < 2 or len(ids) < PARALLEL_FROM:
        for batch in batches:
            found, indexes = _batch_problems(run, root, batch, today, language)
            _sort_into(results, found)
            people.update(indexes)
            progress.advance(len(batch))
    else:
        from concurrent.futures import as_completed

        from lstg.pool import process_pool

        with process_pool(workers) as pool:
            futures = {
                pool.submit(_batch_problems, run, root, batch, today, language): batch
                for batch in batches
            }
            for future in as_completed(futures):
                found, indexes = future.result()
                _sort_into(results, found)
                people.update(indexes)
                progress.advance(len(futures[future]))
    progress.done()
    return results, people


def _sort_into(results: dict[str, list[Problem]], problems: list[Problem]) -> None:
    for problem in problems:
        owner = _club_of(problem)
        if owner is not None and owner in results:
            results[owner].append(problem)


def _batch_problems(
    run: RunClubs, root: Path, batch: list[str], today: date, language: str
) -> tuple[list[Problem], dict[str, PeopleIndex]]:
    """The problems of the clubs of ``batch`` only (those of the province are left out),
    and their people index."""
    from lstg.i18n import current_language, set_language

    if current_language() != language:
        set_language(language)
    found, dataset = run(root, batch, today)
    wanted = set(batch)
    indexes = all_indexes(dataset.province, [d for c, d in dataset.clubs.items() if c in wanted])
    return [p for p in found if _club_of(p) in wanted], indexes
