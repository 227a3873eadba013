"""Answers about many clubs in bounded memory: each club's records are loaded, reduced to its
facts, and dropped (see :mod:`lstg.indicators.facts`).

:func:`with_facts` runs a piece of work (a report, a check, an export of figures) twice:
first on the clubs' club files alone, noting which figures it asks for; then on each
club's facts, computed in worker processes a batch of clubs at a time, or read from
the cache when the club's files have not changed. Memory holds the club files and the
facts of every club, and the records of a few clubs at once.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from lstg.core.i18n import current_language, set_language
from lstg.core.pool import BATCH, process_pool, workers_for
from lstg.core.problems import Problem
from lstg.core.progress import Progress
from lstg.dataset import ClubData, DataSet
from lstg.dataset.folder import club_folders
from lstg.dataset.loader import load_base, load_club
from lstg.indicators.facts import ClubFacts, FactSet, Key, recording
from lstg.indicators.registry import facts_of

if TYPE_CHECKING:
    from lstg.cache.snapshot import Snapshot

T = TypeVar("T")
R = TypeVar("R")


def with_facts(
    root: Path,
    work: Callable[[FactSet | DataSet], T],
    *,
    clubs: Collection[str] | None = None,
    asked: str | None = None,
) -> T:
    """The result of ``work`` on the data folder ``root``, computed in bounded memory.

    ``work`` must ask the same figures of a club whatever their values (it does: the
    figures a report or a check asks for follow from its windows and plan alone).
    ``work`` runs once on the club files to note the figures it asks, then on the
    clubs' facts; with ``asked``, the figures noted are kept in the cache
    (:class:`~lstg.indicators.cached.NeedsCache`), and the first run is skipped when
    nothing they depend on changed.

    Args:
        clubs: the clubs ``work`` may see (all by default).
        asked: what ``work`` computes, as text: a report's or a check's request and the
            day it takes as today, everything its figures follow from besides the data.
    """
    from lstg import cache

    base = load_base(root, club_files=True if clubs is None else clubs)
    kept = None
    if asked is not None and cache.enabled():
        from lstg.indicators.cached import NeedsCache

        kept = NeedsCache(root, asked)
    needs = kept.get() if kept is not None else None
    if needs is None:
        with recording() as noted:
            work(base)
        needs = frozenset(noted)
        if kept is not None:
            kept.put(needs)
    snapshot = kept.snapshot if kept is not None else None
    facts, errors = club_facts(root, sorted(base.clubs), needs, base.clubs, snapshot=snapshot)
    factset = FactSet(
        root=base.root,
        province=base.province,
        plans=base.plans,
        clubs=facts,
        problems=[*[p for p in base.problems if p.is_error], *errors],
        reports=base.reports,
    )
    return work(factset)


def with_records(root: Path, club_id: str) -> DataSet:
    """The data folder with every club's club file, and one club with all its records: what a
    club's own report or check reads."""
    base = load_base(root, club_files=True)
    folder = next(iter(club_folders(root, [club_id])), None)
    if folder is not None:
        data, problems = load_club(root, folder)
        base.clubs[club_id] = data
        base.problems.extend(problems)
    return base


def club_facts(
    root: Path,
    ids: list[str],
    needs: frozenset[Key],
    clubs: dict[str, ClubData],
    *,
    snapshot: Snapshot | None = None,
) -> tuple[dict[str, ClubFacts], list[Problem]]:
    """The facts of each club in ``ids`` for ``needs``, and the errors found loading them.

    Clubs whose files have not changed since their facts were last computed for the
    same figures are read from the cache (:mod:`lstg.cache`). ``clubs`` are the clubs
    with their club files (see :func:`lstg.dataset.loader.load_base`): the facts take them.
    """
    from lstg import cache
    from lstg.indicators.cached import FactsCache

    facts: dict[str, ClubFacts] = {}
    errors: list[Problem] = []
    stored = FactsCache(root, needs, snapshot=snapshot) if cache.enabled() else None
    missing = list(ids)
    if stored is not None:
        for club_id, (found, problems) in stored.get_all(ids).items():
            found.club = clubs[club_id].club if club_id in clubs else None
            facts[club_id] = found
            errors.extend(problems)
        missing = [c for c in ids if c not in facts]
    folders = {f.name: f for f in club_folders(root, missing)}
    chosen = [folders[c] for c in missing if c in folders]
    for reduced, problems in each_club(root, chosen, partial(_reduce, needs=needs)):
        facts[reduced.id] = reduced
        errors.extend(problems)
        if stored is not None:
            stored.put(reduced, problems)
    if stored is not None:
        stored.done()
    return facts, errors


def _reduce(root: Path, folder: Path, needs: frozenset[Key]) -> tuple[ClubFacts, list[Problem]]:
    data, problems = load_club(root, folder)
    errors = sum(1 for p in problems if p.is_error)
    return facts_of(data, needs, errors=errors), [p for p in problems if p.is_error]


def _on_batch(
    work: Callable[[Path, Path], R], root: Path, folders: list[Path], language: str
) -> list[R]:
    if current_language() != language:
        set_language(language)
    return [work(root, folder) for folder in folders]


def each_club(root: Path, folders: list[Path], work: Callable[[Path, Path], R]) -> Iterator[R]:
    """``work(root, folder)`` of each club folder, in order, with a progress bar; in worker
    processes, a batch of clubs at a time, when there are many. ``work`` loads what it
    needs of its club and gives something small: memory holds the records of a few clubs
    at once. It must be picklable (a module's function, or a ``functools.partial`` of one).
    """
    progress = Progress(len(folders), label="clubs")
    workers = workers_for(len(folders))
    batches = [folders[i : i + BATCH] for i in range(0, len(folders), BATCH)]
    try:
        if not workers:
            for batch in batches:
                yield from (work(root, folder) for folder in batch)
                progress.advance(len(batch))
            return
        language = current_language()
        with process_pool(workers) as pool:
            futures = [pool.submit(_on_batch, work, root, b, language) for b in batches]
            for future, batch in zip(futures, batches, strict=True):
                yield from future.result()
                progress.advance(len(batch))
    finally:
        progress.done()
