"""People named in loans, meetings and the board were members on that day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest_validate import CLUB, copy_base, edit, headings, isolated

from lstg.core.i18n import set_language
from lstg.validate.run import validate

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")

MEETINGS = f"{CLUB}/meetings/2020.yaml"


def test_loan_to_someone_who_left(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, f"{CLUB}/loans.yaml", "member: M003", "member: M004")
    edit(root, f"{CLUB}/loans.yaml", "disbursed: 2020-02-01", "disbursed: 2020-07-01")
    assert headings(root) == [
        f"{CLUB}/loans.yaml:16:11: error loan.after-leaving: "
        "Member M004 left the club on 2020-06-30; this is dated 2020-07-01."
    ]


def test_loan_before_joining(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, f"{CLUB}/members.yaml", "Tày\n  joined: 2019-04-15", "Tày\n  joined: 2019-07-01")
    edit(root, f"{CLUB}/loans.yaml", "member: M002", "member: M003")
    assert headings(root) == [
        f"{CLUB}/loans.yaml:2:11: error loan.not-yet-member: "
        "Member M003 only joined on 2019-07-01, after 2019-06-01."
    ]


def test_loan_on_the_day_of_leaving(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, f"{CLUB}/members.yaml", "date: 2020-06-30", "date: 2020-02-01")
    edit(root, f"{CLUB}/loans.yaml", "member: M003", "member: M004")
    assert headings(root) == [
        f"{CLUB}/loans.yaml:16:11: error loan.after-leaving: "
        "Member M004 left the club on 2020-02-01; this is dated 2020-02-01."
    ]


def test_attendance_duplicate_and_unknown(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, MEETINGS, "[M001, M002, M003]\n", "[M001, M002, M002, M0003]\n")
    assert headings(root) == [
        f"{MEETINGS}:20:28: error attendance.duplicate: "
        "Member M002 is listed twice in this meeting's attendance.",
        f"{MEETINGS}:20:34: error attendance.unknown-member: "
        "Member M0003 is not in the list of members.",
    ]


def test_a_member_whose_record_is_invalid_is_not_reported_again(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, f"{CLUB}/members.yaml", "  name: Vi Thị Hoa\n", "")
    assert headings(root) == [
        f"{CLUB}/members.yaml:19:3: error schema.missing: The required field “name” is missing."
    ]


def test_unreadable_members_file_gives_one_problem(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    (root / CLUB / "members.yaml").write_bytes(b"- id: M001\n  name: [\n")
    found = headings(root)
    assert len(found) == 1
    assert found[0].startswith(f"{CLUB}/members.yaml:3:1: error yaml.syntax:")


def test_acting_before_joining(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(
        root,
        f"{CLUB}/members.yaml",
        "  joined: 2019-03-01\n  team: to-1\n  groups",
        "  joined: 2020-01-20\n  team: to-1\n  groups",
    )
    assert headings(root) == [
        f"{CLUB}/club.yaml:8:13: error board.not-yet-member: "
        "Member M001 only joined on 2020-01-20, after 2019-04-15.",
        f"{MEETINGS}:3:16: error attendance.not-yet-member: "
        "Member M001 only joined on 2020-01-20, after 2020-01-15.",
        f"{MEETINGS}:5:15: error health.not-yet-member: "
        "Member M001 only joined on 2020-01-20, after 2020-01-15.",
        f"{MEETINGS}:12:18: error home-care.not-yet-member: "
        "Volunteer M001 only joined on 2020-01-20, after 2020-01-15.",
    ]


def test_home_care_visit_by_someone_not_a_volunteer(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, MEETINGS, "volunteer: M001", "volunteer: M003")
    assert headings(root) == [
        f"{MEETINGS}:12:18: error home-care.not-volunteer: "
        "Member M003 is not marked as a home-care volunteer."
    ]


def test_board_seat_kept_after_leaving(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, f"{CLUB}/club.yaml", "member: M002", "member: M004")
    assert headings(root) == [
        f"{CLUB}/club.yaml:11:13: error board.after-leaving: "
        "Member M004 left the club on 2020-06-30 but still holds a board seat then."
    ]


def test_board_seat_ended_before_leaving_is_fine(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(
        root,
        f"{CLUB}/club.yaml",
        "  - member: M002\n    role: treasurer\n    start: 2019-04-15\n",
        "  - member: M004\n    role: treasurer\n    start: 2019-04-15\n    end: 2020-06-29\n",
    )
    assert headings(root) == []


def test_health_check_of_someone_absent_and_a_visit_to_oneself(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, MEETINGS, "[M001, M002, M003, M004]\n", "[M001, M002, M003]\n")
    edit(
        root, MEETINGS, "      member: M004\n      visits: 2", "      member: M001\n      visits: 2"
    )
    assert headings(root) == [
        f"{MEETINGS}:9:15: warning health.not-attending: "
        "Member M004 has a health check but is not in the attendance.",
        f"{MEETINGS}:13:15: error home-care.self-visit: "
        "Member M001 is recorded as visiting themselves.",
    ]


def test_an_unknown_id_is_reported_once_with_the_id_likely_meant(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, f"{CLUB}/members.yaml", "- id: M004", "- id: MOO4")
    set_language("en")
    result = validate(root, today=date(2026, 11, 29))
    assert [(p.file, p.line, p.column, p.code, p.message, p.hint) for p in result.problems] == [
        (
            MEETINGS,
            3,
            34,
            "attendance.unknown-member",
            "Member M004 is not in the list of members. "
            "The id is named 3 times in the club's records.",
            "Did you mean MOO4?",
        )
    ]


def test_the_members_on_each_day_are_those_each_day_counts_as_members() -> None:
    """``ClubView.members_on`` finds in one pass what ``is_member`` says of each id and day,
    a join or a departure on the day itself included, and a departure dated before the
    joining (which the date checks report) too."""
    import random

    from lstg.dataset import ClubData
    from lstg.validate.common import ClubView

    for seed in range(30):
        rng = random.Random(seed)
        view = ClubView.of(ClubData(id="c", folder="clubs/c"), date(2026, 12, 1))
        start = date(2020, 1, 1).toordinal()
        for n in range(rng.randint(0, 12)):
            joined = start + rng.randint(0, 60)
            left = date.max.toordinal() if rng.random() < 0.5 else joined + rng.randint(-10, 30)
            view.spans[f"M{n:03}"] = (date.fromordinal(joined), date.fromordinal(left))
        days = [date.fromordinal(start + rng.randint(-5, 100)) for _ in range(15)]
        found = view.members_on(days)
        assert set(found) == set(days)
        for day in days:
            assert found[day] == {m for m in view.spans if view.is_member(m, day)}
        edges = [s[0] for s in view.spans.values()] + [s[1] for s in view.spans.values()]
        on_edges = view.members_on(d for d in edges if d != date.max)
        for day, ids in on_edges.items():
            assert ids == {m for m in view.spans if view.is_member(m, day)}
