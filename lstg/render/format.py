"""Formatting of numbers, money, shares and dates for reports, with Babel.

Vietnamese follows the conventions of official documents: ``1.000.000 đ``,
``3,8%``, ``30/11/2020``, and small counts written with two digits (``02
huyện``). English uses the English conventions: ``1,000,000 VND``, ``3.8%``,
``November 30, 2020``. Every function takes the language (``vi`` or ``en``);
nothing else in lstg formats a figure.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from babel.dates import format_date, format_datetime
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent

_LOCALES = {"vi": "vi_VN", "en": "en_GB"}

_DATE = {"vi": "dd/MM/yyyy", "en": "d MMMM yyyy"}
_LONG_DATE = {"vi": "'ngày' dd 'tháng' MM 'năm' yyyy", "en": "d MMMM yyyy"}
_MONTH = {"vi": "MM/yyyy", "en": "MMMM yyyy"}
_PERCENT = "#,##0.0%"
_MISSING = "–"
_POINTS = {"vi": "điểm %", "en": "pp"}
"""Percentage points, the unit of a change of a share."""


def locale_of(language: str) -> str:
    """The Babel locale used for ``language``."""
    try:
        return _LOCALES[language]
    except KeyError:
        raise ValueError(f"unknown language {language!r}") from None


def number(value: int | float | None, language: str) -> str:
    """A count or amount without unit: ``1.050`` (vi), ``1,050`` (en)."""
    if value is None:
        return _MISSING
    return str(format_decimal(value, format="#,##0.#", locale=locale_of(language)))


def count(value: int | None, language: str) -> str:
    """A count as official Vietnamese text writes it: two digits at least (``02``).

    English writes counts plainly.
    """
    if value is None:
        return _MISSING
    pattern = "#,#00" if language == "vi" else "#,##0"
    return str(format_decimal(value, format=pattern, locale=locale_of(language)))


def money(value: int | None, language: str) -> str:
    """An amount of đồng: ``1.000.000 đ`` (vi), ``1,000,000 VND`` (en)."""
    if value is None:
        return _MISSING
    if language == "vi":
        return str(format_decimal(value, format="#,##0' đ'", locale=locale_of(language)))
    return str(
        format_currency(
            value, "VND", format="#,##0 ¤¤", locale=locale_of(language), currency_digits=False
        )
    )


def percent(value: float | None, language: str) -> str:
    """A share given in percent (3.8, as the roll-up gives it), with one decimal: ``3,8%``."""
    if value is None:
        return _MISSING
    return str(format_percent(value / 100, format=_PERCENT, locale=locale_of(language)))


def short_date(day: date | None, language: str) -> str:
    """A date in a table or a line: ``30/11/2020`` (vi), ``30 November 2020`` (en)."""
    if day is None:
        return _MISSING
    return str(format_date(day, _DATE[language], locale=locale_of(language)))


def long_date(day: date, language: str) -> str:
    """A date in the place-and-date line: ``ngày 30 tháng 11 năm 2020`` (vi)."""
    return str(format_date(day, _LONG_DATE[language], locale=locale_of(language)))


def moment(when: datetime, language: str) -> str:
    """A moment in UTC: ``30/11/2020 08:15 UTC`` (vi), ``30 November 2020 08:15 UTC`` (en)."""
    pattern = _DATE[language] + " HH:mm 'UTC'"
    return str(format_datetime(when, pattern, tzinfo=UTC, locale=locale_of(language)))


def month(day: date, language: str) -> str:
    """A month: ``11/2020`` (vi), ``November 2020`` (en)."""
    return str(format_date(day, _MONTH[language], locale=locale_of(language)))


def signed(value: int | float | None, kind: str, language: str) -> str:
    """A change, with its sign, shown as its kind says: ``+12``, ``-3.000.000 đ``.

    A change of a share is given in percentage points: 1.5 reads ``+1,5 điểm %``
    (vi) or ``+1.5 pp`` (en).
    """
    if value is None:
        return _MISSING
    if kind == "percent":
        points = _POINTS[language]
        pattern = "+#,##0.0;-#,##0.0" if value else "0.0"
        return f"{format_decimal(value, format=pattern, locale=locale_of(language))} {points}"
    elif kind == "money":
        pattern = "+#,##0' đ';-#,##0' đ'" if language == "vi" else "+#,##0' VND';-#,##0' VND'"
    else:
        pattern = "+#,##0.#;-#,##0.#"
    if not value:
        pattern = pattern.split(";")[0].lstrip("+")
    return str(format_decimal(value, format=pattern, locale=locale_of(language)))


def and_list(items: list[str], language: str) -> str:
    """Names joined as a sentence joins them: ``A, B và C`` (vi), ``A, B and C`` (en)."""
    return str(format_list(list(items), locale=locale_of(language)))


def figure(value: int | float | None, kind: str, language: str) -> str:
    """A figure shown as its kind says: ``count``, ``money``, ``percent`` or ``number``."""
    if kind == "money":
        return money(None if value is None else int(value), language)
    if kind == "percent":
        return percent(value, language)
    return number(value, language)
