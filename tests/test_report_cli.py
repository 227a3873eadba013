"""``lstg report`` from the command line: scope options, formats, files, provenance, exit codes."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_run import invoke
from conftest_report import write_small_data
from docx import Document
from openpyxl import load_workbook

from lstg.core.i18n import current_language, set_language

BUNDLED = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(autouse=True)
def _keep_language() -> Iterator[None]:
    before = current_language()
    yield
    set_language(before)


def run_report(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    """Run ``lstg report`` in-process: exit code, standard output, standard error."""
    ran = invoke(
        "report",
        *args,
        env={"LSTG_TODAY": "2026-01-15", "LSTG_GENERATED_AT": "2020-12-01T08:15:00+00:00"},
    )
    return ran.code, ran.stdout, ran.stderr


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write_small_data(tmp_path / "data")


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@pytest.fixture
def repo(small: Path) -> Path:
    git(small, "init", "-q")
    git(small, "add", ".")
    git(small, "commit", "-q", "-m", "data")
    return small


@pytest.mark.skipif(not (BUNDLED / "province.yaml").is_file(), reason="no bundled data")
def test_bundled_province_json_gives_the_seed_figures() -> None:
    code, out, _ = run_report(
        "--province", "--as-of", "2020-11-30", "--format", "json", "--data", str(BUNDLED)
    )
    assert code == 0
    data = json.loads(out)
    expected = {
        "clubs": 18,
        "clubs_operating": 16,
        "clubs_preparing": 2,
        "units_with_clubs": 9,
        "units_total": 11,
        "members": 898,
        "members_older": 630,
        "board_members": 90,
        "borrowers": 35,
    }
    assert {k: data["totals"][k] for k in expected} == expected
    clubs = {row["unit"]: row["clubs"] for row in data["rows"]}
    assert clubs["Chi Lăng"] == 6
    assert [clubs[d] for d in ("Văn Lãng", "Cao Lộc", "Bắc Sơn", "Bình Gia")] == [2, 2, 2, 2]
    assert clubs["Tràng Định"] == clubs["Lộc Bình"] == 0
    statuses = {t["id"]: t["status"] for t in data["targets"]}
    assert statuses["clubs"] == "not_met"
    assert statuses["districts"] == "exceeded"


def test_json_layout(small: Path) -> None:
    code, out, _ = run_report(
        "--province", "--as-of", "2020-11-30", "--format", "json", "--data", str(small)
    )
    assert code == 0
    data = json.loads(out)
    assert data["scope"] == {
        "level": "province",
        "name": "Lạng Sơn",
        "code": "20",
        "full_name": "Tỉnh Lạng Sơn",
    }
    assert data["period"] == {"label": "2020", "start": "2020-01-01", "end": "2020-12-31"}
    assert data["as_of"] == "2020-11-30"
    assert data["totals"]["units_with_clubs"] == 2
    assert data["totals"]["units_total"] == 3
    assert data["totals"]["loans_disbursed_amount"] == 2_000_000
    # Vân An has no meeting record at all: its members drop out of the share
    assert data["totals"]["borrower_share"] == pytest.approx(100 * 2 / 8)
    assert data["rows"][2]["unit"] == "Chi Lăng"
    assert data["rows"][2]["name"] == "Huyện Chi Lăng"
    assert data["rows"][2]["code"] == "187"
    assert "units_total" not in data["rows"][0]
    assert data["targets"][0] == {
        "id": "clubs",
        "label": "Xây dựng 4 Câu lạc bộ",
        "unit": "count",
        "operator": "at_least",
        "target": 4.0,
        "actual": 3,
        "status": "not_met",
        "actual_text": "3",
        "target_text": "ít nhất 4",
    }
    assert data["completeness"] == {
        "months_expected": 22,
        "months_recorded": 2,
        "share": pytest.approx(100 * 2 / 22),
        "clubs_not_reporting": ["CLB Liên thế hệ tự giúp nhau xã Vân An"],
    }
    assert data["provenance"] == {
        "commit": None,
        "dirty": None,
        "generated_at": "2020-12-01T08:15:00+00:00",
        "lstg_version": "0.1.0",
    }
    assert "members" not in data
    assert "Thành viên Đồng Mỏ 1" not in out


def test_committed_data_names_its_commit(repo: Path) -> None:
    head = git(repo, "rev-parse", "HEAD")
    code, out, _ = run_report("--province", "--as-of", "2020-11-30", "--data", str(repo))
    assert code == 0
    assert out.rstrip().endswith(
        f"*Ghi chú: Nguồn số liệu: thư mục dữ liệu tại phiên bản (commit) {head[:12]}, không có "
        "thay đổi "
        "chưa lưu. Lập lúc 01/12/2020 15:15 (giờ Việt Nam) bằng lstg 0.1.0.*"
    )
    assert "Cảnh báo" not in out


def test_uncommitted_changes_are_reported(repo: Path) -> None:
    members = repo / "clubs" / "chi-lang-van-an" / "members.yaml"
    members.write_text(members.read_text(encoding="utf-8").replace("Vân An 4", "Vân An Bốn"))
    head = git(repo, "rev-parse", "HEAD")
    code, out, _ = run_report("--province", "--as-of", "2020-11-30", "--data", str(repo))
    assert code == 0
    assert (
        "**Cảnh báo: thư mục dữ liệu có thay đổi chưa được lưu (commit) vào git; số liệu có thể "
        f"khác với phiên bản {head[:12]}.**"
    ) in out.splitlines()
    code, out, _ = run_report(
        "--province",
        "--as-of",
        "2020-11-30",
        "--format",
        "json",
        "--data",
        str(repo),
        "--lang",
        "en",
    )
    assert json.loads(out)["provenance"]["dirty"] is True
    assert json.loads(out)["provenance"]["commit"] == head


def test_english_markdown(small: Path) -> None:
    code, out, _ = run_report(
        "--province", "--as-of", "2020-11-30", "--lang", "en", "--data", str(small)
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith(
        "| **SOCIALIST REPUBLIC OF VIETNAM**<br>**Independence - Freedom - Happiness** |"
    )
    assert "| No.: ……/BC-…… | *……, …… …… 2026* |" in lines
    assert (
        "| | **Total** | **3** | **2** | **1** | **12** | **10** | **9** | **2** | **3** |" in lines
    )


def test_at_most_one_scope_and_the_province_by_default(small: Path) -> None:
    whole = run_report("--data", str(small), "--as-of", "2020-11-30")
    assert whole == run_report("--province", "--data", str(small), "--as-of", "2020-11-30")
    assert whole[0] == 0
    code, _, err = run_report("--province", "--district", "Chi Lăng", "--data", str(small))
    assert code == 2
    assert "--province, --district, --commune" in err


def test_members_only_with_a_club(small: Path) -> None:
    code, _, err = run_report("--district", "chi lang", "--members", "--data", str(small))
    assert code == 2
    assert "--club" in err


def test_club_members_are_listed_by_name_when_asked(small: Path) -> None:
    code, out, _ = run_report(
        "--club", "chi-lang-dong-mo", "--as-of", "2020-11-30", "--data", str(small)
    )
    assert code == 0
    assert "Thành viên Đồng Mỏ" not in out
    code, out, _ = run_report(
        "--club", "chi-lang-dong-mo", "--as-of", "2020-11-30", "--members", "--data", str(small)
    )
    assert code == 0
    assert "| M001 | Thành viên Đồng Mỏ 1 | Nữ | 1950 | 12/05/2017 | Chủ nhiệm |  |" in out


def test_unknown_district_lists_the_known_ones(small: Path) -> None:
    code, out, err = run_report("--district", "Tràng Định", "--data", str(small))
    assert code == 2
    assert out == ""
    assert "Thành phố Lạng Sơn, Huyện Văn Lãng, Huyện Chi Lăng" in err


def test_bad_period_is_a_usage_error(small: Path) -> None:
    code, _, err = run_report("--province", "--period", "2024-Q5", "--data", str(small))
    assert code == 2
    assert "2024-Q5" in err


def test_output_file_is_written_whole(small: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    code, out, err = run_report(
        "--province",
        "--as-of",
        "2020-11-30",
        "--format",
        "html",
        "-o",
        str(target),
        "--data",
        str(small),
    )
    assert code == 0
    assert out == ""
    assert str(target) in err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.html"]


def test_word_and_excel_go_to_a_default_file(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run_report(
        "--province", "--as-of", "2020-11-30", "--format", "docx", "--data", str(small)
    )
    assert code == 0
    assert out == ""
    written = tmp_path / "bao-cao-province-20-2020.docx"
    assert str(written.name) in err
    document = Document(str(written))
    assert document.tables[0].cell(0, 1).paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    code, _, err = run_report(
        "--province", "--as-of", "2020-11-30", "--format", "xlsx", "--data", str(small)
    )
    assert code == 0
    book = load_workbook(tmp_path / "bao-cao-province-20-2020.xlsx")
    assert book.sheetnames[1] == "CLB và thành viên"


def test_data_errors_are_reported(small: Path) -> None:
    members = small / "clubs" / "chi-lang-van-an" / "members.yaml"
    members.write_text(
        members.read_text(encoding="utf-8").replace("gender: male", "gender: nam", 1),
        encoding="utf-8",
    )
    code, out, _ = run_report("--province", "--as-of", "2020-11-30", "--data", str(small))
    assert code == 0
    assert (
        "**Cảnh báo: dữ liệu có 1 lỗi; các bản ghi có lỗi không được tính vào số liệu. "
        "Hãy chạy lstg validate để xem và sửa.**"
    ) in out.splitlines()


def test_without_dates_the_report_stops_today(small: Path) -> None:
    code, out, _ = run_report("--province", "--format", "json", "--data", str(small))
    assert code == 0
    data = json.loads(out)
    assert data["period"]["label"] == "2026"
    assert data["as_of"] == "2026-01-15"
    code, out, _ = run_report(
        "--province", "--period", "2020", "--format", "json", "--data", str(small)
    )
    assert json.loads(out)["as_of"] == "2020-12-31"


def test_a_template_must_fit_the_format(small: Path, tmp_path: Path) -> None:
    word = tmp_path / "mine.docx"
    word.write_bytes(b"not really")
    code, _, err = run_report("--province", "--template", str(word), "--data", str(small))
    assert code == 2
    assert "Word" in err
    code, _, err = run_report(
        "--province", "--format", "xlsx", "--template", str(word), "--data", str(small)
    )
    assert code == 2
    assert "xlsx" in err
    code, _, err = run_report(
        "--province", "--template", str(tmp_path / "none.md.j2"), "--data", str(small)
    )
    assert code == 2


def test_members_without_a_birth_year_are_said(small: Path) -> None:
    members = small / "clubs" / "chi-lang-van-an" / "members.yaml"
    text = members.read_text(encoding="utf-8")
    members.write_text(text.replace(", birth_year: 1950", "", 1), encoding="utf-8")
    code, out, _ = run_report("--province", "--as-of", "2020-11-30", "--data", str(small))
    assert code == 0
    assert "trong đó có 9 NCT, 9 nữ và 2 người trẻ tuổi (1 thành viên chưa rõ năm sinh);" in out
