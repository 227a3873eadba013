"""``club.yaml``: who the club is, where, since when, and how it is run."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Literal

from pydantic import Field, model_validator

from lstg.core.i18n import _
from lstg.schema.common import Code, Ident, IsoDate, Model, Text

Status = Literal["preparing", "operating", "suspended", "dissolved"]
Role = Literal["chair", "vice-chair", "accountant", "treasurer", "member"]
FundKind = Literal["income", "activity"]


class Place(Model):
    """A commune, by code and the era whose list of units the code belongs to."""

    code: Code
    era: Ident


class StatusChange(Model):
    """A change of status after launch: suspended, operating again, or dissolved."""

    date: IsoDate
    status: Literal["operating", "suspended", "dissolved"]
    reason: Text | None = None


class BoardSeat(Model):
    """A member's seat on the management board (Ban Chủ nhiệm) for a span of time."""

    member: Ident
    role: Role
    start: IsoDate
    end: IsoDate | None = None

    def held_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class Team(Model):
    """A team (tổ) of members."""

    id: Ident
    name: Text


class Group(Model):
    """A group (nhóm) of members with one function, such as health care."""

    id: Ident
    name: Text


class Fund(Model):
    """One of the club's two funds, opened on a date."""

    name: Text
    opened: IsoDate


class Club(Model):
    """One club. Its id is the name of its folder, and is not repeated here.

    ``commune`` is the club's commune, best in the era in force when it was founded;
    ``communes`` the same place in other eras, where the province file cannot tell
    (a commune that was split, or a new unit made of communes of two districts).

    Status comes from the dates: preparing from ``founded``, operating from
    ``launched`` (the launch ceremony, lễ ra mắt), then as ``status_changes`` say.
    """

    name: Text
    commune: Place
    communes: list[Place] = Field(default_factory=list)
    founded: IsoDate
    launched: IsoDate | None = None
    status_changes: list[StatusChange] = Field(default_factory=list)
    board: list[BoardSeat] = Field(default_factory=list)
    teams: list[Team] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    funds: dict[FundKind, Fund] = Field(default_factory=dict)
    fund_regulations: IsoDate | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Club:
        if self.launched is not None and self.launched < self.founded:
            raise ValueError(_("a club cannot be launched before it is founded"))
        starts = [self.launched or self.founded] + [c.date for c in self.status_changes]
        if any(later < earlier for earlier, later in pairwise(starts)):
            raise ValueError(_("status changes must be in date order, after the launch"))
        if self.status_changes and self.launched is None:
            raise ValueError(_("a club that was never launched has no status changes"))
        return self

    def status_on(self, day: date) -> Status | None:
        """The club's status at the end of ``day``; ``None`` before it was founded."""
        if day < self.founded:
            return None
        if self.launched is None or day < self.launched:
            return "preparing"
        status: Status = "operating"
        for change in self.status_changes:
            if change.date <= day:
                status = change.status
        return status
