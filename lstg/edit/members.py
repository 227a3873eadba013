"""Adding, changing and ending memberships in ``members.yaml``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from lstg.core.errors import UsageError, UserError
from lstg.core.i18n import _
from lstg.dataset.modelerrors import problems_from
from lstg.edit.change import Change
from lstg.edit.club_files import ClubFiles, next_id, record_ids
from lstg.edit.values import nfc_all
from lstg.schema import Member
from lstg.validate.common import shown_date
from lstg.validate.duplicates import same_name

MEMBER_FIELDS: tuple[str, ...] = tuple(Member.model_fields)
"""Member fields in the order they are written."""


def member_record(fields: dict[str, Any]) -> dict[str, Any]:
    """Fields in the order they are written, without unset ones, text in NFC."""
    out: dict[str, Any] = {}
    for name in MEMBER_FIELDS:
        value = fields.get(name)
        if value is None or value == [] or value is False:
            continue
        out[name] = nfc_all(value)
    unknown = set(fields) - set(MEMBER_FIELDS)
    if unknown:
        raise UserError(
            _("Unknown member field: {names}.").format(names=", ".join(sorted(unknown)))
        )
    return out


def check_record(record: dict[str, Any], labels: Mapping[str, str] | None) -> None:
    """Refuse a member record that its schema refuses, before it is written anywhere,
    naming each field as the user gave it (``labels``: the options of the command).

    Raises:
        UsageError: the record is not a valid member; each problem on its line.
    """
    if labels is None:
        return
    try:
        Member.model_validate(record)
    except ValidationError as exc:
        problems = problems_from(exc, file="", prefix=(), model=Member, labels=labels)
        raise UsageError(
            "\n".join(p.message + (f" {p.hint}" if p.hint else "") for p in problems)
        ) from None


def _valid(record: dict[str, Any]) -> bool:
    try:
        Member.model_validate(record)
    except ValidationError:
        return False
    return True


def _birth_year(record: dict[str, Any]) -> object:
    born = record.get("birth_date")
    if isinstance(born, date):
        return born.year
    return record.get("birth_year")


def same_person(existing: Any, record: dict[str, Any]) -> list[str]:
    """The ids of the members of ``existing`` (the raw records of members.yaml) with the
    name and year of birth of ``record`` (the same test as ``member.duplicate``)."""
    if not isinstance(existing, list) or not isinstance(record.get("name"), str):
        return []
    wanted = (same_name(record["name"]), _birth_year(record))
    found = []
    for other in existing:
        if not isinstance(other, dict) or not isinstance(other.get("name"), str):
            continue
        if (same_name(other["name"]), _birth_year(other)) != wanted:
            continue
        born, their = record.get("birth_date"), other.get("birth_date")
        if isinstance(born, date) and isinstance(their, date) and born != their:
            continue
        found.append(str(other.get("id", "?")))
    return found


def add_member(
    root: Path,
    club: str,
    fields: dict[str, Any],
    *,
    different_person: bool = False,
    labels: Mapping[str, str] | None = None,
) -> Change:
    """Add a member at the end of ``members.yaml``; the id is the next free one if not given.

    A member with the name and year of birth of one already in the club is refused,
    unless ``different_person``: the new record then says ``distinct_from`` them. With
    ``labels``, a record that is not valid is refused naming the options (:func:`check_record`).
    """
    files = ClubFiles(root, club)
    doc = files.members()
    ids = record_ids(doc.data())
    record = member_record(fields)
    if "id" not in record:
        record = {"id": next_id(ids, "M"), **record}
    elif record["id"] in ids:
        raise UserError(
            _("There is already a member {id} in {file}.").format(id=record["id"], file=doc.rel)
        )
    check_record(record, labels)
    twins = same_person(doc.data(), record)
    if twins and not different_person:
        raise UserError(
            _(
                "{file} already has {ids} with this name and year of birth. If this is "
                "another person, add --different-person; if it is the same person, "
                "correct that record with lstg member edit."
            ).format(file=doc.rel, ids=", ".join(twins))
        )
    if twins:
        record = member_record({**record, "distinct_from": twins})
    line = doc.insert_record(record)
    return files.finish(
        _("{file}:{line}: added member {id} {name}").format(
            file=doc.rel, line=line, id=record["id"], name=record.get("name", "")
        )
    )


def leave_member(root: Path, club: str, member: str, day: date, reason: str) -> Change:
    """Record that a member left on ``day`` for ``reason``."""
    files = ClubFiles(root, club)
    doc = files.members()
    index = files.find(doc, member, _("member"))
    line = doc.set_field([index], "left", {"date": day, "reason": nfc_all(reason)}, MEMBER_FIELDS)
    return files.finish(
        _("{file}:{line}: member {id} left on {date}").format(
            file=doc.rel, line=line, id=member, date=shown_date(day)
        )
    )


def edit_member(
    root: Path,
    club: str,
    member: str,
    fields: dict[str, Any],
    labels: Mapping[str, str] | None = None,
) -> Change:
    """Set the given fields of a member; other fields and lines stay as they are. With
    ``labels``, a record made invalid is refused naming the options (:func:`check_record`).
    """
    files = ClubFiles(root, club)
    doc = files.members()
    index = files.find(doc, member, _("member"))
    if not fields:
        raise UserError(_("Nothing to change: give at least one field, such as --name."))
    current = doc.data()[index]
    if isinstance(current, dict) and _valid(current):
        check_record({**current, **member_record(fields)}, labels)
    lines: list[str] = []
    for name, value in fields.items():
        if name not in MEMBER_FIELDS or name == "id":
            raise UserError(_("Unknown member field: {names}.").format(names=name))
        line = doc.set_field([index], name, nfc_all(value), MEMBER_FIELDS)
        label = (labels or {}).get(name, name)
        lines.append(_("{field} (line {line})").format(field=label, line=line))
    return files.finish(
        _("{file}: member {id}: set {fields}").format(
            file=doc.rel, id=member, fields=", ".join(lines)
        )
    )
