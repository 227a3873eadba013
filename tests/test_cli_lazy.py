"""The command line imports only the command it runs, and lists every command the same way."""

from __future__ import annotations

import subprocess
import sys

import typer

from lstg.cli import app as cli
from lstg.cli.translate import first_paragraph


def test_the_lazy_table_lists_every_registered_command_with_its_help() -> None:
    app = cli._app()
    cli._register(app)
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert list(cli._COMMANDS) == list(commands)
    for name, (_module, _attribute, help_text) in cli._COMMANDS.items():
        assert first_paragraph(commands[name].help) == first_paragraph(help_text), name


def test_which_command_a_run_wants() -> None:
    assert cli._wanted(["validate", "--data", "x"]) == "validate"
    assert cli._wanted(["--no-cache", "--debug", "report", "--province"]) == "report"
    assert cli._wanted(["--lang", "en", "check"]) == "check"
    assert cli._wanted(["--lang=en", "check", "--debug"]) == "check"
    assert cli._wanted(["--help"]) == ""
    assert cli._wanted([]) == ""
    assert cli._wanted(["valdate"]) is None
    assert cli._wanted(["--data", "x", "validate"]) is None


def test_the_language_is_known_before_the_arguments_are_parsed(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("LSTG_LANG", raising=False)
    assert cli.language_asked(["validate", "--lang", "en"]) == "en"
    assert cli.language_asked(["--lang=EN", "validate"]) == "en"
    assert cli.language_asked(["validate", "--lang", "fr"]) is None
    assert cli.language_asked(["validate", "--", "--lang", "en"]) is None
    monkeypatch.setenv("LSTG_LANG", "en")
    assert cli.language_asked(["validate"]) == "en"
    assert cli.language_asked(["validate", "--lang", "vi"]) == "vi"


def test_the_list_of_commands_imports_no_command_and_no_model() -> None:
    code = (
        "import sys\n"
        "from lstg.cli import app as cli\n"
        "cli.run(['--help', '--lang', 'en'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('lstg.commands.', 'lstg.schema'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "  validate  Check the data: every problem, at its file, line and column." in done.stdout
    assert done.stdout.splitlines()[-1] == "['lstg.commands._options']"
