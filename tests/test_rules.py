import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rollup_fixtures import (
    club,
    load,
    members,
    monthly_meetings,
    write_club,
    write_plan,
    write_province,
)

from lstg.core.i18n import set_language
from lstg.criteria.rules import Status, evaluate, judge, status_label
from lstg.dataset import DataSet
from lstg.dataset.loader import load_dataset
from lstg.domain.periods import Window
from lstg.read.reader import locate_problems
from lstg.schema import Rule
from lstg.validate.plans import check_plans

BUNDLED_PLANS = Path(__file__).resolve().parent.parent / "data" / "plans"
AS_OF = date(2021, 12, 31)
YEAR_2021 = Window(date(2021, 1, 1), AS_OF)


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def rule(operator: str, bounds: list[float], **extra: Any) -> Rule:
    return Rule.model_validate(
        {
            "id": "r",
            "label": {"vi": "Thử", "en": "Test"},
            "scope": "club",
            "indicator": "members",
            "operator": operator,
            "bounds": bounds,
            **extra,
        }
    )


@pytest.mark.parametrize(
    ("operator", "bounds", "value", "status"),
    [
        ("at_least", [18], 17, "not_met"),
        ("at_least", [18], 18, "met"),
        ("at_least", [300], 898, "exceeded"),
        ("at_most", [1], 2, "not_met"),
        ("at_most", [1], 1, "met"),
        ("at_most", [5], 0, "exceeded"),
        ("between", [60, 70], 59.9, "not_met"),
        ("between", [60, 70], 60, "met"),
        ("between", [60, 70], 70, "met"),
        ("between", [60, 70], 70.1, "not_met"),
        ("between", [60, 70], 100 * 42 / 60, "met"),
        ("more_than", [630], 630, "not_met"),
        ("more_than", [630], 631, "met"),
        ("less_than", [5], 5, "not_met"),
        ("less_than", [5], 4.9, "met"),
    ],
)
def test_judge(operator: str, bounds: list[float], value: float, status: Status) -> None:
    assert judge(rule(operator, bounds), value) == status


@pytest.mark.parametrize(
    ("missing", "status"), [("no_data", "no_data"), ("not_met", "not_met"), ("skip", None)]
)
def test_missing_value_follows_the_rule_strategy(missing: str, status: Status | None) -> None:
    assert judge(rule("at_least", [1], missing=missing), None) == status


def test_status_labels_in_both_languages() -> None:
    assert [status_label(s, "vi") for s in ("met", "exceeded", "not_met", "no_data")] == [
        "Đạt",
        "Vượt",
        "Chưa đạt",
        "Chưa có số liệu",
    ]
    assert status_label("not_met", "en") == "Not met"


def folder_with_plan(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    write_province(root)
    shutil.copytree(BUNDLED_PLANS, root / "plans")
    return root


def criteria(dataset: DataSet, club_id: str) -> dict[str, tuple[Any, str]]:
    plan = dataset.plans["2021-2025"]
    result = evaluate(dataset, plan, as_of=AS_OF, period=YEAR_2021)
    judged = next(j for j in result.clubs if j.club.id == club_id)
    return {v.rule.id: (v.actual, v.status) for v in judged.verdicts}


@pytest.mark.parametrize(
    ("count", "status"), [(49, "not_met"), (50, "met"), (70, "met"), (71, "not_met")]
)
def test_club_members_between_50_and_70(tmp_path: Path, count: int, status: str) -> None:
    root = folder_with_plan(tmp_path)
    write_club(root, "clb-a", club(), members(count))
    assert criteria(load(root), "clb-a")["club-members"] == (count, status)


@pytest.mark.parametrize(
    ("women", "share", "status"),
    [(599, 59.9, "not_met"), (600, 60.0, "met"), (700, 70.0, "met"), (701, 70.1, "not_met")],
)
def test_club_women_share_between_60_and_70(
    tmp_path: Path, women: int, share: float, status: str
) -> None:
    root = folder_with_plan(tmp_path)
    write_club(root, "clb-a", club(), members(1000, women=women))
    actual, found = criteria(load(root), "clb-a")["club-women"]
    assert (actual, found) == (pytest.approx(share), status)


def test_older_and_young_shares_at_their_bounds(tmp_path: Path) -> None:
    root = folder_with_plan(tmp_path)
    write_club(root, "clb-a", club(), members(50, older=30))  # 60% older, 40% young
    write_club(root, "clb-b", club(), members(50, older=35))  # 70% older, 30% young
    write_club(root, "clb-c", club(), members(50, older=36))  # 72% older, 28% young
    dataset = load(root)
    a, b, cc = (criteria(dataset, i) for i in ("clb-a", "clb-b", "clb-c"))
    assert (a["club-older"], a["club-young"]) == ((60.0, "met"), (40.0, "met"))
    assert (b["club-older"], b["club-young"]) == ((70.0, "met"), (30.0, "met"))
    assert (cc["club-older"], cc["club-young"]) == ((72.0, "not_met"), (28.0, "not_met"))


def test_sixtieth_birthday_on_the_as_of_date_changes_the_share(tmp_path: Path) -> None:
    root = folder_with_plan(tmp_path)
    people = members(50, older=29)
    people[40] = {**people[40], "birth_year": None, "birth_date": "1961-12-31"}
    write_club(root, "clb-a", club(), people)
    dataset = load(root)
    plan = dataset.plans["2021-2025"]
    day_before = evaluate(dataset, plan, as_of=date(2021, 12, 30), period=YEAR_2021)
    on_the_day = evaluate(dataset, plan, as_of=AS_OF, period=YEAR_2021)

    def older(result: Any) -> tuple[Any, str]:
        verdict = next(v for v in result.clubs[0].verdicts if v.rule.id == "club-older")
        return verdict.actual, verdict.status

    assert older(day_before) == (58.0, "not_met")
    assert older(on_the_day) == (60.0, "met")


AREAS = ["income", "health", "home-care", "self-help", "rights", "learning", "culture", "resources"]


def well_run_club(
    root: Path,
    club_id: str,
    *,
    board: int = 5,
    volunteers: int = 5,
    borrowers: int = 30,
    areas: int = 8,
    unchecked_meetings: int = 0,
    regulations: bool = True,
    **kwargs: Any,
) -> None:
    """A club of 60 members meeting every criterion of the 2021–2025 plan by default."""
    people = members(60, women=40, older=40)
    for person in people[:volunteers]:
        person["home_care_volunteer"] = True
    checks = [{"member": "M001", "bp": "120/80"}]
    meetings = monthly_meetings(
        date(2021, 1, 1),
        date(2021, 12, 31),
        attendance=["M001", "M002"],
        activities=AREAS[:areas],
        health_checks=checks,
    )
    for meeting in meetings[:unchecked_meetings]:
        del meeting["health_checks"]
    loans = [
        {
            "id": f"L{i}",
            "member": f"M{i:03d}",
            "amount": 1_000_000,
            "monthly_interest": 0,
            "term_months": 6,
            "disbursed": "2021-03-01",
            "repayments": [{"date": "2021-09-01", "principal": 1_000_000}],
        }
        for i in range(1, borrowers + 1)
    ]
    seats = [f"M{i:03d}" for i in range(1, board + 1)]
    record = club(board=seats, funds=True, founded=kwargs.pop("founded", "2019-01-01"), **kwargs)
    if not regulations:
        del record["fund_regulations"]
    write_club(root, club_id, record, people, loans=loans, meetings=meetings)


@pytest.mark.parametrize(
    ("change", "criterion", "actual", "status"),
    [
        ({"board": 4}, "club-board", 4, "not_met"),
        ({"board": 5}, "club-board", 5, "met"),
        ({"board": 6}, "club-board", 6, "exceeded"),
        ({"volunteers": 4}, "club-volunteers", 4, "not_met"),
        ({"volunteers": 5}, "club-volunteers", 5, "met"),
        ({"borrowers": 29}, "club-borrowers", pytest.approx(100 * 29 / 60), "not_met"),
        ({"borrowers": 30}, "club-borrowers", 50.0, "met"),
        ({"borrowers": 31}, "club-borrowers", pytest.approx(100 * 31 / 60), "exceeded"),
        ({"areas": 7}, "club-activities", 7, "not_met"),
        ({"areas": 8}, "club-activities", 8, "met"),
        ({"unchecked_meetings": 1}, "club-health-checks", pytest.approx(1100 / 12), "not_met"),
        ({"unchecked_meetings": 0}, "club-health-checks", 100.0, "met"),
        ({"regulations": False}, "club-funds", 0, "not_met"),
        ({"regulations": True}, "club-funds", 1, "met"),
    ],
)
def test_club_criteria_at_their_bounds(
    tmp_path: Path, change: dict[str, Any], criterion: str, actual: Any, status: str
) -> None:
    root = folder_with_plan(tmp_path)
    well_run_club(root, "clb-a", **change)
    dataset = load(root)
    assert criteria(dataset, "clb-a")[criterion] == (actual, status)
    result = evaluate(dataset, dataset.plans["2021-2025"], as_of=AS_OF, period=YEAR_2021)
    assert result.clubs[0].well_managed is (status != "not_met" or criterion == "club-borrowers")


def test_a_club_meeting_every_criterion_is_well_managed(tmp_path: Path) -> None:
    root = folder_with_plan(tmp_path)
    well_run_club(root, "clb-a")
    dataset = load(root)
    found = criteria(dataset, "clb-a")
    assert {k: v[1] for k, v in found.items()} == {
        "club-members": "met",
        "club-women": "met",
        "club-older": "met",
        "club-young": "met",
        "club-borrowers": "met",
        "club-funds": "met",
        "club-activities": "met",
        "club-meetings": "met",
        "club-board": "met",
        "club-volunteers": "met",
        "club-health-checks": "met",
        "club-records": "met",
    }
    result = evaluate(dataset, dataset.plans["2021-2025"], as_of=AS_OF, period=YEAR_2021)
    assert result.clubs[0].well_managed is True


def test_a_missing_meeting_month_breaks_well_managed(tmp_path: Path) -> None:
    root = folder_with_plan(tmp_path)
    well_run_club(root, "clb-a")
    (root / "clubs" / "clb-a" / "meetings" / "2021.yaml").write_text(
        (root / "clubs" / "clb-a" / "meetings" / "2021.yaml")
        .read_text(encoding="utf-8")
        .replace("2021-05-10", "2021-04-20"),
        encoding="utf-8",
    )
    dataset = load(root)
    found = criteria(dataset, "clb-a")
    assert found["club-records"] == (1, "not_met")
    assert found["club-meetings"] == (2, "not_met")
    result = evaluate(dataset, dataset.plans["2021-2025"], as_of=AS_OF, period=YEAR_2021)
    assert result.clubs[0].well_managed is False


def test_province_targets_of_2021_2025(tmp_path: Path) -> None:
    root = folder_with_plan(tmp_path)
    well_run_club(root, "clb-old", founded="2019-01-01", commune="001")
    well_run_club(root, "clb-new", founded="2021-03-01", launched="2021-04-01", commune="003")
    write_club(
        root, "clb-prep", club(founded="2021-06-01", launched=None, commune="002"), members(10)
    )
    dataset = load(root)
    result = evaluate(dataset, dataset.plans["2021-2025"], as_of=AS_OF, period=YEAR_2021)
    targets = {v.rule.id: (v.actual, v.status) for v in result.targets if v.place is None}
    assert targets == {
        "districts": (2, "not_met"),
        "new-clubs": (2, "not_met"),
        "new-members": (70, "not_met"),
        "new-members-older": (50, "not_met"),
        "previous-clubs-operating": (100.0, "met"),
        "well-managed": (pytest.approx(200 / 3), "not_met"),
        "borrowers": (pytest.approx(6000 / 130), "not_met"),
        "funds": (pytest.approx(200 / 3), "not_met"),
    }
    by_district = [(v.rule.id, v.place.name, v.actual, v.status) for v in result.targets if v.place]
    assert by_district[:2] == [
        ("district-club", "Huyện Chi Lăng", 1, "met"),
        ("district-club", "Thành phố Lạng Sơn", 1, "met"),
    ]


def test_changing_a_bound_in_the_plan_changes_the_verdict(tmp_path: Path) -> None:
    root = folder_with_plan(tmp_path)
    write_club(root, "clb-a", club(), members(45))
    assert criteria(load(root), "clb-a")["club-members"] == (45, "not_met")
    plan_file = root / "plans" / "2021-2025.yaml"
    text = plan_file.read_text(encoding="utf-8")
    assert text.count("bounds: [50, 70]") == 1
    plan_file.write_text(text.replace("bounds: [50, 70]", "bounds: [40, 70]"), encoding="utf-8")
    assert criteria(load(root), "clb-a")["club-members"] == (45, "met")


def test_a_rule_added_in_yaml_is_evaluated(tmp_path: Path) -> None:
    root = folder_with_plan(tmp_path)
    write_club(root, "clb-a", club(), members(45))
    plan_file = root / "plans" / "2021-2025.yaml"
    added = """  - id: club-no-unknown-age
    label: {vi: Ghi đủ năm sinh, en: Every birth year recorded}
    scope: club
    indicator: members_unknown_age
    operator: at_most
    bounds: [0]
"""
    plan_file.write_text(plan_file.read_text(encoding="utf-8") + added, encoding="utf-8")
    assert criteria(load(root), "clb-a")["club-no-unknown-age"] == (0, "met")


def test_meeting_interval_is_configurable_in_the_plan(tmp_path: Path) -> None:
    root = folder_with_plan(tmp_path)
    quarterly = [{"date": f"2021-{m:02d}-10"} for m in (1, 4, 7, 10)]
    write_club(root, "clb-a", club(), members(50), meetings=quarterly)
    assert criteria(load(root), "clb-a")["club-meetings"] == (3, "not_met")
    plan_file = root / "plans" / "2021-2025.yaml"
    text = plan_file.read_text(encoding="utf-8")
    start = text.index("id: club-meetings")
    bound = text.index("bounds: [1]", start)
    plan_file.write_text(
        text[:bound] + "bounds: [3]" + text[bound + len("bounds: [1]") :], encoding="utf-8"
    )
    found = criteria(load(root), "clb-a")
    assert found["club-meetings"] == (3, "met")
    # February, March, May, … have neither a meeting nor a skip with its reason
    assert found["club-records"] == (8, "not_met")


def test_a_month_skipped_with_its_reason_never_fails_the_monthly_meeting(tmp_path: Path) -> None:
    root = folder_with_plan(tmp_path)
    meetings = monthly_meetings(date(2021, 1, 1), date(2021, 12, 31))
    meetings[1] = {"date": "2021-02-10", "kind": "skipped", "reason": "Nghỉ Tết Nguyên đán"}
    write_club(root, "clb-a", club(), members(50), meetings=meetings)
    found = criteria(load(root), "clb-a")
    assert found["club-meetings"] == (1, "met")
    assert found["club-records"] == (0, "met")
    del meetings[1]
    write_club(root, "clb-a", club(), members(50), meetings=meetings)
    found = criteria(load(root), "clb-a")
    assert found["club-meetings"] == (2, "not_met")
    assert found["club-records"] == (1, "not_met")


def test_unknown_indicator_is_a_problem_at_the_rule(tmp_path: Path) -> None:
    root = tmp_path / "data"
    write_province(root)
    write_plan(
        root,
        {
            "id": "2021-2025",
            "name": {"vi": "Giai đoạn", "en": "Phase"},
            "start": "2021-01-01",
            "end": "2025-12-31",
            "rules": [
                {
                    "id": "a",
                    "label": {"vi": "A", "en": "A"},
                    "scope": "province",
                    "indicator": "members",
                    "operator": "at_least",
                    "bounds": [1],
                },
                {
                    "id": "b",
                    "label": {"vi": "B", "en": "B"},
                    "scope": "province",
                    "indicator": "memebrs",
                    "operator": "at_least",
                    "bounds": [1],
                },
                {
                    "id": "c",
                    "label": {"vi": "C", "en": "C"},
                    "scope": "club",
                    "indicator": "units_total",
                    "operator": "at_least",
                    "bounds": [1],
                },
            ],
        },
    )
    dataset = load_dataset(root)
    problems = locate_problems(root, check_plans(dataset))
    assert [(p.file, p.line, p.code, p.message, p.hint) for p in problems] == [
        (
            "plans/2021-2025.yaml",
            problems[0].line,
            "plan.unknown-indicator",
            "Rule “b” measures an unknown indicator “memebrs”.",
            "Did you mean members?",
        ),
        (
            "plans/2021-2025.yaml",
            problems[1].line,
            "plan.indicator-scope",
            "The indicator “units_total” has no value for one club.",
            "Change the rule's scope, or choose another indicator.",
        ),
    ]
    lines = (root / "plans" / "2021-2025.yaml").read_text(encoding="utf-8").splitlines()
    assert "indicator: memebrs" in lines[problems[0].line - 1]
    assert "indicator: units_total" in lines[problems[1].line - 1]
    # an unknown indicator is left out of the check, not a crash
    result = evaluate(dataset, dataset.plans["2021-2025"], as_of=AS_OF, period=YEAR_2021)
    assert [v.rule.id for v in result.targets] == ["a"]


def test_bundled_plans_have_no_problems() -> None:
    dataset = load_dataset(BUNDLED_PLANS.parent)
    assert set(dataset.plans) >= {"2016-2020", "2021-2025"}
    assert check_plans(dataset) == []
    assert not [p for p in dataset.problems if p.file.startswith("plans/")]


def test_district_rules_are_measured_on_each_district(tmp_path: Path) -> None:
    root = tmp_path / "data"
    write_province(root)
    rules = [
        {
            "id": "district-club",
            "label": {"vi": "Huyện có CLB hoạt động", "en": "An operating club"},
            "scope": "district",
            "indicator": "units_with_operating_clubs",
            "operator": "at_least",
            "bounds": [1],
        },
        {
            "id": "commune-members",
            "label": {"vi": "Xã có 50 thành viên", "en": "50 members"},
            "scope": "commune",
            "indicator": "members",
            "operator": "at_least",
            "bounds": [50],
        },
    ]
    write_plan(
        root,
        {
            "id": "2021-2025",
            "name": {"vi": "Giai đoạn", "en": "Phase"},
            "start": "2021-01-01",
            "end": "2025-12-31",
            "rules": rules,
        },
    )
    write_club(root, "clb-a", club(commune="001"), members(50))
    write_club(root, "clb-b", club(commune="002", launched=None), members(10))
    dataset = load(root)
    plan = dataset.plans["2021-2025"]
    result = evaluate(dataset, plan, as_of=date(2021, 6, 30), period=YEAR_2021)
    assert [(v.rule.id, v.place.name, v.actual, v.status) for v in result.targets if v.place] == [
        ("district-club", "Huyện Chi Lăng", 1, "met"),
        ("district-club", "Thành phố Lạng Sơn", 0, "not_met"),
        ("commune-members", "Thị trấn Đồng Mỏ", 50, "met"),
        ("commune-members", "Xã Hòa Bình", 10, "not_met"),
        ("commune-members", "Phường Vĩnh Trại", 0, "not_met"),
    ]
    assert len(result.targets) == 5
    chi_lang = next(v.place for v in result.targets if v.place and v.place.code == "901")
    only = evaluate(dataset, plan, as_of=date(2021, 6, 30), period=YEAR_2021, place=chi_lang)
    assert [(v.rule.id, v.actual) for v in only.targets] == [("district-club", 1)]


def test_validation_reports_an_unknown_indicator_in_a_plan(tmp_path: Path) -> None:
    from lstg.validate.run import validate

    root = folder_with_plan(tmp_path)
    write_club(root, "clb-a", club(), members(50))
    plan_file = root / "plans" / "2016-2020.yaml"
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace("indicator: members_older", "indicator: older"), "utf-8")
    found = [(p.file, p.code) for p in validate(root, today=date(2026, 1, 1)).problems]
    assert ("plans/2016-2020.yaml", "plan.unknown-indicator") in found
    assert [f for f in found if f[0].startswith("plans/")] == [
        ("plans/2016-2020.yaml", "plan.unknown-indicator")
    ]
