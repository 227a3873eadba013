"""The roll-up layer: every figure lstg shows, each computed in exactly one function.

Per-club figures live in :mod:`lstg.indicators.club`, figures of a set of clubs in
:mod:`lstg.indicators.sets`, and the register of indicators by name in
:mod:`lstg.indicators.registry`. Reports call :func:`rollup` (totals and one row
per child unit), :func:`aggregate` and :func:`club_figures`; plan rules call
:func:`club_value` and :func:`set_value` with an indicator's name.

Windows: a stock is taken at ``window.end`` (the as-of date); a flow is summed
over the window, both ends included. ``docs/indicators.md`` defines each
indicator.
"""

from __future__ import annotations

from lstg.domain.periods import Window
from lstg.indicators.figures import (
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
from lstg.indicators.registry import (
    INDICATORS,
    club_value,
    has_club_value,
    has_set_value,
    set_value,
)
from lstg.indicators.sets import Indicator, Selection, share

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
