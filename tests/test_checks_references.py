"""Unique ids, and teams, groups and funds that club.yaml lists."""

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


def test_duplicate_loan_id(tmp_path: Path) -> None:
    assert after_edits(tmp_path, [(L, "- id: L002", "- id: L001")]) == [
        f"{L}:15:7: error loan.duplicate-id: The loan id L001 is already used by entry 1."
    ]


def test_duplicate_member_id_points_at_the_second(tmp_path: Path) -> None:
    found = after_edits(tmp_path, [(M, "- id: M004", "- id: M003")])
    assert (
        f"{M}:26:7: error member.duplicate-id: The member id M003 is already used by entry 3."
        in found
    )


def test_unknown_team_and_group(tmp_path: Path) -> None:
    edits = [
        (M, "  team: to-1\n  groups: [suc-khoe]", "  team: to-2\n  groups: [suc-khoe, van-nghe]")
    ]
    assert after_edits(tmp_path, edits) == [
        f"{M}:7:9: error member.unknown-team: "
        "The team “to-2” of member M001 is not a team listed in club.yaml.",
        f"{M}:8:22: error member.unknown-group: "
        "The group “van-nghe” of member M001 is not a group listed in club.yaml.",
    ]


def test_team_listed_twice(tmp_path: Path) -> None:
    edits = [(C, "groups:\n", "  - id: to-1\n    name: Tổ 1 bis\ngroups:\n")]
    assert after_edits(tmp_path, edits) == [
        f"{C}:17:9: error club.duplicate-team: The id to-1 is listed twice."
    ]


def test_loan_from_an_unknown_fund_is_not_counted_in_the_arithmetic(tmp_path: Path) -> None:
    edits = [(L, "  amount: 2000000", "  fund: incme\n  amount: 2000000")]
    assert after_edits(tmp_path, edits) == [
        f"{L}:17:9: error loan.unknown-fund: "
        "Loan L002 is lent from the fund “incme”, which the club does not have."
    ]


def test_ledger_entry_of_an_unknown_fund(tmp_path: Path) -> None:
    edits = [(G, "  fund: activity\n  amount: 1000000", "  fund: activities\n  amount: 1000000")]
    assert after_edits(tmp_path, edits) == [
        f"{G}:7:9: error ledger.unknown-fund: "
        "The fund “activities” is not one of the club's funds in club.yaml."
    ]


def test_a_team_renamed_in_club_yaml_is_reported_once(tmp_path: Path) -> None:
    edits = [(C, "  - id: to-1\n    name: Tổ 1", "  - id: to-l\n    name: Tổ 1")]
    assert after_edits(tmp_path, edits) == [
        f"{M}:7:9: error member.unknown-team: The team “to-1” of member M001 is not a team "
        "listed in club.yaml. 3 members name it."
    ]
