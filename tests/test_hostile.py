"""Hostile and careless input through the real command line, one test per case.

Each case runs ``python -m lstg`` on a copy of a small data folder and checks the
exit status (0, 1 or 2, never 3), the located Vietnamese line, that no data file
changed that was not asked to, and that nothing was written outside the data
folder. The heavier runs (thousands of mutations, kills, concurrent pairs) are
``scripts/hostile.py``.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest_edit import CLUB, make_data
from openpyxl import Workbook, load_workbook

FOLDER = f"clubs/{CLUB}"
ENV = {"LSTG_TODAY": "2026-11-29", "LSTG_DATA": ""}
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX special files")


def lstg(*args: str, cwd: Path | None = None, timeout: float = 30) -> tuple[int, str, str]:
    """Run the installed command line: exit status, standard output, standard error."""
    done = subprocess.run(
        [sys.executable, "-m", "lstg", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **ENV},
        cwd=cwd,
        timeout=timeout,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout, done.stderr


def tree(folder: Path) -> dict[str, str]:
    """Digest of every file under ``folder`` (the work folder left out)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and ".lstg-cache" not in p.parts
    }


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return make_data(tmp_path)


def _write(root: Path, rel: str, text: str) -> None:
    (root / rel).write_text(text, "utf-8")


def _replace(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def assert_located(out: str, rel: str, code: str, line: int | None = None) -> str:
    """The ``FILE:LINE:COL: lỗi CODE: message`` line of ``code``; its message must be
    Vietnamese (the data folder's language)."""
    pattern = rf"^{re.escape(rel)}:(\d+):(\d+): (lỗi|cảnh báo) {re.escape(code)}: (.+)$"
    found = re.search(pattern, out, re.M)
    assert found, out
    if line is not None:
        assert int(found.group(1)) == line, out
    message = found.group(4)
    assert re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", message), message
    return message


# -- values that crashed or passed -------------------------------------------------------

VALUE_CASES = [
    ("birth-year-dash", "members.yaml", "  birth_year: 1955", "  birth_year: -_", "yaml.number"),
    ("kind-hex", "members.yaml", "  birth_year: 1955", "  birth_year: 0x_", "yaml.number"),
    ("octal", "members.yaml", "  birth_year: 1955", "  birth_year: 0o_", "yaml.number"),
    ("founded-binary", "club.yaml", "founded: 2019-03-01", "founded: 0b_", "yaml.number"),
    ("huge-integer", "members.yaml", "  birth_year: 1955", "  birth_year: " + "9" * 4400,
     "yaml.number"),
    ("term-tag", "loans.yaml", "term_months: 6", "term_months: !!int six", "yaml.tag"),
    ("bool-maybe", "members.yaml", "  home_care_volunteer: true",
     "  home_care_volunteer: !!bool maybe", "yaml.tag"),
    ("str-tag-on-list", "members.yaml", "  groups: [suc-khoe]", "  groups: !!str [suc-khoe]",
     "yaml.tag"),
    ("python-tag", "members.yaml", "  ethnicity: Tày", "  ethnicity: !!python/name:os.system",
     "yaml.tag"),
    ("weight-dot", "meetings/2020.yaml", "weight: 52.5", "weight: ._", "yaml.number"),
    ("bp-float-tag", "meetings/2020.yaml", "bp: 130/85", "bp: !!float x", "yaml.tag"),
    ("infinity", "meetings/2020.yaml", "weight: 52.5", "weight: .inf", "yaml.not-finite"),
    ("nan", "meetings/2020.yaml", "weight: 52.5", "weight: .nan", "yaml.not-finite"),
    ("scalar-anchor", "members.yaml", "  team: to-1\n  groups", "  team: &t to-1\n  groups",
     "yaml.alias"),
    ("merge-key", "club.yaml", "fund_regulations: 2019-04-15",
     "fund_regulations: 2019-04-15\n<<: {x: 1}", "yaml.alias"),
    ("second-document", "members.yaml", "# joined after the launch", "---\n- id: M9",
     "yaml.syntax"),
    ("tab", "members.yaml", "  gender: male", "\tgender: male", "yaml.tab"),
    ("control-character", "members.yaml", '  name: "Lương Văn Bình"',
     '  name: "Lương\\e[31m Văn Bình"', "schema.value"),
    ("combining-line", "members.yaml", "  ethnicity: Tày\n  joined: 2019-03-01",
     "  ethnicity: Tày\n\u0301joined: 2019-03-01", "yaml.syntax"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "file", "old", "new", "code"), VALUE_CASES, ids=[c[0] for c in VALUE_CASES]
)
def test_a_hostile_value_is_an_error_at_its_line(
    data: Path, name: str, file: str, old: str, new: str, code: str
) -> None:
    _replace(data, f"{FOLDER}/{file}", old, new)
    before = tree(data.parent)
    status, out, err = lstg("validate", "--data", str(data))
    assert status == 1, out + err
    assert_located(out, f"{FOLDER}/{file}", code)
    assert tree(data.parent) == before


@pytest.mark.parametrize(
    ("rel", "text"),
    [
        (f"{FOLDER}/club.yaml", "~\n"),
        ("province.yaml", "null\n"),
        (f"{FOLDER}/members.yaml", "---\n"),
        (f"{FOLDER}/meetings/2020.yaml", "--- ~\n...\n"),
    ],
    ids=["club-tilde", "province-null", "members-dashes", "meetings-null"],
)
def test_a_null_document_is_an_error_and_the_club_does_not_vanish(
    data: Path, rel: str, text: str
) -> None:
    _write(data, rel, text)
    status, out, _err = lstg("validate", "--data", str(data))
    assert status == 1
    assert_located(out, rel, "file.null", line=1)


def test_a_ten_megabyte_name_is_too_long_at_its_line(data: Path) -> None:
    _replace(data, f"{FOLDER}/members.yaml", '"Lương Văn Bình"', "A" * 10_000_000)
    status, out, _err = lstg("validate", "--data", str(data))
    assert status == 1
    message = assert_located(out, f"{FOLDER}/members.yaml", "schema.too-long")
    assert len(message) < 200
    assert len(out) < 5000


def test_a_million_aliases_are_refused_at_the_first(data: Path) -> None:
    _write(data, f"{FOLDER}/members.yaml", "- &x {id: M001}\n" + "- *x\n" * 1_000_000)
    status, out, _err = lstg("--no-cache", "validate", "--data", str(data))
    assert status == 1
    assert_located(out, f"{FOLDER}/members.yaml", "yaml.alias", line=2)


def test_deep_nesting_is_refused(data: Path) -> None:
    _write(data, f"{FOLDER}/members.yaml", "[" * 100_000 + "]" * 100_000 + "\n")
    status, out, _err = lstg("validate", "--data", str(data))
    assert status == 1
    assert_located(out, f"{FOLDER}/members.yaml", "yaml.too-deep", line=1)


# -- special files and links ---------------------------------------------------------------


@POSIX
@pytest.mark.parametrize(
    "rel", [f"{FOLDER}/members.yaml", f"{FOLDER}/meetings/2021.yaml", f"{FOLDER}/notes"]
)
def test_a_fifo_is_reported_and_never_opened(data: Path, rel: str) -> None:
    path = data / rel
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    status, out, err = lstg("validate", "--data", str(data), timeout=20)
    assert status == 1, out + err
    assert re.search(rf"^{re.escape(rel)}: lỗi file.special: ", out, re.M), out
    status, out, err = lstg(
        "member", "edit", CLUB, "M001", "--name", "Lan", "--data", str(data), timeout=20
    )
    assert status in (0, 1), out + err


@POSIX
def test_a_symlink_to_a_file_outside_is_reported_and_not_read(data: Path) -> None:
    secret = data.parent / "secret.yaml"
    secret.write_text("- id: M001\n  name: SECRET LINE\n", "utf-8")
    members = data / FOLDER / "members.yaml"
    members.unlink()
    members.symlink_to(secret)
    status, out, _err = lstg("validate", "--data", str(data))
    assert status == 1
    assert re.search(rf"^{FOLDER}/members.yaml: lỗi file.symlink: ", out, re.M), out
    assert "SECRET" not in out
    status, out, err = lstg("member", "edit", CLUB, "M001", "--name", "Lan", "--data", str(data))
    assert status == 1 and "SECRET" not in out + err
    assert secret.read_text("utf-8") == "- id: M001\n  name: SECRET LINE\n"


@POSIX
def test_a_symlink_loop_is_reported(data: Path) -> None:
    (data / "clubs" / "loop").symlink_to("loop")
    status, out, _err = lstg("validate", "--data", str(data))
    assert status == 1
    assert re.search(r"^clubs/loop: lỗi file.symlink: ", out, re.M), out


@POSIX
def test_a_club_folder_linked_from_outside_is_not_entered(data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside-club"
    outside.mkdir()
    (outside / "club.yaml").write_text("name: [unclosed\n", "utf-8")
    (data / "clubs" / "elsewhere").symlink_to(outside)
    status, out, _err = lstg("validate", "--data", str(data))
    assert status == 1
    assert re.search(r"^clubs/elsewhere: lỗi file.symlink: ", out, re.M), out
    assert "unclosed" not in out


@POSIX
def test_a_work_folder_that_is_a_link_is_refused(data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (data / ".lstg-cache").symlink_to(outside)
    status, _out, err = lstg("member", "edit", CLUB, "M001", "--name", "Lan", "--data", str(data))
    assert status == 1 and err.startswith("lstg: ")
    assert list(outside.iterdir()) == []


# -- club ids and paths ------------------------------------------------------------------


ADD = ["--name", "Hoàng Thị Lan", "--gender", "female", "--birth-year", "1956",
       "--joined", "2025-03-01"]  # fmt: skip


@pytest.mark.parametrize(
    "club", ["../../outside", "/abs/path", "..", ".", "Chi-Lang", "a b", "x\x1b[31m", "-", ""]
)
def test_a_club_that_is_not_an_id_is_one_line_and_nothing_is_written(data: Path, club: str) -> None:
    before = tree(data.parent)
    status, out, err = lstg("member", "add", club, *ADD, "--data", str(data))
    assert status == 2, out + err
    assert err.startswith("lstg: ") and err.count("\n") == 1, err
    assert "không phải là mã câu lạc bộ" in err
    assert tree(data.parent) == before


@pytest.mark.parametrize("form", ["{club}/", "./{club}", "./{club}/", "clubs/{club}", "{abs}"])
def test_what_completion_types_is_read_as_the_club_and_validated(data: Path, form: str) -> None:
    club = form.format(club=CLUB, abs=data / "clubs" / CLUB)
    status, out, err = lstg(
        "member", "add", club, *ADD, "--team", "T99", "--data", str(data), cwd=data
    )
    assert status == 1, out + err
    assert_located(err, f"{FOLDER}/members.yaml", "member.unknown-team")
    status, out, err = lstg("member", "add", club, *ADD, "--data", str(data), cwd=data)
    assert status == 0, out + err
    assert "M004" in (data / FOLDER / "members.yaml").read_text("utf-8")


@pytest.mark.parametrize("club", [f"../clubs/{CLUB}", f"{CLUB}/", f"./{CLUB}"])
def test_an_overpaid_loan_through_a_path_is_validated_and_refused(data: Path, club: str) -> None:
    before = tree(data.parent)
    status, _out, err = lstg(
        "loan", "repay", club, "L001", "--date", "2020-01-01",
        "--principal", "99000000", "--data", str(data), cwd=data / "clubs",
    )  # fmt: skip
    assert status == 1, err
    assert_located(err, f"{FOLDER}/loans.yaml", "loan.overpaid")
    assert tree(data.parent) == before


def test_a_path_that_is_not_a_club_folder_is_not_an_id(data: Path) -> None:
    (data / "other" / CLUB).mkdir(parents=True)
    status, _out, err = lstg("member", "add", f"other/{CLUB}", *ADD, "--data", str(data), cwd=data)
    assert status == 2 and "không phải là mã câu lạc bộ" in err


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--birth-year", "-5"),
        ("--birth-year", "99999999999999999999999"),
        ("--joined", "31/02/2025"),
        ("--joined", "2025-13-01"),
        ("--gender", "x" * 100_000),
        ("--name", ""),
        ("--name", "Lan\nM999"),
        ("--team", "../../etc"),
        ("--id", "M001"),
        ("--id", "- id: X"),
    ],
)
def test_odd_option_values_are_refused_with_one_line(data: Path, option: str, value: str) -> None:
    before = tree(data.parent)
    args = [a for a in ADD if a != option]
    if option in args:
        index = args.index(option)
        del args[index : index + 2]
    status, out, err = lstg("member", "add", CLUB, *args, option, value, "--data", str(data))
    assert status in (1, 2), out + err
    assert err.strip(), out
    assert tree(data.parent) == before


# -- edits of files the editor cannot edit -------------------------------------------------


EDIT_CASES = [
    ("merge-key", "- <<: {gender: female}\n  id: M001\n  name: Lan\n", 1),
    ("alias", "- id: M001\n  name: &n Lan\n- id: M002\n  name: *n\n", 4),
    ("syntax", "- id: M001\n  name: Lan\n   gender: female\n", 3),
    ("two-documents", "- id: M001\n---\n- id: M002\n", 2),
    ("scalar", "just some text\n", None),
    ("mapping", "id: M001\nname: Lan\n", None),
]


@pytest.mark.parametrize(("name", "text", "line"), EDIT_CASES, ids=[c[0] for c in EDIT_CASES])
def test_an_edit_of_a_file_the_editor_cannot_read_is_one_located_line(
    data: Path, name: str, text: str, line: int | None
) -> None:
    _write(data, f"{FOLDER}/members.yaml", text)
    before = tree(data.parent)
    status, out, err = lstg("member", "add", CLUB, *ADD, "--data", str(data))
    assert status == 1, out + err
    assert err.startswith(f"lstg: {FOLDER}/members.yaml"), err
    if line is not None:
        assert err.startswith(f"lstg: {FOLDER}/members.yaml:{line}:"), err
    assert tree(data.parent) == before


FAIL_WRITE = """
import errno, os, sys
real = os.replace
code = int(sys.argv[1])
def broken(src, dst):
    if str(dst).endswith(".yaml"):
        raise OSError(code, os.strerror(code))
    return real(src, dst)
os.replace = broken
from lstg.cli.app import main
sys.argv = ["lstg", *sys.argv[2:]]
main()
"""


@pytest.mark.parametrize(
    ("errno_", "words"), [(28, "ổ đĩa đã đầy"), (30, "chỉ cho phép đọc"), (13, "không có quyền")]
)
def test_a_full_or_read_only_disk_is_one_line_and_leaves_nothing(
    data: Path, errno_: int, words: str
) -> None:
    before = tree(data.parent)
    done = subprocess.run(
        [sys.executable, "-c", FAIL_WRITE, str(errno_), "member", "add", CLUB, *ADD,
         "--data", str(data)],
        capture_output=True, text=True, env={**os.environ, **ENV}, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("lstg: ") and words in done.stderr, done.stderr
    assert done.stderr.count("\n") == 1
    assert tree(data.parent) == before
    work = data / ".lstg-cache" / "tmp" / CLUB
    assert not work.exists() or list(work.iterdir()) == []


def test_an_edit_leaves_nothing_in_the_system_temporary_folder(data: Path, tmp_path: Path) -> None:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=data, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "data")
    scratch = tmp_path / "tmpdir"
    scratch.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "lstg", "member", "add", CLUB, *ADD, "--data", str(data)],
        capture_output=True, text=True, env={**os.environ, **ENV, "TMPDIR": str(scratch)},
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert list(scratch.iterdir()) == []
    assert git("status", "--porcelain", "--untracked-files=all").splitlines() == [
        f" M {FOLDER}/members.yaml"
    ]


def test_what_a_killed_edit_left_is_removed_by_the_next(data: Path) -> None:
    work = data / ".lstg-cache" / "tmp" / CLUB
    work.mkdir(parents=True)
    (work / ".members.yaml.dead.tmp").write_text("half", "utf-8")
    (work / "check-dead").mkdir()
    (work / "check-dead" / "members.yaml").write_text("copy", "utf-8")
    status, _out, err = lstg("member", "edit", CLUB, "M001", "--name", "Lan", "--data", str(data))
    assert status == 0, err
    assert list(work.iterdir()) == []


def test_two_edits_at_once_are_both_recorded(data: Path) -> None:
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "lstg",
                "member",
                "add",
                CLUB,
                *ADD[:1],
                f"Người {n}",
                *ADD[2:],
                "--data",
                str(data),
            ],
            env={**os.environ, **ENV},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in range(2)
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    text = (data / FOLDER / "members.yaml").read_text("utf-8")
    assert "Người 0" in text and "Người 1" in text
    assert "M004" in text and "M005" in text


def test_an_edit_that_cannot_get_the_lock_is_refused(data: Path) -> None:
    from filelock import FileLock

    from lstg.dataset.workdir import locks_dir

    lock = FileLock(str(locks_dir(data) / f"{CLUB}.lock"))
    held = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from filelock import FileLock; "
         f"l = FileLock({str(lock.lock_file)!r}); l.acquire(); print('held', flush=True); "
         "time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert held.stdout is not None and held.stdout.readline().strip() == "held"
        before = tree(data.parent)
        done = subprocess.run(
            [sys.executable, "-c", "import sys; import lstg.edit.lock as l; l.WAIT_SECONDS = 0.5;"
             " from lstg.cli.app import main; sys.argv = ['lstg', *sys.argv[1:]]; main()",
             "member", "edit", CLUB, "M001", "--name", "Lan", "--data", str(data)],
            capture_output=True, text=True, env={**os.environ, **ENV}, check=False,
        )  # fmt: skip
        assert done.returncode == 1
        assert "đang chạy" in done.stderr and done.stderr.count("\n") == 1
        assert tree(data.parent) == before
    finally:
        held.kill()
        held.wait()


# -- outputs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--club", CLUB, "-o", f"{FOLDER}/members.yaml"],
        ["report", "--province", "--format", "docx", "-o", "province.yaml"],
        ["report", "--province", "-o", "clubs/report.md"],
        ["export", "members", "--club", CLUB, "-o", f"{FOLDER}/members.yaml"],
        ["export", "members", "--club", CLUB, "-o", "plans/x.csv"],
        ["export", "members", "--club", CLUB, "-o", ".git-like/../province.yaml"],
    ],
    ids=[
        "report-onto-members",
        "docx-onto-province",
        "into-clubs",
        "export-onto-members",
        "into-plans",
        "dotdot-onto-province",
    ],
)
def test_an_output_never_lands_on_data(data: Path, args: list[str]) -> None:
    (data / "plans").mkdir()
    (data / ".git-like").mkdir()
    before = tree(data.parent)
    status, out, err = lstg(*args, "--data", str(data), "--as-of", "2020-11-30", cwd=data)
    assert status == 1, out + err
    assert err.startswith("lstg: ") and "thư mục dữ liệu" in err, err
    assert tree(data.parent) == before


def test_an_output_may_go_into_the_reports_folder(data: Path) -> None:
    (data / "reports").mkdir()
    status, _out, err = lstg(
        "report", "--province", "--as-of", "2020-11-30", "-o", "reports/r.md",
        "--data", str(data), cwd=data,
    )  # fmt: skip
    assert status == 0, err
    assert (data / "reports" / "r.md").is_file()
    status, out, _err = lstg("validate", "--data", str(data))
    assert status == 0, out


@pytest.mark.parametrize(
    ("target", "words"),
    [("missing/x.md", "không tồn tại"), (".", "thư mục"), ("/dev/null", "không phải là tệp")],
)
def test_a_bad_output_path_is_one_line(data: Path, tmp_path: Path, target: str, words: str) -> None:
    status, _out, err = lstg(
        "report", "--province", "--as-of", "2020-11-30", "-o", target, "--data", str(data),
        cwd=tmp_path,
    )  # fmt: skip
    assert status == 1
    assert err.startswith("lstg: ") and words in err and err.count("\n") == 1, err


def test_export_of_a_club_given_as_an_absolute_path(data: Path, tmp_path: Path) -> None:
    status, out, err = lstg("export", "members", "--club", str(data / FOLDER), "--data", str(data))
    assert status == 0, err
    assert "Hoàng Thị Lan" in out


# -- injection -------------------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://x","y")'


def _poison(root: Path) -> None:
    _replace(root, f"{FOLDER}/club.yaml", "name: CLB Liên thế hệ tự giúp nhau xã Quang Lang",
             f'name: "{SCRIPT} | a | b | *em* [l](javascript:x)"')  # fmt: skip
    _replace(root, f"{FOLDER}/members.yaml", "name: Vi Thị Hoa", f"name: '{FORMULA}'")
    _replace(
        root, f"{FOLDER}/members.yaml", '"Lương Văn Bình"', "\"-2+3 @SUM(1) =cmd|' /C calc'!A0\""
    )
    _replace(root, "province.yaml", "name: Huyện Chi Lăng", f'name: "Huyện {SCRIPT}"')


def test_html_report_escapes_every_value(data: Path) -> None:
    _poison(data)
    status, out, err = lstg(
        "report", "--club", CLUB, "--members", "--format", "html", "--as-of", "2020-11-30",
        "--data", str(data),
    )  # fmt: skip
    assert status == 0, err
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    status, out, _err = lstg(
        "report", "--province", "--format", "html", "--as-of", "2020-11-30", "--data", str(data)
    )
    assert status == 0 and "<script>" not in out


def test_markdown_report_escapes_cells_and_emphasis(data: Path) -> None:
    _poison(data)
    status, out, err = lstg(
        "report", "--district", "186", "--format", "md", "--as-of", "2020-11-30",
        "--data", str(data),
    )  # fmt: skip
    assert status == 0, err
    assert "<script>" not in out and "\\<script\\>" in out
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "script" in line and line.startswith("|"))
    row = lines[at]
    rule = next(line for line in reversed(lines[:at]) if line.startswith(("|---", "|:--")))
    assert row.count("|") - row.count("\\|") == len(rule.split("|")) - 2 + 1
    assert "\\*em\\*" in out and "\\[l\\]" in out


def _cells(payload: bytes) -> list[tuple[str, object, str]]:
    book = load_workbook(io.BytesIO(payload))
    return [
        (c.coordinate, c.value, c.data_type)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for c in row
        if c.value is not None
    ]


def test_xlsx_export_writes_formulas_as_text_and_numbers_as_numbers(
    data: Path, tmp_path: Path
) -> None:
    _poison(data)
    target = tmp_path / "m.xlsx"
    status, _out, err = lstg(
        "export",
        "members",
        "--club",
        CLUB,
        "--format",
        "xlsx",
        "-o",
        str(target),
        "--data",
        str(data),
    )
    assert status == 0, err
    cells = _cells(target.read_bytes())
    assert all(kind != "f" for _c, _v, kind in cells)
    assert (FORMULA, "s") in [(v, k) for _c, v, k in cells]
    with zipfile.ZipFile(target) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    assert any(isinstance(v, int) and k == "n" for _c, v, k in cells)


def test_xlsx_report_writes_formulas_as_text(data: Path, tmp_path: Path) -> None:
    _poison(data)
    target = tmp_path / "r.xlsx"
    status, _out, err = lstg(
        "report", "--club", CLUB, "--members", "--format", "xlsx", "--as-of", "2020-11-30",
        "-o", str(target), "--data", str(data),
    )  # fmt: skip
    assert status == 0, err
    cells = _cells(target.read_bytes())
    assert all(kind != "f" for _c, _v, kind in cells)
    assert FORMULA in [v for _c, v, _k in cells]


def test_csv_export_prefixes_risky_text_and_keeps_numbers(data: Path) -> None:
    _poison(data)
    status, out, err = lstg("export", "members", "--club", CLUB, "--data", str(data))
    assert status == 0, err
    assert f"'{FORMULA}" in out.replace('""', '"')
    assert "'-2+3 @SUM(1)" in out
    status, out, err = lstg("export", "ledger", "--club", CLUB, "--data", str(data))
    assert status == 0, err
    assert ",-300000," in out and "'-300000" not in out


def test_docx_report_escapes_values(data: Path, tmp_path: Path) -> None:
    _poison(data)
    target = tmp_path / "r.docx"
    status, _out, err = lstg(
        "report", "--club", CLUB, "--members", "--format", "docx", "--as-of", "2020-11-30",
        "-o", str(target), "--data", str(data),
    )  # fmt: skip
    assert status == 0, err
    with zipfile.ZipFile(target) as archive:
        body = archive.read("word/document.xml").decode()
    assert "<script>" not in body and "&lt;script&gt;" in body


def test_import_reports_a_formula_cell_without_a_value_at_its_cell(
    data: Path, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Giới tính", "Năm sinh", "Ngày vào"])
    sheet.append(["Nông Văn Dũng", "Nam", "=1900+55", "01/03/2021"])
    path = tmp_path / "register.xlsx"
    book.save(path)
    before = tree(data.parent)
    status, out, err = lstg("import", "members", CLUB, str(path), "--data", str(data))
    assert status == 1, out + err
    assert re.search(r"dòng 2, cột C .*=1900\+55", out + err), out + err
    assert tree(data.parent) == before


@POSIX
def test_a_terminated_edit_removes_its_temporary_files(data: Path) -> None:
    slow = (
        "import os, sys, time\n"
        "import lstg.core.atomicfile as a\n"
        "real = os.fsync\n"
        "def slow(fd):\n"
        "    print('writing', flush=True); time.sleep(30); real(fd)\n"
        "a.os.fsync = slow\n"
        "from lstg.cli.app import main\n"
        "sys.argv = ['lstg', *sys.argv[1:]]\n"
        "main()\n"
    )
    from lstg.dataset.workdir import work_dir

    work_dir(data)
    before = tree(data.parent)
    process = subprocess.Popen(
        [sys.executable, "-c", slow, "member", "add", CLUB, *ADD, "--data", str(data)],
        env={**os.environ, **ENV}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "writing"
    process.terminate()
    assert process.wait(timeout=20) == 128 + 15
    assert tree(data.parent) == before
    work = data / ".lstg-cache" / "tmp" / CLUB
    assert not work.exists() or list(work.iterdir()) == []


@POSIX
def test_a_cache_folder_that_is_a_link_is_never_written_through(data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "old.json").write_text("{}", "utf-8")
    os.utime(outside / "old.json", (0, 0))
    (data / ".lstg-cache").symlink_to(outside)
    status, _out, _err = lstg("validate", "--data", str(data))
    assert status == 0
    assert sorted(p.name for p in outside.iterdir()) == ["old.json"]
