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

This module imports little, so that a warm run starts fast.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import sys
import tempfile
from collections.abc import Callable, Collection, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from lstg.problems import Problem, Severity

if TYPE_CHECKING:
    from lstg.dataset import DataSet

CACHE_DIR = ".lstg-cache"
FORMAT = 1
"""Version of the cache's own layout."""
RACY_SECONDS = 2
KEEP_DAYS = 30
"""Entries not written for this many days are deleted (see :meth:`Cache.prune`)."""
ENV_VAR = "LSTG_NO_CACHE"
_SKIP_AT_ROOT = {CACHE_DIR, ".git"}
_CLUBS = "clubs"

_enabled: bool | None = None

_RECENT: dict[Path, tuple[frozenset[str] | None, Snapshot]] = {}
_CHECKED: dict[Path, tuple[frozenset[str] | None, Snapshot]] = {}
"""The snapshot a validation took after checking, by data folder, for :class:`Replay` to
compare with the one it took before the run, rather than reading the folder again."""
"""A snapshot taken moments ago in this process (by :class:`Replay`), by data folder: the
run that follows uses it rather than reading the folder again."""

T = TypeVar("T")


def enabled() -> bool:
    """Whether the cache is used in this process."""
    if _enabled is not None:
        return _enabled
    return os.environ.get(ENV_VAR, "") in ("", "0")


def set_enabled(flag: bool | None) -> None:
    """Turn the cache on or off for this process; ``None`` goes back to the environment."""
    global _enabled
    _enabled = flag


def digest(*parts: str | bytes) -> str:
    """A short hex digest of several parts, kept apart so that no two lists collide."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


_code: str | None = None


def code_fingerprint() -> str:
    """A digest of lstg's version and every source file, catalog and template it uses."""
    global _code
    if _code is None:
        from lstg import __version__

        package = Path(__file__).resolve().parent
        parts: list[str | bytes] = [__version__, sys.version, str(FORMAT)]
        sources = [p for p in package.rglob("*") if p.suffix in (".py", ".mo", ".j2", ".yaml")]
        templates = package.parent / "templates"
        if templates.is_dir():
            sources += [p for p in templates.rglob("*") if p.is_file()]
        for path in sorted(sources):
            parts += [path.as_posix(), path.read_bytes()]
        _code = digest(*parts)
    return _code


class Snapshot:
    """The content of a data folder: a digest for every file, ``"/"`` for every folder.

    Attributes:
        files: digest of each file (``"/"`` for a folder) by path relative to the root.
        clubs: digest of each club folder: the names and contents of everything in it.
        shared: digest of everything outside ``clubs/`` (province, plans, other
            files); adding or removing a club folder does not change it.
    """

    def __init__(self, root: Path, files: dict[str, str]) -> None:
        self.root = root
        self.files = files
        groups: dict[str, list[tuple[str, str]]] = {}
        outside: list[tuple[str, str]] = []
        top: list[tuple[str, str]] = []
        for rel, d in files.items():
            parts = rel.split("/", 2)
            if parts[0] != _CLUBS:
                outside.append((rel, d))
            elif len(parts) == 3:
                groups.setdefault(parts[1], []).append((rel, d))
            else:
                top.append((rel, d))
                if len(parts) == 2 and d == "/":
                    groups.setdefault(parts[1], [])
        self.clubs = {cid: _listing(cid, items) for cid, items in groups.items()}
        self.shared = _listing("", outside)
        self._top = _listing(_CLUBS, top)

    def whole(self) -> str:
        """Digest of the whole folder."""
        return _listing(self.shared + self._top, list(self.clubs.items()))


def _listing(name: str, pairs: list[tuple[str, str]]) -> str:
    """Digest of a list of (path, digest) pairs, in path order. A name cannot hold NUL and
    a digest holds no newline, so the listing reads one way only."""
    lines = "\n".join(f"{rel}\0{d}" for rel, d in sorted(pairs))
    return digest(name, lines)


class Cache:
    """The cache folder of one data folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.dir = root / CACHE_DIR
        self._key: bytes | None = None
        self._writable = True

    def _secret(self) -> bytes | None:
        if self._key is not None:
            return self._key
        path = self.dir / "key"
        try:
            key = path.read_bytes()
            if len(key) == 32:
                self._key = key
                return key
        except OSError:
            pass
        key = secrets.token_bytes(32)
        if not self._write(path, key, exclusive=True):
            try:
                key = path.read_bytes()
            except OSError:
                return None
            if len(key) != 32:
                return None
        self._key = key
        return key

    def _write(self, path: Path, data: bytes, *, exclusive: bool = False) -> bool:
        """Write a file atomically (temporary file, then rename); False if it cannot be done."""
        if not self._writable:
            return False
        try:
            self.dir.mkdir(exist_ok=True)
            ignore = self.dir / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Made by lstg: this folder is a cache.\n*\n", encoding="utf-8")
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                if exclusive:
                    os.link(temp, path)
                    os.unlink(temp)
                else:
                    os.replace(temp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                raise
        except FileExistsError:
            return False
        except OSError:
            self._writable = False
            return False
        return True

    def prune(self) -> None:
        """Once a day, delete entries not written for :data:`KEEP_DAYS` days.

        Entries of data that has since changed are never read again; deleting
        any entry is always safe (it is computed again when needed).
        """
        import time

        marker = self.dir / ".pruned"
        now = time.time()
        try:
            if now - marker.stat().st_mtime < 86_400:
                return
        except OSError:
            pass
        if not self._write(marker, b""):
            return
        limit = now - KEEP_DAYS * 86_400
        top = str(self.dir / f"v{FORMAT}")
        for folder, dirs, files in os.walk(top):
            if folder == top:
                dirs[:] = [d for d in dirs if d != "index"]
            for name in files:
                path = os.path.join(folder, name)
                with contextlib.suppress(OSError):
                    if os.stat(path).st_mtime < limit:
                        os.unlink(path)

    def _entry_path(self, kind: str, key: str) -> Path:
        return self.dir / f"v{FORMAT}" / kind / key[:2] / f"{key}.json"

    def get(self, kind: str, key: str) -> Any:
        """The entry stored under ``key``, or ``None`` if it is missing or not to be trusted."""
        body = self.get_bytes(kind, key)
        if body is None:
            return None
        try:
            return json.loads(body)
        except ValueError:
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store ``value`` (plain JSON data) under ``key``; silently skipped if not writable."""
        body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.put_bytes(kind, key, body)

    def get_bytes(self, kind: str, key: str) -> bytes | None:
        """The bytes stored under ``key``, if their HMAC shows that this cache wrote them."""
        secret = self._secret()
        if secret is None:
            return None
        try:
            raw = self._entry_path(kind, key).read_bytes()
        except OSError:
            return None
        mac, _sep, body = raw.partition(b"\n")
        expected = hmac.new(secret, kind.encode() + b"/" + key.encode() + b"\n" + body, "sha256")
        if not hmac.compare_digest(mac, expected.hexdigest().encode()):
            return None
        return body

    def put_bytes(self, kind: str, key: str, body: bytes) -> None:
        """Store ``body`` under ``key`` with its HMAC; silently skipped if not writable."""
        secret = self._secret()
        if secret is None:
            return
        mac = hmac.new(secret, kind.encode() + b"/" + key.encode() + b"\n" + body, "sha256")
        self._write(self._entry_path(kind, key), mac.hexdigest().encode() + b"\n" + body)

    def snapshot(self, clubs: Collection[str] | None = None) -> Snapshot:
        """Digests of the files of the data folder, reusing those of unchanged files.

        Args:
            clubs: read only these club folders (and everything outside ``clubs/``);
                the others appear as empty folders. ``None``: every club folder.
        """
        chosen = None if clubs is None else set(clubs)
        known: dict[str, list[Any]] = {}
        written = 0
        stored = self.get("index", "files")
        if isinstance(stored, dict) and isinstance(stored.get("files"), dict):
            known = stored["files"]
            written = int(stored.get("written_ns", 0))
        trusted_before = written - RACY_SECONDS * 1_000_000_000
        files: dict[str, str] = {}
        fresh: dict[str, list[Any]] = {}
        changed = False
        for rel, path, st in _walk(self.root, chosen):
            if st is None:
                files[rel] = "/"
                continue
            stamp = [st.st_size, st.st_mtime_ns, st.st_ino]
            old = known.get(rel)
            if old is not None and old[:3] == stamp and st.st_mtime_ns < trusted_before:
                files[rel] = old[3]
                fresh[rel] = old
                continue
            try:
                with open(path, "rb") as handle:
                    content = handle.read()
            except OSError:
                files[rel] = "?"
                continue
            files[rel] = digest(content)
            fresh[rel] = [*stamp, files[rel]]
            changed = True
        if chosen is not None:
            for rel, entry in known.items():
                parts = rel.split("/", 2)
                if len(parts) == 3 and parts[0] == _CLUBS and parts[1] not in chosen:
                    fresh.setdefault(rel, entry)
        if changed or len(fresh) != len(known) or not known:
            now = _now_ns(self.dir)
            if now is not None:
                self.put("index", "files", {"written_ns": now, "files": fresh})
        return Snapshot(self.root, files)


def _now_ns(folder: Path) -> int | None:
    """The file system's idea of now, read from a file's modification time."""
    try:
        folder.mkdir(exist_ok=True)
        probe = folder / ".clock"
        probe.touch()
        return probe.stat().st_mtime_ns
    except OSError:
        return None


def _walk(
    root: Path, clubs: set[str] | None = None
) -> Iterable[tuple[str, str, os.stat_result | None]]:
    """Every file (path relative to ``root``, full path, stat) and folder (stat ``None``)
    under ``root``, the cache and ``.git`` excluded; with ``clubs``, only those club
    folders are entered."""
    stack: list[tuple[str, str]] = [("", str(root))]
    seen: set[tuple[int, int]] = set()
    while stack:
        prefix, folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if not prefix and entry.name in _SKIP_AT_ROOT:
                continue
            rel = prefix + entry.name
            try:
                if entry.is_dir():
                    yield rel, entry.path, None
                    if clubs is not None and prefix == _CLUBS + "/" and entry.name not in clubs:
                        continue
                    st = entry.stat()
                    if (st.st_dev, st.st_ino) not in seen:
                        seen.add((st.st_dev, st.st_ino))
                        stack.append((rel + "/", entry.path))
                else:
                    yield rel, entry.path, entry.stat()
            except OSError:
                continue


def _problem_to_json(problem: Problem) -> list[Any]:
    return [
        problem.file,
        problem.code,
        problem.message,
        problem.severity.value,
        problem.hint,
        list(problem.where),
        problem.key,
        problem.line,
        problem.column,
    ]


def _problem_from_json(item: list[Any]) -> Problem:
    file, code, message, severity, hint, where, key, line, column = item
    return Problem(file, code, message, Severity(severity), hint, tuple(where), key, line, column)


def _club_of(problem: Problem) -> str | None:
    parts = problem.file.split("/", 2)
    if len(parts) >= 2 and parts[0] == _CLUBS:
        return parts[1]
    return None


RunClubs = Callable[[Path, list[str], date], tuple[list[Problem], "DataSet"]]
"""Validates the province, the plans and the given clubs of a data folder, as of a day;
gives the located problems and the data set. A module-level function, so that worker
processes can run it."""

BATCH = 8
"""Clubs validated together by a worker: enough to spread the cost of reading the
province and plans, few enough to keep memory low and both cores busy."""
PARALLEL_FROM = 4
"""Fewer clubs than this to check are checked in this process."""


def validate_cached(
    root: Path, *, clubs: Collection[str] | None, today: date, run: RunClubs
) -> tuple[list[Problem], DataSet, int]:
    """Validate ``root``, reading and checking only the clubs whose files changed.

    Cross-file checks see one club at a time, so a club's problems depend only
    on its own folder, the files outside the club folders, lstg's code, the
    language of the messages and the day taken as today: that is the key of a
    club's entry. The province, the plans and the folder itself are checked on
    every run (they are small). Clubs to check are checked in batches, in
    worker processes when there are several, so that memory holds a few clubs
    at a time, not all of them.

    Args:
        clubs: the club ids to check; all club folders if ``None``.
        today: the day taken as today.
        run: validates the data folder for the given club ids (see :data:`RunClubs`).

    Returns:
        Every located problem (those of unchanged clubs from the cache), the data
        set of the province and plans (no clubs), and how many clubs were checked.
    """
    from lstg.i18n import current_language

    cache = Cache(root)
    selection = None if clubs is None else frozenset(clubs)
    recent = _RECENT.pop(root, None)
    before = recent[1] if recent and recent[0] == selection else cache.snapshot(selection)
    language = current_language()
    base = digest(code_fingerprint(), today.isoformat(), language, before.shared)
    ids = sorted(c for c in (before.clubs if clubs is None else clubs) if not c.startswith("."))
    keys = {c: digest(base, before.clubs.get(c, "")) for c in ids}
    problems: list[Problem] = []
    misses: list[str] = []
    for club_id in ids:
        entry = cache.get("club", keys[club_id])
        try:
            problems.extend([_problem_from_json(item) for item in entry])
        except (TypeError, ValueError):
            misses.append(club_id)
    if 0 < len(misses) <= BATCH:
        found, dataset = run(root, misses, today)
        fresh: dict[str, list[Problem]] = {c: [] for c in misses}
        _sort_into(fresh, found)
        problems.extend(found)
    else:
        found, dataset = run(root, [], today)
        problems.extend(found)
        fresh = _check_clubs(root, misses, today, run, language)
        for club_problems in fresh.values():
            problems.extend(club_problems)
    if misses:
        after = cache.snapshot(selection)
        _CHECKED[root] = (selection, after)
        for club_id in misses:
            unchanged = after.clubs.get(club_id) == before.clubs.get(club_id)
            if unchanged and after.shared == before.shared:
                cache.put("club", keys[club_id], [_problem_to_json(p) for p in fresh[club_id]])
        cache.prune()
    return sorted(problems, key=lambda p: p.sort_key()), dataset, len(ids)


def _check_clubs(
    root: Path, ids: list[str], today: date, run: RunClubs, language: str
) -> dict[str, list[Problem]]:
    """The located problems of each club in ``ids``, checked in batches."""
    results: dict[str, list[Problem]] = {c: [] for c in ids}
    if not ids:
        return results
    workers = min(os.cpu_count() or 1, 8)
    size = max(1, min(BATCH, -(-len(ids) // (2 * workers))))
    batches = [ids[i : i + size] for i in range(0, len(ids), size)]
    progress = _Progress(len(ids))
    if workers < 2 or len(ids) < PARALLEL_FROM:
        for batch in batches:
            _sort_into(results, _batch_problems(run, root, batch, today, language))
            progress.advance(len(batch))
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {
                pool.submit(_batch_problems, run, root, batch, today, language): batch
                for batch in batches
            }
            for future in as_completed(futures):
                _sort_into(results, future.result())
                progress.advance(len(futures[future]))
    progress.done()
    return results


def _sort_into(results: dict[str, list[Problem]], problems: list[Problem]) -> None:
    for problem in problems:
        owner = _club_of(problem)
        if owner is not None and owner in results:
            results[owner].append(problem)


def _batch_problems(
    run: RunClubs, root: Path, batch: list[str], today: date, language: str
) -> list[Problem]:
    """The problems of the clubs of ``batch`` only (those of the province are left out)."""
    from lstg.i18n import current_language, set_language

    if current_language() != language:
        set_language(language)
    found, _dataset = run(root, batch, today)
    wanted = set(batch)
    return [p for p in found if _club_of(p) in wanted]


class _Progress:
    """A one-line count of clubs checked, on a terminal only, once a run takes a while."""

    AFTER_SECONDS = 1.0

    def __init__(self, total: int) -> None:
        import time

        self.total = total
        self.count = 0
        self.clock = time.monotonic
        self.start = self.clock()
        self.shown = False
        self.on = sys.stderr.isatty()

    def advance(self, step: int) -> None:
        self.count += step
        if self.on and self.clock() - self.start >= self.AFTER_SECONDS:
            from lstg.i18n import _

            label = _("Checking clubs")
            sys.stderr.write(f"\r{label}: {self.count}/{self.total}")
            sys.stderr.flush()
            self.shown = True

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


_REPLAYED: dict[str, tuple[set[str], set[str]]] = {
    "validate": ({"--data", "--format", "--lang", "--today"}, set()),
    "check": (
        {
            "--club",
            "--district",
            "--commune",
            "--plan",
            "--period",
            "--as-of",
            "--format",
            "--lang",
            "--data",
            "--today",
        },
        {"--strict"},
    ),
    "report": (
        {
            "--district",
            "--commune",
            "--club",
            "--period",
            "--as-of",
            "--plan",
            "--format",
            "--lang",
            "--data",
            "--generated-at",
        },
        {"--province", "--members"},
    ),
}
"""Commands whose whole run may be replayed: their options with a value, and their flags.
A run with any other option (such as ``--output`` or ``--template``) is never replayed."""

_ENVIRONMENT = (
    "LSTG_DATA",
    "LSTG_TODAY",
    "LSTG_GENERATED_AT",
    "LANG",
    "LANGUAGE",
    "LC_ALL",
    "NO_COLOR",
    "COLUMNS",
)


class Replay:
    """A whole run of ``lstg validate``, ``lstg check`` or ``lstg report``, answered from
    the cache when nothing it reads changed.

    The key is everything the run's output depends on: the arguments, the
    working folder, the environment variables lstg reads, whether output goes
    to a terminal, the day, lstg's code and the content of the whole data
    folder. A report also names the data's git commit and whether it has
    uncommitted changes, so its key holds the git state (HEAD, the index, the
    ignore files); and it says when it was made, to the minute, so its entry
    holds the minute and is replayed only within that minute (unless the time
    is fixed with ``--generated-at``). A report written to a
    file (``--output``, Word, Excel) or in JSON (which gives the time to the
    microsecond) without a fixed ``--generated-at`` is never replayed. Only
    complete runs (exit 0 or 1, nothing on standard error) are stored.
    """

    def __init__(
        self,
        cache: Cache,
        key: str,
        before: str,
        minute: str = "",
        clubs: frozenset[str] | None = None,
    ) -> None:
        self.cache = cache
        self.key = key
        self.before = before
        self.minute = minute
        self.clubs = clubs
        self.code = 0

    @classmethod
    def prepare(cls, args: list[str], *, cwd: Path | None = None) -> Replay | None:
        """The replay of ``lstg <args>``, or ``None`` if such a run is not replayed."""
        if not enabled() or "--no-cache" in args:
            return None
        rest = [a for a in args if a != "--debug"]
        if not rest or rest[0] not in _REPLAYED:
            return None
        command = rest[0]
        values, flags = _REPLAYED[command]
        options, paths = _split(rest[1:], values, flags)
        if options is None or (paths and command != "validate"):
            return None
        here = (cwd or Path.cwd()).resolve()
        root = _root(options.get("--data"), paths, here)
        if root is None:
            return None
        extra: list[str] = []
        minute = ""
        if command == "report":
            fixed = options.get("--generated-at") or os.environ.get("LSTG_GENERATED_AT")
            output_format = options.get("--format", "md")
            if output_format not in ("md", "html", "json") or (
                output_format == "json" and not fixed
            ):
                return None
            git = _git_state(root)
            if git is None:
                return None
            minute = "" if fixed else datetime.now(UTC).strftime("%Y-%m-%dT%H:%M")
            extra = [git]
        cache = Cache(root)
        clubs = _selected_clubs(paths, root, here)
        snapshot = cache.snapshot(clubs)
        _RECENT[root] = (clubs, snapshot)
        whole = snapshot.whole()
        key = digest(
            command,
            code_fingerprint(),
            json.dumps(args),
            str(here),
            *(os.environ.get(name, "") for name in _ENVIRONMENT),
            str(sys.stdout.isatty()),
            str(sys.stderr.isatty()),
            date.today().isoformat(),
            whole,
            *extra,
        )
        return cls(cache, key, whole, minute, clubs)

    def replay(self) -> bool:
        """Write the stored output of this run, if there is one; its exit code is ``code``."""
        entry = self.cache.get("run", self.key)
        if not isinstance(entry, dict):
            return False
        out, err, code = entry.get("out"), entry.get("err"), entry.get("code")
        if not (isinstance(out, str) and isinstance(err, str) and code in (0, 1)):
            return False
        if entry.get("minute", "") != self.minute:
            return False
        try:
            data = base64.b64decode(out, validate=True)
        except ValueError:
            return False
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        self.code = code
        return True

    def record(self, out: bytes, err: bytes, code: int) -> None:
        """Store a complete run, unless the data changed while it ran."""
        if code not in (0, 1) or err:
            return
        checked = _CHECKED.pop(self.cache.root, None)
        if checked is not None and checked[0] == self.clubs:
            after = checked[1]
        else:
            after = self.cache.snapshot(self.clubs)
        if after.whole() != self.before:
            return
        text = base64.b64encode(out).decode("ascii")
        entry = {"out": text, "err": "", "code": code, "minute": self.minute}
        self.cache.put("run", self.key, entry)
        self.cache.prune()


def _split(
    args: list[str], values: set[str], flags: set[str]
) -> tuple[dict[str, str] | None, list[str]]:
    options: dict[str, str] = {}
    paths: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        name, eq, value = arg.partition("=")
        if arg in flags:
            options[arg] = ""
        elif name in values:
            if not eq:
                if index + 1 >= len(args):
                    return None, []
                index += 1
                value = args[index]
            options[name] = value
        elif arg.startswith("-"):
            return None, []
        else:
            paths.append(arg)
        index += 1
    return options, paths


def _root(data: str | None, paths: list[str], here: Path) -> Path | None:
    """The data folder ``lstg validate`` would read, found as it finds it; ``None`` if unsure."""
    if data is not None:
        root = (here / data).resolve()
    elif not paths and os.environ.get("LSTG_DATA"):
        root = (here / os.environ["LSTG_DATA"]).resolve()
    else:
        starts = [(here / p).resolve() for p in paths] or [here]
        roots = {_province_folder(p) for p in starts}
        if len(roots) != 1:
            return None
        found = roots.pop()
        if found is None:
            if paths:
                return None
            found = (Path(__file__).resolve().parent.parent / "data").resolve()
        root = found
    if not (root / "province.yaml").is_file():
        return None
    for p in paths:
        target = (here / p).resolve()
        if not target.exists() or (target != root and root not in target.parents):
            return None
    return root


def _selected_clubs(paths: list[str], root: Path, here: Path) -> frozenset[str] | None:
    """The clubs that ``lstg validate PATHS`` checks, as it chooses them; ``None``: all."""
    if not paths:
        return None
    chosen: set[str] = set()
    for path in paths:
        parts = (here / path).resolve().relative_to(root).parts
        if len(parts) < 2 or parts[0] != _CLUBS:
            return None
        chosen.add(parts[1])
    return frozenset(chosen)


def _province_folder(start: Path) -> Path | None:
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / "province.yaml").is_file():
            return candidate
    return None


class Tee:
    """A text stream that writes through to another and keeps a copy of the bytes written,
    whether written as text or to its binary ``buffer``."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.parts: list[bytes] = []
        self.encoding = getattr(stream, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("write() argument must be str")
        self.parts.append(text.encode(self.encoding, "surrogateescape"))
        return int(self.stream.write(text))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return bool(self.stream.isatty())

    @property
    def buffer(self) -> _BufferTee:
        return _BufferTee(self)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)

    def data(self) -> bytes:
        return b"".join(self.parts)


class _BufferTee:
    """The binary side of a :class:`Tee`."""

    def __init__(self, tee: Tee) -> None:
        self.tee = tee
        self.raw = tee.stream.buffer

    def write(self, data: bytes) -> int:
        self.tee.parts.append(bytes(data))
        return int(self.raw.write(data))

    def flush(self) -> None:
        self.raw.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def _git_state(root: Path) -> str | None:
    """What git says about ``root`` depends on: HEAD, the index and the ignore files.

    ``"no git"`` outside a repository; ``None`` when the repository is laid out in a
    way not read here (a worktree or submodule, whose ``.git`` is a file).
    """
    top = next((f for f in (root, *root.parents) if (f / ".git").exists()), None)
    if top is None:
        return "no git"
    git = top / ".git"
    if not git.is_dir():
        return None
    parts: list[str | bytes] = []
    try:
        head = (git / "HEAD").read_text("utf-8").strip()
        parts.append(head)
        if head.startswith("ref: "):
            ref = git / head[5:]
            if ref.is_file():
                parts.append(ref.read_bytes())
            elif (git / "packed-refs").is_file():
                parts.append((git / "packed-refs").read_bytes())
        for extra in (git / "index", git / "info" / "exclude"):
            parts.append(extra.read_bytes() if extra.is_file() else b"")
    except OSError:
        return None
    folder = root
    while True:
        ignore = folder / ".gitignore"
        parts.append(ignore.read_bytes() if ignore.is_file() else b"")
        if folder == top:
            break
        folder = folder.parent
    return digest(*parts)


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
