"""Validation of a data folder that checks again only the clubs whose files changed."""

from __future__ import annotations

from collections.abc import Collection
from contextlib import AbstractContextManager, nullcontext
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from lstg.cache.keys import code_fingerprint, digest
from lstg.cache.store import Cache
from lstg.core.pool import BATCH, CHECKS_PARALLEL_FROM, workers_for
from lstg.core.problems import Problem, problem_from_data, problem_to_data
from lstg.dataset.folder import club_of
from lstg.dataset.loader import keep_base
from lstg.read.reader import watching_reads
from lstg.validate.duplicates import PeopleIndex, all_indexes

if TYPE_CHECKING:
    from lstg.dataset import DataSet


class RunClubs(Protocol):
    """Validates the province, the plans and the given clubs of a data folder, as of a day;
    gives the located problems and the data set. With ``shared`` (the digest of the files
    outside the club folders), it may read the province and plans once for that digest and
    check, and give the problems of, the clubs alone. A module-level function, so that
    worker processes can run it."""

    def __call__(
        self, root: Path, clubs: list[str], today: date, *, shared: str | None = None
    ) -> tuple[list[Problem], DataSet]: ...


def _entry(problems: list[Problem], people: PeopleIndex) -> dict[str, Any]:
    return {"problems": [problem_to_data(p) for p in problems], "people": people}


def _read_entry(entry: Any) -> tuple[list[Problem], PeopleIndex]:
    """A club's entry: its problems and its people index; ``ValueError`` when malformed."""
    if not isinstance(entry, dict) or not isinstance(entry.get("people"), dict):
        raise ValueError("not a club entry")
    problems = [problem_from_data(item) for item in entry["problems"]]
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
    from lstg.core.i18n import current_language

    cache = Cache(root)
    selection = None if clubs is None else frozenset(clubs)
    # On the cache's first use, the clubs' files are read once, by the checks.
    before = cache.snapshot(selection, read_all=False)
    language = current_language()
    base = digest(code_fingerprint(), today.isoformat(), language, before.shared)
    listed = before.clubs.keys() | before.waiting if clubs is None else clubs
    ids = sorted(c for c in listed if not c.startswith("."))
    keys = {c: digest(base, before.clubs.get(c, "")) for c in ids if c not in before.waiting}
    problems: list[Problem] = []
    misses: list[str] = []
    people: dict[str, PeopleIndex] = {}
    for club_id in ids:
        entry = cache.get("club", keys[club_id]) if club_id in keys else None
        try:
            found_problems, people[club_id] = _read_entry(entry)
            problems.extend(found_problems)
        except (TypeError, ValueError, KeyError):
            misses.append(club_id)
    # The digests of the files that the snapshot listed but did not read, from the checks.
    read: dict[str, str] | None = {} if before.unread else None
    if 0 < len(misses) <= BATCH:
        with _noting_digests(read):
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
        # Workers forked from here find the province and plans already read.
        keep_base(root, before.shared, dataset)
        fresh, indexes = _check_clubs(root, misses, today, run, language, before.shared, read)
        people.update(indexes)
        for club_problems in fresh.values():
            problems.extend(club_problems)
    if misses:
        before = cache.complete(before, read or {})
        keys.update({c: digest(base, before.clubs.get(c, "")) for c in misses if c not in keys})
        after = cache.snapshot(selection)
        for club_id in misses:
            unchanged = after.clubs.get(club_id) == before.clubs.get(club_id)
            if unchanged and after.shared == before.shared:
                entry = _entry(fresh[club_id], people.get(club_id, {"places": [], "people": []}))
                cache.put("club", keys[club_id], entry)
        cache.prune()
    return sorted(problems, key=lambda p: p.sort_key()), dataset, len(ids), people


def _check_clubs(
    root: Path,
    ids: list[str],
    today: date,
    run: RunClubs,
    language: str,
    shared: str,
    read: dict[str, str] | None,
) -> tuple[dict[str, list[Problem]], dict[str, PeopleIndex]]:
    """The located problems and the people index of each club in ``ids``, checked in batches;
    the digest of each file read is added to ``read``, if given."""
    results: dict[str, list[Problem]] = {c: [] for c in ids}
    people: dict[str, PeopleIndex] = {}
    if not ids:
        return results, people
    workers = workers_for(len(ids), parallel_from=CHECKS_PARALLEL_FROM)
    size = max(1, min(BATCH, -(-len(ids) // (2 * max(workers, 1)))))
    batches = [ids[i : i + size] for i in range(0, len(ids), size)]
    from lstg.core.progress import Progress

    progress = Progress(len(ids), label="clubs")
    digests = read is not None

    def gather(batch: list[str], checked: tuple[Any, ...]) -> None:
        found, indexes, read_there = checked
        _sort_into(results, found)
        people.update(indexes)
        if read is not None:
            read.update(read_there)
        progress.advance(len(batch))

    if not workers:
        for batch in batches:
            gather(batch, _batch_problems(run, root, batch, today, language, shared, digests))
    else:
        from concurrent.futures import as_completed

        from lstg.core.pool import process_pool

        with process_pool(workers) as pool:
            futures = {
                pool.submit(
                    _batch_problems, run, root, batch, today, language, shared, digests
                ): batch
                for batch in batches
            }
            for future in as_completed(futures):
                gather(futures[future], future.result())
    progress.done()
    return results, people


def _sort_into(results: dict[str, list[Problem]], problems: list[Problem]) -> None:
    for problem in problems:
        owner = club_of(problem.file)
        if owner is not None and owner in results:
            results[owner].append(problem)


def _noting_digests(read: dict[str, str] | None) -> AbstractContextManager[None]:
    """A block within which the digest of each file read (as the cache's snapshot takes it)
    is put in ``read``; nothing is noted if ``read`` is ``None``."""
    if read is None:
        return nullcontext()
    return watching_reads(lambda rel, raw: read.__setitem__(rel, digest(raw)))


def _batch_problems(
    run: RunClubs,
    root: Path,
    batch: list[str],
    today: date,
    language: str,
    shared: str,
    digests: bool = False,
) -> tuple[list[Problem], dict[str, PeopleIndex], dict[str, str]]:
    """The problems of the clubs of ``batch`` only (those of the province are left out),
    their people index, and (with ``digests``) the digest of each file read; the province
    and plans are read once per process for the digest ``shared`` of the files they come
    from."""
    from lstg.core.i18n import current_language, set_language

    if current_language() != language:
        set_language(language)
    read: dict[str, str] = {}
    with _noting_digests(read if digests else None):
        found, dataset = run(root, batch, today, shared=shared)
    wanted = set(batch)
    indexes = all_indexes(dataset.province, [d for c, d in dataset.clubs.items() if c in wanted])
    return [p for p in found if club_of(p.file) in wanted], indexes, read
