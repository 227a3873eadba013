"""``lstg privacy``: the inventory of personal data for the impact assessment."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from lstg.commands._options import (
    DataOption,
    OutputOption,
    TodayOption,
    data_and_language,
    day_or_today,
    fictional_notice,
    format_option,
)
from lstg.core.errors import UsageError
from lstg.core.i18n import _, current_language


class InventoryFormat(StrEnum):
    MD = "md"
    DOCX = "docx"


def privacy(
    fmt: Annotated[InventoryFormat, format_option(InventoryFormat)] = InventoryFormat.MD,
    output: OutputOption = None,
    members: Annotated[
        bool,
        typer.Option(
            "--members", help="Add an annex with the consent state of every member, by id."
        ),
    ] = False,
    data: DataOption = None,
    today: TodayOption = None,
) -> int:
    """Write the inventory of personal data for the impact assessment."""
    from lstg.dataset.loader import load_dataset
    from lstg.dataset.userpaths import output_path
    from lstg.privacy.document import to_docx, to_markdown
    from lstg.privacy.inventory import inventory_document, inventory_of
    from lstg.privacy.output import write_private

    root, _language = data_and_language(data)
    if fmt is InventoryFormat.DOCX and output is None:
        raise UsageError(_("a Word file needs -o FILE"))
    target = output_path(output, root=root) if output is not None else None
    dataset = load_dataset(root)
    facts = inventory_of(dataset, today=day_or_today(today))
    doc = inventory_document(dataset, facts, lang=current_language(), members=members)
    payload = to_docx(doc) if fmt is InventoryFormat.DOCX else to_markdown(doc).encode("utf-8")
    notice = fictional_notice(root)
    if target is None:
        if notice:
            typer.echo(notice)
        typer.echo(payload.decode("utf-8"), nl=False)
        return 0
    note = write_private(target, payload)
    if notice:
        typer.echo(notice, err=True)
    typer.echo(note, err=True)
    return 0
