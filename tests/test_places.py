"""lstg.domain.places on a tiny province of two eras: names, units in force, placement."""

from datetime import date

import pytest
from rollup_fixtures import PROVINCE, club

from lstg.core.i18n import set_language
from lstg.domain.places import (
    Step,
    Unit,
    UnknownPlace,
    club_unit,
    contains,
    default_level,
    find_unit,
    fold,
    name_contains,
    name_matches,
    place_club,
    translate,
    translate_codes,
    units,
    units_within,
)
from lstg.schema import Club, Province
from lstg.schema.club import Place

BEFORE = date(2025, 6, 30)
AFTER = date(2025, 7, 1)


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


@pytest.fixture
def province() -> Province:
    return Province.model_validate(PROVINCE)


def _club(commune: str, era: str = "old", **extra: object) -> Club:
    return Club.model_validate(club(commune=commune, era=era, **extra))


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
        ("that khe", "Thị trấn Thất Khê", True),
    ],
)
def test_name_matches(query: str, name: str, matches: bool) -> None:
    assert name_matches(query, name) is matches


@pytest.mark.parametrize(
    ("query", "name", "found"),
    [
        ("dong kinh", "Phường Đông Kinh", True),
        ("DONG KINH", "Phường Đông Kinh", True),
        ("Đông Kinh", "Phường Đông Kinh", True),
        ("kinh", "Phường Đông Kinh", True),
        ("don", "Phường Đông Kinh", False),
        ("kinh dong", "Phường Đông Kinh", False),
        ("", "Phường Đông Kinh", False),
    ],
)
def test_name_contains_whole_words(query: str, name: str, found: bool) -> None:
    assert name_contains(query, name) is found


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


def test_translate_forwards_never_picks_one_part_of_a_split(province: Province) -> None:
    assert translate(province, "old", "001", "new").code == "101"  # type: ignore[union-attr]
    assert translate(province, "old", "003", "new").code == "102"  # type: ignore[union-attr]
    # 002 was split between 101 and 102
    assert translate(province, "old", "002", "new") is None
    split = translate_codes(province, Place(code="002", era="old"), "new")
    assert split.codes == {"101", "102"}
    assert split.steps == (Step("split", "old", "002", "Xã Hòa Bình", ("101", "102"), "new"),)
    assert translate(province, "old", "999", "new") is None
    assert translate_codes(province, Place(code="999", era="old"), "new").codes == set()


def test_translate_backwards_never_picks_one_of_the_merged_communes(province: Province) -> None:
    assert translate(province, "new", "101", "old") is None
    merged = translate_codes(province, Place(code="101", era="new"), "old")
    assert merged.codes == {"001", "002"}
    assert merged.steps[0].kind == "merge"
    assert translate_codes(province, Place(code="102", era="new"), "old").codes == {"002", "003"}
    # the same era: the commune itself
    assert translate(province, "new", "102", "new").name == "Phường Đông Kinh"  # type: ignore[union-attr]


def test_club_counts_in_old_district_before_and_new_commune_after(province: Province) -> None:
    old = _club("003")
    assert club_unit(province, old, "district", BEFORE) == Unit(
        "district", "902", "Thành phố Lạng Sơn", "old"
    )
    assert club_unit(province, old, "commune", AFTER) == Unit(
        "commune", "102", "Phường Đông Kinh", "new"
    )
    # a club recorded in the new era is placed in an old district when its
    # communes all lay in one district (101: 001 and 002, both of 901)
    new = _club("101", era="new")
    assert club_unit(province, new, "district", AFTER).code == "901"  # type: ignore[union-attr]
    assert contains(province, Unit("commune", "101", "Xã Chi Lăng", "new"), new)
    assert not contains(province, Unit("commune", "102", "Phường Đông Kinh", "new"), new)


def test_a_new_unit_made_of_two_districts_places_no_club_by_district(province: Province) -> None:
    # 102 was made of 002 (district 901) and 003 (district 902)
    new = _club("102", era="new")
    assert club_unit(province, new, "district", AFTER) is None
    assert not contains(province, Unit("district", "901", "Huyện Chi Lăng", "old"), new)
    assert not contains(province, Unit("district", "902", "Thành phố Lạng Sơn", "old"), new)
    recorded = _club("102", era="new", communes=[{"code": "003", "era": "old"}])
    assert club_unit(province, recorded, "district", AFTER).code == "902"  # type: ignore[union-attr]


def test_a_club_in_a_split_commune_is_placed_only_once_it_records_its_part(
    province: Province,
) -> None:
    split = _club("002")
    assert club_unit(province, split, "commune", AFTER) is None
    assert place_club(province, split, "new").codes == {"101", "102"}
    # its district is known all the same
    assert club_unit(province, split, "district", BEFORE).code == "901"  # type: ignore[union-attr]
    part = _club("002", communes=[{"code": "102", "era": "new"}])
    assert club_unit(province, part, "commune", AFTER) == Unit(
        "commune", "102", "Phường Đông Kinh", "new"
    )
    assert club_unit(province, part, "commune", BEFORE).code == "002"  # type: ignore[union-attr]


def test_records_that_disagree_place_the_club_nowhere(province: Province) -> None:
    # 001 became 101 only; a record of 102 contradicts it
    wrong = _club("001", communes=[{"code": "102", "era": "new"}])
    # a record in the era itself is taken as it is
    assert club_unit(province, wrong, "commune", AFTER).code == "102"  # type: ignore[union-attr]
    # elsewhere, no unit is common to both
    assert place_club(province, wrong, "old").codes == {"001"}


def test_club_in_an_unknown_commune_is_placed_nowhere(province: Province) -> None:
    assert club_unit(province, _club("555"), "district", BEFORE) is None
    assert club_unit(province, _club("555"), "commune", AFTER) is None


def test_eras_are_named_by_id_or_alias() -> None:
    data = {**PROVINCE, "eras": [dict(PROVINCE["eras"][0], aliases=["truoc"]), PROVINCE["eras"][1]]}
    province = Province.model_validate(data)
    assert province.era("truoc") is province.eras[0]
    assert province.index("new") == 1
    recorded = _club("003", era="truoc")
    assert club_unit(province, recorded, "commune", AFTER).code == "102"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"aliases": ["new"]}, "two eras have the same id"),
        ({"valid_to": "2025-07-31"}, "eras are listed in date order and do not overlap"),
        ({"valid_to": None}, "eras follow one another"),
    ],
)
def test_eras_must_follow_one_another(change: dict[str, object], message: str) -> None:
    first = dict(PROVINCE["eras"][0], **change)
    with pytest.raises(ValueError, match=message):
        Province.model_validate({**PROVINCE, "eras": [first, PROVINCE["eras"][1]]})
