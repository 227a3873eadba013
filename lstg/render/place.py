"""The units that ``lstg place search`` and ``lstg place show`` find, as text or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from lstg.core.format import short_date
from lstg.core.i18n import _, ngettext
from lstg.domain.places.search import Entry, Link
from lstg.domain.places.words import kind_word
from lstg.domain.places.zones import zone_word


def _span(start: date | None, end: date | None, language: str) -> str:
    if start is None and end is None:
        return ""
    if start is None:
        return _("until {date}").format(date=short_date(end, language))
    if end is None:
        return _("from {date}").format(date=short_date(start, language))
    return f"{short_date(start, language)} – {short_date(end, language)}"


def _links(links: Sequence[Link]) -> str:
    names = ", ".join(f"{link.name} ({link.code})" for link in links)
    return _("{names} — era {era}").format(names=names, era=links[0].era)


def entry_lines(entry: Entry, language: str) -> list[str]:
    """The lines of one unit: what it is, its eras, what it became and came from."""
    facts = [_("code {code}").format(code=entry.code)]
    if entry.kind is not None:
        facts.append(kind_word(entry.kind, language=language))
    if entry.district is not None:
        facts.append(entry.district[1])
    if entry.zone is not None:
        facts.append(_("zone: {zone}").format(zone=zone_word(entry.zone, language=language)))
    lines = [f"{entry.name} — {', '.join(facts)}"]
    span = _span(entry.valid_from, entry.valid_to, language)
    eras = ", ".join(entry.eras)
    lines.append("  " + _("Eras: {eras}").format(eras=f"{eras} ({span})" if span else eras))
    if entry.came_from:
        lines.append("  " + _("Came from: {links}").format(links=_links(entry.came_from)))
    if entry.became:
        label = _("Became (territory divided): {links}") if entry.split else _("Became: {links}")
        lines.append("  " + label.format(links=_links(entry.became)))
    if entry.note is not None:
        lines.append("  " + _("Note: {note}").format(note=entry.note))
    return lines


def render_text(entries: Sequence[Entry], language: str) -> str:
    """The units, one block each, then how many were found."""
    lines: list[str] = []
    for entry in entries:
        lines += entry_lines(entry, language)
        lines.append("")
    count = len(entries)
    lines.append(ngettext("{n} unit found.", "{n} units found.", count).format(n=count))
    return "\n".join(lines)


def _link_json(link: Link) -> dict[str, str]:
    return {"code": link.code, "name": link.name, "era": link.era}


def entry_json(entry: Entry) -> dict[str, Any]:
    """One unit as plain data."""
    return {
        "level": entry.level,
        "code": entry.code,
        "name": entry.name,
        "kind": entry.kind,
        "district": None
        if entry.district is None
        else {"code": entry.district[0], "name": entry.district[1]},
        "zone": entry.zone,
        "eras": list(entry.eras),
        "valid_from": None if entry.valid_from is None else entry.valid_from.isoformat(),
        "valid_to": None if entry.valid_to is None else entry.valid_to.isoformat(),
        "split": entry.split,
        "note": entry.note,
        "became": [_link_json(link) for link in entry.became],
        "came_from": [_link_json(link) for link in entry.came_from],
    }


def render_json(entries: Sequence[Entry]) -> str:
    """The units as a JSON list."""
    return json.dumps([entry_json(e) for e in entries], ensure_ascii=False, indent=2)
