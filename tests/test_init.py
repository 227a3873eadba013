"""``lstg init``: a new data repository that validates and whose pre-commit hook runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest_edit import run
from ruamel.yaml import YAML

from lstg.paths import BUNDLED_DATA

BIN = Path(sys.executable).parent


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Hội NCT",
        "GIT_AUTHOR_EMAIL": "hoi@example.org",
        "GIT_COMMITTER_NAME": "Hội NCT",
        "GIT_COMMITTER_EMAIL": "hoi@example.org",
    }
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False
    )


def new_repository(tmp_path: Path) -> Path:
    repo = tmp_path / "lang-son-data"
    code, out = run("init", str(repo), "--lang", "en")
    assert code == 0, out
    code, out = run(
        "club",
        "new",
        "trang-dinh-doan-ket",
        "--name",
        "CLB Liên thế hệ tự giúp nhau xã Đoàn Kết",
        "--commune",
        "06001",
        "--founded",
        "2024-03-01",
        "--launched",
        "2024-04-01",
        "--data",
        str(repo),
        "--lang",
        "en",
    )
    assert code == 0, out
    code, out = run(
        "member",
        "add",
        "trang-dinh-doan-ket",
        "--name",
        "Hoàng Thị Lan",
        "--gender",
        "female",
        "--birth-year",
        "1956",
        "--joined",
        "2024-03-01",
        "--data",
        str(repo),
        "--lang",
        "en",
    )
    assert code == 0, out
    return repo


def test_init_writes_the_files_and_a_git_repository(tmp_path: Path) -> None:
    repo = tmp_path / "lang-son-data"
    code, out = run("init", str(repo), "--lang", "en")
    assert code == 0
    plans = sorted(p.name for p in (BUNDLED_DATA / "plans").glob("*.yaml"))
    assert out.splitlines() == [
        f"created {repo / 'province.yaml'}",
        *[f"created {repo / 'plans' / name}" for name in plans],
        f"created {repo / 'clubs' / '.gitkeep'}",
        f"created {repo / '.gitignore'}",
        f"created {repo / '.pre-commit-config.yaml'}",
        f"initialised a git repository in {repo}",
        f"Next: lstg club new CLUB_ID --name … --commune CODE --founded DATE --data {repo}",
    ]
    assert (repo / "province.yaml").read_bytes() == (BUNDLED_DATA / "province.yaml").read_bytes()
    assert (repo / ".git").is_dir()
    assert ".lstg-cache/" in (repo / ".gitignore").read_text("utf-8").splitlines()
    code, out = run("init", str(repo), "--lang", "en")
    assert code == 1
    assert "is a data folder already" in out


def test_the_empty_province_template_validates(tmp_path: Path) -> None:
    repo = tmp_path / "empty"
    assert run("init", str(repo), "--province", "empty", "--lang", "en")[0] == 0
    code, out = run("validate", "--data", str(repo), "--lang", "en")
    assert code == 0, out


def test_init_then_club_new_then_member_add_validates(tmp_path: Path) -> None:
    repo = new_repository(tmp_path)
    code, out = run("validate", "--data", str(repo), "--lang", "en")
    assert code == 0, out
    assert out.splitlines()[-1] == "No problems found (1 club checked)."


def test_the_pre_commit_hook_is_a_local_lstg_validate_and_runs(tmp_path: Path) -> None:
    repo = new_repository(tmp_path)
    config = YAML(typ="safe", pure=True).load((repo / ".pre-commit-config.yaml").read_text("utf-8"))
    assert config == {
        "repos": [
            {
                "repo": "local",
                "hooks": [
                    {
                        "id": "lstg-validate",
                        "name": "lstg validate",
                        "entry": "lstg validate",
                        "language": "system",
                        "files": r"\.ya?ml$",
                    }
                ],
            }
        ]
    }
    entry = config["repos"][0]["hooks"][0]["entry"].split()
    command = [str(BIN / entry[0]), *entry[1:], "clubs/trang-dinh-doan-ket/members.yaml"]
    env = {k: v for k, v in os.environ.items() if k != "LSTG_DATA"}
    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    members = repo / "clubs/trang-dinh-doan-ket/members.yaml"
    members.write_text(members.read_text("utf-8").replace("gender: female", "gender: nữ"), "utf-8")
    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1


@pytest.mark.skipif(shutil.which("pre-commit", path=str(BIN)) is None, reason="needs pre-commit")
def test_a_commit_runs_the_hook(tmp_path: Path) -> None:
    repo = new_repository(tmp_path)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("LSTG_DATA", None)
    install = subprocess.run(
        [str(BIN / "pre-commit"), "install"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert install.returncode == 0, install.stdout + install.stderr
    git(repo, "add", ".")
    done = subprocess.run(
        ["git", "commit", "-m", "Câu lạc bộ Đoàn Kết"],
        cwd=repo,
        env={
            **env,
            "GIT_AUTHOR_NAME": "Hội",
            "GIT_AUTHOR_EMAIL": "h@example.org",
            "GIT_COMMITTER_NAME": "Hội",
            "GIT_COMMITTER_EMAIL": "h@example.org",
        },
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    output = done.stdout + done.stderr
    assert "lstg validate" in output and "Passed" in output
    members = repo / "clubs/trang-dinh-doan-ket/members.yaml"
    members.write_text(members.read_text("utf-8").replace("gender: female", "gender: nữ"), "utf-8")
    git(repo, "add", ".")
    done = subprocess.run(
        ["git", "commit", "-m", "Sửa"],
        cwd=repo,
        env={
            **env,
            "GIT_AUTHOR_NAME": "Hội",
            "GIT_AUTHOR_EMAIL": "h@example.org",
            "GIT_COMMITTER_NAME": "Hội",
            "GIT_COMMITTER_EMAIL": "h@example.org",
        },
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    output = done.stdout + done.stderr
    assert "Failed" in output
    assert "clubs/trang-dinh-doan-ket/members.yaml:4:11: error schema.choice" in output


def test_init_inside_a_repository_does_not_make_another(tmp_path: Path) -> None:
    assert git(tmp_path, "init", "--quiet").returncode == 0
    code, out = run("init", str(tmp_path / "lang-son"), "--province", "empty", "--lang", "en")
    assert code == 0
    assert not (tmp_path / "lang-son" / ".git").exists()
    assert "initialised a git repository" not in out
