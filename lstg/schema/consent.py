"""Consent to keep and use a member's personal data, as the club recorded it.

Under Law 91/2025/QH15 and Decree 356/2025/NĐ-CP, consent is given for stated
purposes and kinds of data, in a way that can be shown later (a signed form, a
recording, an electronic record), and can be withdrawn, wholly or in part. A
member's ``consent`` is a list of such records. The older form of the files, one
date (``consent: 2023-09-10``), is read as a record holding that date only;
validation says what it lacks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from lstg.core.i18n import _
from lstg.schema.common import Ident, IsoDate, Model, Text

DataKind = Literal["basic", "ethnicity", "health", "household"]
"""Kinds of personal data a club keeps: basic (name, birth, gender, residence, membership,
loans, attendance), and the sensitive kinds: ethnic origin, health measurements, and the
household's poverty status."""

DATA_KINDS: tuple[DataKind, ...] = ("basic", "ethnicity", "health", "household")
SENSITIVE_KINDS: tuple[DataKind, ...] = ("ethnicity", "health", "household")

Method = Literal["paper", "recording", "electronic"]
"""How consent was given: a signed paper form (giấy), a recording (ghi âm), an electronic
record (điện tử)."""

CONSENT_DETAILS: tuple[str, ...] = ("purposes", "kinds", "method", "evidence", "recorded_by")
"""What a complete consent record states besides its date."""


class Withdrawal(Model):
    """The member's withdrawal of a consent, wholly or for some kinds or purposes.

    An empty ``kinds`` means every kind the consent covered; an empty ``purposes``
    every purpose.
    """

    date: IsoDate
    kinds: list[DataKind] = Field(default_factory=list)
    purposes: list[Ident] = Field(default_factory=list)
    evidence: Text | None = None
    recorded_by: Text | None = None


class Consent(Model):
    """One consent: given on ``date``, for ``purposes`` (ids from the province file's
    list), covering ``kinds`` of data, given by ``method``, shown by ``evidence`` (the
    number of the signed form in the club's book, a file name), written down by
    ``recorded_by``; and its withdrawal, if any.
    """

    date: IsoDate
    purposes: list[Ident] = Field(default_factory=list)
    kinds: list[DataKind] = Field(default_factory=list)
    method: Method | None = None
    evidence: Text | None = None
    recorded_by: Text | None = None
    withdrawn: Withdrawal | None = None

    @model_validator(mode="after")
    def _withdrawn_after(self) -> Consent:
        if self.withdrawn is not None and self.withdrawn.date < self.date:
            raise ValueError(_("a consent cannot be withdrawn before it was given"))
        if self.withdrawn is not None and self.kinds:
            outside = [k for k in self.withdrawn.kinds if k not in self.kinds]
            if outside:
                raise ValueError(
                    _(
                        "the withdrawal names kinds of data the consent did not cover: {kinds}"
                    ).format(kinds=", ".join(outside))
                )
        return self

    def missing(self) -> list[str]:
        """The details of a complete record that this one lacks (all of them for the
        older form, which is a date only)."""
        return [name for name in CONSENT_DETAILS if getattr(self, name) in (None, [])]

    @property
    def old_form(self) -> bool:
        """Whether the record is the older form: a date and nothing else."""
        return len(self.missing()) == len(CONSENT_DETAILS)

    def covered_kinds(self) -> tuple[DataKind, ...]:
        """The kinds the consent covers; a record that does not say covers every kind
        (as the older form was understood)."""
        return tuple(self.kinds) if self.kinds else DATA_KINDS

    def withdrawn_kind(self, kind: DataKind, day: dt.date) -> bool:
        """Whether consent for ``kind`` was withdrawn for every purpose by the end of ``day``."""
        w = self.withdrawn
        if w is None or w.date > day:
            return False
        if w.kinds and kind not in w.kinds:
            return False
        return not w.purposes or set(self.purposes) <= set(w.purposes)

    def covers(self, kind: DataKind, day: dt.date) -> bool:
        """Whether the consent is in force for ``kind`` at the end of ``day``."""
        return (
            self.date <= day and kind in self.covered_kinds() and not self.withdrawn_kind(kind, day)
        )


def consent_list(value: Any) -> Any:
    """The older form, one date (or nothing), read as a list of one record."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        return [value]
    return [{"date": value}]


class ConsentForms:
    """The JSON Schema of a member's ``consent`` as a file may write it: a list of
    records, one record alone, or, in the older form, a date alone or nothing, as
    :func:`consent_list` reads them. (pydantic would describe only the list.)"""

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        listed = handler(schema)
        return {
            "anyOf": [
                listed,
                listed["items"],
                {"type": "string", "format": "date"},
                {"type": "null"},
            ]
        }
