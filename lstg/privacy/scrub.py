"""Erasing one person from the text of a club's files: the same edits for the files of
today and for every version of them in the git history.

Each function takes a file's text and gives the new text (or the same text when
there is nothing to change); none reads or writes a file. What is erased:

- ``members.yaml``: the member's record is removed, or, when the member has loans (whose
  money stays in the funds' arithmetic), replaced by a record that keeps only the id,
  gender and dates of membership, with ``name: (đã xoá)`` and ``erased: DAY``; other
  members' ``distinct_from`` no longer name them. A partial erasure removes the fields
  of the kinds asked (ethnicity; household and its year).
- ``meetings/*.yaml``: the member's attendance, health checks and home-care visits (a
  partial erasure of health: the health checks only).
- ``club.yaml``: the member's board seats.
- every text file: the person's name, in any case and in NFC or NFD, becomes
  ``(đã xoá)`` (free text such as a ledger note, a loan's purpose, comments).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from lstg.core.i18n import _
from lstg.edit.members import MEMBER_FIELDS
from lstg.edit.nodes import EditError, compose
from lstg.edit.yamltext import Document, _last_line
from lstg.read.reader import parse_text
from lstg.schema.member import ERASED_NAME

ERASED = ERASED_NAME
KIND_FIELDS = {
    "ethnicity": ("ethnicity",),
    "household": ("household", "household_certified"),
}
"""The fields of the member's record that hold each kind of data."""
PERSONAL_FIELDS = (
    "birth_year",
    "birth_date",
    "ethnicity",
    "household",
    "household_certified",
    "living_alone",
    "disability",
    "consent",
    "team",
    "groups",
    "home_care_volunteer",
    "distinct_from",
)
"""What a record anonymised for its loans no longer holds (the name is replaced)."""


@dataclass(frozen=True, slots=True)
class Target:
    """One membership to erase: the club, the member id, the name, and what to erase.

    Attributes:
        kinds: the kinds of data to erase; ``basic`` among them erases the person whole.
        keep_record: keep an anonymised record (the member has loans).
        day: the day of the erasure, written as ``erased``.
    """

    club: str
    member: str
    name: str
    kinds: frozenset[str]
    keep_record: bool
    day: date

    @property
    def whole(self) -> bool:
        return "basic" in self.kinds


@dataclass(slots=True)
class Names:
    """The name(s) to replace in free text, and where not to (a namesake lives there)."""

    names: list[str]
    skip_clubs: set[str] = field(default_factory=set)

    def pattern(self) -> re.Pattern[str]:
        forms: set[str] = set()
        for name in self.names:
            for form in ("NFC", "NFD"):
                words = unicodedata.normalize(form, name).split()
                forms.add(r"\s+".join(re.escape(w) for w in words))
        return re.compile(
            r"(?<!\w)(" + "|".join(sorted(forms, key=len, reverse=True)) + r")(?!\w)",
            re.IGNORECASE,
        )


def replace_names(text: str, names: Names) -> str:
    """``text`` with every occurrence of the names replaced by :data:`ERASED` (unchanged
    when there is no name to replace, as in an erasure of some kinds of data only)."""
    if not names.names:
        return text
    return names.pattern().sub(ERASED, text)


def _member_id(value: Any) -> str:
    return str(value) if value is not None else ""


def members_text(text: str, rel: str, target: Target) -> str:
    """``members.yaml`` with the member erased (whole or the kinds of ``target``)."""
    doc = Document(text, rel)
    records = doc.data()
    for index, record in enumerate(records):
        if not isinstance(record, dict) or _member_id(record.get("id")) != target.member:
            continue
        if target.whole and not target.keep_record:
            doc.replace_record(index, None)
        elif target.whole:
            kept: dict[str, Any] = {
                "id": record["id"],
                "name": ERASED,
                "gender": record.get("gender"),
                "joined": record.get("joined"),
            }
            if isinstance(record.get("left"), dict):
                kept["left"] = {"date": record["left"].get("date"), "reason": ERASED}
            kept["erased"] = target.day
            doc.replace_record(index, _ordered(_dated(kept)))
        else:
            drop = {f for k in target.kinds for f in KIND_FIELDS.get(k, ())}
            if drop & set(record):
                new = {k: v for k, v in record.items() if k not in drop}
                doc.replace_record(index, _dated(new))
        break
    refs = {target.member, f"{target.club}/{target.member}"}
    if target.whole:
        doc = _without_references(doc, refs)
    return doc.output()


def other_club_members_text(text: str, rel: str, target: Target) -> str:
    """Another club's ``members.yaml`` with ``distinct_from`` no longer naming the member."""
    if not target.whole:
        return text
    return _without_references(Document(text, rel), {f"{target.club}/{target.member}"}).output()


def _without_references(doc: Document, refs: set[str]) -> Document:
    for index, record in enumerate(doc.data()):
        if not isinstance(record, dict) or not isinstance(record.get("distinct_from"), list):
            continue
        kept = [r for r in record["distinct_from"] if str(r) not in refs]
        if len(kept) != len(record["distinct_from"]):
            new = {k: v for k, v in record.items() if k != "distinct_from"}
            if kept:
                new["distinct_from"] = kept
            doc.replace_record(index, _dated(new))
    return doc


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    return {k: record[k] for k in MEMBER_FIELDS if record.get(k) is not None}


def _dated(value: Any) -> Any:
    """``value`` with date-like text (as a YAML 1.2 reader gives dates) as dates, so that
    they are written without quotes."""
    if isinstance(value, dict):
        return {k: _dated(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dated(v) for v in value]
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def meetings_text(text: str, rel: str, target: Target) -> str:
    """A meetings file without the member's health checks (and, for a whole erasure,
    attendance and home-care visits)."""
    doc = Document(text, rel)
    for index, record in enumerate(doc.data()):
        if not isinstance(record, dict):
            continue
        new = dict(record)
        if "health" in target.kinds or target.whole:
            _filter(new, "health_checks", lambda c: _member_id(c.get("member")) != target.member)
        if target.whole:
            if isinstance(new.get("attendance"), list):
                new["attendance"] = [a for a in new["attendance"] if str(a) != target.member]
            _filter(
                new,
                "home_care_visits",
                lambda v: (
                    target.member
                    not in (_member_id(v.get("member")), _member_id(v.get("volunteer")))
                ),
            )
        if new != record:
            doc.replace_record(index, _dated(new))
    return doc.output()


def _filter(record: dict[str, Any], key: str, keep: Any) -> None:
    items = record.get(key)
    if not isinstance(items, list):
        return
    kept = [i for i in items if not isinstance(i, dict) or keep(i)]
    if len(kept) == len(items):
        return
    if kept:
        record[key] = kept
    else:
        del record[key]


def club_text(text: str, rel: str, target: Target) -> str:
    """``club.yaml`` without the member's board seats (a whole erasure only)."""
    if not target.whole:
        return text
    root = compose(text, rel)
    if not isinstance(root, MappingNode):
        return text
    board = next(
        (v for k, v in root.value if isinstance(k, ScalarNode) and k.value == "board"), None
    )
    if not isinstance(board, SequenceNode) or getattr(board, "flow_style", False):
        return text
    lines = text.splitlines(keepends=True)
    doomed: list[tuple[int, int]] = []
    for item in board.value:
        member = (
            next(
                (v for k, v in item.value if isinstance(k, ScalarNode) and k.value == "member"),
                None,
            )
            if isinstance(item, MappingNode)
            else None
        )
        if isinstance(member, ScalarNode) and member.value == target.member:
            doomed.append((int(item.start_mark.line), _last_line(item)))
    if not doomed:
        return text
    for first, last in reversed(doomed):
        del lines[first : last + 1]
    new = "".join(lines)
    if len(doomed) == len(board.value):
        new = re.sub(r"(?m)^(\s*board:)\s*$", r"\1 []", new, count=1)
    before = parse_text(text.encode("utf-8"), rel).data
    after = parse_text(new.encode("utf-8"), rel).data
    expected = dict(before) if isinstance(before, dict) else {}
    expected["board"] = [
        s
        for s in expected.get("board", [])
        if not (isinstance(s, dict) and str(s.get("member")) == target.member)
    ]
    if after != expected:
        raise EditError(
            _("{file}: the board seats could not be removed without touching other lines.").format(
                file=rel
            )
        )
    return new


def erase_text(rel: str, text: str, targets: Iterable[Target], names: Names) -> str:
    """The text of the file ``rel`` (relative to the data folder) with ``targets`` erased:
    records by id in their own club's files, then the names in free text."""
    parts = rel.split("/")
    targets = list(targets)
    for target in targets:
        if len(parts) >= 3 and parts[0] == "clubs" and parts[1] == target.club:
            name = "/".join(parts[2:])
            if name == "members.yaml":
                text = members_text(text, rel, target)
            elif name == "club.yaml":
                text = club_text(text, rel, target)
            elif len(parts) == 4 and parts[2] == "meetings" and name.endswith(".yaml"):
                text = meetings_text(text, rel, target)
        elif len(parts) == 3 and parts[0] == "clubs" and parts[2] == "members.yaml":
            text = other_club_members_text(text, rel, target)
    if any(t.whole for t in targets) and not (
        len(parts) >= 2 and parts[0] == "clubs" and parts[1] in names.skip_clubs
    ):
        text = replace_names(text, names)
    return text
