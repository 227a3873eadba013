"""A national report from provinces' JSON summaries (``report --from``) gives exactly the
figures of all their clubs taken together, and refuses what it cannot add up."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from cli_run import invoke
from openpyxl import load_workbook

from lstg.indicators import FIGURE_NAMES

DATA = Path(__file__).resolve().parent.parent / "data"
TODAY = "2026-12-01"
REVIEW = ("--plan", "2021-2025", "--as-of", "2025-12-31")
ENV = {"LSTG_TODAY": TODAY, "LSTG_GENERATED_AT": "2026-12-01T08:00:00+00:00"}


def lstg(*args: str) -> tuple[int, str, str]:
    ran = invoke(*args, env=ENV)
    return ran.code, ran.stdout, ran.stderr


def _summary(root: Path, out: Path, *args: str) -> Path:
    code, _out, err = lstg(
        "report", "--province", "--format", "json", *args, "--data", str(root), "-o", str(out)
    )
    assert code == 0, err
    return out


@pytest.fixture(scope="module")
def provinces(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bundled data split into two provinces (alternate clubs), each with its summary, and
    the summary of the whole data."""
    top = tmp_path_factory.mktemp("provinces")
    ignore = shutil.ignore_patterns(".lstg-cache", ".git")
    clubs = sorted(p.name for p in (DATA / "clubs").iterdir() if p.is_dir())
    for index, name in enumerate(("a", "b")):
        root = top / name
        shutil.copytree(DATA, root, ignore=ignore)
        for club in clubs[1 - index :: 2]:
            shutil.rmtree(root / "clubs" / club)
    province = top / "b" / "province.yaml"
    text = province.read_text("utf-8")
    text = text.replace(
        'name: Lạng Sơn\nkind: tỉnh\ncode: "20"', 'name: Cao Bằng\nkind: tỉnh\ncode: "04"'
    )
    province.write_text(text, "utf-8")
    return {
        "a": _summary(top / "a", top / "a.json", *REVIEW),
        "b": _summary(top / "b", top / "b.json", *REVIEW),
        "whole": _summary(DATA, top / "whole.json", *REVIEW),
        "a-2026": _summary(top / "a", top / "a-2026.json", "--as-of", "2026-11-30"),
        "top": top,
    }


def _national(*args: Path | str, fmt: str = "json") -> Any:
    code, out, err = lstg("report", "--from", *map(str, args), "--format", fmt)
    assert code == 0, err
    return json.loads(out) if fmt == "json" else out


def test_the_national_figures_are_those_of_every_club_together(provinces: dict[str, Path]) -> None:
    nation = _national(provinces["a"], provinces["b"], "--lang", "vi")
    whole = json.loads(provinces["whole"].read_text("utf-8"))
    for name in FIGURE_NAMES:
        if name in ("units_with_clubs", "units_total"):
            continue
        assert nation["totals"][name] == whole["totals"][name], name
    assert nation["totals"]["parts"] == whole["totals"]["parts"]
    assert nation["totals"]["units_with_clubs"] == 2
    assert nation["totals"]["units_total"] == 2
    assert nation["scope"] == {
        "level": "nation",
        "name": "cả nước",
        "code": "VN",
        "full_name": "cả nước",
    }
    assert [r["unit"] for r in nation["rows"]] == ["Cao Bằng", "Lạng Sơn"]
    assert [r["level"] for r in nation["rows"]] == ["province", "province"]
    assert nation["rows"][0]["members"] + nation["rows"][1]["members"] == whole["totals"]["members"]
    assert nation["completeness"]["months_recorded"] == whole["completeness"]["months_recorded"]
    assert nation["plan"] is None
    assert nation["targets"] == []
    assert [c["figure"] for c in nation["changes"]] == [c["figure"] for c in whole["changes"]]
    for mine, theirs in zip(nation["changes"], whole["changes"], strict=True):
        assert (mine["current"], mine["previous"]) == (theirs["current"], theirs["previous"])
    assert [s["province"] for s in nation["sources"]] == ["Cao Bằng", "Lạng Sơn"]


def test_the_borrower_share_is_the_ratio_of_the_sums_not_the_mean_of_the_shares(
    provinces: dict[str, Path],
) -> None:
    a = json.loads(provinces["a"].read_text("utf-8"))["totals"]
    b = json.loads(provinces["b"].read_text("utf-8"))["totals"]
    nation = _national(provinces["a"], provinces["b"])["totals"]
    borrowers, base = (
        x + y
        for x, y in zip(a["parts"]["borrower_share"], b["parts"]["borrower_share"], strict=True)
    )
    assert nation["borrowers"] == a["borrowers"] + b["borrowers"]
    assert nation["borrower_share"] == 100 * borrowers / base
    assert nation["borrower_share"] != (a["borrower_share"] + b["borrower_share"]) / 2


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "xlsx"])
def test_every_format_writes_the_national_report(provinces: dict[str, Path], fmt: str) -> None:
    out = provinces["top"] / f"nation.{fmt}"
    code, _out, err = lstg(
        "report",
        "--from",
        str(provinces["a"]),
        str(provinces["b"]),
        "--format",
        fmt,
        "-o",
        str(out),
    )
    assert code == 0, err
    if fmt in ("md", "html"):
        text = out.read_text("utf-8")
    elif fmt == "xlsx":
        book = load_workbook(out)
        text = "\n".join(
            str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row
        )
    else:
        with zipfile.ZipFile(out) as packed:
            text = packed.read("word/document.xml").decode("utf-8")
    assert "Cao Bằng" in text
    assert "Lạng Sơn" in text
    assert "cả nước" in text


def test_summaries_of_different_dates_are_refused(provinces: dict[str, Path]) -> None:
    code, _out, err = lstg("report", "--from", str(provinces["a"]), str(provinces["a-2026"]))
    assert code == 2
    assert err == (
        f"lstg: {provinces['a']} là của 2021..2025 tính đến ngày 2025-12-31, "
        f"{provinces['a-2026']} là của 2026 tính đến ngày 2026-11-30: "
        "mọi báo cáo tổng hợp phải cùng kỳ và cùng ngày\n"
    )


def test_a_province_given_twice_is_refused(provinces: dict[str, Path], tmp_path: Path) -> None:
    again = tmp_path / "again.json"
    shutil.copy(provinces["a"], again)
    code, _out, err = lstg("report", "--from", str(provinces["a"]), str(again), "--lang", "en")
    assert code == 2
    assert (
        err == f"lstg: {provinces['a']} and {again} are both of Lạng Sơn: give each province once\n"
    )


def test_what_is_not_a_province_summary_is_refused_with_its_place(
    provinces: dict[str, Path], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"scope": {"level": "province",\n  "name": }', "utf-8")
    code, _out, err = lstg("report", "--from", str(broken), "--lang", "en")
    assert (code, err) == (1, f"lstg: {broken}:2:11: not JSON (Expecting value)\n")
    district = tmp_path / "district.json"
    data = json.loads(provinces["a"].read_text("utf-8"))
    district.write_text(
        json.dumps({**data, "scope": {**data["scope"], "level": "district"}}), "utf-8"
    )
    code, _out, err = lstg("report", "--from", str(district), "--lang", "en")
    assert (code, err) == (1, f"lstg: {district}: is a report of a district, not of a province\n")
    old = tmp_path / "old.json"
    totals = {k: v for k, v in data["totals"].items() if k != "parts"}
    old.write_text(json.dumps({**data, "totals": totals}), "utf-8")
    code, _out, err = lstg("report", "--from", str(old), "--lang", "en")
    assert code == 1
    assert err.startswith(
        f"lstg: {old}: “totals” has no parts of its shares: make the summary again"
    )
    code, _out, err = lstg("report", "--from", "--lang", "en")
    assert code == 2


def test_from_takes_no_scope_of_its_own(provinces: dict[str, Path]) -> None:
    code, _out, err = lstg("report", "--from", str(provinces["a"]), "--province", "--lang", "en")
    assert code == 2
    assert "--from" in err


def test_the_national_report_names_no_one(provinces: dict[str, Path]) -> None:
    names = set()
    for members in (DATA / "clubs").glob("*/members.yaml"):
        for line in members.read_text("utf-8").splitlines():
            if line.strip().startswith("name:"):
                names.add(line.split(":", 1)[1].strip().strip('"'))
    assert len(names) > 1000
    for fmt in ("md", "json"):
        text = json.dumps(_national(provinces["a"], provinces["b"], fmt=fmt), ensure_ascii=False)
        assert not [n for n in names if n in text]
