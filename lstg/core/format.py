"""Formatting of numbers, money, shares and dates for reports, with Babel.

Vietnamese follows the conventions of official documents: ``1.000.000 đ``,
``3,8%``, ``30/11/2020``, and small counts written with two digits (``02
huyện``). English uses the English conventions: ``1,000,000 VND``, ``3.8%``,
``November 30, 2020``. Every function takes the language (``vi`` or ``en``);
nothing else in lstg formats a figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_date, format_datetime
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent

from lstg.core.clock import ZONE

_LOCALES = {"vi": "vi_VN", "en": "en_GB"}

_DATE = {"vi": "dd/MM/yyyy", "en": "d MMMM yyyy"}
_LONG_DATE = {"vi": "'ngày' dd 'tháng' M 'năm' yyyy", "en": "d MMMM yyyy"}
_LONG_DATE_EARLY = {"vi": "'ngày' dd 'tháng' MM 'năm' yyyy", "en": "d MMMM yyyy"}
"""January and February take a leading zero in the date line; the other months do not."""
_ZONE_WORDS = {"vi": "giờ Việt Nam", "en": "Vietnam time"}
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


def share_shown(value: float | None) -> float | None:
    """A share (in percent, 0–100) rounded as :func:`percent` shows it, to one decimal:
    for tables that hold the number itself (an export), so that they say what the
    report says. Rounded half to even, as Babel rounds."""
    if value is None:
        return None
    return float(Decimal(str(value / 100)).scaleb(2).quantize(Decimal("0.1")))


@lru_cache(maxsize=4096)
def short_date(day: date | None, language: str) -> str:
    """A date in a table or a line: ``30/11/2020`` (vi), ``30 November 2020`` (en)."""
    if day is None:
        return _MISSING
    return str(format_date(day, _DATE[language], locale=locale_of(language)))


def long_date(day: date, language: str) -> str:
    """A date in the place-and-date line of an official document, as Nghị định
    30/2020/NĐ-CP writes it: ``ngày 05 tháng 12 năm 2026``, ``ngày 08 tháng 02 năm
    2021`` — a leading zero on days under 10 and on months 1 and 2 only (vi);
    ``5 December 2026`` (en)."""
    patterns = _LONG_DATE_EARLY if day.month < 3 else _LONG_DATE
    return str(format_date(day, patterns[language], locale=locale_of(language)))


def moment(when: datetime, language: str) -> str:
    """A moment in Vietnam's time (Asia/Ho_Chi_Minh): ``01/12/2020 15:15 (giờ Việt Nam)``
    (vi), ``1 December 2020 15:15 (Vietnam time)`` (en)."""
    pattern = _DATE[language] + f" HH:mm '({_ZONE_WORDS[language]})'"
    return str(format_datetime(when, pattern, tzinfo=ZONE, locale=locale_of(language)))


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


@dataclass(frozen=True, slots=True)
class MoneyUnit:
    """The unit in which a table states amounts of đồng, named on its unit line."""

    divisor: int
    words: str


_UNITS = {
    "vi": (MoneyUnit(1_000_000, "triệu đồng"), MoneyUnit(1_000, "nghìn đồng")),
    "en": (MoneyUnit(1_000_000, "million VND"), MoneyUnit(1_000, "thousand VND")),
}


def money_unit(amounts: list[int | None], language: str) -> MoneyUnit:
    """The unit of a table of amounts: ``triệu đồng`` when every amount is whole
    millions, else ``nghìn đồng`` (an amount that is not whole thousands then shows
    its remainder as decimals, so that nothing is rounded away)."""
    millions, thousands = _UNITS[language]
    known = [a for a in amounts if a]
    if known and all(a % millions.divisor == 0 for a in known):
        return millions
    return thousands


def money_in(value: int | None, unit: MoneyUnit, language: str) -> str:
    """An amount in ``unit``, without a currency sign: ``308.000`` (nghìn đồng),
    ``1.234,5`` for 1.234.500 đ in nghìn đồng."""
    if value is None:
        return _MISSING
    return number_exact(Decimal(value) / unit.divisor, language)


def number_exact(value: Decimal | int, language: str) -> str:
    """A number with as many decimals as it has, up to three: ``1.234,5``."""
    return str(format_decimal(value, format="#,##0.###", locale=locale_of(language)))


def figure(value: int | float | None, kind: str, language: str) -> str:
    """A figure shown as its kind says: ``count``, ``money``, ``percent`` or ``number``."""
    if kind == "money":
        return money(None if value is None else int(value), language)
    if kind == "percent":
        return percent(value, language)
    return number(value, language)
