from datetime import date

import pytest
from rollup_fixtures import PROVINCE, club

from lstg.i18n import set_language
from lstg.places import (
    Unit,
    UnknownPlace,
    club_unit,
    contains,
    default_level,
    find_unit,
    fold,
    name_matches,
    translate,
    units,
    units_within,
)
from lstg.schema import Club, Province

BEFORE = date(2025, 6, 30)
AFTER = date(2025, 7, 1)


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


@pytest.fixture
def province() -> Province:
    return Province.model_validate(PROVINCE)


def _club(commune: str, era: str = "old") -> Club:
    return Club.model_validate(club(commune=commune, era=era))


def test_fold_drops_case_diacritics_and_spaces() -> None:
    assert fold("Huyện  Chi Lăng") == "huyen chi lang"
    assert fold("Phường Đông Kinh") == "phuong dong kinh"
    # decomposed input (from some keyboards) folds the same
    assert fold("Chi La\u0306ng") == "chi lang"


@pytest.mark.parametrize(
    ("query", "name", "matches"),
    [
        ("chi lang", "Huyện Chi Lăng", True),
        ("CHI LĂNG", "Huyện Chi Lăng", True),
        ("huyen chi lang", "Huyện Chi Lăng", True),
        ("lang son", "Thành phố Lạng Sơn", True),
        ("chi", "Huyện Chi Lăng", False),
        ("dong kinh", "Phường Đông Kinh", True),
    ],
)
def test_name_matches(query: str, name: str, matches: bool) -> None:
    assert name_matches(query, name) is matches


def test_find_district_by_name_or_code(province: Province) -> None:
    expected = Unit("district", "901", "Huyện Chi Lăng", "old")
    assert find_unit(province, "district", "chi lang", BEFORE) == expected
    assert find_unit(province, "district", "901", BEFORE) == expected
    # after the reform, reviews by district still find the old districts
    assert find_unit(province, "district", "chi lang", AFTER) == expected


def test_unknown_district_lists_the_known_ones(province: Province) -> None:
    with pytest.raises(UnknownPlace) as raised:
        find_unit(province, "district", "Tràng Định", BEFORE)
    assert str(raised.value) == (
        "Unknown district “Tràng Định”. Known districts: Huyện Chi Lăng, Thành phố Lạng Sơn"
    )


def test_find_commune_of_the_era_then_of_any_era(province: Province) -> None:
    assert find_unit(province, "commune", "dong kinh", AFTER).code == "102"
    assert find_unit(province, "commune", "hoa binh", AFTER) == Unit(
        "commune", "002", "Xã Hòa Bình", "old"
    )
    with pytest.raises(UnknownPlace, match="Known communes: Xã Chi Lăng, Phường Đông Kinh"):
        find_unit(province, "commune", "nowhere", AFTER)


def test_levels_and_units_change_at_the_reform(province: Province) -> None:
    assert default_level(province, BEFORE) == "district"
    assert default_level(province, AFTER) == "commune"
    assert [u.code for u in units(province, "district", BEFORE)] == ["901", "902"]
    assert [u.code for u in units(province, "commune", BEFORE)] == ["001", "002", "003"]
    assert [u.code for u in units(province, "commune", AFTER)] == ["101", "102"]
    assert [u.code for u in units_within(province, None, BEFORE)] == ["901", "902"]
    assert [u.code for u in units_within(province, None, AFTER)] == ["101", "102"]
    chi_lang = units(province, "district", BEFORE)[0]
    assert [u.code for u in units_within(province, chi_lang, BEFORE)] == ["001", "002"]


def test_translate_forwards_takes_the_first_listed_on_a_split(province: Province) -> None:
    assert translate(province, "old", "001", "new") is not None
    assert translate(province, "old", "001", "new").code == "101"  # type: ignore[union-attr]
    assert translate(province, "old", "002", "new").code == "101"  # type: ignore[union-attr]
    assert translate(province, "old", "003", "new").code == "102"  # type: ignore[union-attr]
    assert translate(province, "old", "999", "new") is None


def test_translate_backwards_takes_the_first_old_commune(province: Province) -> None:
    assert translate(province, "new", "101", "old").code == "001"  # type: ignore[union-attr]
    assert translate(province, "new", "102", "old").code == "002"  # type: ignore[union-attr]


def test_club_counts_in_old_district_before_and_new_commune_after(province: Province) -> None:
    old = _club("003")
    assert club_unit(province, old, "district", BEFORE) == Unit(
        "district", "902", "Thành phố Lạng Sơn", "old"
    )
    assert club_unit(province, old, "commune", AFTER) == Unit(
        "commune", "102", "Phường Đông Kinh", "new"
    )
    # a club recorded in the new era is still placed in an old district
    new = _club("102", era="new")
    assert club_unit(province, new, "district", AFTER).code == "901"  # type: ignore[union-attr]
    assert contains(province, Unit("commune", "102", "Phường Đông Kinh", "new"), new)
    assert not contains(province, Unit("commune", "101", "Xã Chi Lăng", "new"), new)


def test_club_in_an_unknown_commune_is_placed_nowhere(province: Province) -> None:
    assert club_unit(province, _club("555"), "district", BEFORE) is None
