from datetime import date

import pytest

from lstg.domain.periods import Period, Window, parse_date, parse_period


@pytest.mark.parametrize(
    ("text", "label", "start", "end"),
    [
        ("2024", "2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-Q3", "2024-Q3", date(2024, 7, 1), date(2024, 9, 30)),
        ("2024-q1", "2024-Q1", date(2024, 1, 1), date(2024, 3, 31)),
        ("2024-H1", "2024-H1", date(2024, 1, 1), date(2024, 6, 30)),
        ("2024-H2", "2024-H2", date(2024, 7, 1), date(2024, 12, 31)),
        ("2024-05", "2024-05", date(2024, 5, 1), date(2024, 5, 31)),
        ("2024-02", "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2021..2025", "2021..2025", date(2021, 1, 1), date(2025, 12, 31)),
        ("2016-2020", "2016..2020", date(2016, 1, 1), date(2020, 12, 31)),
        ("2016–2020", "2016..2020", date(2016, 1, 1), date(2020, 12, 31)),
        (
            "2024-01-15..2024-02-14",
            "2024-01-15..2024-02-14",
            date(2024, 1, 15),
            date(2024, 2, 14),
        ),
    ],
)
def test_parse_period(text: str, label: str, start: date, end: date) -> None:
    period = parse_period(text)
    assert (period.label, period.start, period.end) == (label, start, end)


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("2024", "2023"),
        ("2024-Q1", "2023-Q4"),
        ("2024-Q3", "2024-Q2"),
        ("2024-H1", "2023-H2"),
        ("2024-03", "2024-02"),
        ("2024-01", "2023-12"),
        ("2021..2025", "2016..2020"),
        ("2024-01-11..2024-01-20", "2024-01-01..2024-01-10"),
    ],
)
def test_previous_period_has_the_same_length(text: str, previous: str) -> None:
    assert parse_period(text).previous() == parse_period(previous)


def test_months_of_a_period() -> None:
    assert parse_period("2021..2025").months == 60
    assert parse_period("2024-Q3").months == 3
    assert parse_period("2024-01-15..2024-02-14").months == 0


@pytest.mark.parametrize(
    "text", ["2024-13", "2024-Q5", "2025..2021", "soon", "2024-02-30..2024-03-01"]
)
def test_bad_period_says_how_to_write_one(text: str) -> None:
    with pytest.raises(ValueError, match="is not a period: write 2024, 2024-Q3"):
        parse_period(text)


def test_window_until_and_contains() -> None:
    window = Period("2020", "year", date(2020, 1, 1), date(2020, 12, 31)).window
    cut = window.until(date(2020, 11, 30))
    assert cut == Window(date(2020, 1, 1), date(2020, 11, 30))
    assert cut.as_of == date(2020, 11, 30)
    assert cut.contains(date(2020, 1, 1)) and cut.contains(date(2020, 11, 30))
    assert not cut.contains(date(2020, 12, 1))


def test_parse_date() -> None:
    assert parse_date("2020-11-30") == date(2020, 11, 30)
    with pytest.raises(ValueError, match="is not a date: write YYYY-MM-DD"):
        parse_date("30/11/2020")
