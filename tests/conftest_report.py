"""A report model made by hand, for tests of the writers that do not need data."""

from __future__ import annotations

from datetime import UTC, date, datetime

from lstg.provenance import Provenance
from lstg.report.model import (
    Change,
    ClubNote,
    Name,
    Report,
    Row,
    Scope,
    Target,
    TargetCounts,
)
from lstg.rollup import Figures


def figures(clubs: int, members: int, **more: int | float | None) -> Figures:
    values: dict[str, int | float | None] = {
        "clubs": clubs,
        "clubs_operating": clubs,
        "clubs_preparing": 0,
        "units_with_clubs": None,
        "units_total": None,
        "members": members,
        "members_older": members * 7 // 10,
        "members_women": members * 6 // 10,
        "members_young": members - members * 7 // 10,
        "members_unknown_age": 0,
        "board_members": clubs * 5,
        "borrowers": 0,
        "borrower_share": 0.0 if members else None,
        "loans_disbursed": 0,
        "loans_disbursed_amount": 0,
        "principal_outstanding": 0,
        "par30": None,
        "fund_income": 0,
        "fund_activity": 0,
        "meetings_held": 0,
        "attendance_rate": None,
        "members_health_checked": 0,
        "hypertensive_share": None,
        "home_care_visits": 0,
    }
    values.update(more)
    return Figures(**values)  # type: ignore[arg-type]


def name(full: str) -> Name:
    kind, _, short = full.partition(" ")
    for two in ("Thành phố", "Thị trấn", "Thị xã"):
        if full.startswith(two):
            kind, short = two, full[len(two) + 1 :]
    return Name(full=full, short=short, kind=kind.lower(), in_sentence=kind.lower() + " " + short)


def sample_report(lang: str = "vi", *, dirty: bool | None = False) -> Report:
    chi_lang = figures(
        6,
        300,
        borrowers=12,
        borrower_share=4.0,
        loans_disbursed=3,
        loans_disbursed_amount=9_000_000,
        principal_outstanding=7_500_000,
        par30=20.0,
        fund_income=21_000_000,
        fund_activity=3_250_000,
        meetings_held=24,
        attendance_rate=87.5,
        members_health_checked=210,
        hypertensive_share=25.0,
        home_care_visits=40,
    )
    van_lang = figures(2, 60, clubs_operating=0, clubs_preparing=2)
    totals = figures(
        8,
        360,
        units_with_clubs=2,
        units_total=3,
        clubs_operating=6,
        clubs_preparing=2,
        borrowers=12,
        borrower_share=100 * 12 / 360,
        loans_disbursed=3,
        loans_disbursed_amount=9_000_000,
        principal_outstanding=7_500_000,
        par30=20.0,
        fund_income=21_000_000,
        fund_activity=3_250_000,
        meetings_held=24,
        attendance_rate=87.5,
        members_health_checked=210,
        hypertensive_share=25.0,
        home_care_visits=40,
    )
    return Report(
        lang=lang,
        scope=Scope(level="province", name=name("Tỉnh Lạng Sơn"), code="20", province="Lạng Sơn"),
        period_label="2016..2020",
        period_kind="years",
        period_part=None,
        start=date(2016, 1, 1),
        end=date(2020, 12, 31),
        as_of=date(2020, 11, 30),
        row_level="district",
        unit_level="district",
        totals=totals,
        units_without_clubs=[name("Huyện Tràng Định")],
        preparing=[
            ClubNote("CLB xã Hoàng Việt", "xã Hoàng Việt, huyện Văn Lãng", date(2020, 8, 1)),
            ClubNote("CLB xã Hoàng Văn Thụ", "xã Hoàng Văn Thụ, huyện Văn Lãng", date(2020, 8, 2)),
        ],
        rows=[
            Row(name("Huyện Chi Lăng"), "187", chi_lang),
            Row(name("Huyện Văn Lãng"), "182", van_lang),
            Row(name("Huyện Tràng Định"), "181", figures(0, 0)),
        ],
        targets=[
            Target("clubs", "Số CLB", "clubs", "count", "at_least", (20.0,), 8.0, "not_met"),
            Target(
                "members",
                "Số thành viên",
                "members",
                "count",
                "at_least",
                (300.0,),
                360.0,
                "exceeded",
            ),
            Target(
                "borrowers",
                "Tỷ lệ vay",
                "borrower_share",
                "percent",
                "at_least",
                (50.0,),
                None,
                "no_data",
            ),
        ],
        target_counts=TargetCounts(met=0, exceeded=1, not_met=1, no_data=1),
        plan_id="2016-2020",
        plan_name="Kế hoạch giai đoạn 2016 - 2020",
        previous_label="2011..2015",
        previous_start=date(2011, 1, 1),
        previous_end=date(2015, 12, 31),
        changes=[
            Change("clubs", "count", 8, 0, 8),
            Change("borrower_share", "percent", 100 * 12 / 360, None, None),
            Change("fund_income", "money", 21_000_000, 1_000_000, 20_000_000),
        ],
        provenance=Provenance(
            commit="0123456789abcdef0123456789abcdef01234567" if dirty is not None else None,
            dirty=dirty,
            generated_at=datetime(2020, 12, 1, 8, 15, tzinfo=UTC),
            lstg_version="0.1.0",
        ),
    )
