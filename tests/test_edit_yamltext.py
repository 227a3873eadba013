"""Edits as text: only the intended lines change, whatever the file's comments and quoting."""

from __future__ import annotations

import difflib
from datetime import date

import pytest
from conftest_edit import LEDGER, LOANS, MEETINGS_2020, MEMBERS

from lstg.edit.members import MEMBER_FIELDS
from lstg.edit.yamltext import Document, EditError
from lstg.schema import Loan


def changed(old: str, new: str) -> list[str]:
    """The lines a diff shows as removed (-) or added (+)."""
    return [
        line
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_new_member_goes_last_after_a_blank_line_like_the_others() -> None:
    doc = Document(MEMBERS, "members.yaml")
    line = doc.insert_record(
        {"id": "M004", "name": "Hoàng Thị Lan", "gender": "female", "joined": date(2025, 3, 1)}
    )
    assert line == 33
    assert doc.text == MEMBERS + (
        "\n- id: M004\n  name: Hoàng Thị Lan\n  gender: female\n  joined: 2025-03-01\n"
    )


def test_setting_a_field_keeps_the_comment_at_the_end_of_its_line() -> None:
    doc = Document(MEMBERS, "members.yaml")
    doc.set_field([0], "name", "Hoàng Thị Lân", MEMBER_FIELDS)
    assert changed(MEMBERS, doc.text) == [
        "-  name: Hoàng Thị Lan    # chair since 2019",
        "+  name: Hoàng Thị Lân    # chair since 2019",
    ]


def test_a_new_field_goes_in_schema_order_in_the_file_style() -> None:
    doc = Document(MEMBERS, "members.yaml")
    doc.set_field([1], "left", {"date": date(2025, 6, 1), "reason": "Chuyển nơi ở"}, MEMBER_FIELDS)
    assert changed(MEMBERS, doc.text) == ["+  left: {date: 2025-06-01, reason: Chuyển nơi ở}"]
    lines = doc.text.splitlines()
    assert lines[lines.index("  left: {date: 2025-06-01, reason: Chuyển nơi ở}") - 1] == (
        "  joined: 2019-03-01"
    )


def test_quotes_of_untouched_values_stay_as_written() -> None:
    doc = Document(MEMBERS, "members.yaml")
    doc.set_field([1], "team", "to-2", MEMBER_FIELDS)
    assert '  name: "Lương Văn Bình"' in doc.text
    assert "  ethnicity: 'Nùng'" in doc.text
    assert changed(MEMBERS, doc.text) == ["-  team: to-1", "+  team: to-2"]


def test_a_repayment_is_added_under_the_last_one() -> None:
    doc = Document(LOANS, "loans.yaml")
    doc.append_item(
        [0],
        "repayments",
        {"date": date(2019, 12, 1), "principal": 1500000, "interest": 45000},
        tuple(Loan.model_fields),
    )
    assert changed(LOANS, doc.text) == [
        "+    - {date: 2019-12-01, principal: 1500000, interest: 45000}"
    ]


def test_a_meeting_goes_in_date_order_before_the_comment_of_the_next() -> None:
    doc = Document(MEETINGS_2020, "meetings/2020.yaml")
    doc.insert_record(
        {"date": date(2020, 2, 1), "kind": "extra", "attendance": ["M001"]},
        before=lambda r: str(r["date"]) > "2020-02-01",
    )
    assert len(changed(MEETINGS_2020, doc.text)) == 4
    assert doc.text == MEETINGS_2020.replace(
        "# Tết\n", "- date: 2020-02-01\n  kind: extra\n  attendance: [M001]\n\n# Tết\n"
    )


def test_ledger_entries_are_written_as_one_line_each_like_the_file() -> None:
    doc = Document(LEDGER, "ledger.yaml", flow_records=True)
    doc.insert_record(
        {"date": date(2020, 1, 1), "fund": "income", "amount": 200000, "source": "members"},
        before=lambda r: str(r["date"]) > "2020-01-01",
    )
    assert changed(LEDGER, doc.text) == [
        "+- {date: 2020-01-01, fund: income, amount: 200000, source: members}"
    ]


def test_a_new_file_and_an_empty_list_take_their_first_record() -> None:
    empty = Document("# Members.\n[]\n", "members.yaml")
    empty.insert_record({"id": "M001", "name": "A", "groups": ["x"]})
    assert empty.text == "# Members.\n- id: M001\n  name: A\n  groups: [x]\n"
    new = Document(None, "meetings/2026.yaml")
    new.insert_record(
        {"date": date(2026, 3, 15), "health_checks": [{"member": "M1", "bp": "130/85"}]}
    )
    assert new.text == "- date: 2026-03-15\n  health_checks:\n    - {member: M1, bp: 130/85}\n"


def test_codes_that_look_like_numbers_are_quoted() -> None:
    doc = Document(MEMBERS, "members.yaml")
    doc.set_field([2], "team", "0123", MEMBER_FIELDS)
    assert '  team: "0123"' in doc.text


def test_a_file_that_is_not_a_list_is_not_edited() -> None:
    with pytest.raises(EditError):
        Document("name: x\n", "members.yaml").insert_record({"id": "M1"})


WRAPPED = """\
- date: 2025-01-21
  attendance: [M001, M002, M003, M004, M006, M007, M008, M009, M011, M012,
      M013, M014]
  health_checks:
    - {member: M002, weight: 60.2, bp: 137/91}
    - {member: M022, weight: 54.9, bp: 128/75, glucose: 5.5}
- date: 2025-02-20
  activities: [income]
"""


def test_long_lists_wrap_like_the_file_and_leave_no_trailing_spaces() -> None:
    doc = Document(WRAPPED, "meetings/2025.yaml")
    ids = [f"M{i:03d}" for i in range(1, 20)]
    doc.insert_record({"date": date(2025, 3, 1), "attendance": ids})
    added = changed(WRAPPED, doc.text)
    assert all(len(line) <= 76 and line == line.rstrip() for line in added)
    assert added[0] == "+- date: 2025-03-01"
    assert Document(doc.text, "x").data()[-1]["attendance"] == ids


def test_a_repayment_goes_in_date_order() -> None:
    doc = Document(LOANS, "loans.yaml")
    doc.append_item(
        [0],
        "repayments",
        {"date": date(2019, 8, 1), "principal": 0, "interest": 15000},
        tuple(Loan.model_fields),
        before=lambda r: str(r["date"]) > "2019-08-01",
    )
    assert doc.text.index("2019-08-01") < doc.text.index("2019-09-01")
    assert len(changed(LOANS, doc.text)) == 1


AWKWARD = [
    "yes",
    "No",
    "null",
    "~",
    "1e3",
    "0x1F",
    "06091",
    "2025-01-01",
    "12:30",
    "a: b",
    "- x",
    "# not a comment",
    "ends with #",
    "'single'",
    '"double"',
    "  spaces  ",
    "Lò Thị Ánh",
    "tab\tin",
    "[list]",
    "{map}",
    "a, b",
    "100%",
    "@home",
    "`tick`",
    "!tag",
    "&anchor",
    "*star",
    "Nông Văn Đức",
    "x" * 150,
]


def test_awkward_text_is_written_so_that_it_reads_back_the_same() -> None:
    doc = Document(MEMBERS, "members.yaml")
    for number, text in enumerate(AWKWARD, start=10):
        doc.insert_record({"id": f"M{number:03d}", "name": text, "ethnicity": text})
        doc.set_field([2], "ethnicity", text, MEMBER_FIELDS)
    records = doc.data()
    assert [r["name"] for r in records[3:]] == AWKWARD
    assert records[2]["ethnicity"] == AWKWARD[-1]
    assert doc.text.startswith(MEMBERS[: MEMBERS.index("  ethnicity: Tày\n  joined: 2019-04-15")])
