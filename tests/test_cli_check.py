"""``lstg check`` from the command line: output, filters and exit codes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from cli_run import invoke
from rollup_fixtures import club, members, monthly_meetings, write_club, write_province

from lstg.core.i18n import current_language, set_language

BUNDLED_PLANS = Path(__file__).resolve().parent.parent / "data" / "plans"


@pytest.fixture(autouse=True)
def _keep_language() -> Iterator[None]:
    before = current_language()
    yield
    set_language(before)


def run_check(*args: str, today: str = "2026-01-15") -> tuple[int, str, str]:
    """Run ``lstg check`` in-process: exit code, standard output, standard error."""
    ran = invoke("check", *args, env={"LSTG_TODAY": today})
    return ran.code, ran.stdout, ran.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    write_province(root)
    shutil.copytree(BUNDLED_PLANS, root / "plans")
    meetings = monthly_meetings(date(2020, 1, 1), date(2021, 12, 31), attendance=["M001"])
    write_club(
        root,
        "clb-a",
        club("CLB Đồng Mỏ", commune="001"),
        members(50, women=30, older=35),
        meetings=meetings,
    )
    write_club(
        root,
        "clb-b",
        club("CLB Hòa Bình", commune="002", founded="2020-08-01", launched=None),
        members(20),
    )
    write_club(root, "clb-c", club("CLB Vĩnh Trại", commune="003"), members(71))
    return root


def test_json_has_exactly_the_documented_keys(folder: Path) -> None:
    code, out, err = run_check(
        "--data", str(folder), "--plan", "2016-2020", "--as-of", "2020-11-30", "--format", "json"
    )
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert list(document) == [
        "plan",
        "as_of",
        "period",
        "criteria_judged_on",
        "completeness",
        "targets",
        "clubs",
    ]
    assert (document["plan"], document["as_of"]) == ("2016-2020", "2020-11-30")
    # --plan without --period: the plan's phase, cut at the as-of date
    assert document["period"] == {"label": "2016..2020", "start": "2016-01-01", "end": "2020-11-30"}
    assert document["criteria_judged_on"] == {"start": "2019-12-01", "end": "2020-11-30"}
    assert document["targets"][0] == {
        "id": "clubs",
        "label": "Xây dựng và duy trì hoạt động 20 Câu lạc bộ",
        "scope": "province",
        "unit": "count",
        "actual": 3,
        "target": 20,
        "status": "not_met",
        "actual_text": "3",
        "target_text": "ít nhất 20",
        "window": {"start": "2020-11-30", "end": "2020-11-30"},
    }
    assert [(t["id"], t["actual"], t["target"], t["status"]) for t in document["targets"]] == [
        ("clubs", 3, 20, "not_met"),
        ("districts", 2, 8, "not_met"),
        ("members", 141, 300, "not_met"),
        ("members-older", 126, 200, "not_met"),
    ]
    assert [
        (c["club"], c["name"], c["criteria"], c["well_managed"]) for c in document["clubs"]
    ] == [
        ("clb-a", "CLB Đồng Mỏ", [], False),
        ("clb-b", "CLB Hòa Bình", [], False),
        ("clb-c", "CLB Vĩnh Trại", [], False),
    ]


def test_json_club_criteria_in_english(folder: Path) -> None:
    code, out, _err = run_check(
        "--data",
        str(folder),
        "--plan",
        "2021-2025",
        "--as-of",
        "2021-12-31",
        "--club",
        "clb-a",
        "--format",
        "json",
        "--lang",
        "en",
    )
    assert code == 0
    document = json.loads(out)
    assert document["targets"] == []
    [found] = document["clubs"]
    assert found["club"] == "clb-a" and found["well_managed"] is False
    assert [
        (c["id"], c["actual"], c["target"], c["status"], c["actual_text"], c["target_text"])
        for c in found["criteria"][:3]
    ] == [
        ("club-members", 50, [50, 70], "met", "50", "from 50 to 70"),
        ("club-women", 60.0, [60, 70], "met", "60.0% (30/50)", "from 60% to 70%"),
        ("club-older", 70.0, [60, 70], "met", "70.0% (35/50)", "from 60% to 70%"),
    ]
    meetings = next(c for c in found["criteria"] if c["id"] == "club-meetings")
    assert (meetings["actual"], meetings["target"], meetings["status"]) == (1, 1, "met")
    assert (meetings["actual_text"], meetings["target_text"]) == (
        "12/12 months with a meeting",
        "every month",
    )
    assert meetings["detail"] == {"months_held": 12, "months_recorded": 12, "months_expected": 12}


def test_text_in_vietnamese_by_default(folder: Path) -> None:
    code, out, _err = run_check(
        "--data", str(folder), "--plan", "2016-2020", "--as-of", "2020-11-30"
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Kế hoạch: Giai đoạn 2016–2020"
    assert lines[1] == "Số liệu đến ngày 30/11/2020; kỳ 01/01/2016 – 30/11/2020"
    row = next(line for line in lines if line.startswith("Có ít nhất 300 thành viên tham gia"))
    assert row.split() == [
        "Có",
        "ít",
        "nhất",
        "300",
        "thành",
        "viên",
        "tham",
        "gia",
        "Tỉnh",
        "141",
        "ít",
        "nhất",
        "300",
        "Chưa",
        "đạt",
    ]


def test_text_lists_each_club_with_its_criteria(folder: Path) -> None:
    code, out, _err = run_check(
        "--data", str(folder), "--plan", "2021-2025", "--as-of", "2021-12-31", "--lang", "en"
    )
    assert code == 0
    lines = out.splitlines()
    assert "CLB Vĩnh Trại (clb-c): not yet well managed" in lines
    start = lines.index("CLB Vĩnh Trại (clb-c): not yet well managed")
    assert lines[start + 3].split() == [
        *("50", "to", "70", "members", "71"),
        *("from", "50", "to", "70", "Not", "met"),
    ]


def test_strict_exits_1_when_something_is_not_met(folder: Path) -> None:
    args = ("--data", str(folder), "--plan", "2016-2020", "--as-of", "2020-11-30")
    assert run_check(*args)[0] == 0
    assert run_check(*args, "--strict")[0] == 1


def test_unknown_club_is_a_usage_error_listing_the_known_ones(folder: Path) -> None:
    code, out, err = run_check("--data", str(folder), "--club", "clb-x", "--lang", "en")
    assert (code, out) == (2, "")
    assert err == "lstg: Unknown club “clb-x”. Known clubs: clb-a, clb-b, clb-c\n"


def test_unknown_district_is_a_usage_error_listing_the_known_ones(folder: Path) -> None:
    code, _out, err = run_check(
        "--data", str(folder), "--district", "Lộc Bình", "--lang", "en", "--as-of", "2021-06-30"
    )
    assert code == 2
    assert err == (
        "lstg: Unknown district “Lộc Bình”. Known districts: Huyện Chi Lăng, Thành phố Lạng Sơn\n"
    )


def test_a_bad_period_is_a_usage_error_in_the_users_language(folder: Path) -> None:
    code, out, err = run_check("--data", str(folder), "--period", "2024-Q5")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "Cách dùng: lstg check [TÙY_CHỌN]",
        "Xem hướng dẫn: “lstg check --help”.",
        "",
        "Lỗi: Giá trị không hợp lệ cho '--period': “2024-Q5” không phải là kỳ báo cáo: "
        "hãy ghi 2024, 2024-Q3, 2024-H1, 2024-05, 2021..2025 hoặc 2024-01-01..2024-06-30",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("--plan", "1990-1995"),
        ("--club", "clb-a", "--district", "chi lang"),
    ],
)
def test_usage_errors_exit_2(folder: Path, args: tuple[str, ...]) -> None:
    code, out, err = run_check("--data", str(folder), *args)
    assert (code, out) == (2, "")
    assert err.startswith("lstg: ") and err.count("\n") == 1


def test_district_filter_matches_without_diacritics(folder: Path) -> None:
    code, out, _err = run_check(
        "--data",
        str(folder),
        "--plan",
        "2021-2025",
        "--as-of",
        "2021-12-31",
        "--district",
        "chi lang",
        "--format",
        "json",
    )
    assert code == 0
    assert [c["club"] for c in json.loads(out)["clubs"]] == ["clb-a", "clb-b"]


def test_default_plan_and_as_of_come_from_today(folder: Path) -> None:
    code, out, _err = run_check("--data", str(folder), "--format", "json", today="2023-05-20")
    assert code == 0
    document = json.loads(out)
    assert (document["plan"], document["as_of"]) == ("2021-2025", "2023-05-20")
    assert document["period"] == {"label": "2023", "start": "2023-01-01", "end": "2023-05-20"}
    code, out, _err = run_check("--data", str(folder), "--format", "json", today="2027-01-01")
    assert (json.loads(out)["plan"], json.loads(out)["as_of"]) == ("2026-2030", "2027-01-01")
    # no plan holds the date: said, never answered with another plan's numbers
    code, out, err = run_check("--data", str(folder), "--lang", "en", today="2031-03-01")
    assert (code, out) == (2, "")
    assert err == (
        "lstg: No plan holds the date 1 March 2031. Known plans: 2016-2020 (1 January 2016–"
        "31 December 2020), 2021-2025 (1 January 2021–31 December 2025), 2026-2030 "
        "(1 January 2026–31 December 2030)\n"
    )


def test_period_sets_the_as_of_date(folder: Path) -> None:
    code, out, _err = run_check("--data", str(folder), "--period", "2021-Q2", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["as_of"] == "2021-06-30"
    assert document["period"] == {"label": "2021-Q2", "start": "2021-04-01", "end": "2021-06-30"}


def test_text_says_what_to_do_for_each_rule_not_met(folder: Path) -> None:
    code, out, _err = run_check(
        "--data",
        str(folder),
        "--plan",
        "2021-2025",
        "--as-of",
        "2021-12-31",
        "--club",
        "clb-c",
        "--lang",
        "en",
    )
    assert code == 0
    lines = out.splitlines()
    to_do = lines[lines.index("What to do:") + 1 :]
    assert to_do[0] == "- 50 to 70 members: Under 50, recruit; over 70, split off a new club."
    assert "- A board of at least 5: Elect board members up to 5." in to_do


def test_records_with_errors_are_left_out_and_said_so(folder: Path) -> None:
    members_file = folder / "clubs" / "clb-a" / "members.yaml"
    members_file.write_text(
        members_file.read_text(encoding="utf-8").replace("gender: female", "gender: unknown", 1),
        encoding="utf-8",
    )
    code, out, _err = run_check(
        "--data", str(folder), "--plan", "2016-2020", "--as-of", "2020-11-30", "--lang", "en"
    )
    assert code == 0
    lines = out.splitlines()
    assert "The data has 1 error: records with errors are left out; run lstg validate." in lines
    row = next(line for line in lines if line.startswith("At least 300 members"))
    assert row.split()[-6] == "140"
