"""Each club's figures, computed once from its records, so that sets are added without them.

A report, a check or an export asks for figures of many clubs over a few windows.
Rather than hold every club's records while the answer is built, lstg works in
three steps (:func:`lstg.indicators.stream.with_facts`):

1. the answer is built once on the clubs' **club files alone** (no members, loans or
   meetings), while :func:`recording` notes every (indicator, window) that is asked
   of a club;
2. each club is loaded in turn (in worker processes, or from the cache) and only
   those figures are computed (:func:`facts_of`), giving a small
   :class:`ClubFacts`; its records are then dropped;
3. the answer is built again on the facts, where every figure is a lookup.

Figures are exactly those of the records: a :class:`ClubFacts` holds the values
that :mod:`lstg.indicators.club` computes, under the same names and windows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from lstg.core.problems import Problem
from lstg.dataset import ClubData
from lstg.domain.periods import Window
from lstg.schema import Club, Plan, Province, Reports

Number = int | float
Key = tuple[str, Window]
"""An indicator's name and the window it is taken over."""


class MissingFact(LookupError):
    """A figure was asked of a club's facts that was not computed for them."""


@dataclass(slots=True)
class ClubFacts:
    """One club's club file and the figures computed from its records.

    Attributes:
        id: the club's id (its folder name).
        folder: its folder, relative to the data folder.
        club: the club file (name, commune, founding, status changes, board, funds).
        values: each figure by indicator name and window.
        errors: errors found loading the club's files (their records are left out).
    """

    id: str
    folder: str
    club: Club | None
    values: dict[Key, Number | None] = field(default_factory=dict)
    errors: int = 0

    def value(self, name: str, window: Window) -> Number | None:
        try:
            return self.values[(name, window)]
        except KeyError:
            raise MissingFact(f"{self.id}: {name} over {window}") from None

    def to_json(self) -> list[list[Any]]:
        """The values as plain data: ``[name, start, end, value]`` each."""
        return [
            [name, w.start.isoformat(), w.end.isoformat(), value]
            for (name, w), value in sorted(self.values.items(), key=_order)
        ]

    @staticmethod
    def values_from_json(items: Any) -> dict[Key, Number | None]:
        """Values read back from :meth:`to_json`; ``ValueError`` when they are not that."""
        values: dict[Key, Number | None] = {}
        if not isinstance(items, list):
            raise ValueError("not a list of values")
        # A club's figures are taken over a few windows: each is read once.
        windows: dict[tuple[str, str], Window] = {}
        for item in items:
            name, start, end, value = item
            if not isinstance(name, str) or not (
                value is None or (isinstance(value, int | float) and not isinstance(value, bool))
            ):
                raise ValueError("not a value")
            window = windows.get((start, end))
            if window is None:
                window = windows[(start, end)] = Window(
                    date.fromisoformat(start), date.fromisoformat(end)
                )
            values[(name, window)] = value
        return values


def _order(item: tuple[Key, Number | None]) -> tuple[str, date, date]:
    (name, window), _value = item
    return (name, window.start, window.end)


_recording: set[Key] | None = None


@contextmanager
def recording() -> Iterator[set[Key]]:
    """Within the block, every figure asked of a club's records is noted in the set."""
    global _recording
    before = _recording
    _recording = set()
    try:
        yield _recording
    finally:
        _recording = before


def note(name: str, window: Window) -> bool:
    """Note that figure ``name`` over ``window`` was asked of a club (see :func:`recording`);
    whether figures are being noted (the answer then needs no value)."""
    if _recording is None:
        return False
    _recording.add((name, window))
    return True


def needs_key(needs: Iterable[Key]) -> str:
    """A stable text of a set of figures, for cache keys."""
    return "\n".join(
        f"{name}|{w.start.isoformat()}|{w.end.isoformat()}"
        for name, w in sorted(needs, key=lambda k: (k[0], k[1].start, k[1].end))
    )


AnyClub = ClubData | ClubFacts
"""A club as the roll-up takes it: its records, or the figures computed from them."""


class Clubs(Protocol):
    """What the roll-up reads of a data folder: a :class:`~lstg.dataset.DataSet` (clubs
    with their records) or a :class:`FactSet` (clubs with their figures)."""

    @property
    def root(self) -> Path: ...

    @property
    def province(self) -> Province | None: ...

    @property
    def plans(self) -> Mapping[str, Plan]: ...

    @property
    def clubs(self) -> Mapping[str, AnyClub]: ...

    @property
    def problems(self) -> Sequence[Problem]: ...

    @property
    def reports(self) -> Reports | None: ...


@dataclass(frozen=True, slots=True)
class FactSet:
    """A data folder's province, plans and particulars, and each club's facts."""

    root: Path
    province: Province | None
    plans: Mapping[str, Plan]
    clubs: Mapping[str, AnyClub]
    problems: Sequence[Problem]
    reports: Reports | None = None
