"""The ``lstg`` command line: the one place where commands are registered, and the one
error boundary.

Exit codes: 0 done; 1 problems found, or the run cannot proceed (a
:class:`UserError`, a path that does not exist, a permission refused, a full
disk), with one clear line; 2 wrong usage, with Click's usage line and message in
the user's language; 3 an internal error, whose traceback and versions go to a
log file (:mod:`lstg.cli.crash`) and, with ``--debug``, to the screen. A reader that
stops reading (``lstg validate | head -1``) ends the run quietly, with exit 1 as
Click gives when it notices (it may not: output that fits in the pipe is simply
written). Bad data never
reaches here as an exception: commands report it as problems.

``--debug``, ``--no-cache`` and ``--lang`` are accepted before or after the
command name: they are options of the whole program that every command takes
too (see :func:`lstg.cli.translate.localize`).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import sys
from typing import Annotated, Any

import typer

from lstg import __version__
from lstg.cli.console import silence_stdout, use_utf8
from lstg.cli.translate import localize, translate
from lstg.commands._options import LangOption
from lstg.core.errors import UserError, os_error
from lstg.core.i18n import LANGUAGE_VAR, LANGUAGES, _, request_language, set_language

HELP = (
    "Records, checks and reviews of Intergenerational Self-Help Clubs "
    "(Câu lạc bộ Liên thế hệ tự giúp nhau)."
)

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
        "Create a data folder: province file, plans, .gitignore, git repository and its "
        "commit hook.",
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
    "template": (
        "template",
        "app",
        "List the report templates, and copy one into the data folder to change it.",
    ),
    "club": ("club", "app", "Create clubs and set them up: funds, teams, groups, board."),
    "member": ("member", "app", "Add members, record departures, correct member records."),
    "loan": ("loan", "app", "Lend, record repayments, write off loans."),
    "meeting": ("meeting", "app", "Record meetings."),
    "fund": ("fund", "app", "Record money into and out of the funds."),
    "place": ("place", "app", "Find administrative units by name or code, in every era."),
    "cache": ("cache", "app", "Show where the cache is, or empty it."),
    "person": ("person", "app", "A person's data on request: show it, export it, erase it."),
}
"""Every command: its module in ``lstg.commands``, the function (or sub-application) it
runs, and its help in the list of commands. A run imports only the module of the
command it runs, so that lstg starts fast."""

_GLOBAL_FLAGS = {"--debug", "--no-cache", "--version"}
_SHARED = ("debug", "no_cache", "lang")
"""The options of the program that every command accepts as well."""

_debug = False


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lstg {__version__}")
        raise typer.Exit()


def _set_debug(value: bool) -> None:
    global _debug
    if value:
        _debug = True


def _set_no_cache(value: bool) -> None:
    if value:
        from lstg import cache

        cache.set_refresh(True)


def _set_language(value: Any) -> None:
    if value is not None:
        request_language(str(value.value if hasattr(value, "value") else value))


def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", callback=_set_debug, help="Show the traceback of an internal error."
        ),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            callback=_set_no_cache,
            help="Read and compute everything again, and refresh the cache with the results.",
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Records, checks and reviews of Intergenerational Self-Help Clubs."""


def _app() -> typer.Typer:
    app = typer.Typer(
        name="lstg",
        help=HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    app.callback()(_root)
    return app


def _add(app: typer.Typer, name: str, module: str, attribute: str) -> None:
    command = getattr(importlib.import_module(f"lstg.commands.{module}"), attribute)
    if isinstance(command, typer.Typer):
        app.add_typer(command, name=name)
    else:
        app.command(name)(command)


def _register(app: typer.Typer) -> None:
    """Register every command, in the order of the list of commands."""
    for name, (module, attribute, _help) in _COMMANDS.items():
        _add(app, name, module, attribute)


def _register_lazily(app: typer.Typer, wanted: str) -> None:
    """Register the command ``wanted`` (none for ``""``); list the others by their help only."""
    for name, (module, attribute, help_text) in _COMMANDS.items():
        if name == wanted:
            _add(app, name, module, attribute)
        else:
            app.command(name, help=help_text)(_not_loaded)


def _not_loaded() -> int:
    """Stands in for a command in the list of commands; never run."""
    raise AssertionError("a command that was not loaded was run")


def _wanted(args: list[str]) -> str | None:
    """The command that ``args`` run; ``""`` for none (the list of commands), ``None`` if unsure."""
    index = 0
    while index < len(args):
        arg = args[index]
        if arg in _GLOBAL_FLAGS or arg.startswith("--lang="):
            index += 1
            continue
        if arg == "--lang":
            index += 2
            continue
        if arg.startswith("-"):
            return "" if arg == "--help" else None
        return arg if arg in _COMMANDS else None
    return ""


def language_asked(args: list[str]) -> str | None:
    """The language that ``--lang`` (anywhere before ``--``) or ``LSTG_LANG`` asks for.

    It is needed before the arguments are parsed, since a usage error found while
    parsing them is shown in it.
    """
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        if value is not None and value.lower() in LANGUAGES:
            return value.lower()
    from_env = os.environ.get(LANGUAGE_VAR, "").lower()
    return from_env if from_env in LANGUAGES else None


def build(args: list[str]) -> Any:
    """The Click command that runs ``lstg args``, in the active language."""
    app = _app()
    wanted = _wanted(args)
    if wanted is None:
        _register(app)
    else:
        _register_lazily(app, wanted)
    command = typer.main.get_command(app)
    shared = [p for p in command.params if p.name in _SHARED]
    for param in shared:
        param.expose_value = False
    localize(command, shared=shared)
    return command


def run(args: list[str]) -> int:
    """Run ``lstg args`` and give the exit code: the whole program but the exit itself."""
    global _debug
    _debug = False
    cache = sys.modules.get("lstg.cache")
    if cache is not None:
        # A run before this one in the same process may have turned the cache off.
        cache.set_enabled(None)
        cache.set_refresh(False)
    use_utf8()
    asked = language_asked(args)
    request_language(None)
    set_language(asked or "vi")
    request_language(asked)
    try:
        command = build(args)
        code = command.main(args=args, prog_name="lstg", standalone_mode=False)
    except UserError as exc:
        _say(f"lstg: {exc}")
        if exc.hint:
            _say(f"  {exc.hint}")
        return exc.exit_code
    except typer.Exit as exc:
        return int(getattr(exc, "exit_code", 0) or 0)
    except typer.Abort:
        _say(translate("Aborted!"))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        silence_stdout()
        return 1
    except SystemExit as exc:
        # Click ends the run so itself when the reader of the output went away.
        silence_stdout()
        return exc.code if isinstance(exc.code, int) else 1
    except OSError as exc:
        _say(f"lstg: {os_error(exc)}")
        return 1
    except Exception as exc:
        if isinstance(exc, _CLICK_ERROR):
            return _usage_error(exc)
        return _internal_error(exc, args)
    return code if isinstance(code, int) else 0


def _terminated(signum: int, _frame: object) -> None:
    """A termination signal ends the run as an exit, so that temporary files are removed
    and locks released on the way out."""
    raise SystemExit(128 + signum)


def main() -> None:
    """Entry point of the ``lstg`` console script."""
    with contextlib.suppress(ValueError, AttributeError, OSError):
        signal.signal(signal.SIGTERM, _terminated)
    code = run(sys.argv[1:])
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        code = code or 1
    except OSError:
        pass
    sys.exit(code)


def _say(line: str) -> None:
    typer.echo(line, err=True)


_CLICK = {base.__name__: base for base in typer.BadParameter.__mro__}
_CLICK_ERROR: type[Exception] = _CLICK["ClickException"]
_USAGE_ERROR: type[Exception] = _CLICK["UsageError"]


def _usage_error(error: Exception) -> int:
    """Show a usage error as Click does, in the active language; its exit code (2)."""
    code = int(getattr(error, "exit_code", 1))
    message = str(getattr(error, "format_message", lambda: str(error))())
    if not isinstance(error, _USAGE_ERROR):
        _say(f"lstg: {translate(message)}")
        return code
    if type(error).__name__ == "NoArgsIsHelpError":
        # ``lstg`` or ``lstg club`` alone: the help, as ``--help`` gives it (and as
        # Click before 8.2 does).
        typer.echo(message)
        return 0
    ctx: Any = getattr(error, "ctx", None)
    if ctx is not None:
        _say(ctx.get_usage())
        _say(_("Try “{command} --help” for help.").format(command=ctx.command_path))
        _say("")
    _say(_("Error: {message}").format(message=translate(message)))
    return code


def _internal_error(exc: BaseException, args: list[str]) -> int:
    """An error lstg did not expect: a log for the maintainers, one line for the user; exit 3."""
    from lstg.cli.crash import report_text, write_log

    log = write_log(exc, args)
    if _debug or "--debug" in args:
        _say(report_text(exc, args).rstrip())
    else:
        _say(
            "lstg: "
            + _("internal error ({kind}: {error}).").format(kind=type(exc).__name__, error=exc)
        )
    if log is not None:
        _say("  " + _("The details are in {path}; please send that file.").format(path=log))
    elif not (_debug or "--debug" in args):
        _say("  " + _("Run again with --debug to see the details."))
    return 3
