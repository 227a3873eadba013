"""The same person or the same loan entered twice, in one club or in two."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest_validate import CLUB, append, copy_base, edit, headings, isolated

from lstg import cache

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")

MEMBERS = f"{CLUB}/members.yaml"
TWIN = """- id: M099
  name: "hoàng  thị LAN"
  gender: female
  birth_year: 1955
  joined: 2020-01-10
"""


def _line_of(root: Path, rel: str, text: str) -> int:
    lines = (root / rel).read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def test_same_name_and_birth_year_in_one_club_is_a_warning(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    append(root, MEMBERS, TWIN)
    line = _line_of(root, MEMBERS, "hoàng  thị LAN")
    assert headings(root) == [
        f"{MEMBERS}:{line}:9: warning member.duplicate: M099 has the same name and year of "
        "birth as M001 (Hoàng Thị Lan, 1955): is it one person entered twice?"
    ]


def test_distinct_from_says_they_are_two_people(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    append(root, MEMBERS, TWIN + "  distinct_from: [M001]\n")
    assert headings(root) == []


def test_different_full_birth_dates_are_two_people(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    append(root, MEMBERS, TWIN.replace("birth_year: 1955", "birth_date: 1955-03-04"))
    edit(
        root,
        MEMBERS,
        "  birth_year: 1955\n  ethnicity: Tày",
        "  birth_date: 1955-09-01\n  ethnicity: Tày",
    )
    assert headings(root) == []


def test_a_name_with_other_diacritics_is_another_name(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    append(root, MEMBERS, TWIN.replace("hoàng  thị LAN", "Hoàng Thị Lân"))
    assert headings(root) == []


def test_the_same_loan_twice_is_a_warning(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    append(
        root,
        f"{CLUB}/loans.yaml",
        """- id: L009
  member: M002
  amount: 3000000
  monthly_interest: 0.5
  term_months: 6
  disbursed: 2019-06-01
  purpose: Nuôi lợn
""",
    )
    [found] = [h for h in headings(root) if "loan.duplicate" in h]
    assert found.endswith(
        "warning loan.duplicate: Loan L009 has the same member, day, amount and purpose as "
        "loan L001: is it one loan entered twice?"
    )


def _second_club(root: Path, club_id: str) -> Path:
    """A copy of the base club, in its commune, with its first member only."""
    target = root / "clubs" / club_id
    shutil.copytree(root / CLUB, target)
    return target


@pytest.mark.parametrize("cached", [False, True])
def test_the_same_person_in_two_clubs_of_one_district(tmp_path: Path, cached: bool) -> None:
    root = copy_base(tmp_path)
    other = _second_club(root, "chi-lang-thu-hai")
    members = other / "members.yaml"
    kept = members.read_text("utf-8").split("- id: M002")[0]
    members.write_text(kept, "utf-8")
    for name in ("loans.yaml", "ledger.yaml"):
        (other / name).write_text("[]\n", "utf-8")
    shutil.rmtree(other / "meetings", ignore_errors=True)
    cache.set_enabled(cached)
    try:
        found = [h for h in headings(root) if "in-two-clubs" in h]
        assert found == [
            "clubs/chi-lang-quang-lac/members.yaml:2:9: warning member.in-two-clubs: "
            "M001 has the same name and year of birth as chi-lang-thu-hai/M001: "
            "one person in two clubs?",
            "clubs/chi-lang-thu-hai/members.yaml:2:9: warning member.in-two-clubs: "
            "M001 has the same name and year of birth as chi-lang-quang-lac/M001: "
            "one person in two clubs?",
        ]
        if cached:
            # a second run reads the clubs from the cache, which keeps a digest of names
            # for the check across clubs, never the names themselves
            assert [h for h in headings(root) if "in-two-clubs" in h] == found
            stored = [p.read_bytes() for p in cache.cache_folder(root).rglob("*") if p.is_file()]
            assert stored and not any("Hoàng Thị Lan".encode() in s for s in stored)
        # validating one club leaves the check out: it needs every club
        assert not [h for h in headings(root, clubs=["chi-lang-thu-hai"]) if "in-two-clubs" in h]
    finally:
        cache.set_enabled(None)
    edit(
        root,
        "clubs/chi-lang-thu-hai/members.yaml",
        "  home_care_volunteer: true\n",
        "  home_care_volunteer: true\n  distinct_from: [chi-lang-quang-lac/M001]\n",
    )
    assert [h for h in headings(root) if "in-two-clubs" in h] == []
