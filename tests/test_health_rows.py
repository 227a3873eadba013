"""A meeting's health checks are loaded as rows, by a quicker schema than the model's.

:class:`~lstg.schema.meeting.HealthCheck` defines a check; a loaded meeting holds each
as a :class:`~lstg.schema.meeting.HealthRow`. These tests compare the two on random
checks, valid and not: the same values, and the same errors worded the same way.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from pydantic import Field, TypeAdapter, ValidationError

import lstg.schema.meeting as meeting_schema
from lstg.core.i18n import set_language
from lstg.dataset.modelerrors import problems_from
from lstg.schema.meeting import HealthCheck, HealthRow, Meeting

_MISSING = object()

MEMBERS = [
    "M001",
    " M002 ",
    "M-3",
    "",
    "m 4",
    7,
    None,
    True,
    ["M001"],
    "M" * 64,
    "M" * 65,
    "M1\n",
    "Mđ",
    "M.1_x",
]
WEIGHTS = [
    63.2,
    40,
    "55.5",
    0,
    -3.0,
    "heavy",
    float("inf"),
    float("nan"),
    True,
    None,
    False,
    -0.0,
    10**20,
    2.0**60,
    [60],
    58.5,
]
PRESSURES = [
    "130/85",
    " 120 / 80 ",
    "90/60",
    "12/8",
    "130-85",
    130,
    [130, 85],
    None,
    "130/85\n",
    "1300/850",
    "13000/85",
    "",
    {"s": 1},
    "145/95",
]
GLUCOSES = [5.4, 7, "6.1", 0, -1, "sweet", float("inf"), None, 2**70, float("nan"), 1, 6.8]


class ReferenceMeeting(Meeting):
    """A meeting whose checks are the models themselves, as before the rows."""

    health_checks: list[HealthCheck] = Field(default_factory=list)  # type: ignore[assignment]


def _check(rng: random.Random) -> Any:
    if rng.random() < 0.04:
        return rng.choice([None, "M001", 12, ["M001"]])
    check: dict[str, Any] = {}
    for name, values in (
        ("member", MEMBERS),
        ("weight", WEIGHTS),
        ("bp", PRESSURES),
        ("glucose", GLUCOSES),
    ):
        # Valid values and absent fields are the most common, as in real files.
        roll = rng.random()
        if roll < 0.25:
            continue
        value = values[0] if roll < 0.6 else rng.choice(values)
        if value is not _MISSING:
            check[name] = value
    if rng.random() < 0.05:
        check[rng.choice(["wieght", "note", "member_name"])] = "x"
    return check


def _errors(exc: ValidationError) -> list[tuple[Any, ...]]:
    return [(e["type"], e["loc"], e["msg"], repr(e["input"])) for e in exc.errors()]


def test_random_checks_load_as_the_model_reads_them() -> None:
    set_language("en")
    rng = random.Random(20261201)
    valid = invalid = 0
    for _ in range(3000):
        checks: Any = [_check(rng) for _ in range(rng.randint(0, 4))]
        if rng.random() < 0.03:
            checks = rng.choice([5, "M001", None, {"member": "M001", "weight": 60}])
        meeting = {"date": "2021-01-07", "health_checks": checks}
        try:
            expected = ReferenceMeeting.model_validate(meeting)
        except ValidationError as reference:
            with pytest.raises(ValidationError) as caught:
                Meeting.model_validate(meeting)
            assert _errors(caught.value) == _errors(reference), meeting
            worded = problems_from(caught.value, file="m.yaml", prefix=(0,), model=Meeting)
            before = problems_from(reference, file="m.yaml", prefix=(0,), model=ReferenceMeeting)
            assert worded == before, meeting
            invalid += 1
            continue
        loaded = Meeting.model_validate(meeting)
        assert loaded.health_checks == [
            HealthRow(c.member, c.weight, c.bp, c.glucose) for c in expected.health_checks
        ]
        assert all(type(c) is HealthRow for c in loaded.health_checks)
        valid += 1
    # Both kinds are well represented, so that neither comparison is vacuous.
    assert valid > 500 and invalid > 500


VALID = {
    "member": ["M001", "M-3", "M.1_x", "M" * 64],
    "weight": [63.2, 40, 58.5, None],
    "bp": ["130/85", " 120 / 80 ", "145/95", "12/8", None],
    "glucose": [5.4, 7, 6.8, 1, None],
}
ANY = {"member": MEMBERS, "weight": WEIGHTS, "bp": PRESSURES, "glucose": GLUCOSES}


def _mostly_valid_check(rng: random.Random) -> tuple[dict[str, Any], bool]:
    """A check, and whether each of its values was taken from :data:`VALID`."""
    check: dict[str, Any] = {}
    plain = True
    for name, values in VALID.items():
        roll = rng.random()
        if roll < 0.15 and name != "member":
            continue
        check[name] = rng.choice(values if roll < 0.97 else ANY[name])
        plain = plain and roll < 0.97
    if rng.random() < 0.01:
        check["note"] = "x"
        plain = False
    return check, plain


def _forget_valid_values() -> None:
    meeting_schema._VALID_IDS.clear()
    meeting_schema._VALID_MEASURES.intersection_update(meeting_schema._UNMEASURED)
    for key in set(meeting_schema._PRESSURES).difference(meeting_schema._UNMEASURED):
        del meeting_schema._PRESSURES[key]


def _typed(row: Any) -> tuple[Any, ...]:
    return tuple((type(v), v) for v in row)


@pytest.mark.parametrize("remembered", [100_000, 3])
def test_checks_written_plainly_are_read_without_pydantic_as_pydantic_reads_them(
    monkeypatch: pytest.MonkeyPatch, remembered: int
) -> None:
    """The plain reading gives rows exactly when pydantic's core finds every field valid,
    and the same rows, value for value and type for type, with the valid values it
    remembers or not (and forgetting them every few values)."""
    monkeypatch.setattr(meeting_schema, "_REMEMBERED", remembered)
    fields = TypeAdapter(list[meeting_schema._fields_of(HealthCheck)])  # type: ignore[misc]
    rng = random.Random(20261202)
    plain = refused = 0
    for trial in range(4000):
        if trial % 500 == 0:
            _forget_valid_values()
        made = [_mostly_valid_check(rng) for _ in range(rng.randint(1, 6))]
        checks: Any = [check for check, _plain in made]
        written_plainly = all(plain for _check, plain in made)
        if rng.random() < 0.1:
            checks.append(_check(rng))
            written_plainly = False
        try:
            rows = meeting_schema._plain_rows(checks)
        except TypeError:
            rows = None
        try:
            expected = [
                HealthRow(*meeting_schema._VALUES(c)) for c in fields.validate_python(checks)
            ]
        except ValidationError:
            assert rows is None, checks
            continue
        if rows is None:
            # Left to pydantic: only what the plain reading does not know (a measure
            # written as text, or a huge one).
            assert not written_plainly, checks
            refused += 1
            continue
        assert list(map(_typed, rows)) == list(map(_typed, expected)), checks
        assert all(type(r) is HealthRow for r in rows)
        plain += 1
    assert plain > 400 and refused > 50


def test_a_check_that_measures_nothing_is_located_at_the_check() -> None:
    set_language("en")
    meeting = {
        "date": "2021-01-07",
        "health_checks": [
            {"member": "M001", "weight": 60},
            {"member": "M002"},
            {"member": "M003", "weight": "x"},
            {"member": "M004", "weight": None, "bp": None},
        ],
    }
    with pytest.raises(ValidationError) as caught:
        Meeting.model_validate(meeting)
    problems = problems_from(caught.value, file="m.yaml", prefix=(5,), model=Meeting)
    assert [(p.message, p.where) for p in problems] == [
        (
            "“health_checks”: a health check records at least one of weight, bp or glucose.",
            (5, "health_checks", 1),
        ),
        (
            "“weight” should be a number, not “x”.",
            (5, "health_checks", 2, "weight"),
        ),
        (
            "“health_checks”: a health check records at least one of weight, bp or glucose.",
            (5, "health_checks", 3),
        ),
    ]


def test_a_misspelt_field_of_a_check_is_suggested_and_a_number_is_worded_as_an_id() -> None:
    set_language("en")
    meeting = {"date": "2021-01-07", "health_checks": [{"member": 12, "wieght": 60}]}
    with pytest.raises(ValidationError) as caught:
        Meeting.model_validate(meeting)
    problems = problems_from(caught.value, file="m.yaml", prefix=(0,), model=Meeting)
    with pytest.raises(ValidationError) as reference:
        ReferenceMeeting.model_validate(meeting)
    before = problems_from(reference.value, file="m.yaml", prefix=(0,), model=ReferenceMeeting)
    assert problems == before
    assert [(p.message, p.hint, p.where) for p in problems] == [
        (
            "“member”: an id is text; write it in quotes, or start it with a letter.",
            None,
            (0, "health_checks", 0, "member"),
        ),
        ("Unknown field “wieght”.", "Did you mean “weight”?", (0, "health_checks", 0, "wieght")),
    ]


def test_a_row_tells_high_blood_pressure() -> None:
    def row(bp: tuple[int, int] | None) -> HealthRow:
        return HealthRow("M001", None, bp, None)

    assert row((140, 80)).hypertensive is True
    assert row((139, 90)).hypertensive is True
    assert row((139, 89)).hypertensive is False
    assert row(None).hypertensive is None
