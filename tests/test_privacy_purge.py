"""Erasing a person, then purging the git history with the commands lstg prints: a real
repository with history, the real command line, and every object searched afterwards."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest
import yaml

from lstg.dataset.loader import load_dataset
from lstg.validate.run import validate

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data"
CLUB, MEMBER, NAME = "chi-lang-dong-mo", "M010", "Bế Ngọc Lan"
LSTG = [sys.executable, "-m", "lstg"]

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or os.name == "nt", reason="needs git and a POSIX shell"
)


def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "CLB", "GIT_AUTHOR_EMAIL": "clb@example.org"}
    env |= {"GIT_COMMITTER_NAME": "CLB", "GIT_COMMITTER_EMAIL": "clb@example.org"}
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


def _every_object(repo: Path) -> list[bytes]:
    """The content of every object in the repository, reachable or not."""
    listed = subprocess.run(
        ["git", "-C", str(repo), "cat-file", "--batch-all-objects", "--batch-check=%(objectname)"],
        capture_output=True,
        check=True,
    ).stdout.split()
    batch = subprocess.run(
        ["git", "-C", str(repo), "cat-file", "--batch"],
        input=b"\n".join(listed) + b"\n",
        capture_output=True,
        check=True,
    ).stdout
    return [batch]


def _reachable_blobs(repo: Path) -> list[bytes]:
    lines = _git(repo, "rev-list", "--all", "--objects").splitlines()
    blobs = []
    for line in lines:
        sha = line.split()[0]
        if _git(repo, "cat-file", "-t", sha).strip() == "blob":
            blobs.append(
                subprocess.run(
                    ["git", "-C", str(repo), "cat-file", "blob", sha],
                    capture_output=True,
                    check=True,
                ).stdout
            )
    return blobs


def _forms(name: str) -> list[bytes]:
    return [
        unicodedata.normalize(f, c).encode("utf-8")
        for c in (name, name.upper(), name.lower())
        for f in ("NFC", "NFD")
    ]


def _contains(blobs: list[bytes], name: str) -> bool:
    return any(form in blob or form in blob.lower() for blob in blobs for form in _forms(name))


def test_erase_then_the_printed_purge_leaves_no_trace_of_the_name(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    data = repo / "data"
    shutil.copytree(BUNDLED, data, ignore=shutil.ignore_patterns(".lstg-cache"))
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Records to 30/11/2026")
    meetings = data / "clubs" / CLUB / "meetings" / "2025.yaml"
    text = meetings.read_text("utf-8")
    meetings.write_text(
        text.replace("- date:", f"# Ghi chú: thăm bà {NAME} ốm\n- date:", 1), "utf-8"
    )
    _git(repo, "commit", "-q", "-am", f"Thăm hỏi {NAME}")
    assert _contains(_reachable_blobs(repo), NAME)
    before = validate(data, today=date(2026, 12, 1))
    balances = sorted(
        (c, e.date, e.fund, e.balance)
        for c, club in load_dataset(data).clubs.items()
        for e in club.ledger
        if hasattr(e, "balance")
    )

    env = {**os.environ, "LSTG_TODAY": "2026-12-01", "LSTG_NO_CACHE": "1", "PYTHONPATH": str(ROOT)}
    erased = subprocess.run(
        [
            *LSTG,
            "person",
            "erase",
            f"{CLUB}/{MEMBER}",
            "--yes",
            "--lang",
            "en",
            "--data",
            str(data),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert erased.returncode == 0, erased.stderr
    assert f"Erase {CLUB}/{MEMBER}: the whole person, keeping an anonymised record" in erased.stdout
    commands = [line[6:] for line in erased.stdout.splitlines() if line.startswith("    $ ")]
    assert [shlex.split(c)[:2] for c in commands][2:4] == [
        ["cd", str(repo)],
        [sys.executable, "-m"],
    ]

    after = validate(data, today=date(2026, 12, 1))
    assert after.ok
    assert [p for p in after.problems if p.code.startswith("fund")] == []
    assert after.errors == before.errors == 0
    dataset = load_dataset(data)
    assert (
        sorted(
            (c, e.date, e.fund, e.balance)
            for c, club in dataset.clubs.items()
            for e in club.ledger
            if hasattr(e, "balance")
        )
        == balances
    )
    stub = dataset.clubs[CLUB].member(MEMBER)
    assert stub is not None and stub.erased == date(2026, 12, 1) and stub.name == "(đã xoá)"
    assert stub.ethnicity is None and stub.birth_year is None and not stub.consent
    assert any(loan.member == MEMBER for loan in dataset.clubs[CLUB].loans)
    assert not _contains([p.read_bytes() for p in data.rglob("*.yaml")], NAME)

    folder = None
    cwd = tmp_path
    for command in commands:
        argv = shlex.split(command)
        if argv[0] == "cd":
            cwd = Path(argv[1])
            continue
        if argv[0] == "rm":
            folder = Path(argv[-1])
            assert folder.is_dir() and (folder.stat().st_mode & 0o077) == 0
        done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, env=env)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    assert folder is not None and not folder.exists()

    blobs = _reachable_blobs(repo)
    assert len(blobs) > 400
    assert not _contains(blobs, NAME)
    assert not _contains(_every_object(repo), NAME)
    log = _git(repo, "log", "--all", "--format=%B")
    assert NAME not in log and "Thăm hỏi (đã xoá)" in log
    # The earlier versions lost the person's records too, not only the name.
    first = _git(repo, "rev-list", "--max-parents=0", "HEAD").strip()
    old = yaml.safe_load(_git(repo, "show", f"{first}:data/clubs/{CLUB}/meetings/2024.yaml"))
    assert old and all(MEMBER not in m.get("attendance", []) for m in old)
    assert all(c["member"] != MEMBER for m in old for c in m.get("health_checks", []))
    members = yaml.safe_load(_git(repo, "show", f"{first}:data/clubs/{CLUB}/members.yaml"))
    assert [m for m in members if m["id"] == MEMBER] == [
        {
            "id": MEMBER,
            "name": "(đã xoá)",
            "gender": "female",
            "joined": date(2017, 5, 12),
            "left": {"date": date(2026, 9, 16), "reason": "(đã xoá)"},
            "erased": date(2026, 12, 1),
        }
    ]
    assert validate(data, today=date(2026, 12, 1)).ok
    assert _git(repo, "status", "--porcelain") == ""


def _run_printed(stdout: str, env: dict[str, str], cwd: Path) -> None:
    """Run the commands lstg printed, as the user would, in order."""
    for command in [line[6:] for line in stdout.splitlines() if line.startswith("    $ ")]:
        argv = shlex.split(command)
        if argv[0] == "cd":
            cwd = Path(argv[1])
            continue
        done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, env=env)
        assert done.returncode == 0, (command, done.stdout, done.stderr)


def _records_of(repo: Path, commit: str, member: str, club: str) -> tuple[int, int]:
    """The member's (attendances, health checks) in the club's meeting files at ``commit``."""
    attended = checks = 0
    listed = _git(repo, "ls-tree", "--name-only", f"{commit}:data/clubs/{club}/meetings/")
    for name in listed.split():
        text = _git(repo, "show", f"{commit}:data/clubs/{club}/meetings/{name}")
        for meeting in yaml.safe_load(text) or []:
            attended += member in meeting.get("attendance", [])
            checks += sum(1 for c in meeting.get("health_checks", []) if c["member"] == member)
    return attended, checks


def test_expired_health_checks_leave_every_commit_after_the_purge(tmp_path: Path) -> None:
    """Data erased at the end of its term, not the whole person: the printed purge takes
    the measurements out of every earlier version too, and keeps the rest."""
    club, member = "chi-lang-chi-lang", "M042"
    repo = tmp_path / "repo"
    data = repo / "data"
    shutil.copytree(BUNDLED, data, ignore=shutil.ignore_patterns(".lstg-cache"))
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Records to 30/11/2026")
    first = _git(repo, "rev-parse", "HEAD").strip()
    attended, checks = _records_of(repo, first, member, club)
    assert checks == 10 and attended > 10

    env = {**os.environ, "LSTG_TODAY": "2026-12-01", "LSTG_NO_CACHE": "1", "PYTHONPATH": str(ROOT)}
    erased = subprocess.run(
        [*LSTG, "person", "erase", "--expired", "--yes", "--lang", "en", "--data", str(data)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert erased.returncode == 0, erased.stderr
    assert erased.stdout.splitlines()[0] == (
        f"{club}/{member}: 10 health checks (term ended 2 October 2025)"
    )
    assert "--replace-message" not in erased.stdout  # no name to take out of messages
    _run_printed(erased.stdout, env, tmp_path)

    commits = _git(repo, "rev-list", "--all").split()
    # The first commit now holds the erased files, so the erasure's commit, left empty,
    # was pruned.
    assert len(commits) == 1
    assert [_records_of(repo, c, member, club) for c in commits] == [(attended, 0)]
    root = commits[-1]
    members = yaml.safe_load(_git(repo, "show", f"{root}:data/clubs/{club}/members.yaml"))
    assert next(m for m in members if m["id"] == member)["name"] != "(đã xoá)"
    assert validate(data, today=date(2026, 12, 1)).ok
    assert _git(repo, "status", "--porcelain") == ""
