"""The roll-up layer: every figure lstg shows, each computed in exactly one function.

Per-club figures live in :mod:`lstg.rollup.club`, figures of a set of clubs in
:mod:`lstg.rollup.indicators`, and the register of indicators by name in
:mod:`lstg.rollup.registry`. Reports call :func:`rollup` (totals and one row
per child unit), :func:`aggregate` and :func:`club_figures`; plan rules call
:func:`club_value` and :func:`set_value` with an indicator's name.

Windows: a stock is taken at ``window.end`` (the as-of date); a flow is summed
over the window, both ends included. ``docs/indicators.md`` defines each
indicator.
"""

from __future__ import annotations

from lstg.periods import Window
from lstg.rollup.figures import (
    FIGURE_NAMES,
    SINCE_FOUNDING,
    Figures,
    Rollup,
    Row,
    aggregate,
    club_figures,
    clubs_in,
    in_report,
    rollup,
)
from lstg.rollup.indicators import Indicator, Selection, share
from lstg.rollup.registry import (
    INDICATORS,
    club_value,
    has_club_value,
    has_set_value,
    set_value,
)

__all__ = [
    "FIGURE_NAMES",
    "INDICATORS",
    "SINCE_FOUNDING",
    "Figures",
    "Indicator",
    "Rollup",
    "Row",
    "Selection",
    "Window",
    "aggregate",
    "club_figures",
    "club_value",
    "clubs_in",
    "has_club_value",
    "has_set_value",
    "in_report",
    "rollup",
    "set_value",
    "share",
]
