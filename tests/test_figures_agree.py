"""On the bundled data, every command and every format shows the same value for the same
target: the 2021–2025 review as of 31/12/2025, and 2026 under the 2026–2030 plan."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from conftest_edit import run
from docx import Document
from openpyxl import load_workbook

DATA = Path(__file__).resolve().parent.parent / "data"
REVIEW = ("--plan", "2021-2025", "--as-of", "2025-12-31", "--data", str(DATA))


def _json(*args: str) -> Any:
    code, out = run(*args)
    assert code == 0, out
    return json.loads(out)


@pytest.fixture(scope="module")
def checked() -> Any:
    return _json("check", "--format", "json", *REVIEW)


@pytest.fixture(scope="module")
def reported() -> Any:
    return _json("report", "--province", "--format", "json", *REVIEW)


def _province(targets: list[dict[str, Any]]) -> dict[str, tuple[Any, str, str]]:
    return {
        t["id"]: (
            round(t["actual"], 1) if isinstance(t["actual"], float) else t["actual"],
            t["status"],
            t["actual_text"],
        )
        for t in targets
        if t.get("scope", "province") == "province"
    }


def test_check_and_report_give_the_same_targets(checked: Any, reported: Any) -> None:
    province = _province(checked["targets"])
    assert province == _province(reported["targets"])
    assert province["well-managed"][:2] == (47.4, "not_met")
    assert checked["period"]["label"] == reported["period"]["label"] == "2021..2025"
    # the share the review states it uses: the year 2025, for check and report alike
    assert checked["criteria_judged_on"] == {"start": "2025-01-01", "end": "2025-12-31"}
    assert reported["criteria_judged_on"] == "năm 2025"


def test_every_format_of_the_report_shows_those_values(checked: Any, tmp_path: Path) -> None:
    texts = {t["id"]: t["actual_text"] for t in checked["targets"] if t["scope"] == "province"}
    code, markdown = run("report", "--province", *REVIEW)
    assert code == 0
    code, html = run("report", "--province", "--format", "html", *REVIEW)
    assert code == 0
    docx_file, xlsx_file = tmp_path / "r.docx", tmp_path / "r.xlsx"
    assert run("report", "--province", "--format", "docx", "-o", str(docx_file), *REVIEW)[0] == 0
    assert run("report", "--province", "--format", "xlsx", "-o", str(xlsx_file), *REVIEW)[0] == 0
    document = Document(str(docx_file))
    cells = " | ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    book = load_workbook(BytesIO(xlsx_file.read_bytes()))
    sheet = book["Chỉ tiêu"]
    stored = {
        row[1].value: (row[5].value, row[5].number_format) for row in sheet.iter_rows(min_row=7)
    }
    labels = {t["id"]: t["label"] for t in checked["targets"]}
    actual = {t["id"]: t["actual"] for t in checked["targets"]}
    for target, text in texts.items():
        assert f"| {text} |" in markdown, target
        assert f">{text}<" in html, target
        assert text in cells, target
        value, shown = stored[labels[target]]
        if shown == "0.0%":  # shares are stored as fractions, so that formulas on them work
            value *= 100
        assert value == pytest.approx(actual[target], abs=0.05), target


def test_export_rollup_gives_the_report_totals(reported: Any) -> None:
    exported = _json(
        "export",
        "rollup",
        "--province",
        "--format",
        "json",
        "--period",
        "2021..2025",
        "--as-of",
        "2025-12-31",
        "--data",
        str(DATA),
    )
    [province] = [row for row in exported["rollup"] if row["kind"] == "province"]
    for name, value in reported["totals"].items():
        assert province[name] == value, name


def test_2026_uses_the_2026_2030_plan_with_undecided_targets_shown_as_such() -> None:
    checked = _json("check", "--format", "json", "--as-of", "2026-11-30", "--data", str(DATA))
    assert checked["plan"] == "2026-2030"
    undecided = {
        t["id"]: t["target_text"] for t in checked["targets"] if t["status"] == "undecided"
    }
    assert undecided == {
        "new-clubs": "chưa ban hành",
        "older-joined": "chưa ban hành",
        "borrowers": "chưa ban hành",
    }
    new_clubs = next(t for t in checked["targets"] if t["id"] == "new-clubs")
    assert (new_clubs["actual"], new_clubs["target"]) == (4, "undecided")
    reported = _json(
        "report", "--province", "--format", "json", "--as-of", "2026-11-30", "--data", str(DATA)
    )
    assert [t["status"] for t in reported["targets"] if t["id"] == "new-clubs"] == ["undecided"]
    assert {row["level"] for row in reported["rows"]} == {"commune"}
    assert len(reported["rows"]) == 65


def test_a_2026_report_names_no_district_and_no_thi_tran() -> None:
    code, text = run("report", "--province", "--as-of", "2026-11-30", "--data", str(DATA))
    assert code == 0
    assert "huyện" not in text.lower()
    assert "thị trấn" not in text.lower()
    assert "| Xã, phường |" in text


def test_a_period_without_records_says_so_and_gives_no_flow_or_par30_as_fact() -> None:
    period = ("--period", "2026-Q4", "--as-of", "2026-11-30", "--data", str(DATA))
    reported = _json("report", "--province", "--format", "json", *period)
    assert sorted(reported["completeness"]["clubs_not_reporting"]) == [
        "CLB Liên thế hệ tự giúp nhau xã Thái Bình",
        "CLB Liên thế hệ tự giúp nhau xã Tân Mỹ",
        "CLB Liên thế hệ tự giúp nhau xã Tân Văn",
    ]
    assert reported["totals"]["clubs_not_reporting"] == 3
    code, text = run("report", "--province", *period)
    assert code == 0
    top = text.split("## I.")[0]
    assert "03 Câu lạc bộ chưa gửi biên bản nào trong kỳ" in top
    assert "CLB Liên thế hệ tự giúp nhau xã Tân Mỹ" in top
    club = _json("report", "--club", "binh-gia-tan-van", "--format", "json", *period)
    figures = club["totals"]
    assert [figures[k] for k in ("loans_disbursed", "par30", "meetings_held", "fund_income")] == [
        None,
        None,
        None,
        None,
    ]
    assert figures["members"] > 0
    code, text = run("report", "--club", "binh-gia-tan-van", *period)
    assert "Trong kỳ, chưa có số liệu về hoạt động, vốn vay và quỹ của Câu lạc bộ." in text
    assert "PAR30" not in text.split("### 1.")[0]
