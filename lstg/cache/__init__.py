"""The cache under ``.lstg-cache/`` in a data folder: results that need not be computed again.

A result is stored under a key made from everything it depends on: the bytes of
the files it was computed from, lstg's version and the source of every module
and template of lstg (so that any change to the schema, the checks or the rules
invalidates it), the Python version, and the day taken as today. A file's
content digest is recomputed only when its size, modification time or inode
change, in the manner of git's index; a file changed less than
:data:`RACY_SECONDS` before the index was written is always read again.

Entries are JSON, except built report models, which are pickled. Each entry
carries an HMAC made with a random key kept in the cache folder (and readable
by its owner only), and nothing is parsed, let alone unpickled, unless the HMAC
matches: a corrupted, truncated or foreign entry is ignored (and rebuilt),
never trusted. Every write
goes to a temporary file renamed into place, so two lstg processes at once
never see half an entry.

The cache is on unless ``--no-cache`` is given or ``LSTG_NO_CACHE`` is set; a
data folder that cannot be written to simply runs uncached.

The package: :mod:`~lstg.cache.keys` (whether the cache is on, digests, the
fingerprint of lstg's code), :mod:`~lstg.cache.snapshot` (the content of a data
folder), :mod:`~lstg.cache.store` (the entries), :mod:`~lstg.cache.clubs` (validation
club by club) and :mod:`~lstg.cache.memo` (built values such as report models).

It imports little, so that a warm run starts fast.
"""

from __future__ import annotations

from lstg.cache.clubs import (
    BATCH,
    PARALLEL_FROM,
    RunClubs,
    _problem_from_json,
    _problem_to_json,
    validate_cached,
)
from lstg.cache.keys import (
    CACHE_DIR,
    ENV_VAR,
    FORMAT,
    KEEP_DAYS,
    RACY_SECONDS,
    code_fingerprint,
    digest,
    enabled,
    set_enabled,
)
from lstg.cache.memo import remember
from lstg.cache.snapshot import Snapshot
from lstg.cache.store import Cache

__all__ = [
    "BATCH",
    "CACHE_DIR",
    "ENV_VAR",
    "FORMAT",
    "KEEP_DAYS",
    "PARALLEL_FROM",
    "RACY_SECONDS",
    "Cache",
    "RunClubs",
    "Snapshot",
    "_problem_from_json",
    "_problem_to_json",
    "code_fingerprint",
    "digest",
    "enabled",
    "remember",
    "set_enabled",
    "validate_cached",
]
