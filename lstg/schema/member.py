"""``members.yaml``: the club's members, one entry each, in the order they joined."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from lstg.core.i18n import _
from lstg.schema.common import FieldError, Ident, IsoDate, Model, Text, Year
from lstg.schema.consent import Consent, ConsentForms, DataKind, consent_list

Gender = Literal["female", "male"]
MemberRef = Annotated[
    str,
    Field(pattern=r"^([A-Za-z0-9][A-Za-z0-9._-]*/)?[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=130),
]
"""A member of this club (``M012``) or of another (``club-id/M012``)."""
Household = Literal["poor", "near-poor", "none"]
ERASED_NAME = "(đã xoá)"
"""The name an erased member's record keeps: a plain YAML scalar in every context."""


class Departure(Model):
    """When and why a member left the club."""

    date: IsoDate
    reason: Text


class Member(Model):
    """One member of a club.

    Either ``birth_year`` or ``birth_date`` is given, not both: many older rural
    members know only their year of birth. ``household`` is the commune's
    certification of a poor or near-poor household, with the year it was made.
    ``distinct_from`` names members with the same name and year of birth who are
    known to be someone else (see :mod:`lstg.validate.duplicates`).

    ``consent`` lists the member's consents to keep their personal data
    (:mod:`lstg.schema.consent`). ``erased`` is the day the member's personal data
    was erased at their request or at the end of its term: what is left is the
    record that loans and the ledger's arithmetic need (id, dates of membership),
    with :data:`ERASED_NAME` for the name, and the gender, which the counts of
    past periods need.
    """

    id: Ident
    name: Text
    gender: Gender
    birth_year: Year | None = None
    birth_date: IsoDate | None = None
    ethnicity: Text | None = None
    household: Household = "none"
    household_certified: Year | None = None
    living_alone: bool = False
    disability: bool = False
    joined: IsoDate
    left: Departure | None = None
    consent: Annotated[list[Consent], BeforeValidator(consent_list), ConsentForms] = Field(
        default_factory=list
    )
    team: Ident | None = None
    groups: list[Ident] = Field(default_factory=list)
    home_care_volunteer: bool = False
    distinct_from: list[MemberRef] = Field(default_factory=list)
    erased: IsoDate | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Member:
        if self.birth_year is not None and self.birth_date is not None:
            raise FieldError(_("give the birth year or the birth date, not both"), "birth_date")
        if self.household != "none" and self.household_certified is None:
            raise FieldError(
                _("a poor or near-poor household needs “{field}”, the year it was certified"),
                "household_certified",
            )
        if self.left is not None and self.left.date < self.joined:
            raise FieldError(_("a member cannot leave before joining"), "left.date")
        return self

    def consent_covers(self, kind: DataKind, day: date) -> bool:
        """Whether a consent of the member is in force for ``kind`` at the end of ``day``."""
        return any(c.covers(kind, day) for c in self.consent)

    @property
    def withdrew_consent(self) -> bool:
        """Whether any of the member's consents records a withdrawal, of any date or scope."""
        return any(c.withdrawn is not None for c in self.consent)

    def consent_withdrawn(self, kind: DataKind, day: date) -> bool:
        """Whether consent for ``kind`` had been given and was withdrawn by ``day``, with
        no other consent in force for it."""
        if not self.withdrew_consent:
            return False
        return not self.consent_covers(kind, day) and any(
            kind in c.covered_kinds() and c.withdrawn_kind(kind, day) for c in self.consent
        )

    @property
    def known_birth_year(self) -> int | None:
        if self.birth_date is not None:
            return self.birth_date.year
        return self.birth_year

    def age_on(self, day: date) -> int | None:
        """Full years of age on ``day``; ``None`` when the birth is not recorded.

        A member known only by the year of birth is counted as born on 1 January
        of that year, the convention of Vietnamese civil records for unknown dates.
        """
        if self.birth_date is not None:
            born = self.birth_date
        elif self.birth_year is not None:
            born = date(self.birth_year, 1, 1)
        else:
            return None
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def is_member_on(self, day: date) -> bool:
        """Whether the member had joined and not yet left on ``day``."""
        return self.joined <= day and (self.left is None or day < self.left.date)
