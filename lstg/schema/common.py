"""Building blocks shared by every schema: the strict base model and field types.

Validators raise ``ValueError`` with a short message that a club secretary can
act on; the loader turns pydantic's errors into located problems.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated, Any, Final

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from lstg.core.i18n import _


class FieldError(ValueError):
    """A record's error that is about one of its fields, raised by a model's validator.

    The message names the field as ``{field}`` in ``template``, so that whoever shows
    the error can call the field as its reader knows it: the key of a data file, the
    option of a command, the column of a register.

    Attributes:
        template: the message, with ``{field}`` where the field is named.
        field: the field's name in the data files, such as ``household_certified``.
    """

    def __init__(self, template: str, field: str) -> None:
        super().__init__(template.format(field=field))
        self.template = template
        self.field = field

    def named(self, label: str) -> str:
        """The message with the field called ``label``."""
        return self.template.format(field=label)


class Model(BaseModel):
    """Base of every data model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, allow_inf_nan=False
    )


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_VN_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def _iso_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if _ISO_DATE.match(text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                raise ValueError(
                    _("{text} is not a date that exists in the calendar").format(text=text)
                ) from None
        vn = _VN_DATE.match(text)
        if vn:
            day, month, year = vn.groups()
            raise ValueError(
                _("dates are written year first: write {iso} for {text}").format(
                    iso=f"{year}-{int(month):02d}-{int(day):02d}", text=text
                )
            )
    raise ValueError(_("a date is written as YYYY-MM-DD, for example 2020-11-30"))


ISO_DATE_FAST = "[iso-date]"
"""The tag, in a validation error's path, of the first way :data:`IsoDate` reads a date:
its errors are left out (:mod:`lstg.dataset.modelerrors`), since the second way words
them."""


class _WrittenIso:
    """A date's schema: text ``YYYY-MM-DD`` read in pydantic's core (a pattern, then the
    calendar), with no call into Python; anything else (a date or datetime object, another
    way of writing a date, a number) is read as before this quick way was added:
    :func:`_iso_date`, which words what is wrong, then pydantic's date."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, _source: Any, _handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        fast = core_schema.chain_schema(
            [core_schema.str_schema(pattern=_ISO_DATE.pattern), core_schema.date_schema()]
        )
        careful = core_schema.no_info_before_validator_function(
            _iso_date, core_schema.date_schema()
        )
        return core_schema.union_schema([(fast, ISO_DATE_FAST), careful], mode="left_to_right")

    @classmethod
    def __get_pydantic_json_schema__(
        cls, _schema: core_schema.CoreSchema, _handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string", "format": "date"}


IsoDate = Annotated[date, _WrittenIso]
"""A calendar date written ``YYYY-MM-DD``; impossible dates are errors."""


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

MAX_TEXT = 1000
"""Longest text a field may hold: a name, a reason, a note."""


def _nfc(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError(
            _("the text holds a control character (such as an escape code); retype it")
        )
    return unicodedata.normalize("NFC", value)


# Constraints come before the validator function, so that pydantic checks them in its
# core rather than in a Python function around it.
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT), AfterValidator(_nfc)]
"""Non-empty text of at most :data:`MAX_TEXT` characters, normalised to NFC, without
control characters (a line break or a tab is allowed)."""


def _code(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, str):
        if isinstance(value, int):
            raise ValueError(_('write the code in quotes, such as "06091", so that its zeros stay'))
        raise ValueError(_('a code is text in quotes, such as "06091"'))
    return value


Code = Annotated[str, Field(pattern=r"^\d{2,6}$"), BeforeValidator(_code)]
"""An administrative unit code: digits kept as text, leading zeros included."""


_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
ID_LETTERS = re.compile(_ID.removeprefix("^").removesuffix("$"))
"""What an :data:`Ident` is made of, for :meth:`re.Pattern.fullmatch` (which, unlike ``$``,
allows no line break after it)."""
ID_LENGTH = 64
"""The longest :data:`Ident`."""


class _IdentMark:
    """Marks the fields that hold an :data:`Ident`, so that an error about one is worded
    as about an id (:mod:`lstg.dataset.modelerrors`): pydantic itself ignores it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "IDENT"


IDENT: Final = _IdentMark()

Ident = Annotated[str, Field(pattern=_ID, max_length=ID_LENGTH), IDENT]
"""An identifier: letters, digits, ``.``, ``_`` and ``-``, such as ``M001``.

Checked in pydantic's core alone, with no call into Python: ids are most of the values of
a club's files (each attendance, each health check). A number where an id should be
(``member: 12``) is pydantic's ``string_type`` error, which
:mod:`lstg.dataset.modelerrors` words as about an id."""


def _money(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError(_("an amount is a whole number of đồng"))
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise ValueError(_("an amount is a whole number of đồng, without decimals"))
    if isinstance(value, str):
        raise ValueError(
            _("write the amount as a plain number without separators, such as 1000000")
        )
    return value


Money = Annotated[int, Field(ge=0, le=10**12), BeforeValidator(_money)]
"""A non-negative amount in whole đồng."""

SignedMoney = Annotated[int, Field(ge=-(10**12), le=10**12), BeforeValidator(_money)]
"""An amount in whole đồng: positive for money in, negative for money out."""

Year = Annotated[int, Field(ge=1900, le=2100)]
