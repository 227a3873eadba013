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


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, started as ``LSTG_START_METHOD`` says (else the default)."""
    method = os.environ.get(START_METHOD_VAR) or None
    context = multiprocessing.get_context(method)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)
