"""The editing commands through the CLI: exact output, exact file changes, refusals."""

from __future__ import annotations

import difflib
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from conftest_edit import CLUB, LOANS, MEMBERS, make_data, run

from lstg.core.errors import UserError
from lstg.edit.change import apply_change
from lstg.edit.members import add_member
from lstg.validate.run import validate

FOLDER = f"clubs/{CLUB}"


def changed(old: str, new: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def clean(root: Path) -> list[str]:
    return [f"{p.file}:{p.line} {p.code}" for p in validate(root).problems if p.is_error]


def test_member_add_in_its_plain_form(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    code, out = run(
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
        "--lang",
        "en",
    )
    assert (code, out) == (0, f"{FOLDER}/members.yaml:33: added member M004 Hoàng Thị Lan\n")
    new = (root / FOLDER / "members.yaml").read_text("utf-8")
    assert changed(MEMBERS, new) == [
        "+",
        "+- id: M004",
        "+  name: Hoàng Thị Lan",
        "+  gender: female",
        "+  birth_year: 1956",
        "+  joined: 2025-03-01",
    ]
    assert clean(root) == []


def test_vietnamese_values_and_decomposed_text_are_normalised(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    decomposed = unicodedata.normalize("NFD", "Nông Thị Hằng")
    code, _out = run(
        "member",
        "add",
        CLUB,
        "--name",
        decomposed,
        "--gender",
        "nữ",
        "--birth-date",
        "12/05/1958",
        "--joined",
        "01/03/2025",
        "--household",
        "cận nghèo",
        "--household-certified",
        "2024",
        "--group",
        "suc-khoe",
        "--id",
        "M010",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 0
    text = (root / FOLDER / "members.yaml").read_text("utf-8")
    assert text.endswith(
        "\n- id: M010\n  name: Nông Thị Hằng\n  gender: female\n  birth_date: 1958-05-12\n"
        "  household: near-poor\n  household_certified: 2024\n  joined: 2025-03-01\n"
        "  groups: [suc-khoe]\n"
    )
    assert unicodedata.is_normalized("NFC", text)


def test_an_edit_that_breaks_the_data_is_refused_and_the_file_is_unchanged(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    path = root / FOLDER / "members.yaml"
    before = path.read_bytes()
    code, out = run(
        "member", "edit", CLUB, "M001", "--team", "to-3", "--data", str(root), "--lang", "en"
    )
    assert code == 1
    # 3 is next to 2 on the keyboard, not to 1
    assert out.splitlines() == [
        f"{FOLDER}/members.yaml:10:9: error member.unknown-team: The team “to-3” of member M001 "
        "is not a team listed in club.yaml.",
        "      team: to-3",
        "            ^",
        "    Did you mean “to-2”?",
        "Refused: the change would bring 1 error; nothing was written.",
    ]
    assert path.read_bytes() == before


def test_a_member_cannot_leave_before_joining(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    path = root / FOLDER / "members.yaml"
    before = path.read_bytes()
    code, out = run(
        "member",
        "leave",
        CLUB,
        "M003",
        "--date",
        "01/01/2019",
        "--reason",
        "Chuyển đi",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 1
    assert out.splitlines()[0].startswith(
        f"{FOLDER}/members.yaml:31:10: error schema.value: A member cannot leave before joining."
    )
    assert path.read_bytes() == before


def test_member_leave_and_edit_change_only_their_lines(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    path = root / FOLDER / "members.yaml"
    code, out = run(
        "member",
        "leave",
        CLUB,
        "M002",
        "--date",
        "2025-06-01",
        "--reason",
        "Chuyển nơi ở",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert (code, out) == (0, f"{FOLDER}/members.yaml:22: member M002 left on 2025-06-01\n")
    code, out = run(
        "member",
        "edit",
        CLUB,
        "M001",
        "--name",
        "Hoàng Thị Lân",
        "--living-alone",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert (code, out) == (
        0,
        f"{FOLDER}/members.yaml: member M001: set --name (line 5), --living-alone (line 9)\n",
    )
    assert changed(MEMBERS, path.read_text("utf-8")) == [
        "-  name: Hoàng Thị Lan    # chair since 2019",
        "+  name: Hoàng Thị Lân    # chair since 2019",
        "+  living_alone: true",
        "+  left: {date: 2025-06-01, reason: Chuyển nơi ở}",
    ]
    assert clean(root) == []


def test_dry_run_shows_the_diff_and_writes_nothing(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    before = (root / FOLDER / "loans.yaml").read_bytes()
    code, out = run(
        "loan",
        "repay",
        CLUB,
        "L001",
        "--date",
        "01/12/2019",
        "--principal",
        "1.500.000",
        "--interest",
        "45.000",
        "--dry-run",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 0
    assert out.splitlines() == [
        f"--- a/{FOLDER}/loans.yaml",
        f"+++ b/{FOLDER}/loans.yaml",
        "@@ -8,3 +8,4 @@",
        "   purpose: nuôi lợn   # two piglets",
        "   repayments:",
        "     - {date: 2019-09-01, principal: 1500000, interest: 45000}",
        "+    - {date: 2019-12-01, principal: 1500000, interest: 45000}",
        f"Would do: {FOLDER}/loans.yaml:11: loan L001: repaid 1,500,000 đ principal and 45,000 đ "
        "interest on 2019-12-01",
        "Dry run: nothing was written.",
    ]
    assert (root / FOLDER / "loans.yaml").read_bytes() == before


def test_loan_add_repay_write_off(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    code, out = run(
        "loan",
        "add",
        CLUB,
        "--member",
        "M001",
        "--amount",
        "2.000.000",
        "--interest",
        "0,5",
        "--term",
        "12",
        "--disbursed",
        "01/06/2024",
        "--purpose",
        "Nuôi gà",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert (code, out) == (0, f"{FOLDER}/loans.yaml:11: added loan L002 of 2,000,000 đ to M001\n")
    code, out = run(
        "loan",
        "write-off",
        CLUB,
        "L002",
        "--date",
        "2026-06-01",
        "--reason",
        "Qua đời",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert (code, out) == (0, f"{FOLDER}/loans.yaml:18: loan L002 written off on 2026-06-01\n")
    text = (root / FOLDER / "loans.yaml").read_text("utf-8")
    assert text == LOANS + (
        "- id: L002\n  member: M001\n  amount: 2000000\n  monthly_interest: 0.5\n"
        "  term_months: 12\n  disbursed: 2024-06-01\n  purpose: Nuôi gà\n"
        "  written_off: {date: 2026-06-01, reason: Qua đời}\n"
    )
    assert clean(root) == []


def test_a_repayment_beyond_the_loan_is_refused(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    before = (root / FOLDER / "loans.yaml").read_bytes()
    code, out = run(
        "loan",
        "repay",
        CLUB,
        "L001",
        "--date",
        "2019-12-01",
        "--principal",
        "2.000.000",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 1
    assert "Refused: the change would bring 1 error; nothing was written." in out
    assert (root / FOLDER / "loans.yaml").read_bytes() == before


def test_fund_add_goes_in_date_order_and_a_wrong_balance_is_refused(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    code, out = run(
        "fund",
        "add",
        CLUB,
        "--date",
        "01/01/2020",
        "--fund",
        "income",
        "--amount",
        "200.000",
        "--source",
        "members",
        "--note",
        "Thành viên góp",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert (code, out) == (0, f"{FOLDER}/ledger.yaml:4: income: 200,000 đ on 2020-01-01\n")
    lines = (root / FOLDER / "ledger.yaml").read_text("utf-8").splitlines()
    assert lines[3] == (
        "- {date: 2020-01-01, fund: income, amount: 200000, source: members, note: Thành viên góp}"
    )
    code, out = run(
        "fund",
        "balance",
        CLUB,
        "--date",
        "2020-12-31",
        "--fund",
        "activity",
        "--balance",
        "700.000",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 0
    code, out = run(
        "fund",
        "balance",
        CLUB,
        "--date",
        "2020-12-31",
        "--fund",
        "income",
        "--balance",
        "1",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 1
    assert "error ledger.balance-mismatch" in out.splitlines()[0]


def test_meeting_add_from_csv_sheets(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    attendance = tmp_path / "attendance.csv"
    attendance.write_text("Mã thành viên,Có mặt\nM001,x\nM002,\nM003,Có\n", "utf-8")
    health = tmp_path / "health.csv"
    health.write_text(
        "Mã TV;Cân nặng (kg);Huyết áp;Đường huyết\nM001;51,5;128/82;5,9\nM003;;140/90;\n", "utf-8"
    )
    code, out = run(
        "meeting",
        "add",
        CLUB,
        "--date",
        "15/03/2020",
        "--activity",
        "health",
        "--activity",
        "rights",
        "--attendance-csv",
        str(attendance),
        "--health-csv",
        str(health),
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert (code, out) == (
        0,
        f"{FOLDER}/meetings/2020.yaml:12: added the meeting of 2020-03-15: 2 present, "
        "2 health checks\n",
    )
    text = (root / FOLDER / "meetings/2020.yaml").read_text("utf-8")
    assert (
        "reason: nghỉ Tết\n\n- date: 2020-03-15\n  activities: [health, rights]\n"
        "  attendance: [M001, M003]\n  health_checks:\n"
        "    - {member: M001, weight: 51.5, bp: 128/82, glucose: 5.9}\n"
        "    - {member: M003, bp: 140/90}\n\n- date: 2020-04-15\n"
    ) in text
    assert clean(root) == []


def test_meeting_add_with_prompts_creates_the_year_file(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    code, out = run(
        "meeting",
        "add",
        CLUB,
        "--date",
        "2026-03-15",
        "--activity",
        "health",
        "--data",
        str(root),
        "--lang",
        "en",
        input="M001, M003\nM001 50 120/80 5.5\nM003 - 135/85\n\n",
    )
    assert code == 0
    assert out.splitlines()[-1] == (
        f"{FOLDER}/meetings/2026.yaml:1: added the meeting of 2026-03-15: "
        "2 present, 2 health checks"
    )
    assert (root / FOLDER / "meetings/2026.yaml").read_text("utf-8") == (
        "- date: 2026-03-15\n  activities: [health]\n  attendance: [M001, M003]\n"
        "  health_checks:\n    - {member: M001, weight: 50, bp: 120/80, glucose: 5.5}\n"
        "    - {member: M003, bp: 135/85}\n"
    )


def test_attendance_of_someone_not_a_member_is_refused(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    code, _out = run(
        "meeting",
        "add",
        CLUB,
        "--date",
        "2020-03-15",
        "--attendance",
        "M001,M099",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 1
    assert not (root / FOLDER / "meetings/2020.yaml").read_text("utf-8").count("2020-03-15")


def test_club_new_then_member_add_validates(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    code, out = run(
        "club",
        "new",
        "chi-lang-mai-sao",
        "--name",
        "CLB Liên thế hệ tự giúp nhau xã Mai Sao",
        "--commune",
        "06229",
        "--founded",
        "01/02/2024",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert (code, out) == (
        0,
        "clubs/chi-lang-mai-sao: new club “CLB Liên thế hệ tự giúp nhau xã Mai Sao”\n",
    )
    folder = root / "clubs" / "chi-lang-mai-sao"
    assert (folder / "club.yaml").read_text("utf-8") == (
        "name: CLB Liên thế hệ tự giúp nhau xã Mai Sao\n"
        'commune: {code: "06229", era: "2008"}\n'
        "founded: 2024-02-01\n"
    )
    assert clean(root) == []
    code, out = run(
        "member",
        "add",
        "chi-lang-mai-sao",
        "--name",
        "Lý Văn Tú",
        "--gender",
        "nam",
        "--birth-year",
        "1950",
        "--joined",
        "2024-02-01",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert (code, out) == (
        0,
        "clubs/chi-lang-mai-sao/members.yaml:2: added member M001 Lý Văn Tú\n",
    )
    assert clean(root) == []


def test_club_new_refuses_an_unknown_commune_and_creates_nothing(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    code, out = run(
        "club",
        "new",
        "x-moi",
        "--name",
        "CLB X",
        "--commune",
        "99999",
        "--founded",
        "2024-02-01",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 1
    assert "Refused" in out
    assert not (root / "clubs" / "x-moi").exists()
    assert sorted(p.name for p in (root / "clubs").iterdir()) == [CLUB]


def test_bad_option_values_are_usage_errors(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    code, _out = run(
        "member",
        "add",
        CLUB,
        "--name",
        "A",
        "--gender",
        "khác",
        "--joined",
        "2025-01-01",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 2
    code, out = run(
        "member",
        "leave",
        CLUB,
        "M404",
        "--date",
        "2025-01-01",
        "--reason",
        "x",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 1
    assert out.endswith(f"lstg: No member “M404” in {FOLDER}/members.yaml.\n")


def test_a_file_with_windows_line_ends_keeps_them(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    path = root / FOLDER / "members.yaml"
    path.write_bytes(MEMBERS.replace("\n", "\r\n").encode("utf-8"))
    code, _out = run(
        "member", "edit", CLUB, "M003", "--team", "to-1", "--data", str(root), "--lang", "en"
    )
    assert code == 0
    assert path.read_bytes() == MEMBERS.replace("team: to-2", "team: to-1").replace(
        "\n", "\r\n"
    ).encode("utf-8")


def test_a_file_that_is_not_utf8_is_not_edited(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    path = root / FOLDER / "members.yaml"
    path.write_bytes(MEMBERS.encode("utf-16"))
    before = path.read_bytes()
    code, out = run(
        "member", "edit", CLUB, "M003", "--team", "to-1", "--data", str(root), "--lang", "en"
    )
    assert code == 1
    assert out.endswith(
        f"lstg: {FOLDER}/members.yaml cannot be edited: The file is not text: it holds binary "
        "data. Run lstg validate.\n"
    )
    assert path.read_bytes() == before


def test_a_file_changed_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    change = add_member(root, CLUB, {"name": "A", "gender": "female", "joined": date(2025, 1, 1)})
    path = root / FOLDER / "members.yaml"
    path.write_text(MEMBERS + "# edited by hand\n", "utf-8")
    with pytest.raises(UserError) as caught:
        apply_change(change)
    assert str(caught.value) == (
        f"{FOLDER}/members.yaml was changed by someone else meanwhile; nothing was written."
    )
    assert path.read_text("utf-8") == MEMBERS + "# edited by hand\n"


def test_an_edit_to_the_value_already_there_changes_nothing(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    before = (root / FOLDER / "members.yaml").read_bytes()
    code, out = run(
        "member", "edit", CLUB, "M003", "--team", "to-2", "--data", str(root), "--lang", "en"
    )
    assert (code, out) == (0, "Nothing to change: the records already say so.\n")
    assert (root / FOLDER / "members.yaml").read_bytes() == before


def test_warnings_are_shown_once_when_the_change_brings_them(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    health = tmp_path / "health.csv"
    health.write_text("member,weight,bp\nM001,52,300/200\n", "utf-8")
    code, out = run(
        "meeting",
        "add",
        CLUB,
        "--date",
        "2020-05-15",
        "--attendance",
        "M001",
        "--health-csv",
        str(health),
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 0
    warnings = [line for line in out.splitlines() if ": warning " in line]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{FOLDER}/meetings/2020.yaml:")
    code, out = run(
        "meeting",
        "add",
        CLUB,
        "--date",
        "2020-06-15",
        "--attendance",
        "M001",
        "--data",
        str(root),
        "--lang",
        "en",
    )
    assert code == 0
    assert [line for line in out.splitlines() if ": warning " in line] == []


def test_git_diff_shows_only_the_intended_lines(tmp_path: Path) -> None:
    root = make_data(tmp_path)

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-c", "user.name=Hội", "-c", "user.email=h@example.org", *args],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    git("init", "--quiet")
    git("add", ".")
    git("commit", "--quiet", "-m", "Sổ ban đầu")
    for args in (
        ("member", "leave", CLUB, "M002", "--date", "2025-06-01", "--reason", "Chuyển nơi ở"),
        ("member", "edit", CLUB, "M001", "--name", "Hoàng Thị Lân"),
        ("loan", "repay", CLUB, "L001", "--date", "2019-12-01", "--principal", "1.500.000"),
    ):
        code, out = run(*args, "--data", str(root), "--lang", "en")
        assert code == 0, out
    assert git("diff", "--numstat").splitlines() == [
        f"1\t0\t{FOLDER}/loans.yaml",
        f"2\t1\t{FOLDER}/members.yaml",
    ]
    changed_lines = [
        line
        for line in git("diff", "-U0").splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed_lines == [
        "+    - {date: 2019-12-01, principal: 1500000, interest: 0}",
        "-  name: Hoàng Thị Lan    # chair since 2019",
        "+  name: Hoàng Thị Lân    # chair since 2019",
        "+  left: {date: 2025-06-01, reason: Chuyển nơi ở}",
    ]


def test_member_add_refuses_the_same_person_twice_unless_told(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    args = ("member", "add", CLUB, "--name", "Hoàng Thị Lan", "--gender", "female")
    more = ("--birth-year", "1956", "--joined", "2025-03-01", "--data", str(root), "--lang", "en")
    assert run(*args, *more)[0] == 0
    before = (root / FOLDER / "members.yaml").read_text("utf-8")
    code, out = run(*args, *more)
    assert code == 1
    assert out == (
        f"lstg: {FOLDER}/members.yaml already has M004 with this name and year of birth. "
        "If this is another person, add --different-person; if it is the same person, "
        "correct that record with lstg member edit.\n"
    )
    assert (root / FOLDER / "members.yaml").read_text("utf-8") == before
    code, out = run(*args, *more, "--different-person")
    assert (code, out) == (0, f"{FOLDER}/members.yaml:39: added member M005 Hoàng Thị Lan\n")
    after = (root / FOLDER / "members.yaml").read_text("utf-8")
    assert changed(before, after)[-2:] == ["+  distinct_from:", "+    - M004"]
    assert [p.code for p in validate(root).problems if p.code.startswith("member.")] == []
