"""Periodic review reports: the report model built from the roll-up, and its writers.

:func:`make_report` loads a data folder and builds the :class:`Report` asked
for; :func:`render` writes it in one format (Markdown, HTML, Word, Excel or
JSON); :func:`write_atomically` saves it.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

from lstg.cache import remember
from lstg.errors import UsageError
from lstg.i18n import current_language
from lstg.loader import load_dataset
from lstg.provenance import provenance
from lstg.report.build import build_report
from lstg.report.model import Report
from lstg.report.output import FORMATS, default_file_name, render, write_atomically
from lstg.report.request import Request, UnknownScope
from lstg.resources import is_fictional


def make_report(
    root: Path, request: Request, *, today: date, generated_at: datetime | None = None
) -> Report:
    """The report that ``request`` asks for, from the data folder ``root``.

    The provenance (the data folder's commit, uncommitted changes) is read
    before the data, so that a report never claims a commit it was not made from.
    The report built from unchanged data is kept in the cache (:mod:`lstg.cache`).
    """
    made_from = provenance(root, generated_at=generated_at)

    def build() -> Report:
        return build_report(load_dataset(root), request, provenance=made_from, today=today)

    parts = [repr(request), today.isoformat(), current_language()]
    made = remember(root, "report", parts, build)
    return dataclasses.replace(made, provenance=made_from, fictional=is_fictional(root))


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
