"""The province file's ``privacy`` section: purposes, retention periods, free text.

A province states the purposes for which clubs keep personal data (consent names
them by id), how long each kind of data is kept, and which free-text fields hold
no personal data (those alone are kept by ``export --redact``). A province file
without the section gets :func:`default_privacy`, the values of the bundled
Lạng Sơn file (see ``docs/privacy.md``).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from lstg.core.i18n import _
from lstg.schema.common import Ident, IsoDate, Model, Text
from lstg.schema.consent import DataKind

TextField = Literal[
    "members.left.reason",
    "loans.purpose",
    "loans.written_off.reason",
    "meetings.reason",
    "meetings.note",
    "ledger.note",
]
"""The free-text fields of the records: by default each may hold personal data."""

TEXT_FIELDS: tuple[TextField, ...] = (
    "members.left.reason",
    "loans.purpose",
    "loans.written_off.reason",
    "meetings.reason",
    "meetings.note",
    "ledger.note",
)


class Purpose(Model):
    """A purpose for which clubs keep personal data, and the kinds of data it needs."""

    id: Ident
    name: Text
    kinds: list[DataKind] = Field(min_length=1)


class Retention(Model):
    """How long one kind of data is kept: ``years`` after the member left the club
    (``after: left``), or after each record was made (``after: recorded``, for dated
    records such as health checks)."""

    kind: DataKind
    years: int = Field(ge=1, le=100)
    after: Literal["left", "recorded"] = "left"

    def expires(self, *, left: date | None, recorded: date | None) -> date | None:
        """The last day the data may be kept; ``None`` while its term has not started."""
        start = left if self.after == "left" else recorded
        if start is None:
            return None
        try:
            return start.replace(year=start.year + self.years)
        except ValueError:  # 29 February
            return start.replace(year=start.year + self.years, day=28)


class Privacy(Model):
    """What the province decides about members' personal data.

    Attributes:
        keeper: who keeps the data (the controller, in the law's words).
        consent_from: records made from this day on need a consent in force that
            covers them; by default 1/1/2026, when Law 91/2025/QH15 came into force.
        purposes: the purposes consent may be given for.
        retention: how long each kind of data is kept.
        public_text: free-text fields that hold no personal data, kept by
            ``export --redact``; every other free text is withheld.
    """

    keeper: Text = "Ban Chủ nhiệm của từng Câu lạc bộ"
    consent_from: IsoDate = date(2026, 1, 1)
    purposes: list[Purpose] = Field(min_length=1)
    retention: list[Retention] = Field(default_factory=list)
    public_text: list[TextField] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> Privacy:
        ids = [p.id for p in self.purposes]
        if len(set(ids)) != len(ids):
            raise ValueError(_("two purposes have the same id"))
        kinds = [r.kind for r in self.retention]
        if len(set(kinds)) != len(kinds):
            raise ValueError(_("a kind of data has two retention periods"))
        return self

    def purpose(self, purpose_id: str) -> Purpose | None:
        return next((p for p in self.purposes if p.id == purpose_id), None)

    def retention_of(self, kind: DataKind) -> Retention | None:
        return next((r for r in self.retention if r.kind == kind), None)


def default_privacy() -> Privacy:
    """The purposes and periods of the bundled Lạng Sơn province file."""
    return Privacy(
        purposes=[
            Purpose(
                id="management",
                name="Quản lý thành viên và hoạt động của Câu lạc bộ",
                kinds=["basic", "ethnicity", "household"],
            ),
            Purpose(id="health", name="Theo dõi sức khỏe tại buổi sinh hoạt", kinds=["health"]),
            Purpose(
                id="loans",
                name="Cho vay và thu hồi vốn từ Quỹ tăng thu nhập",
                kinds=["basic", "household"],
            ),
            Purpose(
                id="reporting",
                name="Báo cáo số liệu tổng hợp (không nêu tên) lên xã, huyện, tỉnh",
                kinds=["basic", "ethnicity", "household", "health"],
            ),
        ],
        retention=[
            Retention(kind="health", years=5),
            Retention(kind="ethnicity", years=10),
            Retention(kind="household", years=10),
            Retention(kind="basic", years=10),
        ],
        public_text=["meetings.reason"],
    )
