"""Exports: fixed columns and order, the same bytes for the same data, redaction."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from conftest_edit import CLUB, make_data, run
from openpyxl import load_workbook

from lstg.export import age_band


def export(root: Path, *args: str) -> tuple[int, str]:
    return run("export", *args, "--data", str(root), "--lang", "en")


def test_members_csv_has_fixed_columns_and_rows_by_id(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    code, out = export(root, "members", "--club", CLUB)
    assert code == 0
    assert out.splitlines() == [
        "id,name,gender,birth_year,birth_date,ethnicity,household,household_certified,"
        "living_alone,disability,joined,left_date,left_reason,consent,team,groups,"
        "home_care_volunteer",
        "M001,Hoàng Thị Lan,female,1955,,Tày,none,,false,false,2019-03-01,,,,to-1,suc-khoe,true",
        "M002,Lương Văn Bình,male,1960,,Nùng,poor,2019,false,false,2019-03-01,,,,to-1,,false",
        "M003,Vi Thị Hoa,female,,1990-05-12,Tày,none,,false,false,2019-04-15,,,,to-2,,false",
    ]


def test_redacted_members_keep_no_names_births_ethnicity_or_poverty(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    code, out = export(root, "members", "--club", CLUB, "--redact", "--as-of", "2025-01-01")
    assert code == 0
    assert out.splitlines() == [
        "id,gender,age_band,joined,left_date,team,groups,home_care_volunteer",
        "M001,female,70–79,2019-03-01,,to-1,suc-khoe,true",
        "M002,male,60–69,2019-03-01,,to-1,,false",
        "M003,female,<40,2019-04-15,,to-2,,false",
        "",
        "members,poor,near_poor",
        "3,1,0",
    ]
    for secret in ("Hoàng", "Tày", "Nùng", "1955", "1990", "poor,"):
        assert secret not in "\n".join(out.splitlines()[:4])


def test_health_measurements_are_never_exported_redacted(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    assert export(root, "health", "--club", CLUB) == (
        0,
        "date,member,weight,bp,glucose\n2020-01-15,M001,52.5,130/85,6.1\n",
    )
    code, out = export(root, "health", "--club", CLUB, "--redact")
    assert code == 1
    assert out.endswith("lstg: Health measurements are never exported with --redact.\n")


def test_loans_ledger_and_meetings(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    assert export(root, "loans", "--club", CLUB)[1].splitlines()[1] == (
        "L001,M002,income,3000000,0.5,6,2019-06-01,nuôi lợn,,,2019-09-01 1500000 45000,,"
    )
    assert export(root, "ledger", "--club", CLUB)[1].splitlines()[1:] == [
        "2019-04-15,income,5000000,,commune,,xã hỗ trợ",
        "2019-04-15,activity,1000000,,members,,",
        "2020-05-10,activity,-300000,,,activities,",
    ]
    assert export(root, "meetings", "--club", CLUB)[1].splitlines()[1:] == [
        '2020-01-15,regular,,"health, income","M001, M002, M003",',
        "2020-02-15,skipped,nghỉ Tết,,,",
        '2020-04-15,regular,,culture,"M001, M002",',
    ]


def test_the_same_data_gives_the_same_bytes(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    for fmt in ("csv", "xlsx", "json"):
        first, second = tmp_path / f"1.{fmt}", tmp_path / f"2.{fmt}"
        assert export(root, "members", "--province", "--format", fmt, "-o", str(first))[0] == 0
        assert export(root, "members", "--province", "--format", fmt, "-o", str(second))[0] == 0
        assert first.read_bytes() == second.read_bytes()
    archive = zipfile.ZipFile(io.BytesIO((tmp_path / "1.xlsx").read_bytes()))
    assert {info.date_time for info in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    core = archive.read("docProps/core.xml").decode()
    assert "<dcterms:created" in core and "2000-01-01T00:00:00Z" in core
    assert "<dcterms:modified" in core and core.count("2000-01-01T00:00:00Z") == 2


def test_xlsx_has_a_sheet_per_table_and_real_dates(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    path = tmp_path / "m.xlsx"
    export(
        root,
        "members",
        "--club",
        CLUB,
        "--redact",
        "--as-of",
        "2025-01-01",
        "--format",
        "xlsx",
        "-o",
        str(path),
    )
    book = load_workbook(path)
    assert book.sheetnames == ["members", "summary"]
    assert [c.value for c in book["members"][1]][:3] == ["id", "gender", "age_band"]
    assert [c.value for c in book["members"][2]][:3] == ["M001", "female", "70–79"]
    assert book["members"]["D2"].value.date().isoformat() == "2019-03-01"
    assert [c.value for c in book["summary"][2]] == [3, 1, 0]


def test_json_lists_records_with_club_for_the_province(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    code, out = export(root, "ledger", "--province", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert list(document) == ["ledger"]
    assert document["ledger"][0] == {
        "club": CLUB,
        "date": "2019-04-15",
        "fund": "income",
        "amount": 5000000,
        "balance": None,
        "source": "commune",
        "use": None,
        "note": "xã hỗ trợ",
    }


def test_rollup_figures_come_from_the_rollup_layer(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    code, out = export(root, "rollup", "--province", "--period", "2020")
    assert code == 0
    header, district, province = out.splitlines()
    columns = header.split(",")
    assert columns[:4] == ["kind", "code", "name", "clubs"]
    row = dict(zip(columns, province.split(","), strict=True))
    assert (row["kind"], row["name"], row["members"], row["meetings_held"]) == (
        "province",
        "Lạng Sơn",
        "3",
        "2",
    )
    assert district.startswith("district,186,Huyện Chi Lăng,1,1,0,")


def test_age_bands() -> None:
    assert [age_band(a) for a in (None, 39, 40, 59, 60, 79, 80, 101)] == [
        "",
        "<40",
        "40–49",
        "50–59",
        "60–69",
        "70–79",
        "80+",
        "80+",
    ]


def test_data_with_errors_is_not_exported(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    members = root / "clubs" / CLUB / "members.yaml"
    members.write_text(members.read_text("utf-8").replace("gender: male", "gender: nam"), "utf-8")
    code, out = export(root, "members", "--club", CLUB)
    assert code == 1
    assert out.endswith(
        "lstg: The data has 1 errors; run lstg validate and correct them before exporting.\n"
    )
