"""The ``lstg`` command line: the one place where commands are registered.

This is also the one error boundary: a :class:`UserError` prints one clear line
and exits 1; anything unexpected exits 3, with the traceback only under
``--debug``. Bad data never reaches here as an exception: it is reported as
problems by the commands themselves.
"""

from __future__ import annotations

import sys
import traceback

import typer

from lstg import __version__
from lstg.errors import UserError

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
) -> None:
    global _debug
    _debug = debug


def _register() -> None:
    from lstg.commands import validate

    app.command("validate")(validate.validate)

    from lstg.commands import check

    app.command("check")(check.check)

    from lstg.commands import report

    app.command("report")(report.report)

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


def main() -> None:
    """Entry point of the ``lstg`` console script."""
    _register()
    try:
        code = app(standalone_mode=False)
    except UserError as exc:
        typer.echo(f"lstg: {exc}", err=True)
        sys.exit(1)
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
    sys.exit(code if isinstance(code, int) else 0)
