"""Periodic review reports: the report model built from the roll-up, and its writers.

:func:`make_report` loads a data folder and builds the :class:`Report` asked
for; :func:`render` writes it in one format (Markdown, HTML, Word, Excel or
JSON); :func:`write_atomically` saves it.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

from lstg.core.errors import UsageError
from lstg.core.resources import is_fictional
from lstg.indicators.facts import Clubs
from lstg.indicators.stream import with_facts, with_records
from lstg.report.build import build_report
from lstg.report.model import Report
from lstg.report.output import FORMATS, default_file_name, render, write_atomically
from lstg.report.provenance import provenance
from lstg.report.request import Request, UnknownScope


def make_report(
    root: Path, request: Request, *, today: date, generated_at: datetime | None = None
) -> Report:
    """The report that ``request`` asks for, from the data folder ``root``.

    The provenance (the data folder's commit, uncommitted changes) is read
    before the data, so that a report never claims a commit it was not made from.
    A club's report is made from its records; a report of a unit or the province
    from each club's facts, in bounded memory (:mod:`lstg.indicators.stream`).
    """
    made_from = provenance(root, generated_at=generated_at)

    def build(dataset: Clubs) -> Report:
        return build_report(dataset, request, provenance=made_from, today=today)

    if request.level == "club":
        made = build(with_records(root, request.name or ""))
    else:
        made = with_facts(root, build, asked=f"report {request!r} today={today}")
    return dataclasses.replace(made, fictional=is_fictional(root))


__all__ = [
    "FORMATS",
    "Report",
    "Request",
    "UnknownScope",
    "UsageError",
    "default_file_name",
    "make_report",
    "render",
    "write_atomically",
]
