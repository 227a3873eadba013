"""Creating a club folder: ``club.yaml`` and an empty list of members."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.dataset import CLUB_FILE, CLUBS_DIR, MEMBERS_FILE, PROVINCE_FILE
from lstg.dataset.loader import load_document
from lstg.edit.change import Change
from lstg.edit.club_setup import club_yaml, fund_item, team_item
from lstg.edit.values import nfc
from lstg.schema import Province

_CLUB_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _era_of(root: Path, day: date) -> str:
    province, _problems = load_document(root, root / PROVINCE_FILE, Province)
    if province is None:
        raise UserError(
            _("{file} cannot be read; run lstg validate to see why.").format(file=PROVINCE_FILE)
        )
    era = province.era_at(day)
    if era is None:
        raise UserError(
            _("No era of administrative units in {file} covers {date}; give --era.").format(
                file=PROVINCE_FILE, date=day.isoformat()
            )
        )
    return era.id


def _looks_like_number(text: str) -> bool:
    return text.replace(".", "", 1).isdigit()


def club_text(
    *,
    name: str,
    commune: str,
    era: str,
    founded: date,
    launched: date | None,
    teams: Sequence[tuple[str, str]] = (),
    groups: Sequence[tuple[str, str]] = (),
    funds: Mapping[str, date] | None = None,
    fund_regulations: date | None = None,
) -> str:
    """The text of a new ``club.yaml``: teams, groups and funds as the club files write
    them, one ``{…}`` a line."""

    club = CommentedMap()
    club["name"] = nfc(name)
    place = CommentedMap()
    place["code"] = DoubleQuotedScalarString(commune)
    place["era"] = DoubleQuotedScalarString(era) if _looks_like_number(era) else era
    place.fa.set_flow_style()
    club["commune"] = place
    club["founded"] = founded
    if launched is not None:
        club["launched"] = launched
    if teams:
        club["teams"] = CommentedSeq(team_item(i, n) for i, n in teams)
    if groups:
        club["groups"] = CommentedSeq(team_item(i, n) for i, n in groups)
    if funds:
        club["funds"] = CommentedMap((kind, fund_item(kind, day)) for kind, day in funds.items())
    if fund_regulations is not None:
        club["fund_regulations"] = fund_regulations
    yaml = club_yaml()
    stream = io.StringIO()
    yaml.dump(club, stream)
    return stream.getvalue()


def new_club(
    root: Path,
    club: str,
    *,
    name: str,
    commune: str,
    founded: date,
    era: str | None = None,
    launched: date | None = None,
    teams: Sequence[tuple[str, str]] = (),
    groups: Sequence[tuple[str, str]] = (),
    funds: Mapping[str, date] | None = None,
    fund_regulations: date | None = None,
) -> Change:
    """A new club folder with its ``club.yaml`` and an empty ``members.yaml``."""
    if not _CLUB_ID.match(club):
        raise UserError(
            _(
                "“{id}” is not a valid club id: use lower-case letters "
                "without accents, digits and “-”."
            ).format(id=club)
        )
    folder = root / CLUBS_DIR / club
    if folder.exists():
        raise UserError(_("The club folder {path} already exists.").format(path=folder))
    text = club_text(
        name=name,
        commune=commune,
        era=era or _era_of(root, founded),
        founded=founded,
        launched=launched,
        teams=teams,
        groups=groups,
        funds=funds,
        fund_regulations=fund_regulations,
    )
    members = _("# Members of {name}: one entry each, in the order they joined.").format(
        name=nfc(name)
    )
    change = Change(root, club, new_club=True)
    change.files[f"{CLUBS_DIR}/{club}/{CLUB_FILE}"] = text
    change.files[f"{CLUBS_DIR}/{club}/{MEMBERS_FILE}"] = f"{members}\n[]\n"
    change.done.append(
        _("{folder}: new club “{name}”").format(folder=f"{CLUBS_DIR}/{club}", name=nfc(name))
    )
    return change
