"""A club's files, open for editing: where they are, their records, and new ids."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.core.safefiles import Kind, kind_of, read_regular
from lstg.dataset import (
    CLUB_FILE,
    CLUBS_DIR,
    LEDGER_FILE,
    LOANS_FILE,
    MEETINGS_DIR,
    MEMBERS_FILE,
)
from lstg.dataset.clubids import bad_id_message, is_club_id
from lstg.edit.change import Change
from lstg.edit.yamltext import Document
from lstg.read.reader import MAX_FILE_BYTES, decode, read_yaml, unreadable

_BOM = b"\xef\xbb\xbf"
_NUMBERED = re.compile(r"^(.*?)(\d+)$")


class ClubFiles:
    """The files of the club ``club`` in the data folder ``root``.

    Raises:
        UserError: the club folder does not exist.
    """

    def __init__(self, root: Path, club: str) -> None:
        if not is_club_id(club):
            raise UserError(bad_id_message(club))
        self.root = root
        self.club = club
        self.folder = root / CLUBS_DIR / club
        if kind_of(self.folder) is Kind.FOLDER and kind_of(self.folder / CLUB_FILE) not in (
            Kind.FILE,
            Kind.MISSING,
        ):
            raise UserError(
                _(
                    "{path} is not a regular file (a link or a special file); run lstg validate."
                ).format(path=self.folder / CLUB_FILE)
            )
        if (
            kind_of(self.folder) is not Kind.FOLDER
            or kind_of(self.folder / CLUB_FILE) is not Kind.FILE
        ):
            raise UserError(
                _("No club “{club}”: {path} does not exist.").format(
                    club=club, path=self.folder / CLUB_FILE
                )
            )
        self.change = Change(root, club)
        self._docs: dict[str, Document] = {}
        self._boms: set[str] = set()

    def rel(self, name: str) -> str:
        return f"{CLUBS_DIR}/{self.club}/{name}"

    def document(self, name: str, *, flow_records: bool = False) -> Document:
        """The file ``name`` of the club (``members.yaml``, ``meetings/2025.yaml`` …)."""
        rel = self.rel(name)
        if rel not in self._docs:
            path = self.root / rel
            text = self._read(path, rel) if kind_of(path) is not Kind.MISSING else None
            if text is None:
                self.change.read[rel] = None
            self._docs[rel] = Document(text, rel, flow_records=flow_records)
        return self._docs[rel]

    def _read(self, path: Path, rel: str) -> str:
        try:
            raw = read_regular(path, limit=MAX_FILE_BYTES)
        except OSError as exc:
            problem = unreadable(path, rel, exc)
            raise UserError(
                _("{file} cannot be edited: {reason} Run lstg validate.").format(
                    file=rel, reason=problem.message
                )
            ) from None
        self.change.read[rel] = raw
        text, problems = decode(raw, rel)
        if text is None:
            reason = problems[0].message if problems else ""
            raise UserError(
                _("{file} cannot be edited: {reason} Run lstg validate.").format(
                    file=rel, reason=reason
                )
            )
        if raw.startswith(_BOM):
            self._boms.add(rel)
        return text

    def read_text(self, name: str) -> str:
        """The text of the club's file ``name`` as the change starts from it."""
        rel = self.rel(name)
        return self._read(self.root / rel, rel)

    def has_bom(self, name: str) -> bool:
        """Whether the file ``name`` began with a byte-order mark, kept when it is written."""
        return self.rel(name) in self._boms

    def documents(self) -> list[Document]:
        """The files opened so far."""
        return list(self._docs.values())

    def members(self) -> Document:
        return self.document(MEMBERS_FILE)

    def loans(self) -> Document:
        return self.document(LOANS_FILE)

    def ledger(self) -> Document:
        return self.document(LEDGER_FILE, flow_records=True)

    def meetings(self, year: int) -> Document:
        return self.document(f"{MEETINGS_DIR}/{year}.yaml")

    def meeting_years(self) -> list[int]:
        folder = self.folder / MEETINGS_DIR
        if kind_of(folder) is not Kind.FOLDER:
            return []
        return sorted(int(p.stem) for p in folder.glob("*.yaml") if p.stem.isdigit())

    def club_data(self) -> dict[str, Any]:
        result = read_yaml(self.folder / CLUB_FILE, self.rel(CLUB_FILE))
        return result.data if isinstance(result.data, dict) else {}

    def find(self, doc: Document, record_id: str, what: str) -> int:
        """Index of the record with ``id`` ``record_id`` in ``doc``."""
        for index, record in enumerate(doc.data()):
            if isinstance(record, dict) and str(record.get("id")) == record_id:
                return index
        raise UserError(
            _("No {what} “{id}” in {file}.").format(what=what, id=record_id, file=doc.rel)
        )

    def finish(self, line: str) -> Change:
        """The change made so far through this object's documents, described by ``line``."""
        for rel, doc in self._docs.items():
            if doc.changed:
                self.change.files[rel] = ("\ufeff" if rel in self._boms else "") + doc.output()
        self.change.done.append(line)
        return self.change


def next_id(existing: Iterable[str], prefix: str, width: int = 3) -> str:
    """The id after the highest numbered one: ``M012`` after ``M011``.

    The prefix and width are those most used among ``existing``; ``prefix`` and
    ``width`` are used when no id is numbered.
    """
    numbered = [(m.group(1), m.group(2)) for m in map(_NUMBERED.match, existing) if m]
    if numbered:
        prefix = Counter(p for p, _n in numbered).most_common(1)[0][0]
        digits = [n for p, n in numbered if p == prefix]
        width = max(len(n) for n in digits)
        number = max(int(n) for n in digits) + 1
    else:
        number = 1
    return f"{prefix}{number:0{width}d}"


def record_ids(records: list[Any]) -> list[str]:
    return [str(r["id"]) for r in records if isinstance(r, dict) and "id" in r]
