"""Recording and withdrawing a member's consent in ``members.yaml``.

A consent is added to the member's ``consent`` list in date order. A member whose
consent is still in the older form (``consent: 2023-09-10``) keeps that date as a
record of its own, unless the new record has the same date: it is then that consent
written in full, and replaces it. A withdrawal is written on the consents in force
that cover what is withdrawn. Only the lines of the member's ``consent`` change.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import Any

from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.edit.change import Change
from lstg.edit.club_files import ClubFiles
from lstg.edit.members import MEMBER_FIELDS
from lstg.edit.values import fold, nfc, nfc_all
from lstg.schema.consent import DATA_KINDS, Consent

METHODS = {
    "paper": "paper",
    "giay": "paper",
    "recording": "recording",
    "ghi am": "recording",
    "electronic": "electronic",
    "dien tu": "electronic",
}
"""Methods as people type them, in English or Vietnamese, and the data's word."""

KINDS = {
    "basic": "basic",
    "co ban": "basic",
    "ethnicity": "ethnicity",
    "dan toc": "ethnicity",
    "health": "health",
    "suc khoe": "health",
    "household": "household",
    "ho gia dinh": "household",
    "ho ngheo": "household",
}


def parse_method(value: str) -> str:
    """``paper``, ``recording`` or ``electronic`` (giấy, ghi âm, điện tử)."""
    found = METHODS.get(fold(value))
    if found is None:
        raise ValueError(_("write paper, recording or electronic (giấy, ghi âm, điện tử)"))
    return found


def parse_kind(value: str) -> str:
    """A kind of data: basic, ethnicity, health, household (cơ bản, dân tộc, sức khỏe, hộ)."""
    found = KINDS.get(fold(value))
    if found is None:
        raise ValueError(
            _("write one of {kinds} (cơ bản, dân tộc, sức khỏe, hộ gia đình)").format(
                kinds=", ".join(DATA_KINDS)
            )
        )
    return found


def _dates(value: Any) -> Any:
    """``value`` with its ``date`` keys (a withdrawal's too) as dates, as they are written."""
    if isinstance(value, dict):
        out = {k: _dates(v) for k, v in value.items()}
        if isinstance(out.get("date"), str):
            with contextlib.suppress(ValueError):
                out["date"] = date.fromisoformat(out["date"])
        return out
    return value


def _records(value: Any) -> list[dict[str, Any]]:
    """The member's consent as the file has it, as a list of records."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [_dates(v if isinstance(v, dict) else {"date": v}) for v in items]


def _day(record: dict[str, Any]) -> str:
    value = record.get("date")
    return value.isoformat() if isinstance(value, date) else str(value)


def record_consent(root: Path, club: str, member: str, fields: dict[str, Any]) -> Change:
    """Add a consent given on ``fields["date"]`` with its purposes, kinds, method,
    evidence and recorder.

    Raises:
        UserError: the club or member does not exist, or the member already has a full
            consent of that day.
    """
    files = ClubFiles(root, club)
    doc = files.members()
    index = files.find(doc, member, _("member"))
    raw = doc.data()[index]
    existing = _records(raw.get("consent"))
    new = nfc_all({k: v for k, v in fields.items() if v not in (None, [])})
    day = _day(new)
    same = [i for i, r in enumerate(existing) if _day(r) == day]
    if same and len(existing[same[0]]) > 1:
        raise UserError(
            _(
                "Member {id} already has a consent of {day}; withdraw it or correct it by hand."
            ).format(id=member, day=day)
        )
    kept = [r for i, r in enumerate(existing) if i not in same]
    records = sorted([*kept, new], key=_day)
    line = doc.set_field([index], "consent", records, MEMBER_FIELDS)
    return files.finish(
        _("{file}:{line}: member {id}: consent of {day} recorded").format(
            file=doc.rel, line=line, id=member, day=day
        )
    )


def withdraw_consent(
    root: Path,
    club: str,
    member: str,
    *,
    day: date,
    kinds: list[str],
    purposes: list[str],
    evidence: str | None,
    recorded_by: str | None,
) -> Change:
    """Write the withdrawal, on ``day``, of the member's consents in force that cover what
    is withdrawn (``kinds`` and ``purposes``; empty: everything).

    Raises:
        UserError: the member has no consent in force on ``day`` that covers it, or one of
            them was already withdrawn.
    """
    files = ClubFiles(root, club)
    doc = files.members()
    index = files.find(doc, member, _("member"))
    raw = doc.data()[index]
    records = _records(raw.get("consent"))
    withdrawal: dict[str, Any] = {"date": day, "kinds": kinds, "purposes": purposes}
    if evidence:
        withdrawal["evidence"] = nfc(evidence)
    if recorded_by:
        withdrawal["recorded_by"] = nfc(recorded_by)
    touched = 0
    for record in records:
        try:
            consent = Consent.model_validate(record)
        except ValueError:
            continue
        if consent.date > day or consent.withdrawn is not None:
            continue
        wanted = kinds or list(consent.covered_kinds())
        if not any(consent.covers(k, day) for k in wanted):  # type: ignore[arg-type]
            continue
        if purposes and not set(purposes) & set(consent.purposes or purposes):
            continue
        own_kinds = [k for k in kinds if not consent.kinds or k in consent.kinds]
        record["withdrawn"] = {
            k: v for k, v in {**withdrawal, "kinds": own_kinds}.items() if v not in (None, [])
        }
        touched += 1
    if not touched:
        raise UserError(
            _("Member {id} has no consent in force on {day} that covers what is withdrawn.").format(
                id=member, day=day.isoformat()
            )
        )
    line = doc.set_field([index], "consent", records, MEMBER_FIELDS)
    return files.finish(
        _("{file}:{line}: member {id}: consent withdrawn on {day}").format(
            file=doc.rel, line=line, id=member, day=day.isoformat()
        )
    )
