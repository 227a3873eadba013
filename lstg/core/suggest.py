"""The id a person most likely meant: by the slips people make when they type one.

An id such as ``M003`` is mistyped by one slip more often than by two: a wrong key
(most often a neighbour: ``9`` for ``0`` on the row of digits, ``4`` for ``7`` on
the number pad), two keys swapped (``M030`` for ``M003``), a key missed or struck
twice. The nearest id is the one fewest slips away, a neighbour's key or a swap
counting less than another wrong key; ``M903`` is one slip from ``M003`` (``9`` is
next to ``0``) and two from ``M073``. A similarity of letters in common, as
:mod:`difflib` measures it, ranks ``M073`` first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

_ROW = "1234567890"
_PAD = ("789", "456", "123", "0")


def _neighbours() -> dict[str, set[str]]:
    near: dict[str, set[str]] = {c: set() for c in _ROW}
    for a, b in pairwise(_ROW):
        near[a].add(b)
        near[b].add(a)
    for r, row in enumerate(_PAD):
        for c, key in enumerate(row):
            for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < len(_PAD) and 0 <= cc < len(_PAD[rr]):
                    near[key].add(_PAD[rr][cc])
    return near


_NEAR = _neighbours()
NEIGHBOUR = 0.6
"""The cost of striking a neighbouring key, or of swapping two keys; another slip costs 1."""


def slips(typed: str, meant: str) -> float:
    """How many slips turn ``meant`` into ``typed`` (optimal string alignment distance,
    with neighbouring keys and swaps counting :data:`NEIGHBOUR`); case is ignored."""
    a, b = typed.upper(), meant.upper()
    previous2: list[float] = []
    previous = [float(j) for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        current = [float(i)] + [0.0] * len(b)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                substitution = 0.0
            elif b[j - 1] in _NEAR.get(a[i - 1], ()):
                substitution = NEIGHBOUR
            else:
                substitution = 1.0
            best = min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + substitution,
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, previous2[j - 2] + NEIGHBOUR)
            current[j] = best
        previous2, previous = previous, current
    return previous[len(b)]


def nearest(
    typed: str, known: Iterable[str], *, preferred: Iterable[str] = (), most: float = 1.5
) -> str | None:
    """The id of ``known`` that ``typed`` most likely meant, or ``None`` if none is near.

    Args:
        typed: the id as it was written.
        known: the ids that exist.
        preferred: ids to choose first among equally near ones (members named nowhere
            else, say, who are the likelier ones to have been meant).
        most: the most slips an id may be away; ids of three characters or fewer may
            be one slip away only.
    """
    limit = min(most, 1.0) if len(typed) <= 3 else most
    liked = set(preferred)
    ranked = sorted(
        (slips(typed, candidate), candidate not in liked, _gap(typed, candidate), candidate)
        for candidate in set(known)
        if candidate != typed
    )
    if not ranked or ranked[0][0] > limit:
        return None
    return ranked[0][3]


_DIGITS = re.compile(r"\d+")


def _gap(typed: str, candidate: str) -> int:
    """How far apart the numbers of two ids are (``M004`` is nearer ``M003`` than
    ``M001``), to choose between ids equally many slips away: a person who types the
    next number is likelier than one who types a number three away."""
    a, b = _DIGITS.findall(typed), _DIGITS.findall(candidate)
    if not a or not b:
        return 0
    return abs(int(a[-1]) - int(b[-1]))
