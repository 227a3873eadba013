"""The province file: the province and its administrative units in each era.

Units are identified by their code *and* era, since codes are reused across the
2025 reform (new Phường Đông Kinh has the code of old Phường Vĩnh Trại).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from lstg.i18n import _
from lstg.schema.common import Code, Ident, IsoDate, Model, Text


class District(Model):
    """A district-level unit (huyện, thành phố)."""

    code: Code
    name: Text


class Commune(Model):
    """A commune-level unit (xã, phường, thị trấn).

    ``district`` is the code of its district, in eras that have districts;
    ``becomes`` lists the codes of the units it became in the next era.
    """

    code: Code
    name: Text
    district: Code | None = None
    becomes: list[Code] = Field(default_factory=list)


class Era(Model):
    """A span of time during which one set of administrative units was in force."""

    id: Ident
    name: Text
    valid_from: IsoDate | None = None
    valid_to: IsoDate | None = None
    districts: list[District] = Field(default_factory=list)
    communes: list[Commune]

    def contains(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class Province(Model):
    """``province.yaml``: the province, its default language and its units."""

    name: Text
    code: Code
    language: Literal["vi", "en"] = "vi"
    eras: list[Era] = Field(min_length=1)

    @model_validator(mode="after")
    def _eras_in_order(self) -> Province:
        ids = [era.id for era in self.eras]
        if len(set(ids)) != len(ids):
            raise ValueError(_("two eras have the same id"))
        return self

    def era(self, era_id: str) -> Era | None:
        return next((era for era in self.eras if era.id == era_id), None)

    def era_at(self, day: date) -> Era | None:
        return next((era for era in self.eras if era.contains(day)), None)
