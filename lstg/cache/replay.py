"""The replay of whole runs of ``lstg validate``, ``lstg check`` and ``lstg report``."""

from __future__ import annotations

import base64
import json
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from lstg.cache.keys import _CLUBS, code_fingerprint, digest, enabled
from lstg.cache.snapshot import _CHECKED, _RECENT
from lstg.cache.store import Cache

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
            found = (Path(__file__).resolve().parents[2] / "data").resolve()
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
