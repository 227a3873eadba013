"""Club ids as commands take them: checked as ids before anything else is done.

A club's id is the name of its folder in ``clubs/``: lower-case letters without
accents, digits and ``-``, starting with a letter or digit (:data:`CLUB_ID`).
A command given something else (``../x``, ``/etc``, ``a b``, ``Chi-Lang``) stops
with one line before it reads or writes anything.

What shell completion types is accepted too, by reading it as the id it names:
a trailing ``/`` (``chi-lang-dong-mo/``), a leading ``./``, or a path to the club
folder itself (``clubs/chi-lang-dong-mo``, ``data/clubs/chi-lang-dong-mo/``, an
absolute path), but only when that path is a real folder (not a link) directly
in the data folder's ``clubs/``. Nothing else is taken for an id.
"""

from __future__ import annotations

import re
from pathlib import Path

from lstg.core.i18n import _
from lstg.core.safefiles import Kind, kind_of
from lstg.dataset import CLUBS_DIR

CLUB_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
"""The form of a club id (and so of a club folder's name)."""


class BadClubId(ValueError):
    """The text given is not a club id, nor a path to a club folder."""


def is_club_id(text: str) -> bool:
    return CLUB_ID.match(text) is not None


def bad_id_message(text: str) -> str:
    shown = text if len(text) <= 60 else text[:59] + "…"
    return _(
        "“{id}” is not a club id: a club id is its folder's name in clubs/, written in "
        "lower-case letters without accents, digits and “-”, such as chi-lang-dong-mo."
    ).format(
        id=shown.encode("unicode_escape").decode("ascii") if not shown.isprintable() else shown
    )


def club_id(text: str, root: Path) -> str:
    """The club id that ``text`` gives, for the data folder ``root``.

    Raises:
        BadClubId: ``text`` is neither an id nor a path to a club folder of ``root``.
    """
    if is_club_id(text):
        return text
    candidate = text.replace("\\", "/")
    stripped = candidate.rstrip("/")
    while stripped.startswith("./"):
        stripped = stripped[2:]
    if is_club_id(stripped) and kind_of(root / CLUBS_DIR / stripped) is Kind.FOLDER:
        return stripped
    if "/" in stripped and "\x00" not in stripped:
        name = stripped.rsplit("/", 1)[-1]
        if is_club_id(name):
            try:
                given = Path(stripped).resolve()
                clubs = (root / CLUBS_DIR).resolve()
            except (OSError, RuntimeError, ValueError):
                raise BadClubId(bad_id_message(text)) from None
            folder = root / CLUBS_DIR / name
            if given.parent == clubs and kind_of(folder) is Kind.FOLDER:
                return name
    raise BadClubId(bad_id_message(text))


def new_club_id(text: str) -> str:
    """The id of a club to be created: ``text`` itself, which must be an id.

    Raises:
        BadClubId: ``text`` is not an id.
    """
    if not is_club_id(text):
        raise BadClubId(bad_id_message(text))
    return text
