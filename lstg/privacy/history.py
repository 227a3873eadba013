"""Purging an erased person from the git history with git-filter-repo.

lstg does not rewrite history itself: it writes, in a folder only its owner can
open in the data folder's work folder (``.lstg-cache/``, which git ignores and filter-repo
leaves alone), what ``git filter-repo`` needs (the list of
memberships erased and the names, which must not be written into the repository),
and prints the commands. ``--file-info-callback`` runs :func:`file_info` on every
version of every file: the files of the person's club go through the same edits as
the working tree (:mod:`lstg.privacy.scrub`), and the names are replaced in every
text file; ``--replace-message`` replaces them in commit messages. filter-repo then
expires the reflogs and prunes the old objects, so the old versions are gone from
this repository; clones and backups keep theirs until they are replaced.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from lstg.core.i18n import _
from lstg.privacy.scrub import ERASED, Names, Target, erase_text, replace_names

SPEC = "spec.json"
CALLBACK = "callback.py"
MESSAGES = "messages.txt"


@dataclass(frozen=True, slots=True)
class Purge:
    """The commands that purge the history, and the folder that holds what they read."""

    top: Path
    folder: Path
    commit: list[list[str]]
    filter_repo: list[str]
    cleanup: list[str]
    installed: bool


def git_top(root: Path) -> Path | None:
    """The top of the git work tree holding ``root``; ``None`` outside git (or without git)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    if done.returncode != 0 or not done.stdout.strip():
        return None
    return Path(done.stdout.strip())


def has_filter_repo() -> bool:
    import importlib.util

    return importlib.util.find_spec("git_filter_repo") is not None


def name_forms(names: list[str]) -> list[str]:
    """Every form of the names a file or a message may hold: NFC and NFD, as written, in
    upper and lower case, and capitalised."""
    forms: set[str] = set()
    for name in names:
        for case in (name, name.upper(), name.lower(), name.title()):
            for form in ("NFC", "NFD"):
                forms.add(unicodedata.normalize(form, case))
    return sorted(forms, key=lambda f: (-len(f.encode()), f))


def prepare(root: Path, top: Path, targets: list[Target], names: Names, files: list[str]) -> Purge:
    """Write the purge's inputs into a new private folder and give the commands.

    Args:
        files: the files the erasure changed, relative to ``root``, to commit first.
    """
    from lstg.dataset.workdir import work_dir

    folder = Path(tempfile.mkdtemp(prefix="purge-", dir=work_dir(root)))
    os.chmod(folder, 0o700)
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    spec = {
        "prefix": prefix,
        "targets": [
            {
                "club": t.club,
                "member": t.member,
                "name": t.name,
                "kinds": sorted(t.kinds),
                "keep_record": t.keep_record,
                "day": t.day.isoformat(),
            }
            for t in targets
        ],
        "names": names.names,
        "skip_clubs": sorted(names.skip_clubs),
    }
    _private(folder / SPEC, json.dumps(spec, ensure_ascii=False, indent=2))
    _private(
        folder / CALLBACK,
        "import lstg.privacy.history as lstg_history\n"
        f"return lstg_history.file_info(filename, mode, blob_id, value, {str(folder / SPEC)!r})\n",
    )
    if names.names:
        lines = [f"{form}==>{ERASED}" for form in name_forms(names.names)]
        _private(folder / MESSAGES, "\n".join(lines) + "\n")
    paths = [prefix + rel for rel in files]
    message = _("Erase a member's personal data (Law 91/2025/QH15)")
    commit = [
        ["git", "-C", str(top), "add", "--", *paths],
        ["git", "-C", str(top), "commit", "-m", message],
    ]
    filter_repo = [
        sys.executable,
        "-m",
        "git_filter_repo",
        "--force",
        "--file-info-callback",
        str(folder / CALLBACK),
    ]
    if names.names:
        filter_repo += ["--replace-message", str(folder / MESSAGES)]
    cleanup = (
        ["cmd", "/c", "rmdir", "/s", "/q", str(folder)]
        if os.name == "nt"
        else ["rm", "-r", "--", str(folder)]
    )
    return Purge(top, folder, commit, filter_repo, cleanup, has_filter_repo())


def _private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)


def shell(command: list[str]) -> str:
    """A command as the user types it in their shell."""
    if os.name == "nt":
        return subprocess.list2cmdline(command)
    return shlex.join(command)


def _spec(value: Any, path: str) -> tuple[str, list[Target], Names]:
    cached = value.data.get("lstg-spec")
    if cached is None:
        raw = json.loads(Path(path).read_text("utf-8"))
        targets = [
            Target(
                club=t["club"],
                member=t["member"],
                name=t["name"],
                kinds=frozenset(t["kinds"]),
                keep_record=t["keep_record"],
                day=date.fromisoformat(t["day"]),
            )
            for t in raw["targets"]
        ]
        cached = (raw["prefix"], targets, Names(raw["names"], set(raw["skip_clubs"])))
        value.data["lstg-spec"] = cached
        value.data["lstg-blobs"] = {}
    result: tuple[str, list[Target], Names] = cached
    return result


def file_info(filename: bytes, mode: bytes, blob_id: Any, value: Any, spec: str) -> Any:
    """git-filter-repo's ``--file-info-callback``: the version of one file, erased.

    Files of the data folder get the erasure's edits (when a version cannot be edited
    safely, its names are still replaced); every other text file its names replaced.
    Binary files are left as they are.
    """
    if mode not in (b"100644", b"100755"):
        return (filename, mode, blob_id)
    prefix, targets, names = _spec(value, spec)
    path = filename.decode("utf-8", "surrogateescape")
    memo: dict[tuple[str, Any], Any] = value.data["lstg-blobs"]
    key = (path, blob_id)
    if key in memo:
        return (filename, mode, memo[key])
    contents = value.get_contents_by_identifier(blob_id)
    new_id = blob_id
    if not value.is_binary(contents):
        try:
            text = contents.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is not None:
            if path.startswith(prefix):
                try:
                    new = erase_text(path[len(prefix) :], text, targets, names)
                except Exception:
                    new = replace_names(text, names)
            else:
                new = replace_names(text, names)
            if new != text:
                new_id = value.insert_file_with_contents(new.encode("utf-8"))
    memo[key] = new_id
    return (filename, mode, new_id)
