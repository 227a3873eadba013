"""``meetings/<year>.yaml``: the club's meetings of one year, in date order.

A month with no meeting is recorded as an entry of kind ``skipped`` with a
reason, so that a gap in the records can be told from a missing record.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Iterable
from typing import Annotated, Any, Final, Literal, NamedTuple, NotRequired

from pydantic import (
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationError,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema
from typing_extensions import TypedDict

from lstg.core.i18n import _
from lstg.schema.common import ID_LENGTH, ID_LETTERS, FieldError, Ident, IsoDate, Model, Text

ActivityArea = Literal[
    "income",
    "health",
    "home-care",
    "self-help",
    "rights",
    "learning",
    "culture",
    "resources",
]
"""The eight activity areas of the national model, in its order."""

ACTIVITY_AREAS: tuple[str, ...] = (
    "income",
    "health",
    "home-care",
    "self-help",
    "rights",
    "learning",
    "culture",
    "resources",
)


BLOOD_PRESSURE_PATTERN = r"^\s*\d{2,4}\s*/\s*\d{2,4}\s*$"
"""How a blood pressure is written in a file, for the JSON Schemas."""


@functools.lru_cache(maxsize=4096)
def _blood_pressure(text: str) -> tuple[int, int]:
    """``130/85``, spaces allowed around each number of 2 to 4 digits, as (130, 85).

    Remembered: a club's files repeat the same few hundred readings, and a reading
    met before then costs pydantic no call into Python.
    """
    systolic, slash, diastolic = text.partition("/")
    systolic, diastolic = systolic.strip(), diastolic.strip()
    if (
        slash
        and 2 <= len(systolic) <= 4
        and 2 <= len(diastolic) <= 4
        and systolic.isdecimal()
        and diastolic.isdecimal()
    ):
        return (int(systolic), int(diastolic))
    raise ValueError(_("blood pressure is written systolic/diastolic, such as 130/85"))


def _not_text(_value: Any) -> Any:
    raise ValueError


class _WrittenAsText:
    """A blood pressure's schema: text, checked by pydantic's core, then converted by
    :func:`_blood_pressure`. Any value that is not such a text is one error,
    ``blood_pressure``, which :mod:`lstg.dataset.modelerrors` words."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, _source: Any, _handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # The second choice never succeeds: it keeps the union (of one choice, pydantic
        # would drop it, and its error with it), and only a wrong value reaches it.
        return core_schema.union_schema(
            [
                core_schema.no_info_after_validator_function(
                    _blood_pressure, core_schema.str_schema()
                ),
                core_schema.no_info_plain_validator_function(_not_text),
            ],
            mode="left_to_right",
            custom_error_type="blood_pressure",
            custom_error_message="blood pressure is written systolic/diastolic, such as 130/85",
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, _schema: core_schema.CoreSchema, _handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string", "pattern": BLOOD_PRESSURE_PATTERN}


BloodPressure = Annotated[tuple[int, int], _WrittenAsText]
"""Blood pressure in mmHg, written ``130/85`` and held as (systolic, diastolic)."""


# The definition of a health check as written in a file: its JSON Schema, and the
# wording of every error in one, come from this model. A loaded meeting holds each
# check as a HealthRow (below). The docstring is the schema's description.
class HealthCheck(Model):
    """One member's measurements at a meeting; any of them may be missing."""

    member: Ident
    weight: float | None = Field(default=None, gt=0)
    bp: BloodPressure | None = None
    glucose: float | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _something_measured(self) -> HealthCheck:
        if self.weight is None and self.bp is None and self.glucose is None:
            raise ValueError(_("a health check records at least one of weight, bp or glucose"))
        return self


class HealthRow(NamedTuple):
    """A health check as a loaded meeting holds it: the fields of :class:`HealthCheck`, in
    its order, as a tuple.

    A club's meetings hold thousands of checks; as tuples, built by pydantic's core
    without a call into Python for each, they cost a fraction of the models' time and
    memory (``docs/performance.md``).
    """

    member: str
    weight: float | None
    bp: tuple[int, int] | None
    glucose: float | None

    @property
    def hypertensive(self) -> bool | None:
        """High blood pressure: 140 systolic or more, or 90 diastolic or more."""
        if self.bp is None:
            return None
        return self.bp[0] >= 140 or self.bp[1] >= 90


def _fields_of(model: type[Model]) -> Any:
    """A typed dict with the fields of ``model``: each with its type, constraints and
    default; not its model validators.

    Its configuration is the model's, but for ``str_strip_whitespace``: no text is
    stripped. A text with spaces at its ends then fails where the model would have
    stripped it (an id's pattern allows none), and the model reads it again.
    """
    fields = {
        name: (
            Annotated[info.annotation, info]
            if info.is_required()
            else NotRequired[Annotated[info.annotation, info]]
        )
        for name, info in model.model_fields.items()
    }
    typed = TypedDict(f"{model.__name__}Fields", fields)  # type: ignore[misc]
    typed.__pydantic_config__ = {  # type: ignore[attr-defined]
        **model.model_config,
        "str_strip_whitespace": False,
    }
    return typed


_MEASURED = ("weight", "bp", "glucose")
_VALUES = operator.itemgetter(*HealthRow._fields)
_WEIGHT = operator.itemgetter(HealthRow._fields.index("weight"))
_MEASURES = operator.itemgetter(*(HealthRow._fields.index(name) for name in _MEASURED))
_NOTHING_MEASURED = (None,) * len(_MEASURED)


@functools.cache
def _checks_as_models() -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(list[HealthCheck])


class _Absent:
    """A field left out of a check, or a reading not yet read."""

    __slots__ = ()


_ABSENT: Final = _Absent()
_GETS = tuple(operator.methodcaller("get", name, _ABSENT) for name in HealthRow._fields)
_PLAIN_MEASURE_TYPES = frozenset({float, type(None), _Absent})
_MEASURE_TYPES = frozenset({*_PLAIN_MEASURE_TYPES, int})
_PRESSURE_TYPES = frozenset({str, type(None), _Absent})
_LARGEST = 2.0**53
"""Measures up to here are read plainly; larger ones (no body's) are left to pydantic."""
_REMEMBERED = 100_000
"""Values remembered at most by each of the sets below; then they start again."""

# What was found valid before: a club's files repeat the same few hundred members and
# readings. Floats alone are kept with the measures (1, 1.0 and True are equal keys).
_UNMEASURED = (None, _ABSENT)
_VALID_IDS: set[str] = set()
_VALID_MEASURES: set[Any] = set(_UNMEASURED)
_PRESSURES: dict[Any, Any] = dict.fromkeys(_UNMEASURED)


def _remember(known: Any, found: Iterable[Any], seeds: Iterable[Any]) -> None:
    """Add ``found`` to the set or mapping ``known``; first empty it (but for ``seeds``)
    if it holds more than :data:`_REMEMBERED` values."""
    if len(known) > _REMEMBERED:
        known.clear()
        known.update(seeds)
    known.update(found)


def _plain_ids(column: list[Any]) -> bool:
    """Whether every value of ``column`` is an id, as :data:`Ident` checks one."""
    if _VALID_IDS.issuperset(column):
        return True
    new = set(column).difference(_VALID_IDS)
    if (
        set(map(type, new)) != {str}
        or max(map(len, new)) > ID_LENGTH
        or not all(map(ID_LETTERS.fullmatch, new))
    ):
        return False
    _remember(_VALID_IDS, new, ())
    return True


def _plain_measures(column: list[Any]) -> list[Any] | None:
    """``column`` (a measure of every check: weights or glucoses) as pydantic reads it,
    when each is left out, ``null``, or a positive finite number; ``None`` otherwise."""
    types = set(map(type, column))
    if not types <= _PLAIN_MEASURE_TYPES:
        if not types <= _MEASURE_TYPES:
            return None
        # A number written without a decimal point: read as the float it is.
        column = [v if type(v) is not int else float(v) if 0 < v < _LARGEST else v for v in column]
    if not _VALID_MEASURES.issuperset(column):
        new = set(column).difference(_VALID_MEASURES)
        if not all(type(v) is float and 0 < v < _LARGEST for v in new):
            return None  # NaN fails every comparison
        _remember(_VALID_MEASURES, new, _UNMEASURED)
    if _Absent in types:
        return [None if v is _ABSENT else v for v in column]
    return column


def _plain_pressures(column: list[Any]) -> list[Any] | None:
    """``column`` (the blood pressure of every check) as pydantic reads it, when each is
    left out, ``null``, or well written; ``None`` otherwise."""
    read = list(map(_PRESSURES.get, column, itertools.repeat(_ABSENT)))
    if _ABSENT not in read:
        return read
    if not set(map(type, column)) <= _PRESSURE_TYPES:
        return None
    try:
        new = {text: _blood_pressure(text) for text in set(column).difference(_PRESSURES)}
    except ValueError:
        return None
    read = list(map(new.get, column, read))
    _remember(_PRESSURES, new.items(), dict.fromkeys(_UNMEASURED).items())
    return read


def _plain_rows(value: Any) -> list[HealthRow] | None:
    """A meeting's checks as rows, read without pydantic, when they are written plainly: a
    list of mappings of the fields of :class:`HealthCheck` alone, the member an id, each
    measure left out, ``null`` or valid. ``None`` for any other value, which pydantic reads.

    Each test is a pass in C over a column of the checks; values found valid before are
    remembered, since a club's files repeat the same members and readings. This costs
    a fraction of pydantic's time for each check (``tests/test_health_rows.py`` compares
    the two).
    """
    if type(value) is not list or not value or set(map(type, value)) != {dict}:
        return None
    fields = len(_GETS) * len(value)
    try:
        members, weights, pressures, glucoses = map(list, zip(*map(_VALUES, value), strict=True))
    except KeyError:
        members, weights, pressures, glucoses = [list(map(get, value)) for get in _GETS]
        fields -= weights.count(_ABSENT) + pressures.count(_ABSENT) + glucoses.count(_ABSENT)
    if sum(map(len, value)) != fields or not _plain_ids(members):
        return None  # a key that is no field, a check without its member, a wrong id
    weights_read = _plain_measures(weights)
    pressures_read = _plain_pressures(pressures)
    glucoses_read = _plain_measures(glucoses)
    if weights_read is None or pressures_read is None or glucoses_read is None:
        return None
    return list(
        map(
            tuple.__new__,
            itertools.repeat(HealthRow),
            zip(members, weights_read, pressures_read, glucoses_read, strict=True),
        )
    )


def _measure_something(rows: list[HealthRow]) -> bool:
    """Whether every row measures something."""
    # Nearly every check has a weight: then none measures nothing.
    return None not in map(_WEIGHT, rows) or _NOTHING_MEASURED not in map(_MEASURES, rows)


def _as_rows(value: Any, handler: core_schema.ValidatorFunctionWrapHandler) -> Any:
    """A meeting's checks as rows when every one is valid and measures something; else the
    checks as :class:`HealthCheck` reads them, with its errors for every one.

    Checks written plainly are read by :func:`_plain_rows`; others are validated by
    pydantic's core against the fields of the model, in one call for the whole list,
    and made rows by ``map`` over functions in C.
    """
    try:
        rows = _plain_rows(value)
    except TypeError:
        rows = None  # a value that cannot be a key (a list, a mapping): pydantic words it
    if rows is not None and _measure_something(rows):
        return rows
    try:
        checks = handler(value)
    except ValidationError:
        checks = None
    if checks is not None:
        rows = list(map(tuple.__new__, itertools.repeat(HealthRow), map(_VALUES, checks)))
        if _measure_something(rows):
            return rows
    models = _checks_as_models().validate_python(value)
    return [HealthRow(m.member, m.weight, m.bp, m.glucose) for m in models]


class _AsRows:
    """The schema of a meeting's ``health_checks``: the checks validated by pydantic's core
    against the fields of :class:`HealthCheck`, then made :class:`HealthRow` in one call
    into Python for the whole list (:func:`_as_rows`). Its JSON Schema is that of a list
    of :class:`HealthCheck`."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, _source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        checks = core_schema.list_schema(handler.generate_schema(_fields_of(HealthCheck)))
        return core_schema.no_info_wrap_validator_function(_as_rows, checks)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, _schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return handler(core_schema.list_schema(HealthCheck.__pydantic_core_schema__))


HealthChecks = Annotated[list[HealthRow], _AsRows]
"""A meeting's health checks, held as :class:`HealthRow`."""
HEALTH_ROW_MODELS: dict[type, type[Model]] = {HealthRow: HealthCheck}
"""The model that defines each row type, for the wording of errors."""


class HomeCareVisit(Model):
    """Home-care visits by a volunteer to one member since the previous meeting."""

    volunteer: Ident
    member: Ident
    visits: int = Field(default=1, ge=1, le=100)


class Meeting(Model):
    """One meeting, or one month marked as skipped.

    Attributes:
        kind: ``regular`` (the monthly meeting), ``extra`` or ``skipped``.
        reason: why the month was skipped; only for ``skipped``.
    """

    date: IsoDate
    kind: Literal["regular", "extra", "skipped"] = "regular"
    reason: Text | None = None
    activities: list[ActivityArea] = Field(default_factory=list)
    attendance: list[Ident] = Field(default_factory=list)
    health_checks: HealthChecks = Field(default_factory=list)
    home_care_visits: list[HomeCareVisit] = Field(default_factory=list)
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Meeting:
        if self.kind == "skipped":
            if self.reason is None:
                raise FieldError(_("a skipped month needs a reason ({field})"), "reason")
            if self.attendance or self.health_checks or self.activities:
                raise ValueError(_("a skipped month has no attendance, activities or checks"))
        elif self.reason is not None:
            raise FieldError(_("only a skipped month has a reason; use note"), "reason")
        return self

    @property
    def held(self) -> bool:
        return self.kind != "skipped"
