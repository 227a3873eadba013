"""``lstg place search`` and ``lstg place show`` from the command line, on the bundled data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_run import invoke

from lstg.core.i18n import current_language, set_language

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(autouse=True)
def _keep_language() -> Iterator[None]:
    before = current_language()
    yield
    set_language(before)


def run_place(*args: str, data: Path = DATA) -> tuple[int, str, str]:
    """Run ``lstg place`` in-process: exit code, standard output, standard error."""
    ran = invoke("place", *args, "--data", str(data))
    return ran.code, ran.stdout, ran.stderr


DONG_KINH_VI = [
    "Phường Đông Kinh — mã 05980, phường, Thành phố Lạng Sơn",
    "  Thời kỳ: before-2020, 2020-01, 2024-12 (đến 30/06/2025)",
    "  Trở thành: Phường Đông Kinh (05977) — thời kỳ 2025-07",
    "",
    "Phường Đông Kinh — mã 05977, phường, vùng miền núi",
    "  Thời kỳ: 2025-07 (từ 01/07/2025)",
    "  Hình thành từ: Phường Vĩnh Trại (05977), Phường Đông Kinh (05980), Xã Mai Pha (05992),"
    " Xã Yên Trạch (06247) — thời kỳ 2024-12",
    "",
    "Tìm thấy 2 đơn vị.",
]


@pytest.mark.parametrize("query", ["dong kinh", "Đông Kinh", "DONG KINH", "Đo\u0302ng Kinh"])
def test_search_ignores_case_and_diacritics(query: str) -> None:
    code, out, err = run_place("search", query)
    assert (code, err) == (0, "")
    assert out.splitlines() == DONG_KINH_VI


def test_search_in_english() -> None:
    code, out, _err = run_place("search", "dai dong", "--lang", "en")
    assert code == 0
    assert out.splitlines() == [
        "Xã Đại Đồng — code 06040, commune, Huyện Tràng Định",
        "  Eras: before-2020, 2020-01 (until 30 November 2024)",
        "  Became (territory divided): Thị trấn Thất Khê (06040), Xã Đội Cấn (06025) — era 2024-12",
        "",
        "1 unit found.",
    ]


def test_search_shows_what_is_not_known() -> None:
    code, out, _err = run_place("search", "song giap")
    assert code == 0
    assert out.splitlines() == [
        "Xã Song Giáp — mã 06229, xã, Huyện Cao Lộc",
        "  Thời kỳ: before-2020 (đến 31/12/2019)",
        "  Ghi chú: Chưa xác định được đơn vị đã nhận địa bàn.",
        "",
        "Tìm thấy 1 đơn vị.",
    ]


def test_search_with_no_match_exits_1() -> None:
    code, out, err = run_place("search", "khong co xa nay")
    assert (code, out) == (1, "")
    assert err == "Không có đơn vị nào có “khong co xa nay” trong tên.\n"


def test_show_lists_every_era_of_a_reused_code() -> None:
    code, out, _err = run_place("show", "05977")
    assert code == 0
    assert out.splitlines() == [
        "Phường Vĩnh Trại — mã 05977, phường, Thành phố Lạng Sơn",
        "  Thời kỳ: before-2020, 2020-01, 2024-12 (đến 30/06/2025)",
        "  Trở thành: Phường Đông Kinh (05977) — thời kỳ 2025-07",
        "",
        "Phường Đông Kinh — mã 05977, phường, vùng miền núi",
        "  Thời kỳ: 2025-07 (từ 01/07/2025)",
        "  Hình thành từ: Phường Vĩnh Trại (05977), Phường Đông Kinh (05980), Xã Mai Pha (05992),"
        " Xã Yên Trạch (06247) — thời kỳ 2024-12",
        "",
        "Tìm thấy 2 đơn vị.",
    ]


def test_show_one_era() -> None:
    code, out, _err = run_place("show", "06040", "--era", "2024-12")
    assert code == 0
    assert out.splitlines() == [
        "Thị trấn Thất Khê — mã 06040, thị trấn, Huyện Tràng Định",
        "  Thời kỳ: 2024-12 (01/12/2024 – 30/06/2025)",
        "  Hình thành từ: Thị trấn Thất Khê (05995), Xã Đại Đồng (06040) — thời kỳ 2020-01",
        "  Trở thành: Xã Thất Khê (06040) — thời kỳ 2025-07",
        "",
        "Tìm thấy 1 đơn vị.",
    ]


def test_show_an_unknown_era_is_a_usage_error() -> None:
    code, out, err = run_place("show", "06040", "--era", "2019", "--lang", "en")
    assert (code, out) == (2, "")
    assert err == (
        "lstg: The era “2019” is not one of the province file's eras. "
        "The eras are: before-2020, 2020-01, 2024-12, 2025-07.\n"
    )


def test_show_an_unknown_code_exits_1() -> None:
    code, out, err = run_place("show", "99999", "--lang", "en")
    assert (code, out, err) == (1, "", "No unit has the code 99999.\n")


def test_json_output() -> None:
    code, out, _err = run_place("show", "06622", "--format", "json")
    assert code == 0
    assert json.loads(out) == [
        {
            "level": "commune",
            "code": "06622",
            "name": "Xã Bính Xá",
            "kind": "xã",
            "district": {"code": "189", "name": "Huyện Đình Lập"},
            "zone": None,
            "eras": ["before-2020", "2020-01", "2024-12"],
            "valid_from": None,
            "valid_to": "2025-06-30",
            "split": True,
            "note": None,
            "became": [
                {"code": "06613", "name": "Xã Đình Lập", "era": "2025-07"},
                {"code": "06625", "name": "Xã Kiên Mộc", "era": "2025-07"},
            ],
            "came_from": [],
        }
    ]


def test_a_folder_without_a_province_file_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "clubs").mkdir()
    code, _out, err = run_place("search", "dong kinh", "--lang", "en", data=tmp_path)
    assert (code, err) == (1, "lstg: province.yaml cannot be read; run lstg validate to see why.\n")
