"""Setting a club up in ``club.yaml``: its funds, teams, groups and board.

Each function reads ``club.yaml`` as it is, changes one thing and gives back a
:class:`~lstg.edit.change.Change`, which is validated with the rest of the club
before it is written, atomically (:mod:`lstg.edit.change`), like every edit.
``club.yaml`` is read and written back with ruamel.yaml's round trip, which keeps
its comments, its quotes and the flow style of its entries; new entries of a list
are written in the style of the club files, one ``{…}`` a line.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.dataset import CLUB_FILE
from lstg.domain.vocabulary import FUND, fold
from lstg.edit.change import Change
from lstg.edit.club_files import ClubFiles
from lstg.edit.values import nfc
from lstg.validate.common import fund_label, role_label, shown_date

SINGLE_ROLES = frozenset({"chair", "accountant", "treasurer"})
"""Board roles that one member holds at a time: giving one to a member ends the seat of
whoever held it."""


def club_yaml() -> YAML:
    """The reader and writer of ``club.yaml``: round trip, never an alias (``&id001``,
    which data files refuse) for a value written twice, such as one date."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.ignore_aliases = lambda *args: True
    return yaml


def flow(**fields: Any) -> CommentedMap:
    """A mapping written on one line, ``{id: T1, name: Tổ 1}``."""
    item = CommentedMap()
    for key, value in fields.items():
        if value is not None:
            item[key] = value
    item.fa.set_flow_style()
    return item


def team_item(team_id: str, name: str) -> CommentedMap:
    return flow(id=nfc(team_id), name=nfc(name))


def fund_item(fund: str, opened: date, name: str | None = None) -> CommentedMap:
    return flow(name=nfc(name) if name else FUND.label(fund, "vi"), opened=opened)


def split_item(text: str, *, prefix: str, taken: list[str]) -> tuple[str, str]:
    """A team or group given on the command line as ``ID=NAME`` or as a name alone: its id
    and name. A team named alone gets the next id ``T1``, ``T2`` …; a group named alone
    gets its name without accents (``nhom-cham-soc-suc-khoe``)."""
    text = nfc(text)
    if "=" in text:
        item_id, name = (part.strip() for part in text.split("=", 1))
        return item_id, name
    if prefix:
        n = 1
        while f"{prefix}{n}" in taken:
            n += 1
        return f"{prefix}{n}", text
    return fold(text).replace(" ", "-"), text


class ClubYaml:
    """``club.yaml`` of a club, read for a change."""

    def __init__(self, root: Path, club: str) -> None:
        self.files = ClubFiles(root, club)
        self.rel = self.files.rel(CLUB_FILE)
        self.text = self.files.read_text(CLUB_FILE)
        try:
            data = club_yaml().load(self.text)
        except YAMLError:
            data = None
        if not isinstance(data, CommentedMap):
            raise UserError(
                _("{file} cannot be edited: it is not valid. Run lstg validate.").format(
                    file=self.rel
                )
            )
        self.data: CommentedMap = data

    def seq(self, key: str) -> CommentedSeq:
        """The list under ``key``, made (after the keys before it) if missing."""
        value = self.data.get(key)
        if value is None:
            value = CommentedSeq()
            self._insert(key, value)
        if not isinstance(value, CommentedSeq):
            raise UserError(
                _("{file}: “{key}” is not a list; run lstg validate.").format(
                    file=self.rel, key=key
                )
            )
        return value

    def mapping(self, key: str) -> CommentedMap:
        value = self.data.get(key)
        if value is None:
            value = CommentedMap()
            self._insert(key, value)
        if not isinstance(value, CommentedMap):
            raise UserError(
                _("{file}: “{key}” is not a mapping; run lstg validate.").format(
                    file=self.rel, key=key
                )
            )
        return value

    def _insert(self, key: str, value: Any) -> None:
        order = list(_KEY_ORDER)
        after = order[: order.index(key)] if key in order else order
        position = max(
            (i + 1 for i, k in enumerate(self.data) if k in after),
            default=len(self.data),
        )
        self.data.insert(position, key, value)

    def finish(self, done: Callable[[Any], str]) -> Change:
        """The change, described by ``done(data)``, ``data`` being the file as written
        (read back, so that ``done`` can name line numbers)."""
        stream = io.StringIO()
        club_yaml().dump(self.data, stream)
        text = stream.getvalue()
        written = club_yaml().load(text)
        change = self.files.change
        change.files[self.rel] = ("\ufeff" if self.files.has_bom(CLUB_FILE) else "") + text
        change.done.append(done(written))
        return change


_KEY_ORDER = (
    "name",
    "commune",
    "communes",
    "founded",
    "launched",
    "status_changes",
    "board",
    "teams",
    "groups",
    "funds",
    "fund_regulations",
)


def _line_of(seq: Any, index: int) -> int:
    return int(seq.lc.item(index)[0]) + 1


def _key_line(mapping: Any, key: str) -> int:
    return int(mapping.lc.key(key)[0]) + 1


def add_fund(
    root: Path,
    club: str,
    fund: str,
    *,
    opened: date,
    name: str | None = None,
    regulations: date | None = None,
) -> Change:
    """Open one of the two funds on ``opened``; ``regulations``: the day the club adopted the
    regulations of its funds (quy chế)."""
    doc = ClubYaml(root, club)
    funds = doc.mapping("funds")
    if fund in funds:
        raise UserError(
            _("{file} already has the fund “{fund}”; change it with lstg club fund edit.").format(
                file=doc.rel, fund=fund_label(fund)
            )
        )
    funds[fund] = fund_item(fund, opened, name)
    if regulations is not None:
        doc.data["fund_regulations"] = regulations
    return doc.finish(
        lambda d: _("{file}:{line}: opened the fund {fund} on {date}").format(
            file=doc.rel,
            line=_key_line(d["funds"], fund),
            fund=fund_label(fund),
            date=shown_date(opened),
        )
    )


def edit_fund(
    root: Path,
    club: str,
    fund: str,
    *,
    opened: date | None = None,
    name: str | None = None,
    regulations: date | None = None,
) -> Change:
    """Change a fund's name or opening day, or the day of the funds' regulations."""
    doc = ClubYaml(root, club)
    if opened is None and name is None and regulations is None:
        raise UserError(_("Nothing to change: give --opened, --name or --regulations."))
    funds = doc.mapping("funds")
    if (opened is not None or name is not None) and fund not in funds:
        raise UserError(
            _("{file} has no fund “{fund}”; open it with lstg club fund add.").format(
                file=doc.rel, fund=fund_label(fund)
            )
        )
    if fund in funds and isinstance(funds[fund], CommentedMap):
        if name is not None:
            funds[fund]["name"] = nfc(name)
        if opened is not None:
            funds[fund]["opened"] = opened
    if regulations is not None:
        doc.data["fund_regulations"] = regulations
    return doc.finish(
        lambda d: _("{file}:{line}: changed the fund {fund}").format(
            file=doc.rel,
            line=_key_line(d["funds"], fund) if fund in d.get("funds", {}) else 1,
            fund=fund_label(fund),
        )
    )


def _ids(seq: CommentedSeq) -> list[str]:
    return [str(item.get("id")) for item in seq if isinstance(item, dict)]


def add_unit(root: Path, club: str, kind: str, item_id: str, name: str) -> Change:
    """Add a team (``kind`` ``teams``) or a group (``groups``) to ``club.yaml``."""
    doc = ClubYaml(root, club)
    seq = doc.seq(kind)
    if item_id in _ids(seq):
        raise UserError(
            _("{file} already has “{id}” in “{key}”.").format(file=doc.rel, id=item_id, key=kind)
        )
    seq.append(team_item(item_id, name))
    index = len(seq) - 1
    message = (
        _("{file}:{line}: added the team {id} “{name}”")
        if kind == "teams"
        else _("{file}:{line}: added the group {id} “{name}”")
    )
    return doc.finish(
        lambda d: message.format(
            file=doc.rel, line=_line_of(d[kind], index), id=item_id, name=nfc(name)
        )
    )


def rename_unit(root: Path, club: str, kind: str, item_id: str, name: str) -> Change:
    """Rename a team or a group; its id, which members name, stays."""
    doc = ClubYaml(root, club)
    seq = doc.seq(kind)
    ids = _ids(seq)
    if item_id not in ids:
        raise UserError(
            _("{file} has no “{id}” in “{key}”; known: {ids}.").format(
                file=doc.rel, id=item_id, key=kind, ids=", ".join(ids) or "—"
            )
        )
    index = ids.index(item_id)
    seq[index]["name"] = nfc(name)
    return doc.finish(
        lambda d: _("{file}:{line}: {id} is now called “{name}”").format(
            file=doc.rel, line=_line_of(d[kind], index), id=item_id, name=nfc(name)
        )
    )


def _open_seat(seat: Any, day: date) -> bool:
    if not isinstance(seat, dict) or not isinstance(seat.get("start"), date):
        return False
    end = seat.get("end")
    return seat["start"] <= day and (end is None or (isinstance(end, date) and end >= day))


def set_board(root: Path, club: str, member: str, role: str, start: date) -> Change:
    """Give ``member`` the board role ``role`` from ``start``.

    The seat the member held until then ends the day before, and so does the seat of
    whoever held a role that one member holds at a time (:data:`SINGLE_ROLES`).
    """
    doc = ClubYaml(root, club)
    board = doc.seq("board")
    ended: list[str] = []
    for seat in board:
        if not _open_seat(seat, start):
            continue
        if seat.get("member") == member and seat.get("role") == role:
            raise UserError(
                _("{member} is already {role} on {date}.").format(
                    member=member, role=role_label(role), date=shown_date(start)
                )
            )
        if seat.get("member") == member or (role in SINGLE_ROLES and seat.get("role") == role):
            if seat["start"] == start:
                raise UserError(
                    _(
                        "{member} became {role} on {date}, the same day; correct club.yaml "
                        "or give another --start."
                    ).format(
                        member=seat.get("member"),
                        role=role_label(str(seat.get("role"))),
                        date=shown_date(start),
                    )
                )
            seat["end"] = start - timedelta(days=1)
            ended.append(
                _("{member} ({role}) until {date}").format(
                    member=seat.get("member"),
                    role=role_label(str(seat.get("role"))),
                    date=shown_date(seat["end"]),
                )
            )
    board.append(flow(member=member, role=role, start=start))
    index = len(board) - 1
    return doc.finish(
        lambda d: (
            _("{file}:{line}: {member} is {role} from {date}").format(
                file=doc.rel,
                line=_line_of(d["board"], index),
                member=member,
                role=role_label(role),
                date=shown_date(start),
            )
            + ("; " + "; ".join(ended) if ended else "")
        )
    )


def end_board(root: Path, club: str, member: str, day: date) -> Change:
    """End ``member``'s seat on the board on ``day``."""
    doc = ClubYaml(root, club)
    board = doc.seq("board")
    held = [i for i, s in enumerate(board) if _open_seat(s, day) and s.get("member") == member]
    index = held[0] if held else None
    if index is None:
        raise UserError(
            _("{member} has no seat on the board on {date}.").format(
                member=member, date=shown_date(day)
            )
        )
    board[index]["end"] = day
    return doc.finish(
        lambda d: _("{file}:{line}: {member} leaves the board on {date}").format(
            file=doc.rel, line=_line_of(d["board"], index), member=member, date=shown_date(day)
        )
    )
