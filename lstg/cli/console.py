"""The terminal: UTF-8 in and out on every system, and a reader that stops reading early.

A Windows console, and any pipe or file on Windows, would otherwise be written in
the system's code page, which cannot hold Vietnamese.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys


def use_utf8() -> None:
    """Read and write the standard streams in UTF-8, whatever the system's code page is."""
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue
        if (stream.encoding or "").lower().replace("-", "").replace("_", "") == "utf8":
            continue
        with contextlib.suppress(ValueError, OSError):
            stream.reconfigure(encoding="utf-8", errors="replace")


def silence_stdout() -> None:
    """After the reader of the standard output went away (``lstg validate | head -1``):
    send what is still buffered nowhere, so that Python's own flush at exit says nothing."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, ValueError, OSError):
        return
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
