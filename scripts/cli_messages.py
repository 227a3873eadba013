"""Add the command line's help texts to the message template (``make catalogs``).

Help texts are the docstrings of command functions and the ``help=`` of options;
they are not calls of ``_()``, so the extraction from the sources misses them.
This script builds the whole command tree as users get it and adds every help
text and placeholder to the template given, which ``pybabel update`` then merges
into the catalogs.

    python scripts/cli_messages.py lstg/locale/lstg.pot
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from babel.messages.pofile import read_po, write_po

from lstg.cli import app as cli
from lstg.cli.translate import help_texts


def cli_messages() -> list[str]:
    """Every help text and placeholder of every command, once, in a stable order."""
    app = cli._app()
    cli._register(app)
    found = list(help_texts(typer.main.get_command(app)))
    found += [help_text for _module, _attribute, help_text in cli._COMMANDS.values()]
    wanted = [text for text in found if "|" not in text]
    return list(dict.fromkeys(wanted))


def main(argv: list[str]) -> int:
    pot = Path(argv[0])
    with pot.open("rb") as handle:
        catalog = read_po(handle)
    for message in cli_messages():
        if message not in catalog:
            catalog.add(message, auto_comments=["command line help"])
    with pot.open("wb") as handle:
        write_po(handle, catalog, sort_output=True, omit_header=False, no_location=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
