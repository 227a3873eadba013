"""Reading registers: encodings, header rows, and matching headers to fields."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest

from lstg.core.errors import UserError
from lstg.importer.mapping import default_mapping, load_mapping, match_columns
from lstg.importer.records import cell_date
from lstg.importer.tabular import decode_text, read_table


def test_utf8_is_taken_as_utf8_and_anything_else_as_windows_1258() -> None:
    assert decode_text("Nữ".encode()) == ("Nữ", "utf-8")
    assert decode_text(b"\xef\xbb\xbf" + "Nữ".encode()) == ("Nữ", "utf-8")
    text, encoding = decode_text("Nu\u0303".encode("cp1258"))
    assert (text, encoding) == ("Nũ", "cp1258")
    assert unicodedata.is_normalized("NFC", text)


def test_headers_match_without_case_accents_or_extra_spaces() -> None:
    fields = load_mapping(default_mapping("members"))
    columns = match_columns(
        {"A": "STT", "B": "HO VA TEN", "C": " giới  tính ", "D": "Hộ nghèo / cận nghèo"}, fields
    )
    assert columns.by_field == {"name": "B", "gender": "C", "household": "D"}
    assert columns.unused == ["STT"]


def test_the_header_row_is_found_below_a_title(tmp_path: Path) -> None:
    path = tmp_path / "tv.csv"
    path.write_text("CLB LIÊN THẾ HỆ XÃ QUANG LANG\n\nHọ và tên,Giới tính\nLý Thị Na,Nữ\n", "utf-8")
    table = read_table(path)
    assert (table.header_number, table.headers) == (1, {"A": "CLB LIÊN THẾ HỆ XÃ QUANG LANG"})
    found = table.with_header_at(3)
    assert found.headers == {"A": "Họ và tên", "B": "Giới tính"}
    assert [(r.number, r.values) for r in found.rows] == [(4, {"A": "Lý Thị Na", "B": "Nữ"})]


def test_a_bad_mapping_file_or_register_is_a_user_error(tmp_path: Path) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text("name: Họ và tên\n", "utf-8")
    with pytest.raises(UserError, match="should hold each field with a list of headers"):
        load_mapping(mapping)
    register = tmp_path / "tv.xls"
    register.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UserError, match=r"save \.xls as \.xlsx"):
        read_table(register)


def test_dates_as_excel_keeps_them() -> None:
    assert [cell_date(v) for v in (43891, 43891.0, datetime(2020, 3, 1, 0, 0), "01/03/2020")] == [
        date(2020, 3, 1)
    ] * 4
    with pytest.raises(ValueError, match="“1956” is not a date"):
        cell_date(1956)
