"""``reports.yaml``: the particulars of the documents a body sends (Nghị định 30/2020/NĐ-CP).

A report printed as an administrative document names its issuing body and the body
above it, the place of its date line, its ký hiệu (``BC-HNCT`` in ``Số: 15/BC-HNCT``),
the bodies it goes to (``Kính gửi``), those that get a copy (``Nơi nhận``) and who signs
it. These change when a body is renamed or reorganised, so each body is listed with the
span of time it signed in: a report takes the particulars in force on the day it is
signed.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, field_validator, model_validator

from lstg.core.i18n import _
from lstg.schema.common import Code, Ident, IsoDate, Model, Text

AUTHORITIES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")
"""How a signer signs for someone else (Nghị định 30/2020/NĐ-CP, art. 13): on behalf of a
collective body (TM.), as deputy (KT.), by order (TL.), by authorisation (TUQ.), acting (Q.)."""

_SYMBOL = r"^BC-[A-ZĐ0-9]+(?:[-.][A-ZĐ0-9]+)*$"


class Signer(Model):
    """Who signs: ``authority`` (``TM. Ban đại diện``, ``KT. Chủ tịch``), when the signer
    signs for a body or a head, then the signer's ``position`` and ``name``."""

    authority: Text | None = None
    position: Text
    name: Text | None = None

    @field_validator("authority")
    @classmethod
    def _known_authority(cls, value: str | None) -> str | None:
        if value is None:
            return value
        word = value.split(" ", 1)[0].upper()
        if word not in AUTHORITIES or " " not in value.strip():
            raise ValueError(
                _(
                    "write the authority as {words} and the body or head, "
                    "such as “TM. Ban đại diện”"
                ).format(words=", ".join(AUTHORITIES))
            )
        return value


class Body(Model):
    """One issuing body over a span of time, and the particulars of its reports.

    ``scope`` and ``unit`` say which reports it issues: the province's
    (``scope: province``), or a district's or commune's (``unit``: its code).
    """

    id: Ident
    scope: Literal["province", "district", "commune"] = "province"
    unit: Code | None = None
    valid_from: IsoDate | None = None
    valid_to: IsoDate | None = None
    superior: Text | None = None
    body: Text
    place: Text
    symbol: str = Field(pattern=_SYMBOL, max_length=40)
    to: list[Text] = Field(default_factory=list)
    copies: list[Text] = Field(default_factory=list)
    archive: Text = "VT"
    signer: Signer | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Body:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError(_("valid_to is before valid_from"))
        if self.scope == "province" and self.unit is not None:
            raise ValueError(_("a body of the province has no unit: remove unit"))
        if self.scope != "province" and self.unit is None:
            raise ValueError(_("a body of a district or commune gives its unit's code as unit"))
        return self

    def in_force(self, day: date) -> bool:
        """Whether the body signed reports on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class Reports(Model):
    """``reports.yaml``: every issuing body whose reports lstg writes."""

    bodies: list[Body] = Field(min_length=1)
