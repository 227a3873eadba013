"""``requests.yaml``: requests from members about their personal data, and how they went.

The Law on Personal Data Protection gives a person the rights to know, see, correct
and delete their data, to have its processing restricted or to object, and to
withdraw consent. The keeper answers within 2 working days and completes within 15
days, which can be extended once by 15 days (the person being told). The log keeps
the facts of each request so that ``lstg requests`` can say which are late.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from lstg.core.i18n import _
from lstg.schema.common import Ident, IsoDate, Model, Text

RequestKind = Literal["know", "see", "copy", "correct", "delete", "restrict", "object", "withdraw"]
"""What was asked: to know what is kept, to see it, a copy, a correction, deletion,
restriction, an objection, the withdrawal of consent."""

PERSON_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$"


class Request(Model):
    """One request, by the person ``club/member`` or someone on their behalf.

    Attributes:
        requester: who asked: the person themselves, or who for them (a relative
            with a written authorisation).
        received: the day the request reached the club.
        answered: the day the club answered (acknowledged it, or gave what was asked).
        extended: the day the person was told that completion needs 15 more days.
        completed: the day what was asked was done, or refused with a reason (``outcome``).
    """

    id: Ident
    person: str = Field(pattern=PERSON_PATTERN, max_length=130)
    kind: list[RequestKind] = Field(min_length=1)
    requester: Text
    received: IsoDate
    answered: IsoDate | None = None
    extended: IsoDate | None = None
    completed: IsoDate | None = None
    outcome: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _in_order(self) -> Request:
        for later in (self.answered, self.extended, self.completed):
            if later is not None and later < self.received:
                raise ValueError(
                    _("a request is answered, extended and completed after it is received")
                )
        return self
