"""The clubs of the bundled data set: where, when, and the figures each must reproduce.

The 18 clubs of 2017–2020 carry the seed's figures as of 30/11/2020 (members, older
members, borrowers); the 20 clubs of 2021–2025 carry a target size at 31/12/2025; the
clubs of 2026, in the communes of the 2025 reform, a size at the end of the data.
The data run to 30/11/2026 (``END``); a few clubs have sent their records only up to
an earlier day (``records_until``), as happens before a district officer chases them.
Everything else about a club is drawn from its own seeded random generator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

CUTOFF = date(2020, 11, 30)
PHASE_END = date(2025, 12, 31)
"""The day the 2021–2025 clubs reach their ``size_end``."""
END = date(2026, 11, 30)
"""The last day of the data."""


@dataclass(frozen=True)
class Spec:
    """One club to generate.

    Attributes:
        members_2020, older_2020: members and older members on 30/11/2020 (old clubs).
        borrowers_2020: distinct members with a loan by 30/11/2020 (old clubs).
        size_end: members on 31/12/2025 (on the last day of the data for a club
            founded after it).
        every: months between regular meetings (1 monthly, 2 or 3).
        missing_areas: activity areas the club does not take up.
        volunteers: home-care volunteers.
        activity_fund: whether the club opened an activity fund.
        regulations: whether the club adopted fund regulations.
        new_era: the commune is a unit of the era from 1/7/2025.
        records_until: the last day whose records the club has sent (default: the
            end of the data).
    """

    id: str
    district: str
    commune: str
    founded: date
    launched: date | None
    size_end: int
    members_2020: int = 0
    older_2020: int = 0
    borrowers_2020: int = 0
    every: int = 1
    missing_areas: tuple[str, ...] = ()
    volunteers: int = 6
    activity_fund: bool = True
    regulations: bool = True
    new_era: bool = False
    commune_support: bool = False
    production: str | None = None
    notes: dict[str, str] = field(default_factory=dict)
    records_until: date | None = None

    @property
    def old(self) -> bool:
        return self.founded <= CUTOFF

    @property
    def last_day(self) -> date:
        """The last day of the club's records."""
        return self.records_until or END

    @property
    def size_day(self) -> date:
        """The day the club has ``size_end`` members."""
        return PHASE_END if self.founded <= PHASE_END else END


D = date
TP, TD, BG, VL = "Thành phố Lạng Sơn", "Huyện Tràng Định", "Huyện Bình Gia", "Huyện Văn Lãng"
CL, VQ, BS, HL = "Huyện Cao Lộc", "Huyện Văn Quan", "Huyện Bắc Sơn", "Huyện Hữu Lũng"
CHL, LB, DL = "Huyện Chi Lăng", "Huyện Lộc Bình", "Huyện Đình Lập"

SUSPENDED_CLUB = "bac-son-vu-lang"
SUSPENDED = D(2022, 9, 1)
RESUMED = D(2023, 3, 15)
WRITE_OFF_CLUB = "cao-loc-gia-cat"

# fmt: off
SPECS: tuple[Spec, ...] = (
    Spec("chi-lang-dong-mo", CHL, "Thị trấn Đồng Mỏ", D(2017, 5, 12), D(2017, 6, 20), 68,
         70, 54, 3, commune_support=True),
    Spec("chi-lang-chi-lang", CHL, "Xã Chi Lăng", D(2017, 9, 8), D(2017, 10, 17), 66,
         62, 47, 3),
    Spec("lang-son-quang-lac", TP, "Xã Quảng Lạc", D(2017, 8, 10), D(2017, 9, 22), 58,
         52, 33, 2, production="Bán rau, gà từ khu đất tăng gia của CLB"),
    Spec("cao-loc-yen-trach", CL, "Xã Yên Trạch", D(2017, 10, 5), D(2017, 11, 16), 67,
         65, 48, 3, commune_support=True),
    Spec("chi-lang-quan-son", CHL, "Xã Quan Sơn", D(2018, 3, 14), D(2018, 4, 25), 60,
         55, 40, 2, every=2, missing_areas=("rights",), volunteers=4),
    Spec("chi-lang-van-an", CHL, "Xã Vân An", D(2018, 6, 6), D(2018, 7, 19), 55,
         48, 35, 2, missing_areas=("resources",)),
    Spec("van-quan-binh-phuc", VQ, "Xã Bình Phúc", D(2018, 4, 10), D(2018, 5, 30), 57,
         50, 33, 2, production="Bán rau cải xoong trồng ven suối", commune_support=True),
    Spec("binh-gia-binh-gia", BG, "Thị trấn Bình Gia", D(2018, 8, 15), D(2018, 9, 27), 64,
         60, 42, 3, commune_support=True),
    Spec("bac-son-bac-son", BS, "Xã Bắc Sơn", D(2018, 10, 9), D(2018, 11, 20), 62,
         58, 41, 2),
    Spec("chi-lang-bang-mac", CHL, "Xã Bằng Mạc", D(2019, 3, 12), D(2019, 4, 23), 53,
         45, 31, 2, every=2, volunteers=3),
    Spec("chi-lang-nhan-ly", CHL, "Xã Nhân Lý", D(2019, 5, 7), D(2019, 6, 18), 55,
         40, 29, 2, missing_areas=("rights", "resources")),
    Spec("cao-loc-gia-cat", CL, "Xã Gia Cát", D(2019, 4, 16), D(2019, 5, 28), 52,
         42, 30, 2),
    Spec("binh-gia-hong-phong", BG, "Xã Hồng Phong", D(2019, 7, 9), D(2019, 8, 21), 48,
         38, 27, 2, every=3, missing_areas=("rights", "learning"), volunteers=4),
    Spec(SUSPENDED_CLUB, BS, "Xã Vũ Lăng", D(2019, 8, 13), D(2019, 9, 24), 44,
         35, 24, 2, missing_areas=("resources",)),
    Spec("huu-lung-minh-son", HL, "Xã Minh Sơn", D(2019, 10, 8), D(2019, 11, 19), 63,
         61, 42, 2),
    Spec("dinh-lap-dinh-lap", DL, "Xã Bính Xá", D(2020, 3, 10), D(2020, 6, 16), 62,
         60, 38, 1, every=2),
    Spec("van-lang-hoang-van-thu", VL, "Xã Hoàng Văn Thụ", D(2020, 8, 18), D(2021, 3, 23), 52,
         30, 19, 0),
    Spec("van-lang-hoang-viet", VL, "Xã Hoàng Việt", D(2020, 9, 22), D(2021, 4, 20), 46,
         27, 17, 0, missing_areas=("rights",), volunteers=4),
    Spec("cao-loc-dong-dang", CL, "Thị trấn Đồng Đăng", D(2021, 4, 13), D(2021, 5, 25), 55),
    Spec("huu-lung-huu-lung", HL, "Thị trấn Hữu Lũng", D(2021, 3, 16), D(2021, 4, 27), 66),
    Spec("trang-dinh-that-khe", TD, "Thị trấn Thất Khê", D(2021, 5, 11), D(2021, 6, 22), 62),
    Spec("loc-binh-loc-binh", LB, "Thị trấn Lộc Bình", D(2021, 6, 8), D(2021, 7, 20), 58,
         missing_areas=("rights",)),
    Spec("van-quan-van-quan", VQ, "Thị trấn Văn Quan", D(2021, 9, 7), D(2021, 10, 19), 52,
         every=2),
    Spec("loc-binh-tu-doan", LB, "Xã Tú Đoạn", D(2022, 3, 15), D(2022, 5, 10), 48,
         missing_areas=("rights", "resources"), volunteers=4),
    Spec("van-lang-na-sam", VL, "Thị trấn Na Sầm", D(2022, 4, 12), D(2022, 5, 24), 57),
    Spec("bac-son-hung-vu", BS, "Xã Hưng Vũ", D(2022, 5, 17), D(2022, 6, 28), 53,
         missing_areas=("learning",)),
    Spec("binh-gia-tan-van", BG, "Xã Tân Văn", D(2022, 6, 14), D(2022, 7, 26), 44,
         every=2, volunteers=3),
    Spec("chi-lang-van-linh", CHL, "Xã Vạn Linh", D(2022, 8, 9), D(2022, 9, 20), 60),
    Spec("lang-son-tam-thanh", TP, "Phường Tam Thanh", D(2022, 10, 11), D(2022, 11, 22), 51,
         missing_areas=("income",)),
    Spec("trang-dinh-de-tham", TD, "Xã Đề Thám", D(2023, 3, 14), D(2023, 4, 25), 50,
         missing_areas=("rights",)),
    Spec("dinh-lap-thai-binh", DL, "Xã Thái Bình", D(2023, 4, 11), D(2023, 5, 23), 46,
         every=3, volunteers=4),
    Spec("van-quan-trang-phai", VQ, "Xã Tràng Phái", D(2023, 6, 13), D(2023, 7, 25), 54),
    Spec("van-lang-tan-my", VL, "Xã Tân Mỹ", D(2023, 9, 12), D(2023, 10, 24), 50,
         missing_areas=("resources",)),
    Spec("cao-loc-hoa-cu", CL, "Xã Hòa Cư", D(2024, 3, 12), D(2024, 4, 23), 47,
         activity_fund=False, volunteers=4),
    Spec("huu-lung-yen-binh", HL, "Xã Yên Bình", D(2024, 5, 14), D(2024, 6, 25), 52,
         regulations=False),
    Spec("xa-quoc-khanh", "", "Xã Quốc Khánh", D(2025, 7, 15), D(2025, 9, 9), 42,
         new_era=True, activity_fund=False, missing_areas=("rights", "resources")),
    Spec("xa-loi-bac", "", "Xã Lợi Bác", D(2025, 8, 12), D(2025, 10, 14), 38,
         new_era=True, activity_fund=False, regulations=False, volunteers=3),
    Spec("xa-thien-long", "", "Xã Thiện Long", D(2025, 10, 21), D(2026, 3, 24), 46,
         new_era=True, regulations=False, volunteers=3),
    Spec("xa-na-duong", "", "Xã Na Dương", D(2026, 2, 24), D(2026, 3, 31), 54,
         new_era=True, missing_areas=("rights",), volunteers=5),
    Spec("phuong-luong-van-tri", "", "Phường Lương Văn Tri", D(2026, 4, 14), D(2026, 5, 26), 50,
         new_era=True, activity_fund=False, volunteers=4),
    Spec("xa-van-quan", "", "Xã Văn Quan", D(2026, 6, 9), D(2026, 7, 21), 45,
         new_era=True, regulations=False, missing_areas=("resources",), volunteers=3),
    Spec("xa-mau-son", "", "Xã Mẫu Sơn", D(2026, 9, 15), None, 36,
         new_era=True, activity_fund=False, regulations=False, volunteers=0),
)

RECORDS_UNTIL: dict[str, date] = {
    "dinh-lap-thai-binh": D(2026, 8, 31),
    "binh-gia-tan-van": D(2026, 7, 31),
    "van-lang-tan-my": D(2026, 9, 30),
}
"""Clubs whose records of the latest months have not reached the district yet."""

SPECS = tuple(
    Spec(**{**s.__dict__, "records_until": RECORDS_UNTIL[s.id]}) if s.id in RECORDS_UNTIL else s
    for s in SPECS
)
# fmt: on
