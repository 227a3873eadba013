"""``lstg validate`` from the command line: output, exit codes, paths, languages."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest_validate import (
    BASE,
    BROKEN,
    CLUB,
    TODAY,
    copy_base,
    edit,
    isolated,
    run_validate,
)

__all__ = ["isolated"]

pytestmark = pytest.mark.usefixtures("isolated")

CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir() and not p.name.startswith("_"))


def test_clean_folder_exits_0() -> None:
    code, output = run_validate("--lang", "en", "--data", str(BASE))
    assert (code, output) == (0, "No problems found (1 club checked).\n")


def test_clean_folder_in_vietnamese_by_default() -> None:
    code, output = run_validate("--data", str(BASE))
    assert (code, output) == (0, "Không có vấn đề nào (đã kiểm tra 1 câu lạc bộ).\n")


@pytest.mark.parametrize("case", CASES)
def test_broken_case(case: str) -> None:
    folder = BROKEN / case
    started = time.perf_counter()
    code, output = run_validate("--lang", "en", "--data", str(folder))
    elapsed = time.perf_counter() - started
    if os.environ.get("LSTG_REWRITE_EXPECTED"):
        (folder / "expected.txt").write_text(output, "utf-8")
    assert output == (folder / "expected.txt").read_text("utf-8")
    errors = any(" error " in line for line in output.splitlines() if not line.startswith(" "))
    assert code == (1 if errors else 0)
    assert elapsed < 1.0


def test_every_required_corruption_has_a_case() -> None:
    required = {
        "wrong-type",
        "unknown-member-loan",
        "unknown-member-attendance",
        "duplicate-key",
        "broken-indentation",
        "impossible-date",
        "repayment-larger-than-loan",
        "legacy-encoding",
        "empty-file",
        "alias-bomb",
        "binary-garbage",
        "python-tag",
        "unknown-key",
        "balance-mismatch",
        "acting-after-leaving",
        "future-date",
    }
    assert required <= set(CASES)


def test_json_output() -> None:
    code, output = run_validate(
        "--lang", "en", "--format", "json", "--data", str(BROKEN / "unknown-member-loan")
    )
    assert code == 1
    assert json.loads(output) == {
        "problems": [
            {
                "file": f"{CLUB}/loans.yaml",
                "line": 16,
                "column": 11,
                "severity": "error",
                "code": "loan.unknown-member",
                "message": "Member M033 is not in the list of members.",
                "hint": "Did you mean M003?",
            }
        ],
        "summary": {"errors": 1, "warnings": 0, "files": 1, "clubs": 1},
    }


def test_json_keeps_vietnamese_text_unescaped() -> None:
    code, output = run_validate("--format", "json", "--data", str(BROKEN / "unknown-member-loan"))
    assert code == 1
    assert "Thành viên M033 không có trong danh sách thành viên." in output


def test_a_file_path_checks_its_whole_club(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, f"{CLUB}/loans.yaml", "member: M003", "member: M033")
    code, output = run_validate("--lang", "en", str(root / CLUB / "members.yaml"))
    assert code == 1
    assert output.splitlines()[0].startswith(f"{CLUB}/loans.yaml:16:11: error loan.unknown-member")


def test_files_of_other_clubs_are_not_loaded(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    other = root / "clubs" / "other-club"
    other.mkdir()
    (other / "club.yaml").write_text("name: [\n", "utf-8")
    code, output = run_validate("--lang", "en", str(root / CLUB / "club.yaml"))
    assert (code, output) == (0, "No problems found (1 club checked).\n")
    code, output = run_validate("--lang", "en", str(root / "province.yaml"))
    assert code == 1
    assert "2 clubs checked" in output.splitlines()[-1]


def test_data_folder_from_the_environment(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    code, output = run_validate("--lang", "en", env={"LSTG_DATA": str(root)})
    assert (code, output) == (0, "No problems found (1 club checked).\n")


def test_today_from_the_environment() -> None:
    code, _output = run_validate(
        "--lang", "en", "--data", str(BASE), env={"LSTG_TODAY": "2020-01-01"}
    )
    assert code == 1


def test_language_from_the_province_file(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, "province.yaml", "language: vi", "language: en")
    code, output = run_validate("--data", str(root))
    assert (code, output) == (0, "No problems found (1 club checked).\n")


def test_missing_data_folder_is_one_line(tmp_path: Path) -> None:
    code, output = run_validate("--lang", "en", "--data", str(tmp_path / "nowhere"))
    assert code == 1
    assert output == f"lstg: The data folder {tmp_path / 'nowhere'} does not exist.\n"


def test_path_outside_any_data_folder(tmp_path: Path) -> None:
    stray = tmp_path / "stray.yaml"
    stray.write_text("a: 1\n", "utf-8")
    code, output = run_validate("--lang", "en", str(stray))
    assert code == 1
    assert output == (
        f"lstg: {stray} is not inside a data folder (none of its parents holds province.yaml).\n"
    )


@pytest.mark.parametrize(
    "args", [["--lang", "fr"], ["--format", "xml"], ["--bogus"], ["--today", "31/02/2020"]]
)
def test_wrong_usage_exits_2(args: list[str]) -> None:
    code, _output = run_validate(*args, "--data", str(BASE))
    assert code == 2


def _console(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LSTG_TODAY": TODAY, "PYTHONIOENCODING": "utf-8", "LSTG_NO_CACHE": "1"}
    env.pop("LSTG_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "lstg", "validate", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )


def test_console_script_on_hostile_files_never_shows_a_traceback(tmp_path: Path) -> None:
    done = _console("--lang", "en", str(BROKEN / "python-tag"), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == (
        f"{CLUB}/club.yaml:1:7: error yaml.tag: "
        "The tag “!!python/object/apply:os.system” is not allowed in data files."
    )
    assert "Traceback" not in done.stdout + done.stderr


def test_console_script_finds_the_data_folder_from_the_working_directory(tmp_path: Path) -> None:
    done = _console("--lang", "en", cwd=BASE / CLUB)
    assert (done.returncode, done.stdout) == (0, "No problems found (1 club checked).\n")


def test_console_script_usage_error_exits_2(tmp_path: Path) -> None:
    done = _console("--format", "xml", cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_pre_commit_hook_definition() -> None:
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe").load((BASE.parents[2] / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert [
        {k: hook[k] for k in ("id", "entry", "language", "files", "pass_filenames")}
        for hook in hooks
    ] == [
        {
            "id": "lstg-validate",
            "entry": "lstg validate",
            "language": "python",
            "files": r"^([^./][^/]*|(plans|clubs)/.+)\.ya?ml$",
            "pass_filenames": True,
        }
    ]


def test_as_a_pre_commit_hook_each_file_checks_its_club(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    other = root / "clubs" / "other-club"
    other.mkdir()
    (other / "club.yaml").write_text("name: [\n", "utf-8")
    edit(root, f"{CLUB}/ledger.yaml", "balance: 700000", "balance: 70000")
    done = _console(f"{CLUB}/ledger.yaml", f"{CLUB}/meetings/2020.yaml", "--lang", "en", cwd=root)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].startswith(
        f"{CLUB}/ledger.yaml:22:12: error ledger.balance-mismatch:"
    )
    assert done.stdout.splitlines()[-1] == "1 error, 0 warnings in 1 file (1 club checked)"


def test_the_examples_in_the_docs_are_real_output() -> None:
    docs = (BASE.parents[2] / "docs" / "validate.md").read_text("utf-8")
    blocks = [
        block
        for block in re.findall(r"```\n(.*?)```", docs, re.S)
        if block.startswith(f"{CLUB}/loans.yaml")
    ]
    english = run_validate("--lang", "en", "--data", str(BROKEN / "unknown-member-loan"))[1]
    vietnamese = run_validate("--data", str(BROKEN / "unknown-member-loan"))[1]
    assert blocks == [english, vietnamese]
    document = json.loads(re.findall(r"```json\n(.*?)```", docs, re.S)[0])
    _code, output = run_validate(
        "--lang", "en", "--format", "json", "--data", str(BROKEN / "unknown-member-loan")
    )
    assert json.loads(output) == document
