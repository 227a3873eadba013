"""Values as people type them: dates, amounts, genders, yes/no, household status."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest

from lstg.edit.values import (
    fold,
    parse_amount,
    parse_bool,
    parse_date,
    parse_gender,
    parse_household,
    parse_number,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-01", date(2025, 3, 1)),
        ("01/03/2025", date(2025, 3, 1)),
        ("1/3/2025", date(2025, 3, 1)),
        ("01.03.2025", date(2025, 3, 1)),
        (datetime(2025, 3, 1, 0, 0), date(2025, 3, 1)),
    ],
)
def test_dates(text: object, expected: date) -> None:
    assert parse_date(text) == expected


def test_impossible_and_unreadable_dates() -> None:
    with pytest.raises(ValueError, match="31/02/2025 is not a date that exists"):
        parse_date("31/02/2025")
    with pytest.raises(ValueError, match="not a date"):
        parse_date("tháng 3")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.000.000", 1000000),
        ("1000000", 1000000),
        ("1,500,000", 1500000),
        ("2.000.000 đ", 2000000),
        ("-450.000", -450000),
        (3000000.0, 3000000),
    ],
)
def test_amounts(text: object, expected: int) -> None:
    assert parse_amount(text) == expected


def test_amounts_with_decimals_or_words_are_refused() -> None:
    with pytest.raises(ValueError):
        parse_amount("1.5 triệu")
    with pytest.raises(ValueError):
        parse_amount(12.5)


def test_genders_booleans_households_numbers() -> None:
    assert [parse_gender(g) for g in ("Nữ", "nu", "NAM", "female", "male")] == [
        "female",
        "female",
        "male",
        "female",
        "male",
    ]
    assert [parse_bool(b) for b in ("Có", "x", "Không", "", "true", True)] == [
        True,
        True,
        False,
        False,
        True,
        True,
    ]
    assert [
        parse_household(h) for h in ("Nghèo", "Cận nghèo", "hộ cận nghèo", "Không", "HN", "HCN")
    ] == ["poor", "near-poor", "near-poor", "none", "poor", "near-poor"]
    assert parse_number("52,5") == 52.5
    with pytest.raises(ValueError, match="not a gender"):
        parse_gender("khác")


def test_fold_ignores_case_accents_and_spaces_in_any_normal_form() -> None:
    decomposed = unicodedata.normalize("NFD", "Hộ nghèo/cận  nghèo")
    assert fold(decomposed) == fold("HỘ NGHÈO / CẬN NGHÈO") == "ho ngheo can ngheo"
    assert fold("Đường huyết") == "duong huyet"
