"""Values built from a whole data folder, kept in the cache (pickled, HMAC-checked)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from lstg.cache.keys import code_fingerprint, digest, enabled
from lstg.cache.store import Cache

T = TypeVar("T")


def remember(root: Path, kind: str, parts: list[str], build: Callable[[], T]) -> T:
    """The value ``build`` gives for the data folder ``root``, from the cache if it is there.

    The key is ``parts`` with lstg's code and the content of the whole data
    folder: ``build`` must depend on nothing else. The value is pickled, and
    only ever unpickled when its HMAC (keyed by the cache's own random key)
    matches, so bytes that lstg did not write are never unpickled.
    """
    import pickle

    if not enabled():
        return build()
    store = Cache(root)
    before = store.snapshot().whole()
    key = digest(kind, code_fingerprint(), before, *parts)
    raw = store.get_bytes(kind, key)
    if raw is not None:
        try:
            value: T = pickle.loads(raw)
            return value
        except Exception:
            pass
    value = build()
    if store.snapshot().whole() == before:
        store.put_bytes(kind, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        store.prune()
    return value
