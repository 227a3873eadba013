from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rollup_fixtures import (
    club,
    load,
    member,
    members,
    monthly_meetings,
    write_club,
    write_province,
)

from lstg.core.i18n import set_language
from lstg.dataset import ClubData
from lstg.dataset.loader import load_dataset
from lstg.domain.periods import Window
from lstg.indicators import (
    FIGURE_NAMES,
    INDICATORS,
    Figures,
    Selection,
    aggregate,
    club_figures,
    club_value,
    rollup,
    set_value,
)
from lstg.indicators import club as c

YEAR_2020 = Window(date(2020, 1, 1), date(2020, 12, 31))


def at(day: str) -> Window:
    return Window(date.fromisoformat(day), date.fromisoformat(day))


def one_club(tmp_path: Path, people: list[dict[str, Any]], **kwargs: Any) -> ClubData:
    record = kwargs.pop("record", None) or club()
    write_province(tmp_path)
    write_club(tmp_path, "clb-a", record, people, **kwargs)
    return load(tmp_path).clubs["clb-a"]


def test_sixtieth_birthday_makes_a_member_older_on_the_day(tmp_path: Path) -> None:
    data = one_club(tmp_path, [member(1, birth_year=None, birth_date="1960-11-30")])
    assert (c.members_older(data, at("2020-11-29")), c.members_young(data, at("2020-11-29"))) == (
        0,
        1,
    )
    assert (c.members_older(data, at("2020-11-30")), c.members_young(data, at("2020-11-30"))) == (
        1,
        0,
    )


def test_member_known_by_birth_year_is_born_on_1_january(tmp_path: Path) -> None:
    data = one_club(tmp_path, [member(1, birth_year=1960)])
    assert c.members_older(data, at("2019-12-31")) == 0
    assert c.members_older(data, at("2020-01-01")) == 1


def test_member_without_birth_year_is_neither_older_nor_young(tmp_path: Path) -> None:
    people = [member(1, birth_year=None), member(2, birth_year=1950), member(3, birth_year=1990)]
    data = one_club(tmp_path, people)
    window = at("2020-06-30")
    assert c.members(data, window) == 3
    assert c.members_unknown_age(data, window) == 1
    assert (c.members_older(data, window), c.members_young(data, window)) == (1, 1)
    assert club_value("older_share", data, window) == pytest.approx(100 / 3)


def test_member_who_left_before_the_as_of_date_is_not_counted(tmp_path: Path) -> None:
    people = [member(1), member(2, left="2020-11-29"), member(3, left="2020-11-30")]
    people.append(member(4, left="2020-12-01"))
    data = one_club(tmp_path, people)
    # a member is counted up to the day before leaving
    assert c.members(data, at("2020-11-30")) == 2
    assert c.members(data, at("2020-11-28")) == 4


def test_members_of_a_club_founded_mid_period(tmp_path: Path) -> None:
    record = club(founded="2020-07-15", launched="2020-08-20")
    people = members(3, joined="2020-07-15")
    data = one_club(
        tmp_path,
        people,
        record=record,
        meetings=monthly_meetings(date(2020, 9, 1), date(2020, 12, 31)),
    )
    assert c.members(data, at("2020-06-30")) == 0
    assert c.members(data, YEAR_2020) == 3
    assert c.founded_in(data, YEAR_2020) == 1
    assert c.founded_in(data, Window(date(2021, 1, 1), date(2021, 12, 31))) == 0
    assert c.status(data, date(2020, 8, 1)) == "preparing"
    assert c.status(data, date(2020, 8, 20)) == "operating"
    # only the whole months after the launch are judged: September to December
    assert c.months_unrecorded(data, YEAR_2020) == 0
    assert c.meeting_interval_months(data, YEAR_2020) == 1
    assert c.months_unrecorded(data, Window(date(2020, 1, 1), date(2020, 8, 31))) is None


def test_dissolved_club_has_no_members(tmp_path: Path) -> None:
    changes = [{"date": "2020-06-01", "status": "dissolved", "reason": "ít thành viên"}]
    data = one_club(tmp_path, members(3), record=club(status_changes=changes))
    assert c.members(data, at("2020-05-31")) == 3
    assert c.members(data, at("2020-06-01")) == 0
    assert (c.exists(data, at("2020-06-01")), c.founded_by(data, at("2020-06-01"))) == (0, 1)


def test_board_members_are_distinct_current_members_with_a_seat(tmp_path: Path) -> None:
    record = club(
        board=[],
        founded="2019-01-01",
    )
    record["board"] = [
        {"member": "M001", "role": "chair", "start": "2019-01-01"},
        {"member": "M001", "role": "treasurer", "start": "2019-01-01"},
        {"member": "M002", "role": "accountant", "start": "2019-01-01", "end": "2020-06-30"},
        {"member": "M003", "role": "member", "start": "2019-01-01"},
    ]
    people = [member(1), member(2), member(3, left="2020-03-01")]
    data = one_club(tmp_path, people, record=record)
    assert c.board_members(data, at("2020-02-01")) == 3
    assert c.board_members(data, at("2020-06-30")) == 2
    assert c.board_members(data, at("2020-07-01")) == 1


LOANS = [
    {
        "id": "L1",
        "member": "M001",
        "amount": 2_000_000,
        "monthly_interest": 1,
        "term_months": 6,
        "disbursed": "2019-05-01",
        "repayments": [{"date": "2019-11-01", "principal": 2_000_000, "interest": 120_000}],
    },
    {
        "id": "L2",
        "member": "M002",
        "amount": 3_000_000,
        "monthly_interest": 0.5,
        "term_months": 6,
        "disbursed": "2020-03-01",
        "due": "2020-09-01",
        "repayments": [{"date": "2020-09-01", "principal": 1_000_000, "interest": 90_000}],
    },
    {
        "id": "L3",
        "member": "M003",
        "amount": 1_000_000,
        "monthly_interest": 0,
        "term_months": 6,
        "disbursed": "2020-04-01",
        "due": "2020-10-31",
    },
    {
        "id": "L4",
        "member": "M004",
        "amount": 1_500_000,
        "monthly_interest": 0,
        "term_months": 6,
        "disbursed": "2020-01-15",
        "due": "2020-07-15",
        "written_off": {"date": "2020-10-01", "reason": "mất khả năng trả"},
    },
]


def loan_club(tmp_path: Path) -> ClubData:
    people = [member(1), member(2), member(3), member(4), member(5, left="2020-06-01")]
    ledger = [
        {"date": "2019-01-10", "fund": "income", "amount": 10_000_000, "source": "state-budget"},
        {"date": "2019-01-10", "fund": "activity", "amount": 500_000, "source": "members"},
        {"date": "2020-02-10", "fund": "activity", "amount": -200_000, "use": "activities"},
    ]
    loans = [
        *LOANS,
        {
            "id": "L5",
            "member": "M005",
            "amount": 1_000_000,
            "monthly_interest": 0,
            "term_months": 3,
            "disbursed": "2020-02-01",
            "repayments": [{"date": "2020-05-01", "principal": 1_000_000}],
        },
    ]
    meetings = monthly_meetings(date(2019, 1, 1), date(2020, 12, 31))
    return one_club(tmp_path, people, loans=loans, ledger=ledger, meetings=meetings)


def test_borrowers_are_current_members_who_received_a_loan_in_the_window(tmp_path: Path) -> None:
    data = loan_club(tmp_path)
    since_founding = Window(date(1900, 1, 1), date(2020, 11, 30))
    assert c.borrowers(data, since_founding) == 4  # M005 left
    assert c.borrowers(data, Window(date(2020, 1, 1), date(2020, 11, 30))) == 3
    assert club_value("borrower_share", data, since_founding) == 100.0


def test_loans_disbursed_outstanding_and_par30(tmp_path: Path) -> None:
    data = loan_club(tmp_path)
    assert c.loans_disbursed(data, YEAR_2020) == 4
    assert c.loans_disbursed_amount(data, YEAR_2020) == 6_500_000
    # 30/11/2020: L2 owes 2,000,000, 90 days overdue; L3 owes 1,000,000, 30 days overdue
    assert c.principal_outstanding(data, at("2020-11-30")) == 3_000_000
    assert c.principal_at_risk(data, at("2020-11-30")) == 2_000_000
    assert club_value("par30", data, at("2020-11-30")) == pytest.approx(200 / 3)
    # one day later L3 is 31 days overdue: everything is at risk
    assert club_value("par30", data, at("2020-12-01")) == 100.0
    assert c.write_offs(data, YEAR_2020) == 1
    assert c.write_off_amount(data, YEAR_2020) == 1_500_000
    assert club_value("par30", data, at("2019-01-01")) is None


def test_loan_figures_without_records_are_no_data_not_zero(tmp_path: Path) -> None:
    """A club that owed the records of the months a figure rests on, and sent none, has no
    value for it: PAR30 made of missing repayments is not a fact."""
    data = loan_club(tmp_path)
    data.meetings = [m for m in data.meetings if m.date < date(2020, 9, 1)]
    quarter = Window(date(2020, 9, 1), date(2020, 11, 30))
    assert c.loans_disbursed(data, quarter) == 0
    assert club_value("loans_disbursed", data, quarter) is None
    assert club_value("principal_outstanding", data, at("2020-11-30")) is None
    assert club_value("par30", data, at("2020-11-30")) is None
    # one recorded month of the three is enough: the figure stands on it
    assert club_value("principal_outstanding", data, at("2020-09-30")) == 4_500_000
    # figures of the registers do not rest on the monthly records
    assert club_value("members", data, quarter) == 4


def test_fund_balances_add_ledger_and_loan_flows(tmp_path: Path) -> None:
    data = loan_club(tmp_path)
    # income: 10,000,000 − 2,000,000 + 2,120,000 − 3,000,000 + 1,090,000 − 1,000,000
    #         − 1,500,000 − 1,000,000 + 1,000,000
    assert c.fund_income(data, at("2020-11-30")) == 5_710_000
    assert c.fund_activity(data, at("2020-11-30")) == 300_000
    assert c.fund_income(data, at("2019-01-09")) == 0


def meeting_club(tmp_path: Path) -> ClubData:
    people = [member(1), member(2), member(3), member(4, left="2020-03-01")]
    meetings: list[dict[str, Any]] = [
        {
            "date": "2020-01-10",
            "attendance": ["M001", "M002", "M004"],
            "activities": ["income", "health"],
            "health_checks": [{"member": "M001", "bp": "150/95"}, {"member": "M002", "weight": 50}],
            "home_care_visits": [{"volunteer": "M001", "member": "M003", "visits": 2}],
        },
        {"date": "2020-01-25", "kind": "extra", "attendance": ["M001"], "activities": ["culture"]},
        {"date": "2020-02-10", "kind": "skipped", "reason": "Tết"},
        {
            "date": "2020-04-10",
            "attendance": ["M001", "M002", "M003"],
            "activities": ["health"],
            "health_checks": [
                {"member": "M001", "bp": "130/80"},
                {"member": "M003", "bp": "120/90"},
            ],
        },
        {"date": "2020-07-10", "attendance": ["M002"]},
    ]
    return one_club(tmp_path, people, meetings=meetings)


def test_meetings_held_gaps_and_unrecorded_months(tmp_path: Path) -> None:
    data = meeting_club(tmp_path)
    first_half = Window(date(2020, 1, 1), date(2020, 6, 30))
    assert c.meetings_held(data, first_half) == 3
    # March, May and June have neither a meeting nor a skip record
    assert c.months_unrecorded(data, first_half) == 3
    # February and March without a meeting: an interval of 3 months
    assert c.meeting_interval_months(data, first_half) == 3
    assert c.meeting_interval_months(data, Window(date(2020, 4, 1), date(2020, 4, 30))) == 1
    # a month not yet over is not judged
    assert c.months_unrecorded(data, Window(date(2020, 7, 1), date(2020, 8, 15))) == 0


def test_attendance_rate_health_checks_and_home_care(tmp_path: Path) -> None:
    data = meeting_club(tmp_path)
    first_half = Window(date(2020, 1, 1), date(2020, 6, 30))
    # 3 + 1 + 3 attendances of 4 + 4 + 3 members expected
    assert (c.attendance(data, first_half), c.attendance_expected(data, first_half)) == (7, 11)
    assert club_value("attendance_rate", data, first_half) == pytest.approx(700 / 11)
    assert c.members_health_checked(data, first_half) == 3
    # last readings: M001 130/80 (normal), M003 120/90 (high)
    assert (c.members_bp_checked(data, first_half), c.members_hypertensive(data, first_half)) == (
        2,
        1,
    )
    assert club_value("hypertensive_share", data, first_half) == 50.0
    assert (
        club_value("hypertensive_share", data, Window(date(2020, 1, 1), date(2020, 1, 31))) == 100.0
    )
    assert club_value("health_check_meeting_share", data, first_half) == pytest.approx(200 / 3)
    assert c.home_care_visits(data, first_half) == 2
    assert c.activity_areas(data, first_half) == 3
    assert club_value("attendance_rate", data, Window(date(2021, 1, 1), date(2021, 12, 31))) is None


def test_volunteers_and_funds(tmp_path: Path) -> None:
    people = [member(1, volunteer=True), member(2, volunteer=True, left="2020-01-01"), member(3)]
    record = club(funds=True, founded="2019-01-01")
    record["fund_regulations"] = "2020-05-01"
    data = one_club(tmp_path, people, record=record)
    assert c.home_care_volunteers(data, at("2020-06-30")) == 1
    assert c.funds_ready(data, at("2020-04-30")) == 0
    assert c.funds_ready(data, at("2020-05-01")) == 1


def three_clubs(tmp_path: Path) -> None:
    write_province(tmp_path)
    write_club(
        tmp_path,
        "clb-a",
        club("CLB A", commune="001", board=["M001", "M002"]),
        members(50, women=30, older=35),
        loans=[
            {
                "id": "L1",
                "member": "M001",
                "amount": 1_000_000,
                "monthly_interest": 0,
                "term_months": 6,
                "disbursed": "2020-03-01",
            }
        ],
        meetings=monthly_meetings(date(2020, 1, 1), date(2020, 11, 30), attendance=["M001"]),
    )
    write_club(
        tmp_path,
        "clb-b",
        club("CLB B", commune="002", founded="2020-08-01", launched=None),
        members(20, older=10, joined="2020-08-01"),
    )
    write_club(
        tmp_path,
        "clb-c",
        club("CLB C", commune="003", founded="2018-01-01", launched="2018-02-01"),
        members(30, women=20, older=15),
    )


def test_province_rollup_has_a_row_per_district_summing_to_the_totals(tmp_path: Path) -> None:
    three_clubs(tmp_path)
    dataset = load(tmp_path)
    result = rollup(
        dataset, level="province", unit=None, window=Window(date(2020, 1, 1), date(2020, 11, 30))
    )
    totals = result.totals
    assert (totals.clubs, totals.clubs_operating, totals.clubs_preparing) == (3, 2, 1)
    assert (totals.units_with_clubs, totals.units_total) == (2, 2)
    assert (totals.members, totals.members_older, totals.members_women) == (100, 60, 70)
    assert (totals.board_members, totals.borrowers, totals.meetings_held) == (2, 1, 11)
    # CLB C sent no meeting record in the window: its loans and meetings are no data,
    # and the share counts the members of the clubs that have records (50 + 20)
    assert totals.clubs_not_reporting == 1
    assert result.rows[1].figures.borrowers is None
    assert totals.borrower_share == pytest.approx(100 / 70)
    assert [(r.kind, r.code, r.name, r.figures.clubs, r.figures.members) for r in result.rows] == [
        ("district", "901", "Huyện Chi Lăng", 2, 70),
        ("district", "902", "Thành phố Lạng Sơn", 1, 30),
    ]
    for name in FIGURE_NAMES:
        if INDICATORS[name].combine == "sum":
            values = [getattr(r.figures, name) for r in result.rows]
            total = getattr(totals, name)
            assert sum(v for v in values if v is not None) == (total or 0), name
    assert all(r.figures.units_total is None for r in result.rows)


def test_district_rollup_has_a_row_per_club(tmp_path: Path) -> None:
    three_clubs(tmp_path)
    dataset = load(tmp_path)
    result = rollup(
        dataset,
        level="district",
        unit="CHI LANG",
        window=Window(date(2020, 1, 1), date(2020, 11, 30)),
    )
    assert result.unit is not None and result.unit.name == "Huyện Chi Lăng"
    assert [(r.kind, r.code, r.figures.members) for r in result.rows] == [
        ("club", "clb-a", 50),
        ("club", "clb-b", 20),
    ]
    # a district counts its communes
    assert (result.totals.units_with_clubs, result.totals.units_total) == (2, 2)
    assert result.rows[0].figures == club_figures(dataset.clubs["clb-a"], result.window)


def test_rollup_after_the_reform_is_by_new_commune(tmp_path: Path) -> None:
    three_clubs(tmp_path)
    dataset = load(tmp_path)
    window = Window(date(2025, 7, 1), date(2025, 12, 31))
    result = rollup(dataset, level="province", unit=None, window=window)
    # clb-b lies in commune 002, split between 101 and 102: it is not given to either
    set_language("en")
    assert [(r.kind, r.name, r.figures.clubs) for r in result.rows] == [
        ("commune", "Xã Chi Lăng", 1),
        ("commune", "Phường Đông Kinh", 1),
        ("commune", "Clubs that cannot be placed", 1),
    ]
    # by district, it lies in district 901 as 002 did
    by_district = rollup(
        dataset, level="province", unit=None, window=window, child_level="district"
    )
    assert [r.figures.clubs for r in by_district.rows] == [2, 1]
    assert (by_district.totals.units_with_clubs, by_district.totals.units_total) == (2, 2)


def test_a_club_in_a_split_commune_that_records_its_part_is_placed(tmp_path: Path) -> None:
    three_clubs(tmp_path)
    recorded = club("CLB B", commune="002", founded="2020-08-01", launched=None)
    recorded["communes"] = [{"code": "102", "era": "new"}]
    write_club(tmp_path, "clb-b", recorded, members(20, older=10, joined="2020-08-01"))
    dataset = load(tmp_path)
    window = Window(date(2025, 7, 1), date(2025, 12, 31))
    result = rollup(dataset, level="province", unit=None, window=window)
    assert [(r.name, r.figures.clubs) for r in result.rows] == [
        ("Xã Chi Lăng", 1),
        ("Phường Đông Kinh", 2),
    ]


def test_figures_fields_are_registered_indicators(tmp_path: Path) -> None:
    assert all(name in INDICATORS for name in FIGURE_NAMES)
    assert [f.name for f in fields(Figures) if f.name not in FIGURE_NAMES] == ["parts"]
    three_clubs(tmp_path)
    dataset = load(tmp_path)
    figures = aggregate(dataset, dataset.clubs.values(), at("2020-11-30"))
    assert figures.as_dict()["members"] == 100


def test_well_managed_clubs_need_the_plan_verdicts(tmp_path: Path) -> None:
    three_clubs(tmp_path)
    dataset = load(tmp_path)
    clubs = tuple(dataset.clubs.values())
    window = at("2020-11-30")
    assert set_value("clubs_well_managed", Selection(dataset.province, clubs), window) is None
    verdicts = {"clb-a": True, "clb-b": False, "clb-c": True}
    selection = Selection(dataset.province, clubs, well_managed=verdicts)
    assert set_value("clubs_well_managed_share", selection, window) == pytest.approx(200 / 3)


def test_club_count_has_no_set_of_units_for_one_club(tmp_path: Path) -> None:
    data = one_club(tmp_path, members(2))
    with pytest.raises(ValueError, match="has no value for one club"):
        club_value("units_total", data, at("2020-01-01"))


def test_clubs_that_cannot_be_placed_get_their_own_row(tmp_path: Path) -> None:
    three_clubs(tmp_path)
    write_club(tmp_path, "clb-x", club("CLB X", commune="777"), members(5))
    dataset = load_dataset(tmp_path)
    set_language("en")
    result = rollup(dataset, level="province", unit=None, window=at("2020-11-30"))
    last = result.rows[-1]
    assert (last.code, last.name, last.figures.clubs, last.figures.members) == (
        "",
        "Clubs that cannot be placed",
        1,
        5,
    )
    assert sum(r.figures.members for r in result.rows) == result.totals.members == 105


def test_a_set_asked_one_figure_over_two_windows_gives_each_its_own(tmp_path: Path) -> None:
    three_clubs(tmp_path)
    dataset = load(tmp_path)
    selection = Selection(dataset.province, tuple(dataset.clubs.values()))
    early, late = at("2019-06-30"), at("2020-11-30")
    each = {
        w: sum(c.members(d, w) for d in dataset.clubs.values() if d.club is not None)
        for w in (early, late)
    }
    assert each[early] != each[late]
    # The clubs' values are kept for the set: asking again, or over the other window,
    # gives what the records give.
    for window in (early, late, early, late):
        assert set_value("members", selection, window) == each[window]
