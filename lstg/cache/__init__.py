"""The cache: what loading a data folder produced, so that it need not be done again.

Per club, the cache keeps what loading and validating its files produced (its
problems), the figures computed from its records and the months it has records for
(:mod:`lstg.indicators.cached`);
per data folder, the digests of its files. An entry is stored under a key made
from everything it depends on: the bytes of the club's files and of the
province, plan and particulars files, lstg's version and the source of every
module and template of lstg, the versions of the installed packages that read,
check or word the data (:data:`~lstg.cache.keys.SHAPING`), and the Python
version. A file's digest is recomputed only when its size, modification time,
change time, inode or mode change, in the manner of git's index (an edit that
puts the modification time back still changes the change time); a file changed
less than :data:`RACY_SECONDS` before the index was written is always read again.

The cache is in the user's cache folder (``LSTG_CACHE_DIR`` moves it), one
folder per data folder (:func:`~lstg.cache.keys.cache_folder`), readable by its
owner only: it holds members' data and is never inside the data folder, so it is
never synced, shared or committed with it. Entries are plain JSON, validated on
read; each carries an HMAC made with a random key kept in that cache folder, and
nothing is parsed unless the HMAC matches: a corrupted, truncated or foreign entry
is ignored (and rebuilt), never trusted. Nothing is ever unpickled. Every write
goes to a temporary file renamed into place, so two lstg processes at once never
see half an entry.

``--no-cache`` reads nothing from the cache and stores fresh entries; ``LSTG_NO_CACHE=1``
turns the cache off (nothing read or written); ``lstg cache clear`` empties it.

The package: :mod:`~lstg.cache.keys` (whether the cache is on, where it is, digests,
the fingerprint of lstg's code), :mod:`~lstg.cache.snapshot` (the content of a data
folder), :mod:`~lstg.cache.store` (the entries), :mod:`~lstg.validate.cached` (validation
club by club) and :mod:`~lstg.indicators.cached` (figures club by club).

It imports little, so that a warm run starts fast.
"""

from __future__ import annotations

from lstg.cache.keys import (
    CACHE_DIR,
    ENV_VAR,
    FORMAT,
    KEEP_DAYS,
    RACY_SECONDS,
    cache_folder,
    cache_home,
    code_fingerprint,
    digest,
    enabled,
    refreshing,
    set_enabled,
    set_refresh,
)
from lstg.cache.snapshot import Snapshot
from lstg.cache.store import Cache

__all__ = [
    "CACHE_DIR",
    "ENV_VAR",
    "FORMAT",
    "KEEP_DAYS",
    "RACY_SECONDS",
    "Cache",
    "Snapshot",
    "cache_folder",
    "cache_home",
    "code_fingerprint",
    "digest",
    "enabled",
    "refreshing",
    "set_enabled",
    "set_refresh",
]
