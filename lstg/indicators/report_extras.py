"""Figures that only reports need: the change between two periods, and a member's loans.

Each is computed here, in one function, from the figures and records of the
roll-up layer, so that a report never does arithmetic of its own.
"""

from __future__ import annotations

from lstg.dataset import ClubData
from lstg.domain.periods import Window
from lstg.indicators.sets import Number


def change(current: Number | None, previous: Number | None) -> Number | None:
    """The change of one figure since the previous period: ``current - previous``.

    For a stock, the difference of the two values at the two periods' ends; for a
    flow, of the two sums; for a share (a percentage), the difference in
    percentage points. ``None`` when either value is missing.
    """
    if current is None or previous is None:
        return None
    return current - previous


def has_borrowed(club: ClubData, member_id: str, window: Window) -> bool:
    """Whether the member received a loan from the club's funds within ``window``.

    With a window starting before the club was founded, this is "has ever
    borrowed", the member-level counterpart of the ``borrowers`` indicator.
    """
    return any(loan.member == member_id and window.contains(loan.disbursed) for loan in club.loans)
