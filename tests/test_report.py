"""The report model: scope, figures from the roll-up, units without clubs, targets, change."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from conftest_report import write_small_data

from lstg.dataset import DataSet
from lstg.dataset.loader import load_dataset
from lstg.domain.periods import parse_period
from lstg.indicators import Figures
from lstg.report import Report, Request, UnknownScope, UsageError, make_report
from lstg.report.build import build_report
from lstg.report.model import FIGURE_KINDS, Name
from lstg.report.provenance import Provenance

AS_OF = date(2020, 11, 30)
MADE = datetime(2020, 12, 1, 8, 15, tzinfo=UTC)
BUNDLED = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write_small_data(tmp_path / "data")


def report(root: Path, level: str = "province", name: str | None = None, **more: object) -> Report:
    request = Request(
        level=level,  # type: ignore[arg-type]
        name=name,
        period=more.pop("period", None),  # type: ignore[arg-type]
        as_of=more.pop("as_of", AS_OF),  # type: ignore[arg-type]
        plan=more.pop("plan", None),  # type: ignore[arg-type]
        lang=str(more.pop("lang", "vi")),
        members=bool(more.pop("members", False)),
    )
    return make_report(root, request, today=date(2026, 1, 15), generated_at=MADE)


def test_province_totals_and_rows(small: Path) -> None:
    made = report(small)
    t = made.totals
    assert (t.clubs, t.clubs_operating, t.clubs_preparing) == (3, 2, 1)
    assert (t.units_with_clubs, t.units_total) == (2, 3)
    assert (t.members, t.members_older, t.members_young, t.board_members) == (12, 10, 2, 3)
    # borrowers since founding; loans lent in the report's period, the year 2020
    assert (t.borrowers, t.loans_disbursed, t.loans_disbursed_amount) == (2, 1, 2_000_000)
    assert made.row_level == "district"
    assert [(r.name.full, r.name.short, r.figures.clubs) for r in made.rows] == [
        ("Thành phố Lạng Sơn", "Lạng Sơn", 0),
        ("Huyện Văn Lãng", "Văn Lãng", 1),
        ("Huyện Chi Lăng", "Chi Lăng", 2),
    ]
    assert [n.in_sentence for n in made.units_without_clubs] == ["thành phố Lạng Sơn"]
    assert [(c.commune, c.district) for c in made.preparing] == [
        (
            Name("Xã Hoàng Việt", "Hoàng Việt", "xã", "xã Hoàng Việt"),
            Name("Huyện Văn Lãng", "Văn Lãng", "huyện", "huyện Văn Lãng"),
        )
    ]


def test_default_period_is_the_year_of_the_as_of_date(small: Path) -> None:
    made = report(small)
    assert (made.period_label, made.period_kind) == ("2020", "year")
    assert (made.start, made.end, made.as_of) == (date(2020, 1, 1), date(2020, 12, 31), AS_OF)
    assert made.plan_id == "2016-2020"
    assert (made.previous_start, made.previous_end) == (date(2019, 1, 1), date(2019, 12, 31))


def test_with_a_plan_the_default_period_is_its_phase_cut_at_the_as_of_date(small: Path) -> None:
    made = report(small, plan="2016-2020")
    assert (made.period_label, made.period_kind) == ("2016..2020", "years")
    assert (made.start, made.end, made.as_of) == (date(2016, 1, 1), date(2020, 12, 31), AS_OF)
    assert (made.previous_start, made.previous_end) == (date(2011, 1, 1), date(2015, 12, 31))
    assert made.criteria_basis == "12 tháng tính đến ngày 30/11/2020"


def test_period_and_its_part(small: Path) -> None:
    made = report(small, period=parse_period("2020-Q3"), as_of=None)
    assert (made.start, made.as_of, made.period_part) == (date(2020, 7, 1), date(2020, 9, 30), 3)
    assert (made.previous_start, made.previous_end) == (date(2020, 4, 1), date(2020, 6, 30))
    assert made.totals.meetings_held == 1


def test_as_of_before_the_period_is_refused(small: Path) -> None:
    with pytest.raises(UsageError, match="31/12/2019 nằm ngoài kỳ 2020"):
        report(small, period=parse_period("2020"), as_of=date(2019, 12, 31))


def test_a_period_that_has_not_started_is_refused(small: Path) -> None:
    with pytest.raises(UsageError, match="Kỳ 2030 chưa bắt đầu"):
        report(small, period=parse_period("2030"), as_of=None)
    with pytest.raises(UsageError, match="16/01/2026 sau ngày hôm nay"):
        report(small, as_of=date(2026, 1, 16))


def test_targets_come_from_the_rules(small: Path) -> None:
    made = report(small)
    assert [(t.id, t.actual, t.status) for t in made.targets] == [
        ("clubs", 3, "not_met"),
        ("districts", 2, "exceeded"),
        ("members", 12, "exceeded"),
    ]
    assert (made.target_counts.exceeded, made.target_counts.not_met) == (2, 1)
    assert made.member_band == (3.0, 5.0)


def test_change_since_the_previous_period(small: Path) -> None:
    made = report(small, period=parse_period("2020-Q4"), as_of=None)
    changes = {c.key: (c.current, c.previous, c.delta) for c in made.changes}
    assert changes["clubs"] == (3, 3, 0)
    assert changes["meetings_held"] == (1, 1, 0)
    assert changes["fund_activity"] == (700_000, 700_000, 0)


def test_district_by_name_without_diacritics_has_a_row_per_club(small: Path) -> None:
    made = report(small, "district", "chi lang")
    assert made.scope.name.full == "Huyện Chi Lăng"
    assert made.row_level == "club"
    assert [r.code for r in made.rows] == ["chi-lang-dong-mo", "chi-lang-van-an"]
    assert (made.totals.units_with_clubs, made.totals.units_total) == (2, 2)
    assert made.members is None


def test_unknown_district_lists_the_known_ones(small: Path) -> None:
    with pytest.raises(UnknownScope) as caught:
        report(small, "district", "Tràng Định")
    assert "Huyện Văn Lãng" in str(caught.value)
    assert "Huyện Chi Lăng" in str(caught.value)


def test_club_report_lists_members_only_when_asked(small: Path) -> None:
    plain = report(small, "club", "chi-lang-dong-mo")
    assert plain.members is None
    assert [(t.id, t.actual, t.status) for t in plain.targets] == [("club-members", 5, "met")]
    listed = report(small, "club", "chi-lang-dong-mo", members=True)
    assert listed.members is not None
    assert [(m.id, m.board_role, m.borrowed) for m in listed.members] == [
        ("M001", "chair", False),
        ("M002", "treasurer", False),
        ("M003", None, True),
        ("M004", None, True),
        ("M005", None, False),
    ]


def test_unknown_club_lists_the_known_ones(small: Path) -> None:
    with pytest.raises(UnknownScope, match="chi-lang-van-an"):
        report(small, "club", "nowhere")


def test_unknown_plan_is_refused(small: Path) -> None:
    with pytest.raises(UsageError, match="2016-2020"):
        report(small, plan="2030-2035")


ADDITIVE = [
    f.name
    for f in fields(Figures)
    if FIGURE_KINDS.get(f.name) in ("count", "money")
    and f.name not in ("units_with_clubs", "units_total")
]


def _sums_hold(made: Report) -> None:
    for name in ADDITIVE:
        values = [getattr(r.figures, name) for r in made.rows]
        total = getattr(made.totals, name)
        if total is None:
            assert all(v is None for v in values), name
        else:
            assert sum(v for v in values if v is not None) == total, name


def test_rows_add_up_to_the_totals(small: Path) -> None:
    _sums_hold(report(small))
    _sums_hold(report(small, "district", "Chi Lăng"))


no_bundled_data = pytest.mark.skipif(
    not (BUNDLED / "province.yaml").is_file(), reason="no bundled data"
)


@pytest.fixture(scope="module")
def bundled() -> DataSet:
    return load_dataset(BUNDLED)


def bundled_report(dataset: DataSet, period: str | None, as_of: date | None) -> Report:
    request = Request("province", None, parse_period(period) if period else None, as_of, None, "vi")
    return build_report(
        dataset,
        request,
        provenance=Provenance(None, None, MADE, "0.1.0"),
        today=date(2026, 1, 15),
    )


@no_bundled_data
@pytest.mark.parametrize("period", ["2021..2025", "2024-Q3"])
def test_bundled_rows_add_up_to_the_province_totals(bundled: DataSet, period: str) -> None:
    made = bundled_report(bundled, period, None)
    assert made.totals.clubs > 0
    _sums_hold(made)


@no_bundled_data
def test_bundled_data_gives_the_seed_figures(bundled: DataSet) -> None:
    made = bundled_report(bundled, None, AS_OF)
    _sums_hold(made)
    t = made.totals
    assert {
        "clubs": t.clubs,
        "clubs_operating": t.clubs_operating,
        "clubs_preparing": t.clubs_preparing,
        "units_with_clubs": t.units_with_clubs,
        "units_total": t.units_total,
        "members": t.members,
        "members_older": t.members_older,
        "board_members": t.board_members,
        "borrowers": t.borrowers,
    } == {
        "clubs": 18,
        "clubs_operating": 16,
        "clubs_preparing": 2,
        "units_with_clubs": 9,
        "units_total": 11,
        "members": 898,
        "members_older": 630,
        "board_members": 90,
        "borrowers": 35,
    }
    clubs = {r.name.short: r.figures.clubs for r in made.rows}
    assert clubs == {
        "Lạng Sơn": 1,
        "Tràng Định": 0,
        "Bình Gia": 2,
        "Văn Lãng": 2,
        "Cao Lộc": 2,
        "Văn Quan": 1,
        "Bắc Sơn": 2,
        "Hữu Lũng": 1,
        "Chi Lăng": 6,
        "Lộc Bình": 0,
        "Đình Lập": 1,
    }
    assert [n.short for n in made.units_without_clubs] == ["Tràng Định", "Lộc Bình"]


def test_after_the_reform_the_province_rolls_up_by_commune(small: Path) -> None:
    made = report(small, period=parse_period("2025-H2"), as_of=None)
    assert (made.row_level, made.unit_level, made.plan_id) == ("commune", "commune", None)
    assert made.no_plan == (
        "Không có kế hoạch nào áp dụng cho ngày 31/12/2025. Các kế hoạch hiện có: "
        "2016-2020 (01/01/2016–31/12/2020)"
    )
    assert made.targets == []
    assert [(r.name.full, r.figures.clubs) for r in made.rows] == [
        ("Phường Đông Kinh", 0),
        ("Xã Hoàng Văn Thụ", 1),
        ("Xã Chi Lăng", 2),
    ]
    assert (made.totals.units_with_clubs, made.totals.units_total) == (2, 3)
    _sums_hold(made)


def test_a_new_commune_is_compared_with_the_same_territory_before(small: Path) -> None:
    """New xã Chi Lăng (06463) reuses the code of old thị trấn Đồng Mỏ and takes in xã Vân
    An: the quarter before the reform counts both old communes' clubs, not the old code's."""
    made = report(small, "commune", "06463", period=parse_period("2025-Q3"), as_of=None)
    assert made.scope.name.full == "Xã Chi Lăng"
    changes = {c.key: (c.current, c.previous) for c in made.changes}
    assert changes["clubs"] == (2, 2)
    assert changes["members"] == (9, 9)
