from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from lstg.core import format as fmt


@pytest.mark.parametrize(
    ("function", "value", "vi", "en"),
    [
        (fmt.money, 1_000_000, "1.000.000 đ", "1,000,000 VND"),
        (fmt.money, 0, "0 đ", "0 VND"),
        (fmt.money, None, "–", "–"),
        (fmt.percent, 3.8, "3,8%", "3.8%"),
        (fmt.percent, 100 * 35 / 898, "3,9%", "3.9%"),
        (fmt.percent, 100, "100,0%", "100.0%"),
        (fmt.percent, None, "–", "–"),
        (fmt.number, 1050, "1.050", "1,050"),
        (fmt.number, 2.5, "2,5", "2.5"),
        (fmt.count, 2, "02", "2"),
        (fmt.count, 18, "18", "18"),
        (fmt.count, 1050, "1.050", "1,050"),
        (fmt.short_date, date(2020, 11, 30), "30/11/2020", "30 November 2020"),
        (fmt.long_date, date(2020, 12, 8), "ngày 08 tháng 12 năm 2020", "8 December 2020"),
        (fmt.month, date(2024, 5, 1), "05/2024", "May 2024"),
        (
            fmt.and_list,
            ["Tràng Định", "Lộc Bình"],
            "Tràng Định và Lộc Bình",
            "Tràng Định and Lộc Bình",
        ),
        (fmt.and_list, ["A", "B", "C"], "A, B và C", "A, B and C"),
    ],
)
def test_formats_in_both_languages(function, value, vi, en) -> None:
    assert function(value, "vi") == vi
    assert function(value, "en") == en


@pytest.mark.parametrize(
    ("value", "kind", "vi", "en"),
    [
        (12, "count", "+12", "+12"),
        (-1003, "count", "-1.003", "-1,003"),
        (0, "count", "0", "0"),
        (20_000_000, "money", "+20.000.000 đ", "+20,000,000 VND"),
        (-1.5, "percent", "-1,5 điểm %", "-1.5 pp"),
        (None, "count", "–", "–"),
    ],
)
def test_signed_changes(value, kind, vi, en) -> None:
    assert fmt.signed(value, kind, "vi") == vi
    assert fmt.signed(value, kind, "en") == en


def test_figure_follows_its_kind() -> None:
    assert fmt.figure(3_250_000, "money", "vi") == "3.250.000 đ"
    assert fmt.figure(87.5, "percent", "vi") == "87,5%"
    assert fmt.figure(898, "count", "en") == "898"


def test_moment_is_in_vietnams_time() -> None:
    when = datetime(2020, 12, 1, 20, 15, tzinfo=UTC)
    assert fmt.moment(when, "vi") == "02/12/2020 03:15 (giờ Việt Nam)"
    assert fmt.moment(when, "en") == "2 December 2020 03:15 (Vietnam time)"


@pytest.mark.parametrize(
    ("day", "vi"),
    [
        (date(2026, 12, 5), "ngày 05 tháng 12 năm 2026"),
        (date(2026, 1, 15), "ngày 15 tháng 01 năm 2026"),
        (date(2026, 2, 9), "ngày 09 tháng 02 năm 2026"),
        (date(2026, 3, 1), "ngày 01 tháng 3 năm 2026"),
        (date(2025, 9, 30), "ngày 30 tháng 9 năm 2025"),
        (date(2025, 10, 10), "ngày 10 tháng 10 năm 2025"),
    ],
)
def test_the_date_line_pads_days_under_10_and_months_1_and_2(day: date, vi: str) -> None:
    assert fmt.long_date(day, "vi") == vi


def test_money_unit_is_the_largest_that_loses_nothing() -> None:
    millions = fmt.money_unit([35_000_000, 2_000_000, None], "vi")
    assert millions.words == "triệu đồng"
    assert fmt.money_in(35_000_000, millions, "vi") == "35"
    thousands = fmt.money_unit([308_000_000, 2_590_000], "vi")
    assert thousands.words == "nghìn đồng"
    assert fmt.money_in(308_000_000, thousands, "vi") == "308.000"
    assert fmt.money_in(1_234_500, thousands, "vi") == "1.234,5"
    assert fmt.money_in(1_234_567, thousands, "en") == "1,234.567"
    assert fmt.money_in(None, thousands, "vi") == "–"
    assert fmt.money_unit([], "en").words == "thousand VND"
    assert fmt.money_unit([0, 0], "vi").words == "nghìn đồng"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="fr"):
        fmt.money(1, "fr")
