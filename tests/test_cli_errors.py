"""The one error boundary: one line for what the user can fix, a log for what lstg did not
expect, and quiet when the reader of the output goes away."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import invoke
from conftest_validate import BASE

from lstg.cli import app as cli
from lstg.commands import validate as validate_command
from lstg.core import atomicfile

REPORT = ("report", "--province", "--as-of", "2020-11-30", "--format", "md")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    return root


def test_outside_a_data_folder_lstg_says_where_it_looked_and_how_to_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    ran = invoke("validate", "--lang", "en")
    assert (ran.code, ran.stdout) == (1, "")
    assert ran.stderr.splitlines() == [
        f"lstg: No data folder here: neither {tmp_path.resolve()} nor a folder above it holds "
        "province.yaml.",
        "  Start one with “lstg init FOLDER”, or name one with --data FOLDER (or the LSTG_DATA "
        "environment variable); --data sample runs on the bundled fictional data.",
    ]
    assert invoke("report", "--province").code == 1
    assert invoke("member", "add", "x", "--name", "A").code == 1


def test_a_missing_output_folder_is_one_line(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "folder" / "x.md"
    ran = invoke(*REPORT, "--data", str(data), "-o", str(target), "--lang", "en")
    assert ran.code == 1
    assert ran.stderr == (
        f"lstg: Cannot write {target}: the folder {target.parent} does not exist.\n"
    )
    assert not target.parent.exists()


def test_a_file_in_the_way_of_a_folder_is_one_line(data: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", "utf-8")
    ran = invoke(*REPORT, "--data", str(data), "-o", str(blocker / "x.md"), "--lang", "en")
    assert (ran.code, ran.stderr.count("\n")) == (1, 1)
    assert ran.stderr.startswith("lstg: Cannot write")


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (errno.EACCES, "không có quyền"),
        (errno.ENOSPC, "ổ đĩa đã đầy"),
        (errno.EROFS, "ổ đĩa chỉ cho phép đọc"),
    ],
)
def test_a_refused_write_is_one_line(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: int, words: str
) -> None:
    def refuse(path: Path, *args: object) -> None:
        raise OSError(error, os.strerror(error), str(path))

    monkeypatch.setattr(atomicfile, "_write", refuse)
    target = tmp_path / "x.md"
    ran = invoke(*REPORT, "--data", str(data), "-o", str(target))
    assert ran.code == 1
    assert ran.stderr == f"lstg: Không ghi được {target}: {words}; không có gì bị thay đổi.\n"


def test_an_os_error_anywhere_else_is_one_line(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(data / "province.yaml"))

    monkeypatch.setattr(validate_command, "run_validation", unreadable)
    ran = invoke("validate", "--data", str(data), "--lang", "en")
    assert ran.code == 1
    assert ran.stderr == f"lstg: {data / 'province.yaml'}: permission denied\n"


def test_an_internal_error_goes_to_a_log_with_the_versions(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(validate_command, "run_validation", broken)
    logs = tmp_path / "logs"
    ran = invoke("validate", "--data", str(data), "--lang", "en", env={"LSTG_LOG_DIR": str(logs)})
    assert ran.code == 3
    (log,) = logs.glob("crash-*.log")
    assert ran.stderr.splitlines() == [
        "lstg: internal error (ZeroDivisionError: division by zero).",
        f"  The details are in {log}; please send that file.",
    ]
    text = log.read_text("utf-8")
    assert "Traceback (most recent call last):" in text
    assert "ZeroDivisionError: division by zero" in text
    assert "\nlstg 0.1.0\n" in text and "\ntyper " in text and "\npydantic " in text
    assert f"command lstg validate --data {data} --lang en\n" in text
    shown = invoke("validate", "--data", str(data), "--debug", env={"LSTG_LOG_DIR": str(logs)})
    assert shown.code == 3
    assert "Traceback (most recent call last):" in shown.stderr
    assert "\ntyper " in shown.stderr


def test_a_closed_pipe_inside_a_command_ends_quietly(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def gone(*args: object, **kwargs: object) -> None:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    monkeypatch.setattr(validate_command, "run_validation", gone)
    ran = invoke("validate", "--data", str(data))
    assert (ran.code, ran.stdout, ran.stderr) == (1, "", "")


def test_a_reader_that_stops_reading_sees_no_traceback() -> None:
    for args in (
        ["report", "--province", "--data", "sample", "--as-of", "2020-11-30", "--format", "html"],
        ["export", "health", "--province", "--data", "sample"],
    ):
        writer = subprocess.Popen(
            [sys.executable, "-m", "lstg", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "LSTG_NO_CACHE": "1"},
        )
        assert writer.stdout is not None and writer.stderr is not None
        writer.stdout.read(100)
        writer.stdout.close()
        error = writer.stderr.read().decode("utf-8")
        assert writer.wait(timeout=120) in (0, 1)
        assert "Exception" not in error, error
        assert "Traceback" not in error, error


def test_the_bundled_sample_is_not_edited() -> None:
    ran = invoke("member", "add", "chi-lang-dong-mo", "--name", "A", "--data", "sample")
    assert ran.code == 1
    assert ran.stderr.splitlines() == [
        "lstg: Không sửa bộ dữ liệu mẫu đi kèm: nó là một phần của lstg.",
        "  Hãy chép nó sang một thư mục của bạn và chỉ ra thư mục đó bằng --data.",
    ]


def test_python_m_lstg_is_the_program(data: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lstg", "validate", "--data", str(data), "--lang", "en"],
        capture_output=True,
        text=True,
        env={**os.environ, "LSTG_NO_CACHE": "1", "LSTG_TODAY": "2026-11-29"},
    )
    assert (done.returncode, done.stdout) == (0, "No problems found (1 club checked).\n")


def test_run_gives_the_exit_code_and_main_exits_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["lstg", "--version"])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 0
