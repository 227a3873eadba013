"""Every indicator by name, and the two ways to get a value: for a club, for a set of clubs.

Plan rules name indicators from :data:`INDICATORS`; ``docs/indicators.md``
documents each one (a test keeps the two in step).
"""

from __future__ import annotations

from lstg.dataset import ClubData
from lstg.periods import Window
from lstg.rollup import club as c
from lstg.rollup.indicators import (
    ClubFn,
    Indicator,
    Kind,
    Measure,
    Number,
    Selection,
    SetFn,
    clubs_well_managed,
    share,
    units_total,
    units_with_clubs,
    units_with_operating_clubs,
)


def _count(
    name: str, vi: str, en: str, kind: Kind, fn: ClubFn, unit: Measure = "count"
) -> Indicator:
    return Indicator(name, vi, en, unit, kind, "sum", club=fn)


def _ratio(name: str, vi: str, en: str, kind: Kind, numerator: str, denominator: str) -> Indicator:
    return Indicator(name, vi, en, "percent", kind, "ratio", ratio=(numerator, denominator))


def _set(name: str, vi: str, en: str, fn: SetFn) -> Indicator:
    return Indicator(name, vi, en, "count", "stock", "set", of_set=fn)


_ALL: tuple[Indicator, ...] = (
    # Clubs
    _count("clubs", "Số câu lạc bộ", "Clubs", "stock", c.exists),
    _count(
        "clubs_founded_to_date",
        "Số CLB đã thành lập (kể cả đã giải thể)",
        "Clubs ever founded",
        "stock",
        c.founded_by,
    ),
    _count("clubs_operating", "Số CLB đang hoạt động", "Clubs operating", "stock", c.operating),
    _count("clubs_preparing", "Số CLB đang chuẩn bị", "Clubs preparing", "stock", c.preparing),
    _count("clubs_suspended", "Số CLB tạm dừng", "Clubs suspended", "stock", c.suspended),
    _count("clubs_founded", "Số CLB thành lập mới", "Clubs founded", "flow", c.founded_in),
    _ratio(
        "clubs_operating_share",
        "Tỷ lệ CLB duy trì hoạt động",
        "Clubs still operating",
        "stock",
        "clubs_operating",
        "clubs_founded_to_date",
    ),
    _count(
        "clubs_with_funds",
        "Số CLB có đủ 2 quỹ và quy chế",
        "Clubs with both funds and regulations",
        "stock",
        c.funds_ready,
        "yes_no",
    ),
    _ratio(
        "clubs_with_funds_share",
        "Tỷ lệ CLB có đủ 2 quỹ và quy chế",
        "Clubs with both funds and regulations",
        "stock",
        "clubs_with_funds",
        "clubs",
    ),
    _set(
        "clubs_well_managed",
        "Số CLB thực hiện đủ hoạt động, quản lý tốt",
        "Clubs fully active and well managed",
        clubs_well_managed,
    ),
    _ratio(
        "clubs_well_managed_share",
        "Tỷ lệ CLB thực hiện đủ hoạt động, quản lý tốt",
        "Clubs fully active and well managed",
        "stock",
        "clubs_well_managed",
        "clubs",
    ),
    # Places
    _set("units_with_clubs", "Số đơn vị có CLB", "Units with a club", units_with_clubs),
    _set(
        "units_with_operating_clubs",
        "Số đơn vị có CLB hoạt động",
        "Units with an operating club",
        units_with_operating_clubs,
    ),
    _set("units_total", "Tổng số đơn vị", "Units in the province", units_total),
    # Members
    _count("members", "Số thành viên", "Members", "stock", c.members),
    _count(
        "members_older",
        "Thành viên là NCT (từ 60 tuổi)",
        "Older members (60+)",
        "stock",
        c.members_older,
    ),
    _count(
        "members_young",
        "Thành viên dưới 60 tuổi",
        "Young members (under 60)",
        "stock",
        c.members_young,
    ),
    _count("members_women", "Thành viên nữ", "Women members", "stock", c.members_women),
    _count(
        "members_unknown_age",
        "Thành viên chưa rõ năm sinh",
        "Members of unknown age",
        "stock",
        c.members_unknown_age,
    ),
    _ratio("older_share", "Tỷ lệ NCT", "Older members' share", "stock", "members_older", "members"),
    _ratio(
        "young_share",
        "Tỷ lệ người trẻ",
        "Young members' share",
        "stock",
        "members_young",
        "members",
    ),
    _ratio("women_share", "Tỷ lệ phụ nữ", "Women's share", "stock", "members_women", "members"),
    _count("board_members", "Thành viên Ban Chủ nhiệm", "Board members", "stock", c.board_members),
    _count(
        "home_care_volunteers",
        "Tình nguyện viên chăm sóc tại nhà",
        "Home-care volunteers",
        "stock",
        c.home_care_volunteers,
    ),
    # Loans
    _count("borrowers", "Thành viên được vay vốn", "Members who borrowed", "flow", c.borrowers),
    _ratio(
        "borrower_share",
        "Tỷ lệ thành viên được vay vốn",
        "Members who borrowed, share",
        "flow",
        "borrowers",
        "members",
    ),
    _count("loans_disbursed", "Số lượt cho vay", "Loans disbursed", "flow", c.loans_disbursed),
    _count(
        "loans_disbursed_amount",
        "Số tiền cho vay",
        "Amount lent",
        "flow",
        c.loans_disbursed_amount,
        "dong",
    ),
    _count(
        "principal_outstanding",
        "Dư nợ gốc",
        "Principal outstanding",
        "stock",
        c.principal_outstanding,
        "dong",
    ),
    _count(
        "principal_at_risk",
        "Dư nợ quá hạn trên 30 ngày",
        "Principal more than 30 days overdue",
        "stock",
        c.principal_at_risk,
        "dong",
    ),
    _ratio(
        "par30",
        "Tỷ lệ nợ quá hạn trên 30 ngày (PAR30)",
        "Portfolio at risk, 30 days (PAR30)",
        "stock",
        "principal_at_risk",
        "principal_outstanding",
    ),
    _count("write_offs", "Số khoản vay xóa nợ", "Loans written off", "flow", c.write_offs),
    _count(
        "write_off_amount",
        "Số tiền xóa nợ",
        "Principal written off",
        "flow",
        c.write_off_amount,
        "dong",
    ),
    # Funds
    _count(
        "fund_income", "Quỹ tăng thu nhập", "Income-generation fund", "stock", c.fund_income, "dong"
    ),
    _count("fund_activity", "Quỹ hoạt động", "Activity fund", "stock", c.fund_activity, "dong"),
    _count(
        "funds_ready",
        "Có đủ 2 quỹ và quy chế",
        "Both funds with regulations",
        "stock",
        c.funds_ready,
        "yes_no",
    ),
    # Meetings and activities
    _count("meetings_held", "Số buổi sinh hoạt", "Meetings held", "flow", c.meetings_held),
    Indicator(
        "months_unrecorded",
        "Số tháng thiếu biên bản sinh hoạt",
        "Months without a meeting record",
        "months",
        "flow",
        "sum",
        club=c.months_unrecorded,
    ),
    Indicator(
        "meeting_interval_months",
        "Khoảng cách dài nhất giữa hai lần sinh hoạt (tháng)",
        "Longest interval between meetings (months)",
        "months",
        "flow",
        "none",
        club=c.meeting_interval_months,
    ),
    _count("attendance", "Lượt thành viên dự sinh hoạt", "Attendances", "flow", c.attendance),
    _count(
        "attendance_expected",
        "Lượt thành viên được mời sinh hoạt",
        "Members expected at meetings",
        "flow",
        c.attendance_expected,
    ),
    _ratio(
        "attendance_rate",
        "Tỷ lệ dự sinh hoạt",
        "Attendance rate",
        "flow",
        "attendance",
        "attendance_expected",
    ),
    Indicator(
        "activity_areas",
        "Số nội dung hoạt động đã thực hiện (trên 8)",
        "Activity areas carried out (of 8)",
        "count",
        "flow",
        "none",
        club=c.activity_areas,
    ),
    # Health and home care
    _count(
        "members_health_checked",
        "Thành viên được kiểm tra sức khỏe",
        "Members with a health check",
        "flow",
        c.members_health_checked,
    ),
    _count(
        "members_bp_checked",
        "Thành viên được đo huyết áp",
        "Members with a blood-pressure reading",
        "flow",
        c.members_bp_checked,
    ),
    _count(
        "members_hypertensive",
        "Thành viên bị tăng huyết áp",
        "Members with high blood pressure",
        "flow",
        c.members_hypertensive,
    ),
    _ratio(
        "hypertensive_share",
        "Tỷ lệ tăng huyết áp",
        "High blood pressure, share",
        "flow",
        "members_hypertensive",
        "members_bp_checked",
    ),
    _count(
        "meetings_with_health_checks",
        "Buổi sinh hoạt có kiểm tra sức khỏe",
        "Meetings with health checks",
        "flow",
        c.meetings_with_health_checks,
    ),
    _ratio(
        "health_check_meeting_share",
        "Tỷ lệ buổi sinh hoạt có kiểm tra sức khỏe",
        "Meetings with health checks, share",
        "flow",
        "meetings_with_health_checks",
        "meetings_held",
    ),
    _count(
        "home_care_visits", "Lượt chăm sóc tại nhà", "Home-care visits", "flow", c.home_care_visits
    ),
)

INDICATORS: dict[str, Indicator] = {i.name: i for i in _ALL}
"""Every indicator, by name, in the order of the documentation."""


def club_value(name: str, data: ClubData, window: Window) -> Number | None:
    """The value of indicator ``name`` for one club over ``window``.

    Raises:
        KeyError: no such indicator.
        ValueError: the indicator has no value for one club (such as ``units_total``).
    """
    indicator = INDICATORS[name]
    if indicator.combine == "ratio":
        assert indicator.ratio is not None
        numerator, denominator = indicator.ratio
        return share(club_value(numerator, data, window), club_value(denominator, data, window))
    if indicator.club is None:
        raise ValueError(f"indicator {name} has no value for one club")
    return indicator.club(data, window)


def set_value(name: str, selection: Selection, window: Window) -> Number | None:
    """The value of indicator ``name`` over a set of clubs and ``window``.

    A count is the sum of the clubs' values (``None`` only when every club's is
    ``None``); a share is the ratio of the set's totals.

    Raises:
        KeyError: no such indicator.
        ValueError: the indicator has no value for a set (such as the interval
            between one club's meetings).
    """
    indicator = INDICATORS[name]
    if indicator.combine == "ratio":
        assert indicator.ratio is not None
        numerator, denominator = indicator.ratio
        return share(
            set_value(numerator, selection, window), set_value(denominator, selection, window)
        )
    if indicator.combine == "set":
        assert indicator.of_set is not None
        return indicator.of_set(selection, window)
    if indicator.combine == "sum":
        assert indicator.club is not None
        values = [indicator.club(data, window) for data in selection.clubs]
        present = [v for v in values if v is not None]
        if values and not present:
            return None
        return sum(present)
    raise ValueError(f"indicator {name} has no value for a set of clubs")


def has_club_value(name: str) -> bool:
    """Whether indicator ``name`` has a value for one club."""
    indicator = INDICATORS[name]
    if indicator.combine == "ratio":
        assert indicator.ratio is not None
        return all(has_club_value(n) for n in indicator.ratio)
    return indicator.club is not None


def has_set_value(name: str) -> bool:
    """Whether indicator ``name`` has a value for a set of clubs."""
    indicator = INDICATORS[name]
    if indicator.combine == "ratio":
        assert indicator.ratio is not None
        return all(has_set_value(n) for n in indicator.ratio)
    return indicator.combine != "none"
