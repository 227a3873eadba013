"""Schema errors in words a club secretary understands, at the right place, with hints."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest_validate import CLUB, copy_base, edit, isolated

from lstg.core.i18n import set_language
from lstg.validate.run import validate

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")

C = f"{CLUB}/club.yaml"
M = f"{CLUB}/members.yaml"
T = f"{CLUB}/meetings/2020.yaml"


def _problems(root: Path) -> list[tuple[str, str, str, str | None]]:
    set_language("en")
    return [
        (f"{p.file}:{p.line}:{p.column}", p.code, p.message, p.hint)
        for p in validate(root).problems
    ]


def test_unknown_fields_nested_and_under_a_fund_key(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, C, '  era: "2008"', '  era: "2008"\n  cod: 1')
    edit(
        root, C, "    role: treasurer\n    start:", "    role: treasurer\n    strat: 1\n    start:"
    )
    edit(root, C, "Quỹ hoạt động\n    opened:", "Quỹ hoạt động\n    openned:")
    assert _problems(root) == [
        (f"{C}:5:3", "schema.unknown-field", "Unknown field “cod”.", "Did you mean “code”?"),
        (f"{C}:14:5", "schema.unknown-field", "Unknown field “strat”.", "Did you mean “start”?"),
        (f"{C}:26:3", "schema.missing", "The required field “opened” is missing.", None),
        (f"{C}:28:5", "schema.unknown-field", "Unknown field “openned”.", "Did you mean “opened”?"),
    ]


def test_wrong_key_of_the_funds(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, C, "  activity:\n", "  quy-hoat-dong:\n")
    assert _problems(root) == [
        (
            f"{C}:24:3",
            "schema.unknown-key",
            "“quy-hoat-dong” is not one of the keys allowed in “funds”.",
            "Use one of: income, activity.",
        )
    ]


def test_values_written_in_vietnamese_get_the_data_word(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, M, "gender: female\n  birth_year: 1955", "gender: Nữ\n  birth_year: 1955")
    edit(root, M, "household: poor", "household: cận nghèo")
    edit(root, M, "living_alone: true", "living_alone: có")
    assert [(code, hint) for _place, code, _message, hint in _problems(root)] == [
        ("schema.choice", "Did you mean “female”?"),
        ("schema.choice", "Did you mean “near-poor”?"),
        ("schema.type", "Write true for yes (có) and false for no (không)."),
    ]


def test_dates_written_day_first_and_impossible(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(
        root,
        M,
        "joined: 2019-04-15\n  team: to-1\n- id: M004",
        "joined: 15/04/2019\n  team: to-1\n- id: M004",
    )
    edit(root, T, "- date: 2020-03-15", "- date: 2020-02-30")
    assert _problems(root) == [
        (
            f"{T}:18:9",
            "schema.value",
            "“date”: 2020-02-30 is not a date that exists in the calendar.",
            None,
        ),
        (
            f"{M}:24:11",
            "schema.value",
            "“joined”: dates are written year first: write 2019-04-15 for 15/04/2019.",
            None,
        ),
    ]


def test_a_date_as_a_number_or_with_a_time_is_one_problem(tmp_path: Path) -> None:
    """Dates are read in pydantic's core first; what it refuses is worded once, by the
    careful reading that follows."""
    root = copy_base(tmp_path)
    edit(root, C, "founded: 2019-03-01", "founded: 20190301")
    edit(root, f"{CLUB}/loans.yaml", "disbursed: 2020-02-01", 'disbursed: "2020-02-01 08:00"')
    written = "a date is written as YYYY-MM-DD, for example 2020-11-30."
    assert [p[:3] for p in _problems(root) if "schema" in p[1]] == [
        (f"{C}:5:10", "schema.value", f"“founded”: {written}"),
        (f"{CLUB}/loans.yaml:20:14", "schema.value", f"“disbursed”: {written}"),
    ]


def test_an_entry_without_a_readable_id_does_not_make_every_reference_unknown(
    tmp_path: Path,
) -> None:
    root = copy_base(tmp_path)
    edit(root, M, "- id: M004", "- M004\n- id: M005")
    assert _problems(root) == [
        (f"{M}:26:3", "schema.type", "Each entry should be a mapping of keys and values.", None)
    ]


def test_a_number_where_an_id_belongs_says_to_quote_it(tmp_path: Path) -> None:
    """Ids are checked in pydantic's core; a number in their place, as a field or as an
    item of a list, is still worded as about an id, and a number in a text field is not."""
    root = copy_base(tmp_path)
    edit(root, T, "attendance: [M001, M002, M003, M004]", "attendance: [M001, 2, M003, M004]")
    edit(root, T, "    - member: M004\n      bp: 145/92", "    - member: 4\n      bp: 145/92")
    edit(root, C, "name: CLB Liên thế hệ tự giúp nhau xã Quang Lang", "name: 12")
    edit(root, M, "  team: to-1\n  groups: [suc-khoe]", "  team: 1\n  groups: [suc-khoe]")
    quote = "an id is text; write it in quotes, or start it with a letter."
    assert [p for p in _problems(root) if p[0].startswith((C, T, M))] == [
        (f"{C}:1:7", "schema.type", "“name” should be text, not “12”.", None),
        (f"{T}:3:22", "schema.value", f"“attendance”: {quote}", None),
        (f"{T}:9:15", "schema.value", f"“member”: {quote}", None),
        (f"{M}:7:9", "schema.value", f"“team”: {quote}", None),
    ]


def test_a_date_object_is_read_as_pydantic_reads_it() -> None:
    """A date given as an object (an importer's spreadsheet cell) takes the careful way,
    whose result is a date: midnight of a datetime is its day, another time is refused."""
    from datetime import date, datetime

    from pydantic import TypeAdapter, ValidationError

    from lstg.schema.common import IsoDate

    read = TypeAdapter(IsoDate)
    assert read.validate_python(datetime(2020, 1, 1)) == date(2020, 1, 1)
    assert type(read.validate_python(datetime(2020, 1, 1))) is date
    assert read.validate_python(date(2020, 2, 29)) == date(2020, 2, 29)
    with pytest.raises(ValidationError) as refused:
        read.validate_python(datetime(2020, 1, 1, 8, 30))
    worded = [e["type"] for e in refused.value.errors() if "[iso-date]" not in e["loc"]]
    assert worded == ["date_from_datetime_inexact"]
