"""The bundled province file: Lạng Sơn's units in four eras, followed across them, the
words for the units in force at a date, the zones, and clubs placed in them."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from lstg.core.i18n import current_language, set_language
from lstg.dataset import DataSet
from lstg.dataset.loader import load_dataset
from lstg.domain.periods import Window
from lstg.domain.places import (
    Unit,
    club_unit,
    communes_by_group,
    contains,
    coverage_group,
    era_unit_words,
    province_designation,
    translate,
    translate_codes,
    unit_words,
    units,
    zone_of,
)
from lstg.domain.places.search import search, show
from lstg.indicators.figures import rollup
from lstg.schema import Club, Province
from lstg.schema.club import Place

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def bundled() -> DataSet:
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def province(bundled: DataSet) -> Province:
    assert bundled.province is not None
    return bundled.province


def _codes(province: Province, code: str, era: str, target: str) -> list[str]:
    return sorted(translate_codes(province, Place(code=code, era=era), target).codes)


def _name(province: Province, code: str, era: str, target: str) -> str | None:
    found = translate(province, era, code, target)
    return None if found is None else f"{found.code} {found.name}"


def test_four_eras_with_their_units(province: Province) -> None:
    eras = [
        (e.id, e.valid_from, e.valid_to, len(e.districts), len(e.communes)) for e in province.eras
    ]
    assert eras == [
        ("before-2020", None, date(2019, 12, 31), 11, 226),
        ("2020-01", date(2020, 1, 1), date(2024, 11, 30), 11, 200),
        ("2024-12", date(2024, 12, 1), date(2025, 6, 30), 11, 194),
        ("2025-07", date(2025, 7, 1), None, 0, 65),
    ]
    # the ids of the two eras of earlier province files still name them
    assert province.era("before-2025-07") is province.eras[2]
    assert province.era("from-2025-07") is province.eras[3]
    kinds = {c.kind for c in province.eras[3].communes}
    assert kinds == {"xã", "phường"}
    assert province.kind == "tỉnh"


def test_a_commune_of_before_2020_followed_to_2025(province: Province) -> None:
    # xã Bắc Sơn became xã Bắc Quỳnh on 1/1/2020, part of new xã Bắc Sơn on 1/7/2025
    assert _name(province, "06343", "before-2020", "2020-01") == "06343 Xã Bắc Quỳnh"
    assert _name(province, "06343", "before-2020", "2024-12") == "06343 Xã Bắc Quỳnh"
    assert _name(province, "06343", "before-2020", "2025-07") == "06325 Xã Bắc Sơn"
    # xã Nam La joined xã Hội Hoan
    assert _name(province, "06169", "before-2020", "2025-07") == "06151 Xã Hội Hoan"


def test_codes_are_reused_across_eras(province: Province) -> None:
    # 05977: Phường Vĩnh Trại until 30/6/2025, then the new Phường Đông Kinh
    assert _name(province, "05977", "before-2020", "2025-07") == "05977 Phường Đông Kinh"
    assert _name(province, "05980", "2024-12", "2025-07") == "05977 Phường Đông Kinh"
    # 06112: xã Tô Hiệu before 2020, then thị trấn Bình Gia (which took it in)
    assert _name(province, "06112", "before-2020", "2020-01") == "06112 Thị trấn Bình Gia"
    assert _name(province, "06064", "before-2020", "2020-01") == "06112 Thị trấn Bình Gia"
    assert _codes(province, "06112", "2020-01", "before-2020") == ["06064", "06112"]
    # 06040: xã Đại Đồng until 30/11/2024, then thị trấn Thất Khê
    assert _name(province, "05995", "2020-01", "2024-12") == "06040 Thị trấn Thất Khê"


def test_the_changes_of_1_december_2024(province: Province) -> None:
    assert _name(province, "06007", "2020-01", "2024-12") == "05998 Xã Khánh Long"
    assert _name(province, "06295", "2020-01", "2024-12") == "06286 Xã Khánh Khê"
    assert _name(province, "06301", "2020-01", "2024-12") == "06286 Xã Khánh Khê"
    assert _name(province, "06574", "2020-01", "2024-12") == "06559 Xã Tam Gia"
    assert _name(province, "06454", "2020-01", "2024-12") == "06385 Thị trấn Hữu Lũng"
    # Đại Đồng was split between thị trấn Thất Khê and Đội Cấn: no one unit
    assert _name(province, "06040", "2020-01", "2024-12") is None
    assert _codes(province, "06040", "2020-01", "2024-12") == ["06025", "06040"]
    assert _codes(province, "06040", "2020-01", "2025-07") == ["06004", "06040"]


def test_splits_and_unknown_successors_of_2020(province: Province) -> None:
    # Bắc Ái went to Đề Thám and Kim Đồng (NQ 818, Điều 1, khoản 1)
    assert _codes(province, "06052", "before-2020", "2020-01") == ["06031", "06046"]
    found = translate_codes(province, Place(code="06052", era="before-2020"), "2025-07")
    assert sorted(found.codes) == ["06019", "06046"]
    assert [(s.kind, s.code, s.into) for s in found.steps] == [
        ("split", "06052", ("06031", "06046"))
    ]
    # what xã Song Giáp became is not known: any commune of Cao Lộc in 2020
    untraced = translate_codes(province, Place(code="06229", era="before-2020"), "2020-01")
    era = province.era("2020-01")
    assert era is not None
    assert untraced.codes == {c.code for c in era.communes if c.district == "183"}
    assert untraced.steps[0].kind == "untraced"


def test_backwards_a_new_unit_of_two_districts_has_no_one_district(province: Province) -> None:
    # the new Phường Đông Kinh took in xã Yên Trạch of Cao Lộc
    club = Club(name="CLB", commune=Place(code="05977", era="2025-07"), founded=date(2025, 9, 1))
    assert club_unit(province, club, "district", date(2025, 12, 31)) is None
    club = Club(name="CLB", commune=Place(code="06004", era="2025-07"), founded=date(2025, 9, 1))
    assert club_unit(province, club, "district", date(2025, 12, 31)) == Unit(
        "district", "180", "Huyện Tràng Định", "2024-12"
    )


def test_a_club_in_a_commune_whose_successor_is_not_known_keeps_its_district(
    province: Province,
) -> None:
    club = Club(
        name="CLB", commune=Place(code="06229", era="before-2020"), founded=date(2018, 1, 1)
    )
    assert club_unit(province, club, "district", date(2024, 6, 30)) == Unit(
        "district", "183", "Huyện Cao Lộc", "2020-01"
    )
    assert club_unit(province, club, "commune", date(2026, 1, 1)) is None


def test_unit_words_come_from_the_data_and_the_date(province: Province) -> None:
    day_before, day_after = date(2025, 6, 30), date(2025, 7, 1)
    assert unit_words(province, "district", day_before, language="vi") == "huyện, thành phố"
    assert unit_words(province, "commune", day_before, language="vi") == "xã, phường, thị trấn"
    assert unit_words(province, "district", day_after, language="vi") == ""
    assert unit_words(province, "commune", day_after, language="vi") == "xã, phường"
    assert unit_words(province, "commune", date(2018, 1, 1), language="vi") == (
        "xã, phường, thị trấn"
    )
    assert unit_words(province, "district", day_before, language="en") == "districts and cities"
    assert unit_words(province, "commune", day_before, language="en") == (
        "communes, wards and townships"
    )
    assert unit_words(province, "commune", day_after, language="en") == "communes and wards"
    # a review by district made after the reform names the districts of its era
    last = province.era("2024-12")
    assert last is not None
    assert era_unit_words(last, "district", language="vi") == "huyện, thành phố"
    before = current_language()
    try:
        set_language("vi")
        assert unit_words(province, "commune", day_after) == "xã, phường"
        set_language("en")
        assert unit_words(province, "commune", day_after) == "communes and wards"
    finally:
        set_language(before)


def test_the_province_is_named_as_what_it_is(province: Province) -> None:
    assert province_designation(province, language="vi") == "tỉnh Lạng Sơn"
    assert province_designation(province, language="vi", capitalised=True) == "Tỉnh Lạng Sơn"
    assert province_designation(province, language="en") == "Lạng Sơn province"
    city = Province.model_validate(
        {
            "name": "Hà Nội",
            "kind": "thành phố",
            "code": "01",
            "eras": [{"id": "2025-07", "name": "Từ 1/7/2025", "communes": []}],
        }
    )
    assert province_designation(city, language="vi") == "thành phố Hà Nội"
    assert province_designation(city, language="vi", capitalised=True) == "Thành phố Hà Nội"
    assert province_designation(city, language="en") == "Hà Nội city"


def test_every_new_commune_has_a_zone(province: Province) -> None:
    era = province.eras[-1]
    zones = [zone_of(province, Unit("commune", c.code, c.name, era.id)) for c in era.communes]
    assert zones.count("border") == 11
    assert zones.count("mountain") == 54
    border = sorted(c.name for c in era.communes if c.zone == "border")
    assert border == [
        "Xã Ba Sơn",
        "Xã Cao Lộc",
        "Xã Hoàng Văn Thụ",
        "Xã Khuất Xá",
        "Xã Kháng Chiến",
        "Xã Kiên Mộc",
        "Xã Mẫu Sơn",
        "Xã Quốc Khánh",
        "Xã Quốc Việt",
        "Xã Thụy Hùng",
        "Xã Đồng Đăng",
    ]
    groups = communes_by_group(province, date(2026, 6, 30))
    assert {group: len(found) for group, found in groups.items()} == {"mountain-border-island": 65}
    assert coverage_group("plains") == "plains"
    assert coverage_group("island") == "mountain-border-island"
    assert coverage_group(None) is None
    assert zone_of(province, Unit("district", "187", "Huyện Chi Lăng", "2024-12")) is None


def test_search_finds_units_of_every_era_without_case_or_accents(province: Province) -> None:
    for query in ("dong kinh", "Đông Kinh", "DONG KINH"):
        found = search(province, query)
        assert [(e.code, e.eras) for e in found] == [
            ("05980", ("before-2020", "2020-01", "2024-12")),
            ("05977", ("2025-07",)),
        ]
    old, new = search(province, "dong kinh")
    assert [link.code for link in old.became] == ["05977"]
    assert [link.code for link in new.came_from] == ["05977", "05980", "05992", "06247"]
    assert search(province, "   ") == []


def test_show_lists_every_unit_with_a_code(province: Province) -> None:
    assert [(e.name, e.eras) for e in show(province, "06040")] == [
        ("Xã Đại Đồng", ("before-2020", "2020-01")),
        ("Thị trấn Thất Khê", ("2024-12",)),
        ("Xã Thất Khê", ("2025-07",)),
    ]
    assert [e.name for e in show(province, "06040", era="2024-12")] == ["Thị trấn Thất Khê"]
    assert [e.name for e in show(province, "06040", era="before-2025-07")] == ["Thị trấn Thất Khê"]
    assert [(e.level, e.name) for e in show(province, "187")] == [("district", "Huyện Chi Lăng")]
    assert show(province, "99999") == []


# A club of the bundled data in a commune that existed only before 2020.


def test_a_club_of_a_commune_gone_in_2020_rolls_up_to_its_district_and_new_commune(
    bundled: DataSet,
) -> None:
    data = bundled.clubs["bac-son-bac-son"]
    assert data.club is not None
    assert data.club.commune == Place(code="06343", era="before-2020")
    review = rollup(
        bundled,
        level="province",
        unit=None,
        window=Window(date(2021, 1, 1), date(2025, 12, 31)),
        child_level="district",
    )
    bac_son = next(r for r in review.rows if r.name == "Huyện Bắc Sơn")
    district = rollup(
        bundled,
        level="district",
        unit="Bắc Sơn",
        window=Window(date(2025, 1, 1), date(2025, 6, 30)),
    )
    assert "bac-son-bac-son" in [r.code for r in district.rows]
    assert bac_son.figures.clubs == len(district.rows)
    commune = rollup(
        bundled, level="commune", unit="06325", window=Window(date(2026, 1, 1), date(2026, 6, 30))
    )
    assert commune.unit == Unit("commune", "06325", "Xã Bắc Sơn", "2025-07")
    assert [r.code for r in commune.rows] == ["bac-son-bac-son"]
    assert all(r.name != "Clubs that cannot be placed" for r in review.rows)


def test_the_bundled_club_in_a_split_commune_is_placed_by_its_recorded_part(
    bundled: DataSet, province: Province
) -> None:
    data = bundled.clubs["dinh-lap-dinh-lap"]
    assert data.club is not None
    assert data.club.commune == Place(code="06622", era="2020-01")
    assert data.club.communes == [Place(code="06613", era="2025-07")]
    assert _codes(province, "06622", "2020-01", "2025-07") == ["06613", "06625"]
    assert club_unit(province, data.club, "commune", date(2026, 1, 1)) == Unit(
        "commune", "06613", "Xã Đình Lập", "2025-07"
    )
    assert club_unit(province, data.club, "district", date(2020, 11, 30)) == Unit(
        "district", "189", "Huyện Đình Lập", "2020-01"
    )


def test_the_bundled_club_of_thi_tran_that_khe_follows_its_new_code(
    bundled: DataSet, province: Province
) -> None:
    data = bundled.clubs["trang-dinh-that-khe"]
    assert data.club is not None
    assert data.club.commune == Place(code="05995", era="2020-01")
    assert club_unit(province, data.club, "commune", date(2025, 1, 1)) == Unit(
        "commune", "06040", "Thị trấn Thất Khê", "2024-12"
    )


# Properties over the whole province file, on a seeded sample of units and eras.


def test_forwards_then_backwards_comes_back_to_the_unit(province: Province) -> None:
    rng = random.Random("places")
    eras = province.eras
    for _ in range(300):
        start, stop = sorted(rng.sample(range(len(eras)), 2))
        commune = rng.choice(eras[start].communes)
        place = Place(code=commune.code, era=eras[start].id)
        forwards = translate_codes(province, place, eras[stop].id)
        assert forwards.codes, (commune.code, eras[start].id)
        for code in forwards.codes:
            back = translate_codes(province, Place(code=code, era=eras[stop].id), eras[start].id)
            assert commune.code in back.codes, (commune.code, eras[start].id, code)
        # one unit in the end exactly when no step divided it
        assert (len(forwards.codes) == 1) == (forwards.steps == ()), (commune.code, forwards)


def test_a_placed_club_lies_in_exactly_one_unit_of_the_era(province: Province) -> None:
    rng = random.Random("clubs")
    for _ in range(200):
        era = rng.choice(province.eras)
        commune = rng.choice(era.communes)
        founded = era.valid_from or date(2018, 1, 1)
        club = Club(name="CLB", commune=Place(code=commune.code, era=era.id), founded=founded)
        for target in province.eras:
            day = target.valid_to or date(2026, 6, 30)
            for level in ("district", "commune"):
                placed = club_unit(province, club, level, day)
                candidates = [u for u in units(province, level, day) if contains(province, u, club)]
                assert candidates == ([] if placed is None else [placed]), (commune.code, level)
                if level == "district" and target.districts and target is era:
                    assert placed is not None and placed.code == commune.district
