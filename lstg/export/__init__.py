"""Exporting records and roll-up tables as CSV, XLSX or JSON, the same bytes for the same data.

Tables have a fixed column order and rows sorted by club and id (or date); XLSX
files carry a fixed creation time; JSON keys keep the column order. With
``redact``, the tables are fit to share beyond the club: names become member ids,
birth dates become age bands, ethnicity, disability, reasons for leaving and
health measurements are left out, poverty status is kept only as counts in a
``summary`` table, and free text is withheld unless the province file marks its
field free of personal data.

Figures of roll-up tables come from :mod:`lstg.indicators`; this module only lays
them out.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.dataset.loader import load_dataset
from lstg.domain.periods import Period
from lstg.domain.resolve import resolve
from lstg.export.tables import ExportKind, Table, age_band, record_tables, rollup_tables
from lstg.export.writers import ExportFormat, render
from lstg.indicators.facts import Clubs
from lstg.indicators.stream import with_facts
from lstg.validate.run import validate

__all__ = ["ExportFormat", "ExportKind", "Table", "age_band", "export_tables", "render"]


def export_tables(
    root: Path,
    kind: ExportKind,
    *,
    club: str | None,
    redact: bool,
    as_of: date | None,
    today: date,
    period: Period | None = None,
) -> list[Table]:
    """The tables of an export of one club (``club``) or of the whole province (``None``).

    The clubs exported are validated first: records that fail validation would be
    missing from the export, so an export of data with errors is refused. Roll-up
    figures take their period and as-of date by the rule of :mod:`lstg.domain.resolve`
    (the same as ``lstg check`` and ``lstg report``); ages in record exports are
    taken at ``as_of``, by default today.

    Raises:
        UserError: the data has errors, or the club does not exist.
        UsageError: the period or as-of date cannot be (see :func:`lstg.domain.resolve.resolve`).
    """
    result = validate(root, clubs=None if club is None else [club])
    if not result.ok:
        raise UserError(
            _(
                "The data has {n} errors; run lstg validate and correct them before exporting."
            ).format(n=result.errors)
        )
    if kind is ExportKind.ROLLUP:

        def figures(dataset: Clubs) -> list[Table]:
            resolved = resolve(
                dataset.plans,
                plan=None,
                period=period,
                as_of=as_of,
                today=today,
                require_plan=False,
            )
            units = resolved.plan.units if resolved.plan is not None else None
            chosen = None if club is None else [club]
            return rollup_tables(dataset, clubs=chosen, window=resolved.window, units=units)

        return with_facts(
            root,
            figures,
            clubs=None if club is None else [club],
            asked=f"export rollup club={club} period={period!r} as_of={as_of} today={today}",
        )
    dataset = load_dataset(root, clubs=None if club is None else [club])
    clubs = [club] if club is not None else sorted(dataset.clubs)
    return record_tables(
        dataset, kind, clubs=clubs, redact=redact, as_of=as_of or today, with_club=club is None
    )
