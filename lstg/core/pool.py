"""Worker processes for work that is pure CPU, such as reading and checking many clubs.

The pool works with every start method: functions and arguments sent to workers
are importable and picklable, and workers set up what they need themselves. On
Windows and macOS Python starts workers with ``spawn``; on Linux with ``fork``.
``LSTG_START_METHOD`` chooses one (``spawn``, ``fork`` or ``forkserver``), so that
the tests can run everything as it runs on Windows.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

START_METHOD_VAR = "LSTG_START_METHOD"

MAX_WORKERS = 8
"""Worker processes at most, whatever the number of cores."""
PARALLEL_FROM = 16
"""From this many clubs on, loading clubs (and reducing them to figures) goes to workers:
below it, starting the workers costs more than it saves."""
CHECKS_PARALLEL_FROM = 4
"""From this many clubs on, validating clubs goes to workers: a club's checks cost more
than its loading, so workers pay sooner."""
BATCH = 8
"""Clubs a worker takes at a time."""


def workers_for(clubs: int, *, parallel_from: int | None = None) -> int:
    """How many worker processes to give work on ``clubs`` clubs; 0 to do it in this process.

    Workers are used from ``parallel_from`` clubs on (:data:`PARALLEL_FROM` unless given),
    and only when there are two cores or more.
    """
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    threshold = PARALLEL_FROM if parallel_from is None else parallel_from
    return workers if workers >= 2 and clubs >= threshold else 0


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, started as ``LSTG_START_METHOD`` says (else the default)."""
    method = os.environ.get(START_METHOD_VAR) or None
    context = multiprocessing.get_context(method)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)
