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

from lstg.core.resources import sample_dir
from lstg.edit import hooks

BUNDLED_DATA = sample_dir()

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


def commit(
    repo: Path, message: str, *, path: str | None = None
) -> subprocess.CompletedProcess[str]:
    """``git add . && git commit``, as a user does, with ``path`` as the PATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("LSTG_DATA", "LSTG_LANG")}
    if path is not None:
        env["PATH"] = path
    env |= {
        "GIT_AUTHOR_NAME": "Hội",
        "GIT_AUTHOR_EMAIL": "h@example.org",
        "GIT_COMMITTER_NAME": "Hội",
        "GIT_COMMITTER_EMAIL": "h@example.org",
    }
    subprocess.run(["git", "add", "."], cwd=repo, env=env, check=True)
    return subprocess.run(
        ["git", "commit", "-m", message], cwd=repo, env=env, capture_output=True, text=True
    )


def break_a_member(repo: Path) -> None:
    members = repo / "clubs/trang-dinh-doan-ket/members.yaml"
    members.write_text(members.read_text("utf-8").replace("gender: female", "gender: nữ"), "utf-8")


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


def test_init_writes_the_files_a_git_repository_and_its_hook(tmp_path: Path) -> None:
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
        "added these files to the index: the first git commit records them",
        "the pre-commit hook is installed: lstg validate runs before each commit",
        f"Next: cd {repo} && lstg club new CLUB_ID --name … --commune CODE --founded DATE",
    ]
    assert (repo / "province.yaml").read_bytes() == (BUNDLED_DATA / "province.yaml").read_bytes()
    assert not (repo / "FICTIONAL.md").exists()
    assert (repo / ".git").is_dir()
    assert "pre-commit" in (repo / ".git" / "hooks" / "pre-commit").read_text("utf-8")
    assert ".lstg-cache/" in (repo / ".gitignore").read_text("utf-8").splitlines()
    staged = git(repo, "diff", "--cached", "--name-only").stdout.splitlines()
    assert staged == sorted(
        [
            "province.yaml",
            *[f"plans/{p}" for p in plans],
            "clubs/.gitkeep",
            ".gitignore",
            ".pre-commit-config.yaml",
        ]
    )
    code, out = run("init", str(repo), "--lang", "en")
    assert code == 1
    assert "is a data folder already" in out


def test_the_empty_province_template_validates(tmp_path: Path) -> None:
    repo = tmp_path / "empty"
    assert run("init", str(repo), "--empty", "--lang", "en")[0] == 0
    code, out = run("validate", "--data", str(repo), "--lang", "en")
    assert code == 0, out


def test_init_then_club_new_then_member_add_validates(tmp_path: Path) -> None:
    repo = new_repository(tmp_path)
    code, out = run("validate", "--data", str(repo), "--lang", "en")
    assert code == 0, out
    assert out.splitlines()[-1] == "No problems found (1 club checked)."


def test_the_pre_commit_hook_is_a_local_lstg_validate_on_the_data_files(tmp_path: Path) -> None:
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
                        "files": hooks.DATA_FILES,
                        "require_serial": True,
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
    break_a_member(repo)
    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1


@pytest.mark.parametrize(
    ("path", "checked"),
    [
        ("province.yaml", True),
        ("reports.yaml", True),
        ("plans/2021-2025.yaml", True),
        ("clubs/chi-lang-dong-mo/members.yaml", True),
        ("clubs/chi-lang-dong-mo/meetings/2025.yml", True),
        (".pre-commit-config.yaml", False),
        (".github/workflows/ci.yml", False),
        ("docs/mkdocs.yaml", False),
        ("templates/report.vi.md.j2", False),
    ],
)
def test_the_hook_checks_the_data_files_only(path: str, checked: bool) -> None:
    import re

    assert bool(re.search(hooks.DATA_FILES, path)) is checked


@pytest.mark.skipif(shutil.which("pre-commit", path=str(BIN)) is None, reason="needs pre-commit")
def test_a_commit_runs_the_pre_commit_hook(tmp_path: Path) -> None:
    repo = new_repository(tmp_path)
    (repo / "notes").mkdir()
    (repo / "notes" / "todo.yaml").write_text("[not: valid\n", "utf-8")
    path = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    done = commit(repo, "Câu lạc bộ Đoàn Kết", path=path)
    assert done.returncode == 0, done.stdout + done.stderr
    output = done.stdout + done.stderr
    assert "lstg validate" in output and "Passed" in output
    break_a_member(repo)
    done = commit(repo, "Sửa", path=path)
    assert done.returncode == 1
    output = done.stdout + done.stderr
    assert "Failed" in output
    assert "clubs/trang-dinh-doan-ket/members.yaml:4:11: lỗi schema.choice" in output


def test_without_pre_commit_a_plain_git_hook_runs_lstg_validate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hooks, "pre_commit_program", lambda: None)
    repo = tmp_path / "lang-son-data"
    code, out = run("init", str(repo), "--lang", "en")
    assert code == 0, out
    hook = repo / ".git" / "hooks" / "pre-commit"
    assert (
        f"wrote the git hook {hook}: lstg validate runs before each commit "
        "(pre-commit is not installed)"
    ) in out.splitlines()
    assert hook.read_text("utf-8").startswith("#!/bin/sh\n" + hooks.GIT_HOOK_MARK)
    assert os.access(hook, os.X_OK)
    repo_new = new_repository_in(repo)
    (repo_new / "notes").mkdir()
    (repo_new / "notes" / "todo.yaml").write_text("[not: valid\n", "utf-8")
    without_lstg = "/usr/bin:/bin"
    done = commit(repo_new, "Câu lạc bộ Đoàn Kết", path=without_lstg)
    assert done.returncode == 0, done.stdout + done.stderr
    break_a_member(repo_new)
    done = commit(repo_new, "Sửa", path=without_lstg)
    assert done.returncode == 1
    # git shows what a hook writes on its standard error.
    assert "clubs/trang-dinh-doan-ket/members.yaml:4:11: lỗi schema.choice" in done.stderr
    assert done.stderr.splitlines()[-1] == (
        "1 lỗi, 0 cảnh báo trong 1 tệp (đã kiểm tra 1 câu lạc bộ)"
    )


def new_repository_in(repo: Path) -> Path:
    """Add the club and member of :func:`new_repository` to the data repository ``repo``."""
    for args in (
        (
            "club",
            "new",
            "trang-dinh-doan-ket",
            "--name",
            "CLB Đoàn Kết",
            "--commune",
            "06001",
            "--founded",
            "01/03/2024",
            "--launched",
            "01/04/2024",
        ),
        (
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
            "01/03/2024",
        ),
    ):
        code, out = run(*args, "--data", str(repo))
        assert code == 0, out
    return repo


def test_init_inside_a_repository_sets_no_hook_there(tmp_path: Path) -> None:
    assert git(tmp_path, "init", "--quiet").returncode == 0
    code, out = run("init", str(tmp_path / "lang-son"), "--empty", "--lang", "en")
    assert code == 0
    assert not (tmp_path / "lang-son" / ".git").exists()
    assert not (tmp_path / "lang-son" / ".pre-commit-config.yaml").exists()
    assert "initialised a git repository" not in out
    assert f"{tmp_path / 'lang-son'} is inside another git repository" in out


def test_the_published_hook_checks_the_same_files() -> None:
    published = YAML(typ="safe", pure=True).load(
        (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text("utf-8")
    )
    assert [hook["files"] for hook in published] == [hooks.DATA_FILES]
