"""Every indicator by name, and the two ways to get a value: for a club, for a set of clubs.

Plan rules name indicators from :data:`INDICATORS`; ``docs/indicators.md``
documents each one (a test keeps the two in step).
"""

from __future__ import annotations

from collections.abc import Iterable

from lstg.dataset import ClubData
from lstg.domain.periods import Window
from lstg.indicators import club as c
from lstg.indicators.facts import AnyClub, ClubFacts, Key, note
from lstg.indicators.sets import (
    ClubFn,
    Indicator,
    Kind,
    Measure,
    Number,
    Records,
    Selection,
    SetFn,
    clubs_to_standard,
    clubs_well_managed,
    communes_in_zones,
    communes_with_standard_clubs,
    share,
    units_total,
    units_with_clubs,
    units_with_operating_clubs,
)


def _count(
    name: str,
    vi: str,
    en: str,
    kind: Kind,
    fn: ClubFn,
    unit: Measure = "count",
    *,
    records: Records | None = None,
) -> Indicator:
    return Indicator(name, vi, en, unit, kind, "sum", club=fn, records=records)


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
    _set(
        "clubs_to_standard",
        "Số CLB hoạt động đạt chuẩn",
        "Clubs operating to standard",
        clubs_to_standard,
    ),
    _ratio(
        "clubs_to_standard_share",
        "Tỷ lệ CLB hoạt động đạt chuẩn",
        "Clubs operating to standard, share",
        "stock",
        "clubs_to_standard",
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
    _set(
        "communes_in_zones",
        "Số xã, phường (theo vùng)",
        "Communes (of the zones)",
        communes_in_zones,
    ),
    _set(
        "communes_with_standard_clubs",
        "Số xã, phường có CLB hoạt động đạt chuẩn",
        "Communes with clubs operating to standard",
        communes_with_standard_clubs,
    ),
    _ratio(
        "communes_with_standard_clubs_share",
        "Tỷ lệ xã, phường có CLB hoạt động đạt chuẩn",
        "Communes with clubs operating to standard, share",
        "stock",
        "communes_with_standard_clubs",
        "communes_in_zones",
    ),
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
    _count(
        "members_older_women",
        "Thành viên là phụ nữ cao tuổi",
        "Older women members",
        "stock",
        c.members_older_women,
    ),
    _ratio(
        "older_women_share",
        "Tỷ lệ phụ nữ trong số thành viên NCT",
        "Women's share of older members",
        "stock",
        "members_older_women",
        "members_older",
    ),
    _count(
        "members_joined",
        "Thành viên mới tham gia",
        "Members who joined",
        "flow",
        c.members_joined,
    ),
    _count(
        "members_older_joined",
        "NCT mới tham gia",
        "Older people who joined",
        "flow",
        c.members_older_joined,
    ),
    _count(
        "members_older_women_joined",
        "Phụ nữ cao tuổi mới tham gia",
        "Older women who joined",
        "flow",
        c.members_older_women_joined,
    ),
    _ratio(
        "older_women_joined_share",
        "Tỷ lệ phụ nữ trong số NCT mới tham gia",
        "Women's share of the older people who joined",
        "flow",
        "members_older_women_joined",
        "members_older_joined",
    ),
    _count("board_members", "Thành viên Ban Chủ nhiệm", "Board members", "stock", c.board_members),
    _count(
        "home_care_volunteers",
        "Tình nguyện viên chăm sóc tại nhà",
        "Home-care volunteers",
        "stock",
        c.home_care_volunteers,
    ),
    # Loans
    _count(
        "borrowers",
        "Thành viên được vay vốn",
        "Members who borrowed",
        "flow",
        c.borrowers,
        records="flow",
    ),
    _ratio(
        "borrower_share",
        "Tỷ lệ thành viên được vay vốn",
        "Members who borrowed, share",
        "flow",
        "borrowers",
        "members",
    ),
    _count(
        "loans_disbursed",
        "Số lượt cho vay",
        "Loans disbursed",
        "flow",
        c.loans_disbursed,
        records="flow",
    ),
    _count(
        "loans_disbursed_amount",
        "Số tiền cho vay",
        "Amount lent",
        "flow",
        c.loans_disbursed_amount,
        "dong",
        records="flow",
    ),
    _count(
        "principal_outstanding",
        "Dư nợ gốc",
        "Principal outstanding",
        "stock",
        c.principal_outstanding,
        "dong",
        records="stock",
    ),
    _count(
        "principal_at_risk",
        "Dư nợ quá hạn trên 30 ngày",
        "Principal more than 30 days overdue",
        "stock",
        c.principal_at_risk,
        "dong",
        records="stock",
    ),
    _ratio(
        "par30",
        "Tỷ lệ nợ quá hạn trên 30 ngày (PAR30)",
        "Portfolio at risk, 30 days (PAR30)",
        "stock",
        "principal_at_risk",
        "principal_outstanding",
    ),
    _count(
        "write_offs",
        "Số khoản vay xóa nợ",
        "Loans written off",
        "flow",
        c.write_offs,
        records="flow",
    ),
    _count(
        "write_off_amount",
        "Số tiền xóa nợ",
        "Principal written off",
        "flow",
        c.write_off_amount,
        "dong",
        records="flow",
    ),
    # Funds
    _count(
        "fund_income",
        "Quỹ tăng thu nhập",
        "Income-generation fund",
        "stock",
        c.fund_income,
        "dong",
        records="stock",
    ),
    _count(
        "fund_activity",
        "Quỹ hoạt động",
        "Activity fund",
        "stock",
        c.fund_activity,
        "dong",
        records="stock",
    ),
    _count(
        "funds_ready",
        "Có đủ 2 quỹ và quy chế",
        "Both funds with regulations",
        "stock",
        c.funds_ready,
        "yes_no",
    ),
    # Meetings and activities
    _count(
        "meetings_held",
        "Số buổi sinh hoạt",
        "Meetings held",
        "flow",
        c.meetings_held,
        records="flow",
    ),
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
        "months_expected",
        "Số tháng phải có biên bản",
        "Club-months owed records",
        "months",
        "flow",
        "sum",
        club=c.months_expected,
    ),
    Indicator(
        "months_recorded",
        "Số tháng đã có biên bản",
        "Club-months with records",
        "months",
        "flow",
        "sum",
        club=c.months_recorded,
    ),
    Indicator(
        "months_held",
        "Số tháng có sinh hoạt",
        "Months with a meeting held",
        "months",
        "flow",
        "sum",
        club=c.months_held,
    ),
    _ratio(
        "completeness",
        "Tỷ lệ đầy đủ số liệu (tháng có biên bản trên tháng phải có)",
        "Completeness (months with records of months owed)",
        "flow",
        "months_recorded",
        "months_expected",
    ),
    _count(
        "clubs_owing",
        "Số CLB phải có biên bản trong kỳ",
        "Clubs owing records in the period",
        "flow",
        c.club_owing,
    ),
    _count(
        "clubs_not_reporting",
        "Số CLB chưa có biên bản nào trong kỳ",
        "Clubs with no records in the period",
        "flow",
        c.club_not_reporting,
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
    _count(
        "attendance",
        "Lượt thành viên dự sinh hoạt",
        "Attendances",
        "flow",
        c.attendance,
        records="flow",
    ),
    _count(
        "attendance_expected",
        "Lượt thành viên được mời sinh hoạt",
        "Members expected at meetings",
        "flow",
        c.attendance_expected,
        records="flow",
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
        records="flow",
    ),
    # Health and home care
    _count(
        "members_health_checked",
        "Thành viên được kiểm tra sức khỏe",
        "Members with a health check",
        "flow",
        c.members_health_checked,
        records="flow",
    ),
    _count(
        "members_bp_checked",
        "Thành viên được đo huyết áp",
        "Members with a blood-pressure reading",
        "flow",
        c.members_bp_checked,
        records="flow",
    ),
    _count(
        "members_hypertensive",
        "Thành viên bị tăng huyết áp",
        "Members with high blood pressure",
        "flow",
        c.members_hypertensive,
        records="flow",
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
        records="flow",
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
        "home_care_visits",
        "Lượt chăm sóc tại nhà",
        "Home-care visits",
        "flow",
        c.home_care_visits,
        records="flow",
    ),
)

INDICATORS: dict[str, Indicator] = {i.name: i for i in _ALL}
"""Every indicator, by name, in the order of the documentation."""


def club_value(name: str, data: AnyClub, window: Window) -> Number | None:
    """The value of indicator ``name`` for one club over ``window``.

    ``None`` when the figure does not exist for the club, or when the club's
    records do not cover it (see :func:`lstg.indicators.sets.covered`). A
    club's facts (:class:`~lstg.indicators.facts.ClubFacts`) give the value computed
    from its records.

    Raises:
        KeyError: no such indicator.
        ValueError: the indicator has no value for one club (such as ``units_total``).
        MissingFact: the club's facts do not hold the figure.
    """
    indicator = INDICATORS[name]
    if indicator.combine == "ratio":
        assert indicator.ratio is not None
        numerator, denominator = indicator.ratio
        return share(club_value(numerator, data, window), club_value(denominator, data, window))
    if indicator.club is None:
        raise ValueError(f"indicator {name} has no value for one club")
    if isinstance(data, ClubFacts):
        return data.value(name, window)
    if note(name, window) and indicator.records is not None:
        # Noting what is asked, on the club files alone: a figure of the monthly records
        # has no records to rest on yet, and its value does not change what is asked.
        # Figures of the club file (status, funds) are true already, for filters on them.
        return 0
    return indicator.club_value(data, window)


def facts_of(data: ClubData, needs: Iterable[Key], *, errors: int = 0) -> ClubFacts:
    """The facts of one club: the value of each (indicator, window) of ``needs``."""
    values = {(name, window): INDICATORS[name].club_value(data, window) for name, window in needs}
    return ClubFacts(data.id, data.folder, data.club, values, errors)


def _summed(indicator: Indicator, selection: Selection, window: Window) -> list[Number | None]:
    """Each club's value of ``indicator`` over ``window``, in the order of the set's clubs;
    found once for the set."""
    key = (indicator.name, window)
    values = selection.values.get(key)
    if values is None:
        values = [club_value(indicator.name, data, window) for data in selection.clubs]
        selection.values[key] = values
    return values


def set_value(name: str, selection: Selection, window: Window) -> Number | None:
    """The value of indicator ``name`` over a set of clubs and ``window``.

    A count is the sum of the clubs' values (``None`` only when every club's is
    ``None``). A share of two counts is the ratio of their sums over the clubs
    that have both values, so that a club without records drops out of the
    numerator and the denominator alike; a share involving a set figure is the
    ratio of the two set values.

    Raises:
        KeyError: no such indicator.
        ValueError: the indicator has no value for a set (such as the interval
            between one club's meetings).
    """
    indicator = INDICATORS[name]
    if indicator.combine == "ratio":
        return share(*ratio_parts(name, selection, window))
    if indicator.combine == "set":
        assert indicator.of_set is not None
        return indicator.of_set(selection, window)
    if indicator.combine == "sum":
        values = _summed(indicator, selection, window)
        present = [v for v in values if v is not None]
        if values and not present:
            return None
        return sum(present)
    raise ValueError(f"indicator {name} has no value for a set of clubs")


def ratio_parts(
    name: str, selection: Selection, window: Window
) -> tuple[Number | None, Number | None]:
    """The numerator and denominator of the share ``name`` over a set, as
    :func:`set_value` divides them: for two counts, their sums over the clubs that
    have both values.

    Raises:
        KeyError: no such indicator, or it is not a share.
    """
    indicator = INDICATORS[name]
    if indicator.ratio is None:
        raise KeyError(f"indicator {name} is not a share")
    numerator, denominator = (INDICATORS[n] for n in indicator.ratio)
    if numerator.combine == "sum" and denominator.combine == "sum":
        pairs = [
            (a, b)
            for a, b in zip(
                _summed(numerator, selection, window),
                _summed(denominator, selection, window),
                strict=True,
            )
            if a is not None and b is not None
        ]
        if not pairs:
            return None, None
        return sum(a for a, _ in pairs), sum(b for _, b in pairs)
    return (
        set_value(numerator.name, selection, window),
        set_value(denominator.name, selection, window),
    )


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


def measurable(name: str, *, club: bool) -> bool:
    """Whether ``name`` is a known indicator with a value for one club (``club``) or for a set."""
    if name not in INDICATORS:
        return False
    return has_club_value(name) if club else has_set_value(name)
