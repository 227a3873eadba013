"""The command line imports only the command it runs, and lists every command the same way."""

from __future__ import annotations

import subprocess
import sys

import typer
from typer.main import get_group

from lstg import cli


def test_the_lazy_table_lists_every_registered_command_with_its_help() -> None:
    full = typer.Typer()
    saved = cli.app
    cli.app = full
    try:
        cli._register()
    finally:
        cli.app = saved
    commands = get_group(full).commands
    assert list(cli._COMMANDS) == list(commands)
    for name, (_module, _attribute, help_text) in cli._COMMANDS.items():
        assert commands[name].help == help_text, name


def test_which_command_a_run_wants() -> None:
    assert cli._wanted(["validate", "--data", "x"]) == "validate"
    assert cli._wanted(["--no-cache", "--debug", "report", "--province"]) == "report"
    assert cli._wanted(["--help"]) == ""
    assert cli._wanted([]) == ""
    assert cli._wanted(["valdate"]) is None
    assert cli._wanted(["--data", "x", "validate"]) is None


def test_the_list_of_commands_imports_no_command() -> None:
    code = (
        "import sys; sys.argv = ['lstg', '--help']\n"
        "from lstg import cli\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('lstg.commands.', 'pydantic'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "validate  Check the data: every problem, at its file, line and column." in done.stdout
    assert done.stdout.splitlines()[-1] == "[]"
