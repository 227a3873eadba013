"""Consent and retention checks: what each record lacks, what no consent covers, what
was recorded after a withdrawal, what is kept past its term."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest_validate import CLUB, after_edits, isolated

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")

M = f"{CLUB}/members.yaml"
P = "province.yaml"
MEETINGS_2026 = f"{CLUB}/meetings/2026.yaml"
FULL = (
    "  consent:\n"
    "    - {date: 2026-01-10, purposes: [management, health], kinds: [basic, ethnicity, health],"
    " method: paper, evidence: Phiếu số 001/2026, recorded_by: M002}\n"
)
LAN = "  ethnicity: Tày\n  joined: 2019-03-01\n"


def _meeting(day: str, member: str = "M001") -> str:
    return (
        f"- date: {day}\n  activities: [health]\n  attendance: [{member}]\n"
        f"  health_checks:\n    - {{member: {member}, weight: 50.5}}\n"
    )


def test_the_older_form_says_what_it_lacks(tmp_path: Path) -> None:
    assert after_edits(tmp_path, [(M, LAN, LAN + "  consent: 2023-09-10\n")]) == [
        f"{M}:7:12: warning consent.old-form: Member M001: the consent of 2023-09-10 is a "
        "date only; it does not say its purposes, the kinds of data, how it was given, the "
        "evidence, who recorded it."
    ]


def test_the_older_form_of_several_members_is_one_warning_where_the_first_is(
    tmp_path: Path,
) -> None:
    """A members file written before the law holds a date for every member: one warning
    names them all, so that it does not bury the file's other problems."""
    third = "  birth_date: 1990-05-12\n  ethnicity: Tày\n  joined: 2019-04-15\n"
    second = "  household_certified: 2019\n  joined: 2019-03-01\n"
    assert after_edits(
        tmp_path,
        [
            (M, third, third + "  consent: 2019-04-15\n"),
            (M, second, second + "  consent: 2019-03-01\n"),
            (M, LAN, LAN + "  consent: 2023-09-10\n"),
        ],
    ) == [
        f"{M}:7:12: warning consent.old-form: The consents of 3 members are dates only "
        "(M001, M002, M003); none says its purposes, the kinds of data, how it was given, "
        "the evidence, who recorded it."
    ]


def test_a_full_record_is_clean_and_a_partial_one_says_what_is_missing(tmp_path: Path) -> None:
    assert after_edits(tmp_path / "a", [(M, LAN, LAN + FULL)]) == []
    partial = FULL.replace(" evidence: Phiếu số 001/2026,", "").replace(" method: paper,", "")
    assert after_edits(tmp_path / "b", [(M, LAN, LAN + partial)]) == [
        f"{M}:8:7: warning consent.incomplete: Member M001: the consent of 2026-01-10 does not "
        "say how it was given, the evidence."
    ]


def test_a_purpose_not_in_the_province_file_is_an_error(tmp_path: Path) -> None:
    wrong = FULL.replace("purposes: [management, health]", "purposes: [management, marketing]")
    assert after_edits(tmp_path, [(M, LAN, LAN + wrong)]) == [
        f"{M}:8:49: error consent.unknown-purpose: Member M001: the purpose “marketing” is not "
        "in the province's list."
    ]


def test_sensitive_data_recorded_without_consent_is_one_warning_per_member(
    tmp_path: Path,
) -> None:
    newcomer = (
        "- id: M005\n  name: Hà Thị Mai\n  gender: female\n  birth_year: 1958\n"
        "  ethnicity: Nùng\n  joined: 2026-02-01\n"
    )
    edits = [
        (M, "", newcomer),
        (MEETINGS_2026, "", _meeting("2026-03-15", "M005") + _meeting("2026-04-15", "M005")),
    ]
    assert after_edits(tmp_path, edits) == [
        f"{M}:35:3: warning consent.missing: Member M005 has ethnicity, 2 health checks (from "
        "2026-03-15) that no consent in force covers."
    ]


def test_data_recorded_before_consent_from_needs_none(tmp_path: Path) -> None:
    """The base club's members joined in 2019 and were measured in 2020, before 1/1/2026."""
    assert after_edits(tmp_path, []) == []


def test_a_consent_covers_only_its_kinds_and_from_its_day(tmp_path: Path) -> None:
    no_health = FULL.replace("kinds: [basic, ethnicity, health]", "kinds: [basic, ethnicity]")
    edits = [
        (M, LAN, LAN + no_health),
        (MEETINGS_2026, "", _meeting("2026-01-09") + _meeting("2026-03-15")),
    ]
    assert after_edits(tmp_path, edits) == [
        f"{M}:8:5: warning consent.missing: Member M001 has 2 health checks (from 2026-01-09) "
        "that no consent in force covers."
    ]


def test_data_recorded_after_a_withdrawal_is_an_error(tmp_path: Path) -> None:
    withdrawn = FULL.replace(
        "recorded_by: M002}",
        "recorded_by: M002, withdrawn: {date: 2026-04-15, kinds: [health]}}",
    )
    edits = [
        (M, LAN, LAN + withdrawn),
        (MEETINGS_2026, "", _meeting("2026-04-14") + _meeting("2026-04-15")),
    ]
    assert after_edits(tmp_path, edits) == [
        f"{MEETINGS_2026}:10:7: error consent.after-withdrawal: Member M001 withdrew consent "
        "for health measurements, yet this was recorded on 2026-04-15.",
        f"{M}:8:5: warning consent.withdrawn-held: Member M001 withdrew consent, yet the files "
        "still hold 2 health checks.",
    ]


def test_a_withdrawal_before_the_consent_is_refused(tmp_path: Path) -> None:
    early = FULL.replace("recorded_by: M002}", "recorded_by: M002, withdrawn: {date: 2025-12-31}}")
    assert after_edits(tmp_path, [(M, LAN, LAN + early)]) == [
        f"{M}:8:7: error schema.value: “consent”: a consent cannot be withdrawn before it was "
        "given."
    ]


def test_data_past_its_retention_period(tmp_path: Path) -> None:
    """M004 left on 30/6/2020 and was measured on 15/1/2020: with health data kept two
    years after leaving, the term ended on 30/6/2022."""
    shorter = "    - {kind: health, years: 2, after: left}\n"
    edits = [(P, "    - {kind: health, years: 10, after: left}\n", shorter)]
    assert after_edits(tmp_path, edits) == [
        f"{M}:26:3: warning retention.expired: Member M004: 1 health check kept past the "
        "retention period, which ended on 2022-06-30."
    ]
    assert after_edits(tmp_path / "b", edits, today="2022-06-30") == []
    recorded = [
        (P, "    - {kind: health, years: 10, after: left}\n", shorter.replace("left", "recorded"))
    ]
    assert after_edits(tmp_path / "c", recorded, today="2022-01-16") == [
        f"{M}:1:3: warning retention.expired: Member M001: 1 health check kept past the "
        "retention period, which ended on 2022-01-15.",
        f"{M}:26:3: warning retention.expired: Member M004: 1 health check kept past the "
        "retention period, which ended on 2022-01-15.",
    ]
