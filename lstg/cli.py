"""The ``lstg`` command line: the one place where commands are registered.

This is also the one error boundary: a :class:`UserError` prints one clear line
and exits 1; anything unexpected exits 3, with the traceback only under
``--debug``. Bad data never reaches here as an exception: it is reported as
problems by the commands themselves.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import traceback
from typing import TYPE_CHECKING

import typer

from lstg import __version__
from lstg.errors import UserError

if TYPE_CHECKING:
    from lstg.cache import Replay

app = typer.Typer(
    name="lstg",
    help="Records, checks and reviews of Intergenerational Self-Help Clubs "
    "(Câu lạc bộ Liên thế hệ tự giúp nhau).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_debug = False


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lstg {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of internal errors."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
    no_cache: bool = typer.Option(
        False,
        "--no-cache",
        envvar="LSTG_NO_CACHE",
        help="Read and check every file again, without the cache in .lstg-cache/.",
    ),
) -> None:
    global _debug
    _debug = debug
    from lstg import cache

    cache.set_enabled(False if no_cache else None)


def _register() -> None:
    from lstg.commands import validate

    app.command("validate")(validate.validate)

    from lstg.commands import schema

    app.command("schema")(schema.schema)

    from lstg.commands import check

    app.command("check")(check.check)

    from lstg.commands import report

    app.command("report")(report.report)

    from lstg.commands import status

    app.command("status")(status.status)

    from lstg.commands import club, fund, import_, loan, meeting, member

    app.add_typer(club.app, name="club")
    app.add_typer(member.app, name="member")
    app.add_typer(loan.app, name="loan")
    app.add_typer(meeting.app, name="meeting")
    app.add_typer(fund.app, name="fund")
    app.command("import")(import_.import_register)

    from lstg.commands import export, init

    app.command("init")(init.init)
    app.command("export")(export.export)

    from lstg.commands import person, place, privacy, requests

    app.command("requests")(requests.requests)
    app.command("privacy")(privacy.privacy)
    app.add_typer(place.app, name="place")
    app.add_typer(person.app, name="person")


_COMMANDS: dict[str, tuple[str, str, str]] = {
    "validate": (
        "validate",
        "validate",
        "Check the data: every problem, at its file, line and column. Exit 1 on errors.",
    ),
    "schema": (
        "schema",
        "schema",
        "Print the JSON Schema of the data files, generated from lstg's models.",
    ),
    "check": (
        "check",
        "check",
        "Measure clubs, districts and the province against the plan's criteria and targets.",
    ),
    "report": (
        "report",
        "report",
        "Write the review report: totals, a row per unit, targets, change, and data provenance.",
    ),
    "status": (
        "status",
        "status",
        "Show which clubs have sent the meeting records of which months, unit by unit.",
    ),
    "import": (
        "import_",
        "import_register",
        "Import members, loans or meetings from a register; nothing is written unless every row\n"
        "can be taken (or --skip-invalid is given).",
    ),
    "init": (
        "init",
        "init",
        "Create a data folder: province file, plans, .gitignore, pre-commit hook, git repository.",
    ),
    "export": (
        "export",
        "export",
        "Export members, loans, meetings, health checks, the fund ledger or roll-up figures.",
    ),
    "requests": (
        "requests",
        "requests",
        "List the requests about personal data that are open or late against the law's clocks.",
    ),
    "privacy": (
        "privacy",
        "privacy",
        "Write the inventory of personal data for the impact assessment.",
    ),
    "club": ("club", "app", "Create clubs."),
    "member": ("member", "app", "Add members, record departures, correct member records."),
    "loan": ("loan", "app", "Lend, record repayments, write off loans."),
    "meeting": ("meeting", "app", "Record meetings."),
    "fund": ("fund", "app", "Record money into and out of the funds."),
    "place": ("place", "app", "Find administrative units by name or code, in every era."),
    "person": ("person", "app", "A person's data on request: show it, export it, erase it."),
}
"""Every command registered by :func:`_register`: its module in ``lstg.commands``, the
function (or sub-application) it runs, and its help in the list of commands. A run
imports only the module of the command it runs, so that lstg starts fast."""

_GLOBAL_FLAGS = {"--debug", "--no-cache", "--version"}


def _wanted(args: list[str]) -> str | None:
    """The command that ``args`` run; ``""`` for none (the list of commands), ``None`` if unsure."""
    for arg in args:
        if arg in _GLOBAL_FLAGS:
            continue
        if arg.startswith("-"):
            return "" if arg == "--help" else None
        return arg if arg in _COMMANDS else None
    return ""


def _register_lazily(wanted: str) -> None:
    """Register the command ``wanted`` (none for ``""``); list the others by their help only."""
    import importlib

    for name, (module, attribute, help_text) in _COMMANDS.items():
        if name != wanted:
            app.command(name, help=help_text)(_not_loaded)
            continue
        command = getattr(importlib.import_module(f"lstg.commands.{module}"), attribute)
        if isinstance(command, typer.Typer):
            app.add_typer(command, name=name)
        else:
            app.command(name)(command)


def _not_loaded() -> int:
    """Stands in for a command in the list of commands; never run."""
    raise AssertionError("a command that was not loaded was run")


def _terminated(signum: int, _frame: object) -> None:
    """A termination signal ends the run as an exit, so that temporary files are removed
    and locks released on the way out."""
    raise SystemExit(128 + signum)


def main() -> None:
    """Entry point of the ``lstg`` console script."""
    with contextlib.suppress(ValueError, AttributeError, OSError):
        signal.signal(signal.SIGTERM, _terminated)
    wanted = _wanted(sys.argv[1:])
    replay = _replay(sys.argv[1:]) if wanted in ("validate", "check", "report") else None
    if replay is not None and replay.replay():
        sys.exit(replay.code)
    if wanted is None:
        _register()
    else:
        _register_lazily(wanted)
    if replay is not None:
        from lstg.cache import Tee

        out, err = Tee(sys.stdout), Tee(sys.stderr)
        sys.stdout, sys.stderr = out, err
    try:
        code = app(standalone_mode=False)
    except UserError as exc:
        typer.echo(f"lstg: {exc}", err=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("lstg: aborted", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        exit_code = getattr(exc, "exit_code", None)
        if isinstance(exc, typer.TyperException) and isinstance(exit_code, int):
            show = getattr(exc, "show", None)
            if callable(show):
                show()
            sys.exit(exit_code)
        if _debug or "--debug" in sys.argv:
            traceback.print_exc()
        else:
            typer.echo(
                f"lstg: internal error: {type(exc).__name__}: {exc} (run with --debug for details)",
                err=True,
            )
        sys.exit(3)
    if replay is not None and isinstance(code, int):
        sys.stdout, sys.stderr = out.stream, err.stream
        with contextlib.suppress(Exception):
            replay.record(out.data(), err.data(), code)
    sys.exit(code if isinstance(code, int) else 0)


def _replay(args: list[str]) -> Replay | None:
    """The cached answer to this run, if lstg answers it from the cache (see lstg.cache)."""
    from lstg.cache import Replay

    try:
        return Replay.prepare(args)
    except Exception:
        # The cache only saves time: whatever keeps it from answering, the command runs.
        return None
