"""``lstg status``: the months each club has sent records for, unit by unit."""

from __future__ import annotations

import json
from pathlib import Path

from conftest_edit import run

DATA = Path(__file__).resolve().parent.parent / "data"


def test_a_district_officer_sees_which_club_to_chase() -> None:
    code, out = run("status", "--data", str(DATA), "--period", "2026-Q3", "--district", "Bình Gia")
    assert code == 0
    notice, *lines = out.splitlines()
    assert notice.startswith("DỮ LIỆU HƯ CẤU")  # the bundled data are fictional
    assert lines[0] == "Tình hình gửi biên bản sinh hoạt, kỳ 2026-Q3 (01/07/2026 – 30/09/2026)"
    assert lines[2] == (
        "Toàn bộ: 10/12 tháng của các CLB có biên bản (83,3%); 0 CLB chưa có biên bản nào."
    )
    rows = [line.split() for line in lines[6:]]
    assert rows[-2] == [
        *("Xã", "Tân", "Văn", "(1/3)", "xã", "Tân", "Văn", "(binh-gia-tan-van)"),
        *("✓", "✗", "✗", "1/3", "09/07/2026", "2"),
    ]
    assert rows[0][-6:] == ["N", "✓", "N", "3/3", "17/09/2026", "0"]
    # a club of 2026 in a new commune made of several old ones has no old commune
    assert rows[-1][:5] == ["CLB", "chưa", "xác", "định", "được"]


def test_json_gives_each_month_and_the_months_behind() -> None:
    code, out = run(
        "status",
        "--data",
        str(DATA),
        "--club",
        "binh-gia-tan-van",
        "--period",
        "2026",
        "--format",
        "json",
    )
    assert code == 0
    document = json.loads(out)
    assert document["period"] == {"label": "2026", "start": "2026-01-01", "end": "2026-12-01"}
    [unit] = document["units"]
    [club] = unit["clubs"]
    states = [m["state"] for m in club["months"]]
    assert states[6:] == ["held", "missing", "missing", "missing", "missing", "not_owed"]
    assert (club["last_record"], club["months_behind"]) == ("2026-07-09", 4)
    assert club["completeness"]["months_expected"] == 11


def test_a_period_over_a_year_counts_the_months_of_each_year() -> None:
    code, out = run(
        "status",
        "--data",
        str(DATA),
        "--club",
        "chi-lang-dong-mo",
        "--period",
        "2021..2025",
        "--lang",
        "en",
    )
    assert code == 0
    assert out.splitlines()[-1].split() == [
        *("Xã", "Chi", "Lăng", "(60/60)", "thị", "trấn", "Đồng", "Mỏ", "(chi-lang-dong-mo)"),
        *("12/12", "12/12", "12/12", "12/12", "12/12", "60/60", "16", "December", "2025", "0"),
    ]
