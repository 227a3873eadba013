"""``lstg requests``: requests about personal data that are open or late."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from lstg.commands._options import (
    DataOption,
    FormatOption,
    OutputFormat,
    TodayOption,
    data_and_language,
    day_or_today,
    fictional_notice,
)
from lstg.core.i18n import _, current_language, ngettext


def requests(
    everything: Annotated[
        bool, typer.Option("--all", help="Every request of the log, not only open or late ones.")
    ] = False,
    fmt: FormatOption = OutputFormat.TEXT,
    data: DataOption = None,
    today: TodayOption = None,
) -> int:
    """List the requests about personal data that are open or late against the law's clocks."""
    from tabulate import tabulate

    from lstg.core import format as fmt_
    from lstg.privacy.requests import clocks, kinds_label

    root, _language = data_and_language(data)
    day = day_or_today(today)
    found = clocks(root, day, everything=everything)
    if fmt is OutputFormat.JSON:
        rows = [
            {
                "id": c.request.id,
                "person": c.request.person,
                "kind": c.request.kind,
                "received": c.request.received.isoformat(),
                "answer_by": c.answer_by.isoformat(),
                "complete_by": c.complete_by.isoformat(),
                "answered": c.request.answered.isoformat() if c.request.answered else None,
                "completed": c.request.completed.isoformat() if c.request.completed else None,
                "working_days_late_answer": c.late_answer,
                "days_late_completion": c.late_completion,
                "overdue": c.overdue,
            }
            for c in found
        ]
        typer.echo(
            json.dumps({"today": day.isoformat(), "requests": rows}, ensure_ascii=False, indent=2)
        )
        return 0
    lang_ = current_language()
    notice = fictional_notice(root)
    if notice:
        typer.echo(notice)
    if not found:
        typer.echo(_("No request is open or late."))
        return 0

    def state(c: object) -> str:
        from lstg.privacy.requests import Clock

        assert isinstance(c, Clock)
        parts = []
        if c.late_answer:
            parts.append(
                ngettext(
                    "answer {n} working day late", "answer {n} working days late", c.late_answer
                ).format(n=c.late_answer)
            )
        if c.late_completion:
            parts.append(
                ngettext(
                    "completion {n} day late", "completion {n} days late", c.late_completion
                ).format(n=c.late_completion)
            )
        if not parts:
            parts.append(_("open, on time") if c.open else _("done on time"))
        return "; ".join(parts)

    table = [
        [
            c.request.id,
            c.request.person,
            kinds_label(list(c.request.kind)),
            fmt_.short_date(c.request.received, lang_),
            fmt_.short_date(c.answer_by, lang_),
            fmt_.short_date(c.complete_by, lang_),
            state(c),
        ]
        for c in found
    ]
    headers = [
        _("Request"),
        _("Person"),
        _("Asked"),
        _("Received"),
        _("Answer by"),
        _("Complete by"),
        _("State"),
    ]
    typer.echo(tabulate(table, headers=headers, disable_numparse=True))
    overdue = sum(1 for c in found if c.overdue)
    typer.echo(_("{n} overdue on {day}.").format(n=overdue, day=fmt_.short_date(day, lang_)))
    return 0
