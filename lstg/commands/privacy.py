"""``lstg privacy``: the inventory of personal data for the impact assessment."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lstg.commands._options import (
    DataOption,
    LangOption,
    TodayOption,
    data_and_language,
    day_or_today,
)
from lstg.errors import UsageError
from lstg.i18n import _, current_language


class InventoryFormat(StrEnum):
    MD = "md"
    DOCX = "docx"


def privacy(
    fmt: Annotated[
        InventoryFormat, typer.Option("--format", help="md or docx.")
    ] = InventoryFormat.MD,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="The file to write (default: stdout).")
    ] = None,
    members: Annotated[
        bool,
        typer.Option(
            "--members", help="Add an annex with the consent state of every member, by id."
        ),
    ] = False,
    data: DataOption = None,
    lang: LangOption = None,
    today: TodayOption = None,
) -> int:
    """Write the inventory of personal data for the impact assessment."""
    from lstg.loader import load_dataset
    from lstg.privacy.document import to_docx, to_markdown
    from lstg.privacy.inventory import inventory_document, inventory_of
    from lstg.privacy.output import write_private

    root, _language = data_and_language(data, lang)
    dataset = load_dataset(root)
    facts = inventory_of(dataset, today=day_or_today(today))
    doc = inventory_document(dataset, facts, lang=current_language(), members=members)
    if fmt is InventoryFormat.DOCX:
        if output is None:
            raise UsageError(_("a Word file needs -o FILE"))
        payload = to_docx(doc)
    else:
        payload = to_markdown(doc).encode("utf-8")
    if output is None:
        typer.echo(payload.decode("utf-8"), nl=False)
        return 0
    typer.echo(write_private(output, payload))
    return 0
