"""Dates that contradict each other: founding, funds, dissolution, meeting files, order."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest_validate import CLUB, after_edits, isolated

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")

C = f"{CLUB}/club.yaml"
M = f"{CLUB}/members.yaml"
L = f"{CLUB}/loans.yaml"
G = f"{CLUB}/ledger.yaml"
T = f"{CLUB}/meetings/2020.yaml"


def test_fund_opened_before_founding(tmp_path: Path) -> None:
    edits = [(C, "Quỹ hoạt động\n    opened: 2019-04-15", "Quỹ hoạt động\n    opened: 2019-01-15")]
    assert after_edits(tmp_path, edits) == [
        f"{C}:26:13: error fund.before-founding: The fund “activity” was opened on "
        "2019-01-15, before the club was founded on 2019-03-01."
    ]


def test_regulations_before_founding(tmp_path: Path) -> None:
    edits = [(C, "fund_regulations: 2019-04-15", "fund_regulations: 2018-04-15")]
    assert after_edits(tmp_path, edits) == [
        f"{C}:27:19: error club.regulations-before-founding: The fund regulations were "
        "adopted on 2018-04-15, before the club was founded on 2019-03-01."
    ]


def test_status_changes(tmp_path: Path) -> None:
    changes = (
        "launched: 2019-04-15\nstatus_changes:\n"
        "  - date: 2020-01-01\n    status: operating\n"
        "  - date: 2020-02-01\n    status: dissolved\n"
        "  - date: 2020-03-01\n    status: suspended\n"
    )
    assert after_edits(tmp_path, [(C, "launched: 2019-04-15\n", changes)]) == [
        f"{C}:9:13: warning club.status-unchanged: "
        "The club was already operating before 2020-01-01.",
        f"{C}:12:11: error club.after-dissolution: "
        "The status changes on 2020-03-01, after the club was dissolved.",
        f"{L}:20:14: error loan.after-dissolution: "
        "Loan L002 was disbursed on 2020-02-01, after the club was dissolved.",
    ]


def test_meeting_after_dissolution(tmp_path: Path) -> None:
    changes = "launched: 2019-04-15\nstatus_changes:\n  - date: 2020-03-01\n    status: dissolved\n"
    assert after_edits(tmp_path, [(C, "launched: 2019-04-15\n", changes)]) == [
        f"{T}:18:9: error meeting.after-dissolution: "
        "The meeting of 2020-03-15 is after the club was dissolved."
    ]


def test_ledger_entry_before_its_fund_and_out_of_order(tmp_path: Path) -> None:
    edits = [(G, "- date: 2019-04-15\n  fund: activity", "- date: 2019-04-14\n  fund: activity")]
    assert after_edits(tmp_path, edits) == [
        f"{G}:6:9: error ledger.before-fund-opened: This entry of 2019-04-14 is before "
        "the fund “activity” was opened on 2019-04-15.",
        f"{G}:6:9: warning ledger.out-of-order: "
        "This entry of 2019-04-14 comes after one of 2019-04-15.",
    ]


def test_meetings_before_founding_twice_and_out_of_order(tmp_path: Path) -> None:
    edits = [
        (
            T,
            "",
            "- date: 2020-01-15\n  attendance: [M001]\n- date: 2020-01-10\n  attendance: [M001]\n",
        ),
        (
            f"{CLUB}/meetings/2019.yaml",
            "",
            "- date: 2019-02-01\n  kind: skipped\n  reason: chưa lập\n",
        ),
    ]
    assert after_edits(tmp_path, edits) == [
        f"{CLUB}/meetings/2019.yaml:1:9: error meeting.before-founding: "
        "The meeting of 2019-02-01 is before the club was founded on 2019-03-01.",
        f"{T}:21:9: error meeting.duplicate-date: "
        f"A meeting of 2020-01-15 is already recorded in {T}.",
        f"{T}:21:9: warning meeting.out-of-order: "
        "The meeting of 2020-01-15 comes after one of 2020-03-15.",
        f"{T}:23:9: warning meeting.out-of-order: "
        "The meeting of 2020-01-10 comes after one of 2020-01-15.",
    ]


def test_member_joined_before_founding(tmp_path: Path) -> None:
    edits = [
        (
            M,
            "  joined: 2019-03-01\n  team: to-1\n  groups",
            "  joined: 2019-02-01\n  team: to-1\n  groups",
        )
    ]
    assert after_edits(tmp_path, edits) == [
        f"{M}:6:11: warning member.joined-before-founding: "
        "Member M001 joined on 2019-02-01, before the club was founded on 2019-03-01."
    ]


def test_future_dates_but_not_due_dates(tmp_path: Path) -> None:
    edits = [
        (L, "  term_months: 12\n", "  term_months: 12\n  due: 2027-02-01\n"),
        (T, "", "- date: 2020-12-15\n  attendance: [M001]\n"),
    ]
    assert after_edits(tmp_path, edits, today="2020-12-01") == [
        f"{G}:17:9: error date.future: The date 2020-12-31 is in the future (today is 2020-12-01).",
        f"{G}:20:9: error date.future: The date 2020-12-31 is in the future (today is 2020-12-01).",
        f"{T}:21:9: error date.future: The date 2020-12-15 is in the future (today is 2020-12-01).",
    ]


def test_one_misdated_meeting_gives_one_order_warning(tmp_path: Path) -> None:
    edits = [(T, "- date: 2020-02-15\n  kind: skipped", "- date: 2021-02-15\n  kind: skipped")]
    assert after_edits(tmp_path, edits) == [
        f"{T}:15:9: error meeting.wrong-year: "
        "A meeting of 2021-02-15 is written in the file of 2020.",
        f"{T}:18:9: warning meeting.out-of-order: "
        "The meeting of 2020-03-15 comes after one of 2021-02-15.",
    ]


def test_every_kind_of_fact_dated_after_today_is_reported(tmp_path: Path) -> None:
    """The club file's dates after ``founded`` are asked as the others are, whether or not
    the club was founded in the future."""
    edits = [
        (C, "launched: 2019-04-15", "launched: 2027-01-05"),
        (C, "    role: chair\n    start: 2019-04-15", "    role: chair\n    start: 2027-01-06"),
        (C, "Quỹ hoạt động\n    opened: 2019-04-15", "Quỹ hoạt động\n    opened: 2027-01-07"),
        (C, "fund_regulations: 2019-04-15", "fund_regulations: 2027-01-08"),
    ]
    future = [line for line in after_edits(tmp_path, edits) if "date.future" in line]
    assert [line.split(": error")[0] for line in future] == [
        f"{C}:6:11",
        f"{C}:10:12",
        f"{C}:26:13",
        f"{C}:27:19",
    ]
