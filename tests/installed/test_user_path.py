"""The product as users get it: the wheel installed in a fresh virtual environment, used from
an empty folder that has nothing to do with the checkout.

``make test`` builds the wheel, installs it twice (the newest dependencies, and the
lowest that the bounds in pyproject.toml allow) and runs this module against each
with ``--installed VENV/bin``. Every command goes through the installed ``lstg``
program, in a new process, with the virtual environment first on the PATH as an
activated environment or pipx gives it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLUB = "trang-dinh-doan-ket"


@pytest.fixture(scope="module")
def bin_dir(request: pytest.FixtureRequest) -> Path:
    given = request.config.getoption("--installed")
    if not given:
        pytest.skip("give --installed VENV/bin to test an installed wheel (make test does)")
    return Path(given).resolve()


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty folder, far from the checkout, as the working folder of every command."""
    return tmp_path_factory.mktemp("officer")


def environment(bin_dir: Path, home: Path, **more: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("LSTG_", "VIRTUAL_ENV", "PYTHON")) and k != "PATH"
    }
    env |= {
        "PATH": f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin",
        "LSTG_LOG_DIR": str(home / "logs"),
        "GIT_AUTHOR_NAME": "Hội NCT",
        "GIT_AUTHOR_EMAIL": "hoi@example.org",
        "GIT_COMMITTER_NAME": "Hội NCT",
        "GIT_COMMITTER_EMAIL": "hoi@example.org",
        "XDG_CACHE_HOME": str(home / "cache"),
        **more,
    }
    return env


@pytest.fixture(scope="module")
def lstg(bin_dir: Path, home: Path) -> Iterator[object]:
    def run(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(bin_dir / "lstg"), *args],
            cwd=cwd or home,
            env=environment(bin_dir, home, **env),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
        )

    yield run


def no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stdout + done.stderr, done.stderr


def test_the_installed_lstg_is_the_one_tested(bin_dir: Path) -> None:
    assert (bin_dir / "lstg").is_file()
    done = subprocess.run(
        [str(bin_dir / "python"), "-c", "import lstg; print(lstg.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    )
    module = Path(done.stdout.strip()).resolve()
    assert bin_dir.parent.resolve() in module.parents, "lstg must come from the wheel"
    assert not (module.parent / "templates" / "__init__.py").samefile(
        ROOT / "templates" / "__init__.py"
    )


def test_version_and_vietnamese_help(lstg) -> None:  # type: ignore[no-untyped-def]
    source = (ROOT / "lstg" / "__init__.py").read_text("utf-8")
    version = re.search(r'__version__ = "(.+)"', source)
    assert version is not None
    done = lstg("--version")
    assert (done.returncode, done.stdout) == (0, f"lstg {version.group(1)}\n")
    done = lstg("--help")
    assert done.returncode == 0
    assert done.stdout.startswith("Cách dùng: lstg [TÙY_CHỌN] LỆNH [THAM_SỐ]...\n")
    assert "\nLệnh:\n" in done.stdout
    assert "  validate  Kiểm tra dữ liệu: mọi vấn đề, kèm tệp, dòng và cột." in done.stdout
    english = lstg("--help", LSTG_LANG="en")
    assert english.stdout.startswith("Usage: lstg [OPTIONS] COMMAND [ARGS]...\n")


def test_outside_a_data_folder_lstg_says_where_it_looked(lstg, home: Path) -> None:  # type: ignore[no-untyped-def]
    done = lstg("validate")
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[0] == (
        f"lstg: Không tìm thấy thư mục dữ liệu: cả {home.resolve()} lẫn các thư mục chứa nó "
        "đều không có province.yaml."
    )
    assert "lstg init" in lines[1] and "--data sample" in lines[1]


def test_the_sample_runs_only_by_name_and_says_it_is_fictional(lstg) -> None:  # type: ignore[no-untyped-def]
    done = lstg("validate", "--data", "sample")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("DỮ LIỆU HƯ CẤU")
    done = lstg("report", "--province", "--as-of", "30/11/2020", "--data", "sample")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("**DỮ LIỆU HƯ CẤU")
    assert "898 thành viên" in done.stdout


def test_a_new_data_repository_from_init_to_a_checked_commit(  # type: ignore[no-untyped-def]
    lstg, bin_dir: Path, home: Path
) -> None:
    done = lstg("init", "ls-data")
    assert done.returncode == 0, done.stderr
    repo = home / "ls-data"
    assert "đã ghi git hook" in done.stderr or "đã cài pre-commit hook" in done.stderr
    assert (repo / "province.yaml").is_file()
    done = lstg(
        "club",
        "new",
        CLUB,
        "--name",
        "CLB Liên thế hệ tự giúp nhau xã Đoàn Kết",
        "--commune",
        "06001",
        "--founded",
        "01/03/2024",
        "--launched",
        "15/04/2024",
        cwd=repo,
    )
    assert done.returncode == 0, done.stderr
    done = lstg(
        "member",
        "add",
        CLUB,
        "--name",
        "Hoàng Thị Lan",
        "--gender",
        "nữ",
        "--birth-year",
        "1956",
        "--joined",
        "01/03/2024",
        cwd=repo,
    )
    assert done.returncode == 0, done.stderr
    assert "M001" in done.stderr
    done = lstg("validate", cwd=repo)
    assert (done.returncode, done.stdout) == (
        0,
        "Không có vấn đề nào (đã kiểm tra 1 câu lạc bộ).\n",
    )
    done = lstg("check", "--as-of", "30/11/2024", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert "Số liệu đến ngày 30/11/2024" in done.stdout
    subprocess.run(["git", "add", "."], cwd=repo, env=environment(bin_dir, home), check=True)
    commit = subprocess.run(
        ["git", "commit", "-m", "CLB Đoàn Kết"],
        cwd=repo,
        env=environment(bin_dir, home),
        capture_output=True,
        text=True,
    )
    assert commit.returncode == 0, commit.stdout + commit.stderr
    members = repo / "clubs" / CLUB / "members.yaml"
    members.write_text(members.read_text("utf-8").replace("gender: female", "gender: nữa"), "utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, env=environment(bin_dir, home), check=True)
    commit = subprocess.run(
        ["git", "commit", "-m", "Sửa"],
        cwd=repo,
        env=environment(bin_dir, home),
        capture_output=True,
        text=True,
    )
    assert commit.returncode == 1
    assert f"clubs/{CLUB}/members.yaml:" in commit.stdout + commit.stderr
    assert "lỗi schema.choice" in commit.stdout + commit.stderr
    members.write_text(members.read_text("utf-8").replace("gender: nữa", "gender: female"), "utf-8")


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "xlsx", "json"])
def test_report_in_every_format(lstg, home: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    repo = home / "ls-data"
    if not (repo / "clubs" / CLUB).is_dir():
        pytest.skip("needs the repository of the previous test")
    out = home / f"bao-cao.{fmt}"
    done = lstg(
        "report", "--province", "--as-of", "30/11/2024", "--format", fmt, "-o", str(out), cwd=repo
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == f"Đã ghi báo cáo vào {out}"
    data = out.read_bytes()
    if fmt == "md":
        lines = data.decode("utf-8").splitlines()
        assert "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**" in lines[0]
        assert "# BÁO CÁO" in lines
    elif fmt == "html":
        assert '<html lang="vi">' in data.decode("utf-8")
    elif fmt == "docx":
        with zipfile.ZipFile(out) as document:
            assert "BÁO CÁO" in document.read("word/document.xml").decode("utf-8")
    elif fmt == "xlsx":
        with zipfile.ZipFile(out) as book:
            assert "xl/workbook.xml" in book.namelist()
    else:
        report = json.loads(data)
        assert report["scope"]["level"] == "province"
        assert report["totals"]["members"] == 1
        assert report["totals"]["clubs"] == 1


def test_usage_errors_are_vietnamese_and_exit_2(lstg, home: Path) -> None:  # type: ignore[no-untyped-def]
    repo = home / "ls-data"
    done = lstg("report", "--provnce", cwd=repo if repo.is_dir() else home)
    assert done.returncode == 2
    usage = done.stderr.splitlines()[0]
    # Typer's versions write the optional summaries as "[BÁO_CÁO.json]..." or "BÁO_CÁO.json".
    assert usage.startswith("Cách dùng: lstg report [TÙY_CHỌN] ")
    assert "BÁO_CÁO.json" in usage
    assert (
        done.stderr.splitlines()[-1] == "Lỗi: Không có tùy chọn --provnce (có thể là: --province)"
    )
    done = lstg("validate", "--no-cache", "--format", "xml", "--data", "sample")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        "Lỗi: Giá trị không hợp lệ cho '--format': “xml” không phải là một trong: text, json."
    )


def test_bad_paths_give_one_line(lstg, home: Path) -> None:  # type: ignore[no-untyped-def]
    args = ("report", "--province", "--as-of", "30/11/2020", "--data", "sample", "--format", "docx")
    done = lstg(*args, "-o", "/missing/folder/x.docx")
    assert done.returncode == 1
    no_traceback(done)
    assert done.stderr.splitlines()[-1] == (
        "lstg: Không ghi được /missing/folder/x.docx: thư mục /missing/folder không tồn tại."
    )
    blocker = home / "a-file"
    blocker.write_text("", "utf-8")
    done = lstg(*args, "-o", str(blocker / "x.docx"))
    assert done.returncode == 1
    no_traceback(done)
    locked = home / "read-only"
    locked.mkdir(exist_ok=True)
    locked.chmod(0o555)
    done = lstg(*args, "-o", str(locked / "x.docx"))
    no_traceback(done)
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        assert done.returncode == 1
        assert (
            done.stderr.splitlines()[-1]
            == f"lstg: Không ghi được {locked / 'x.docx'}: không có quyền."
        )


def test_a_reader_that_stops_early_ends_the_run_quietly(bin_dir: Path, home: Path) -> None:
    for args in (
        ["validate", "--data", "sample"],
        ["export", "health", "--province", "--data", "sample"],
        ["report", "--province", "--data", "sample", "--format", "json"],
    ):
        writer = subprocess.Popen(
            [str(bin_dir / "lstg"), *args],
            cwd=home,
            env=environment(bin_dir, home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert writer.stdout is not None and writer.stderr is not None
        writer.stdout.read(10)
        writer.stdout.close()
        error = writer.stderr.read().decode("utf-8")
        assert writer.wait(timeout=300) in (0, 1)
        assert "Traceback" not in error and "Exception" not in error, error


def test_global_flags_go_before_or_after_the_command(lstg) -> None:  # type: ignore[no-untyped-def]
    before = lstg("--no-cache", "--lang", "en", "validate", "--data", "sample")
    after = lstg("validate", "--data", "sample", "--no-cache", "--lang", "en")
    assert before.returncode == after.returncode == 0
    assert before.stdout == after.stdout
    # The sample's consent and retention warnings are dated (data/README.md); none is an error.
    assert re.fullmatch(
        r"0 errors, \d+ warnings in \d+ files \(42 clubs checked\)", after.stdout.splitlines()[-1]
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, *sys.argv[1:]]))
