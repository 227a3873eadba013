"""The bundled data set: the seed's figures as of 30/11/2020, computed from the loaded data,
a clean validation, and a generator that gives the same bytes again."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from lstg.dataset import ClubData, DataSet
from lstg.dataset.loader import load_dataset
from lstg.validate.run import check_dataset

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CUTOFF = date(2020, 11, 30)


@pytest.fixture(scope="module")
def dataset() -> DataSet:
    return load_dataset(DATA)


def _district(dataset: DataSet, club: ClubData) -> str:
    """The district of a club's commune, in the era the club records it in (the era in
    force when it was founded: every 2016–2020 club was founded before 1/7/2025)."""
    assert dataset.province is not None and club.club is not None
    era = dataset.province.era(club.club.commune.era)
    assert era is not None and era.contains(club.club.founded)
    commune = era.commune(club.club.commune.code)
    assert commune is not None
    return next(d.name for d in era.districts if d.code == commune.district)


def _founded(dataset: DataSet) -> list[ClubData]:
    return [c for c in dataset.clubs.values() if c.club is not None and c.club.founded <= CUTOFF]


def test_loads_without_errors(dataset: DataSet) -> None:
    assert [p for p in dataset.problems if p.is_error] == []
    assert dataset.province is not None
    assert all(club.club is not None for club in dataset.clubs.values())


def test_validates_with_the_five_warnings_of_its_story(dataset: DataSet) -> None:
    """Four consents in the older form (one warning for their club), three members who
    never signed, and health measurements kept past their term (data/README.md)."""
    assert dataset.problems == []
    found = check_dataset(dataset, today=date(2026, 12, 1))
    assert all(not p.is_error for p in found)
    assert sorted(
        (p.code, p.file.split("/")[1], p.message.split()[1].rstrip(":")) for p in found
    ) == [
        ("consent.missing", "cao-loc-yen-trach", "M014"),
        ("consent.missing", "loc-binh-loc-binh", "M061"),
        ("consent.missing", "van-quan-binh-phuc", "M020"),
        ("consent.old-form", "huu-lung-minh-son", "consents"),
        ("retention.expired", "chi-lang-chi-lang", "M042"),
    ]
    [old_form] = [p for p in found if p.code == "consent.old-form"]
    assert (old_form.where, old_form.message) == (
        (1, "consent", 0),
        "The consents of 4 members are dates only (M002, M035, M055, M056); none says its "
        "purposes, the kinds of data, how it was given, the evidence, who recorded it.",
    )


def test_18_clubs_in_9_districts_on_2020_11_30(dataset: DataSet) -> None:
    clubs = _founded(dataset)
    assert len(clubs) == 18
    by_district = Counter(_district(dataset, c) for c in clubs)
    assert by_district == {
        "Huyện Chi Lăng": 6,
        "Huyện Văn Lãng": 2,
        "Huyện Cao Lộc": 2,
        "Huyện Bắc Sơn": 2,
        "Huyện Bình Gia": 2,
        "Thành phố Lạng Sơn": 1,
        "Huyện Văn Quan": 1,
        "Huyện Hữu Lũng": 1,
        "Huyện Đình Lập": 1,
    }
    assert all(2017 <= c.club.founded.year <= 2020 for c in clubs if c.club)


def test_members_and_older_members_on_2020_11_30(dataset: DataSet) -> None:
    clubs = _founded(dataset)
    members = [m for c in clubs for m in c.members_on(CUTOFF)]
    assert len(members) == 898
    assert all(m.age_on(CUTOFF) is not None for m in members)
    assert sum(1 for m in members if (m.age_on(CUTOFF) or 0) >= 60) == 630
    assert all(25 <= len(c.members_on(CUTOFF)) <= 70 for c in clubs)


def test_board_members_on_2020_11_30(dataset: DataSet) -> None:
    seats = {
        (c.id, seat.member)
        for c in _founded(dataset)
        if c.club
        for seat in c.club.board
        if seat.held_on(CUTOFF)
    }
    assert len(seats) == 90
    for club_id, member_id in seats:
        member = dataset.clubs[club_id].member(member_id)
        assert member is not None and member.is_member_on(CUTOFF)


def test_16_operating_and_2_preparing_on_2020_11_30(dataset: DataSet) -> None:
    status = {c.id: c.club.status_on(CUTOFF) for c in _founded(dataset) if c.club}
    assert Counter(status.values()) == {"operating": 16, "preparing": 2}
    preparing = sorted(k for k, v in status.items() if v == "preparing")
    assert preparing == ["van-lang-hoang-van-thu", "van-lang-hoang-viet"]
    for club_id in preparing:
        club = dataset.clubs[club_id].club
        assert club is not None and date(2020, 7, 1) <= club.founded <= date(2020, 9, 30)


def test_35_members_had_borrowed_by_2020_11_30(dataset: DataSet) -> None:
    borrowers = {
        (c.id, loan.member)
        for c in _founded(dataset)
        for loan in c.loans
        if loan.disbursed <= CUTOFF
    }
    assert len(borrowers) == 35
    loans = [loan for c in _founded(dataset) for loan in c.loans if loan.disbursed <= CUTOFF]
    assert all(1_000_000 <= loan.amount <= 5_000_000 for loan in loans)
    assert all(0 <= loan.monthly_interest <= 1 and 6 <= loan.term_months <= 12 for loan in loans)


def test_no_date_after_the_end_of_the_data(dataset: DataSet) -> None:
    last = date(2026, 11, 30)
    for club in dataset.clubs.values():
        assert all(m.date <= last for m in club.meetings)
        assert all(e.date <= last for e in club.ledger)
        assert all(r.date <= last for loan in club.loans for r in loan.repayments)


def test_2026_clubs_are_in_the_new_communes(dataset: DataSet) -> None:
    new = sorted(
        (c.club.founded, c.id, c.club.commune.era)
        for c in dataset.clubs.values()
        if c.club is not None and c.club.founded.year == 2026
    )
    assert [(day.isoformat(), club) for day, club, _ in new] == [
        ("2026-02-24", "xa-na-duong"),
        ("2026-04-14", "phuong-luong-van-tri"),
        ("2026-06-09", "xa-van-quan"),
        ("2026-09-15", "xa-mau-son"),
    ]
    assert {era for _, _, era in new} == {"2025-07"}
    assert dataset.clubs["xa-mau-son"].club.launched is None  # type: ignore[union-attr]


def test_three_clubs_have_not_sent_their_latest_records(dataset: DataSet) -> None:
    last = {c.id: max(m.date for m in c.meetings) for c in dataset.clubs.values() if c.meetings}
    late = {club: day.isoformat() for club, day in last.items() if day < date(2026, 10, 1)}
    assert late == {
        "binh-gia-tan-van": "2026-07-09",
        "dinh-lap-thai-binh": "2026-08-06",
        "van-lang-tan-my": "2026-09-23",
    }


HAND_WRITTEN = ("plans", "reports.yaml", "__init__.py", "__pycache__")
"""What the generator leaves alone: the plans, the particulars of the documents, and the
file that makes the folder the package lstg.sample (with its bytecode)."""


def test_generator_gives_the_committed_bytes(tmp_path: Path) -> None:
    script = ROOT / "scripts" / "generate_data.py"
    subprocess.run([sys.executable, str(script), str(tmp_path)], check=True, cwd=tmp_path)
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = sorted(
        p.relative_to(DATA)
        for p in DATA.rglob("*")
        if p.is_file()
        and p.relative_to(DATA).parts[0] not in HAND_WRITTEN
        and ".lstg-cache" not in p.parts
    )
    assert made == committed
    different = [p for p in made if (tmp_path / p).read_bytes() != (DATA / p).read_bytes()]
    assert different == []
    (tmp_path / "reports.yaml").write_text("kept", encoding="utf-8")
    subprocess.run([sys.executable, str(script), str(tmp_path)], check=True, cwd=tmp_path)
    assert (tmp_path / "reports.yaml").read_text(encoding="utf-8") == "kept"
