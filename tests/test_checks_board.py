"""The board: seats that end after they start, one person to a role at a time."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest_validate import CLUB, after_edits, isolated

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")

C = f"{CLUB}/club.yaml"
TREASURER = "  - member: M002\n    role: treasurer\n    start: 2019-04-15\n"


def test_seat_ending_before_it_starts_and_two_chairs(tmp_path: Path) -> None:
    seats = (
        TREASURER
        + "    end: 2019-04-01\n  - member: M003\n    role: chair\n    start: 2019-05-01\n"
    )
    assert after_edits(tmp_path, [(C, TREASURER, seats)]) == [
        f"{C}:14:10: error board.end-before-start: "
        "This board seat ends on 2019-04-01, before it starts on 2019-04-15.",
        f"{C}:16:11: warning board.role-overlap: M001 and M003 are both chair from 2019-05-01.",
    ]


def test_a_new_chair_after_the_old_one_ends(tmp_path: Path) -> None:
    chair = "  - member: M001\n    role: chair\n    start: 2019-04-15\n"
    handover = (
        "  - member: M001\n    role: chair\n    start: 2019-04-15\n    end: 2020-04-30\n"
        "  - member: M003\n    role: chair\n    start: 2020-05-01\n"
    )
    assert after_edits(tmp_path, [(C, chair, handover)]) == []


def test_several_plain_board_members(tmp_path: Path) -> None:
    plain = "  - member: M003\n    role: member\n    start: 2019-05-01\n"
    plain += "  - member: M001\n    role: member\n    start: 2019-05-01\n"
    assert after_edits(tmp_path, [(C, TREASURER, TREASURER + plain)]) == []
