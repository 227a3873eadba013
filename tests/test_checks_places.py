"""The club's commune: a unit of the province file in force when the club was founded."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest_validate import CLUB, after_edits, copy_base, edit, isolated

from lstg.i18n import set_language
from lstg.validation import validate

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")

C = f"{CLUB}/club.yaml"


def test_unknown_era(tmp_path: Path) -> None:
    assert after_edits(tmp_path, [(C, 'era: "2008"', 'era: "2009"')]) == [
        f"{C}:4:8: error club.unknown-era: The era “2009” is not one of the province file's eras."
    ]


def test_commune_of_an_era_not_in_force_on_founding(tmp_path: Path) -> None:
    edits = [(C, 'code: "06226"\n  era: "2008"', 'code: "06223"\n  era: "2025"')]
    assert after_edits(tmp_path, edits) == [
        f"{C}:4:8: error club.commune-not-in-force: The club was founded on 2019-03-01, "
        "when the units of “2025” were not in force."
    ]


def test_unknown_commune_code(tmp_path: Path) -> None:
    assert after_edits(tmp_path, [(C, 'code: "06226"', 'code: "06223"')]) == [
        f"{C}:3:9: error club.unknown-commune: No commune has the code 06223 in the era “2008”."
    ]


def test_a_code_of_another_era_is_named_in_the_hint(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    edit(root, C, 'code: "06226"', 'code: "06223"')
    set_language("en")
    [problem] = validate(root, today=date(2026, 11, 29)).problems
    assert (problem.code, problem.hint) == (
        "club.unknown-commune",
        "06223 is Xã Quang Lạc in the era “2025”.",
    )
