"""The particulars of a report as a document: who issues it, its number, where it goes.

They come from the data folder's ``reports.yaml`` (:mod:`lstg.schema.reports`): the
body of the report's scope in force on the day of signing. ``--number`` and
``--signed`` give the number and the day for one report. What is not known stays
``None``, and the document shows a dotted blank there to fill in by hand: lstg never
makes up a name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lstg.schema.reports import Body, Reports


@dataclass(frozen=True, slots=True)
class Particulars:
    """What the header, the recipients and the signature block of a report say.

    Attributes:
        superior: the superior body (cơ quan chủ quản), if any.
        body: the issuing body (cơ quan ban hành).
        place: the place name of the date line (địa danh).
        symbol: the ký hiệu after the number: ``BC-HNCT``.
        number: the report's number in its year (``Số: 15/BC-HNCT``).
        signed: the day of signing.
        year: the year of the date line when the day is not known: the year the
            report is made.
        to: the bodies the report is sent to (Kính gửi).
        copies: the other recipients (Nơi nhận), before ``Lưu``.
        archive: where the original is kept: ``VT, VP`` in ``Lưu: VT, VP``.
        authority: how the signer signs for a body or a head (``TM. Ban đại diện``).
        position, signer: the signer's position and name.
        source: the id of the body of ``reports.yaml`` these come from, if any.
    """

    year: int | None = None
    superior: str | None = None
    body: str | None = None
    place: str | None = None
    symbol: str | None = None
    number: int | None = None
    signed: date | None = None
    to: list[str] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)
    archive: str | None = None
    authority: str | None = None
    position: str | None = None
    signer: str | None = None
    source: str | None = None

    @property
    def number_text(self) -> str | None:
        """The number as the decree writes it: a leading zero under 10 (``05``)."""
        return None if self.number is None else f"{self.number:02d}"


def issuing_body(reports: Reports | None, level: str, code: str, day: date) -> Body | None:
    """The body of ``reports`` that issues the reports of the unit ``code`` at ``level``
    (the province's for ``province``) on ``day``; ``None`` if none does."""
    if reports is None or level == "club":
        return None
    for body in reports.bodies:
        if body.scope != level or not body.in_force(day):
            continue
        if level == "province" or body.unit == code:
            return body
    return None


def particulars(
    reports: Reports | None,
    *,
    level: str,
    code: str,
    today: date,
    signed: date | None = None,
    number: int | None = None,
) -> Particulars:
    """The particulars of a report of the unit ``code`` at ``level``, signed on ``signed``
    (else taken as signed ``today``, whose year the date line then shows)."""
    day = signed or today
    body = issuing_body(reports, level, code, day)
    year = day.year
    if body is None:
        return Particulars(year=year, number=number, signed=signed)
    signer = body.signer
    return Particulars(
        year=year,
        superior=body.superior,
        body=body.body,
        place=body.place,
        symbol=body.symbol,
        number=number,
        signed=signed,
        to=list(body.to),
        copies=list(body.copies),
        archive=body.archive,
        authority=signer.authority if signer else None,
        position=signer.position if signer else None,
        signer=signer.name if signer else None,
        source=body.id,
    )
