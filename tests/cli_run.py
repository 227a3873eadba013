"""Running ``lstg`` in-process, the whole program but the exit: what the console script does."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass

from typer.testing import CliRunner

from lstg.cli import app as cli
from lstg.core.i18n import current_language, request_language, set_language


@dataclass(frozen=True)
class Ran:
    """One run: the exit code, the standard output and error, and both as they came."""

    code: int
    stdout: str
    stderr: str
    output: str


def invoke(
    *args: str, env: Mapping[str, str | None] | None = None, input: str | None = None
) -> Ran:
    """Run ``lstg args`` through :func:`lstg.cli.app.run`, with the streams captured.

    The environment variables lstg reads are cleared unless ``env`` sets them, so
    that the shell the tests run in changes nothing; the language is restored after.
    """
    environment: dict[str, str | None] = {
        "LSTG_DATA": None,
        "LSTG_LANG": None,
        "LSTG_NO_CACHE": None,
        "LSTG_TODAY": None,
        "LSTG_GENERATED_AT": None,
    }
    environment.update(env or {})
    try:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]  # Click before 8.2
    except TypeError:
        runner = CliRunner()
    before = current_language()
    try:
        with runner.isolation(input=input, env=environment) as streams:
            code = cli.run(list(args))
            sys.stdout.flush()
            sys.stderr.flush()
            texts = [s.getvalue().decode("utf-8").replace("\r\n", "\n") for s in streams]
    finally:
        # The language is process-wide: a run leaves it as it found it for the next test.
        request_language(None)
        set_language(before)
    out, err = texts[0], texts[1]
    return Ran(code, out, err, texts[2] if len(texts) > 2 else out + err)
