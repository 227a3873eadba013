"""The one atomic writer: a run that fails or is killed while writing leaves the old file intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest_edit import CLUB, MEMBERS, make_data

from lstg.core.atomicfile import WriteError, create_folder_atomic, default_mode, write_atomic
from lstg.dataset.workdir import work_dir
from lstg.validate.run import validate


def test_write_replaces_the_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("old\n")
    target.chmod(0o600)
    write_atomic(target, b"new\n")
    assert target.read_bytes() == b"new\n"
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_data_waits_for_the_disk_and_cache_entries_do_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lstg.cache.store import Cache

    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real(fd))
    write_atomic(tmp_path / "a.yaml", b"new\n")
    assert len(synced) == 2  # the file, then its folder
    synced.clear()
    write_atomic(tmp_path / "b.json", b"{}", durable=False)
    assert (tmp_path / "b.json").read_bytes() == b"{}" and synced == []

    monkeypatch.setenv("LSTG_CACHE_DIR", str(tmp_path / "cache"))
    cache = Cache(make_data(tmp_path / "data"))
    cache.put("club", "ab" * 32, {"problems": []})
    assert cache.get("club", "ab" * 32) == {"problems": []}
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 1
    assert len(synced) == 1  # the cache's secret key only, when it is made


def test_a_failed_rename_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.yaml"
    target.write_bytes(b"old\n")

    def broken(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(WriteError, match="disk is full"):
        write_atomic(target, b"new\n")
    assert target.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_a_folder_is_created_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(src: object, dst: object) -> None:
        raise OSError(5, "I/O error")

    monkeypatch.setattr(os, "rename", broken)
    with pytest.raises(WriteError):
        create_folder_atomic(tmp_path / "club", {"club.yaml": b"x: 1\n"})
    assert list(tmp_path.iterdir()) == []


KILLED = """
import os, sys, time
from pathlib import Path
import lstg.core.atomicfile as atomic
real_fsync = os.fsync
def slow_fsync(fd):
    Path(os.environ["FLAG"]).write_text("writing")
    time.sleep(30)
    real_fsync(fd)
atomic.os.fsync = slow_fsync
from lstg.cli.app import main
sys.argv = ["lstg", *sys.argv[1:]]
main()
"""


def test_a_command_killed_during_its_write_leaves_a_file_that_validates(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    work_dir(root)
    members = root / "clubs" / CLUB / "members.yaml"
    flag = tmp_path / "flag"
    command = [
        sys.executable,
        "-c",
        KILLED,
        "member",
        "add",
        CLUB,
        "--name",
        "Hoàng Thị Lan",
        "--gender",
        "female",
        "--birth-year",
        "1956",
        "--joined",
        "2025-03-01",
        "--data",
        str(root),
    ]
    env = {**os.environ, "FLAG": str(flag), "LSTG_NO_CACHE": "1"}
    process = subprocess.Popen(command, env=env)
    try:
        deadline = time.monotonic() + 30
        while not flag.exists() and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.02)
        assert flag.exists()
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL
    assert members.read_text("utf-8") == MEMBERS
    before = sorted(p.name for p in members.parent.iterdir())
    assert not [name for name in before if name.startswith(".")]
    work = root / ".lstg-cache" / "tmp" / CLUB
    leftovers = [p.name for p in work.iterdir()]
    assert len(leftovers) == 1 and leftovers[0].startswith(".members.yaml.")
    result = validate(root, clubs=[CLUB], today=None)
    assert [p.code for p in result.problems if p.is_error] == []
    # The next edit of the club, holding its lock, removes what the killed one left.
    done = subprocess.run(
        [sys.executable, "-m", "lstg", "member", "edit", CLUB, "M001", "--name", "Lan",
         "--data", str(root)],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert list(work.iterdir()) == []


def test_a_new_file_gets_the_umask_permissions_or_the_mode_asked(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.txt", b"a")
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == default_mode()
    write_atomic(tmp_path / "b.txt", b"b", mode=0o600)
    assert (tmp_path / "b.txt").stat().st_mode & 0o777 == 0o600


def test_a_read_only_folder_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"old")
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who may write anywhere")
        with pytest.raises(WriteError, match="permission denied"):
            write_atomic(folder / "a.txt", b"new")
    finally:
        folder.chmod(0o700)
    assert (folder / "a.txt").read_bytes() == b"old"
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]
