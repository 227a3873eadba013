"""The message catalogs: complete in Vietnamese, compiled, and in step with the sources."""

from __future__ import annotations

import gettext
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import lstg
from lstg.core.i18n import DOMAIN, LOCALE_DIR

PACKAGE = Path(lstg.__file__).parent
KEYWORDS = {"_": None, "ngettext": (1, 2)}


def _catalog(language: str):  # type: ignore[no-untyped-def]
    with (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as po:
        return read_po(po, locale=language)


VALIDATION_MODULES = [
    ("validate/*.py", "python"),
    ("read/*.py", "python"),
    ("schema/*.py", "python"),
    ("core/safefiles.py", "python"),
    ("dataset/loader.py", "python"),
    ("dataset/modelerrors.py", "python"),
    ("render/problems.py", "python"),
]
"""The modules whose messages ``lstg validate`` shows."""


def _source_messages() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        PACKAGE, method_map=VALIDATION_MODULES, keywords=KEYWORDS
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_every_message_has_a_vietnamese_translation() -> None:
    catalog = _catalog("vi")
    missing = sorted(
        str(m.id)
        for m in catalog
        if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    )
    fuzzy = sorted(str(m.id) for m in catalog if m.id and m.fuzzy)
    assert (missing, fuzzy) == ([], [])


def test_every_message_of_validation_is_in_the_catalog() -> None:
    catalog = _catalog("vi")
    known = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id}
    messages = _source_messages()
    assert len(messages) > 150
    assert sorted(messages - known) == []


def test_compiled_catalog_matches_the_po_file() -> None:
    catalog = _catalog("vi")
    with (LOCALE_DIR / "vi" / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for message in catalog:
        if not message.id or not message.string:
            continue
        if isinstance(message.id, tuple):
            assert compiled.ngettext(message.id[0], message.id[1], 1) == message.string[0]
        else:
            assert compiled.gettext(message.id) == message.string, message.id
    compiled_ids = set(compiled._catalog)  # type: ignore[attr-defined]
    po_ids = {
        m.id[0] if isinstance(m.id, tuple) else m.id
        for m in catalog
        if m.id and m.string and (not isinstance(m.string, tuple) or all(m.string))
    }
    assert {i[0] if isinstance(i, tuple) else i for i in compiled_ids} - {""} == po_ids


def test_the_message_of_an_unknown_member_reads_naturally_in_vietnamese() -> None:
    translation = gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=["vi"])
    message = translation.gettext("{who} {id} is not in the list of members.")
    who = translation.gettext("Member")
    assert message.format(who=who, id="M099") == (
        "Thành viên M099 không có trong danh sách thành viên."
    )
