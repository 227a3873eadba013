"""Exports in the words of their readers: headers and values in Vietnamese, or the data's own.

A Vietnamese export (the default) names each column as registers do, with the very
header that :mod:`lstg.importer` reads for that field (the first header of each
field in ``lstg/mappings/``), and writes values as a secretary writes them: *Nữ*,
*Cận nghèo*, *Có*, *Quỹ tăng thu nhập*, *Chăm sóc sức khỏe*, dates as dd/mm/yyyy.
So an export, opened and saved in Excel, imports back. An English export
(``--lang en``) keeps the data's field names and codes, and ISO dates.

Shares of roll-up tables are rounded to one decimal in CSV and XLSX, in every
language, as reports show them (:func:`lstg.core.format.share_shown`), so that a
spreadsheet and a printed report made from the same data say the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from lstg.core.format import share_shown
from lstg.domain.vocabulary import (
    ACTIVITY,
    FUND,
    GENDER,
    HOUSEHOLD,
    MEETING_KIND,
    SOURCE,
    USE,
    Vocabulary,
)
from lstg.export.tables import Table
from lstg.importer.mapping import default_mapping, load_mapping

_OWN_HEADERS: dict[str, dict[str, str]] = {
    "ledger": {
        "date": "Ngày",
        "fund": "Quỹ",
        "amount": "Số tiền",
        "balance": "Số dư kiểm đếm",
        "source": "Nguồn thu",
        "use": "Khoản chi",
        "note": "Ghi chú",
    },
    "members": {"age_band": "Nhóm tuổi"},
    "summary": {
        "club": "Câu lạc bộ",
        "members": "Số thành viên",
        "poor": "Hộ nghèo",
        "near_poor": "Hộ cận nghèo",
    },
    "rollup": {"kind": "Cấp", "code": "Mã", "name": "Tên"},
    "notice": {"notice": "Lưu ý"},
}
"""Vietnamese headers of columns that no register mapping names."""

_MAPPING_OF = {"members": "members", "loans": "loans", "meetings": "meetings", "health": "meetings"}
_HEALTH_HEADERS = {"member": "Mã thành viên"}

_ROLLUP_KINDS = {
    "club": "Câu lạc bộ",
    "province": "Tỉnh",
    "district": "Huyện",
    "commune": "Xã",
}

_VALUES: dict[str, Vocabulary] = {
    "gender": GENDER,
    "household": HOUSEHOLD,
    "fund": FUND,
    "source": SOURCE,
    "use": USE,
}
_SHEETS = {
    "members": "Thành viên",
    "loans": "Cho vay",
    "meetings": "Sinh hoạt",
    "health": "Sức khỏe",
    "ledger": "Sổ quỹ",
    "rollup": "Tổng hợp",
    "summary": "Tóm tắt",
    "notice": "Lưu ý",
}
"""The name of each table's sheet in a Vietnamese workbook."""
_BOOLEAN = frozenset({"living_alone", "disability", "home_care_volunteer"})
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@cache
def _mapping_headers(kind: str) -> dict[str, str]:
    return {name: headers[0] for name, headers in load_mapping(default_mapping(kind)).items()}


def header(table: str, column: str) -> str:
    """The Vietnamese header of ``column`` of the table ``table``."""
    own = _OWN_HEADERS.get(table, {})
    if column in own:
        return own[column]
    if table == "health" and column in _HEALTH_HEADERS:
        return _HEALTH_HEADERS[column]
    mapping = _MAPPING_OF.get(table)
    if mapping is not None:
        found = _mapping_headers(mapping).get(column)
        if found is not None:
            return found
    if column == "club":
        return "Câu lạc bộ"
    if table == "rollup":
        return _figure_label(column)
    return column


def _figure_label(name: str) -> str:
    from lstg.indicators.registry import INDICATORS

    indicator = INDICATORS.get(name)
    return indicator.label("vi") if indicator is not None else name


def _vi_dates(text: str) -> str:
    return _ISO.sub(lambda m: f"{m.group(3)}/{m.group(2)}/{m.group(1)}", text)


def _activities(text: str) -> str:
    codes = [c.strip() for c in text.split(",") if c.strip()]
    return "; ".join(ACTIVITY.label(c, "vi") for c in codes)


def _converter(table: str, column: str) -> Callable[[Any], Any] | None:
    """How a value of ``column`` is written in Vietnamese; ``None`` when it is kept."""
    if column in _VALUES and table != "rollup":
        vocabulary = _VALUES[column]
        return lambda v: vocabulary.label(v, "vi") if isinstance(v, str) else v
    if column == "kind" and table == "meetings":
        return lambda v: MEETING_KIND.label(v, "vi") if isinstance(v, str) else v
    if column == "kind" and table == "rollup":
        return lambda v: _ROLLUP_KINDS.get(v, v)
    if column == "activities":
        return lambda v: _activities(v) if isinstance(v, str) else v
    if column in ("repayments", "schedule"):
        return lambda v: _vi_dates(v) if isinstance(v, str) else v
    if column in _BOOLEAN:
        return lambda v: ("Có" if v else "Không") if isinstance(v, bool) else v
    return None


def _percent_columns() -> frozenset[str]:
    from lstg.indicators.registry import INDICATORS

    return frozenset(name for name, i in INDICATORS.items() if i.unit == "percent")


def rounded(tables: list[Table]) -> list[Table]:
    """The tables with the shares of roll-up tables rounded as reports show them."""
    shares = _percent_columns()
    out = []
    for table in tables:
        if table.name != "rollup":
            out.append(table)
            continue
        wanted = [i for i, c in enumerate(table.columns) if c in shares]
        rows = []
        for row in table.rows:
            row = list(row)
            for i in wanted:
                if isinstance(row[i], int | float) and not isinstance(row[i], bool):
                    row[i] = share_shown(float(row[i]))
            rows.append(row)
        out.append(Table(table.name, list(table.columns), rows))
    return out


def localized(tables: list[Table], language: str) -> list[Table]:
    """The tables with headers and values in ``language``'s words (Vietnamese); for any
    other language, as they are."""
    if language != "vi":
        return tables
    out = []
    for table in tables:
        converters = [_converter(table.name, c) for c in table.columns]
        rows = []
        for row in table.rows:
            rows.append(
                [
                    convert(value) if convert is not None and value is not None else value
                    for convert, value in zip(converters, row, strict=True)
                ]
            )
        columns = [header(table.name, c) for c in table.columns]
        out.append(Table(_SHEETS.get(table.name, table.name), columns, rows))
    return out


def date_text(value: date, language: str) -> str:
    """A date in a CSV cell: ``25/09/2026`` (vi), ``2026-09-25`` (en)."""
    return value.strftime("%d/%m/%Y") if language == "vi" else value.isoformat()
