"""Names of units as sentences use them: "Huyện Chi Lăng" → "huyện Chi Lăng", "Chi Lăng"."""

from __future__ import annotations

from lstg.report.model import Name

_KINDS = ("Thành phố", "Thị xã", "Thị trấn", "Huyện", "Phường", "Xã", "Tỉnh")


def split_name(full: str) -> Name:
    """A unit's name split into its kind and its own name.

    A name without a known kind in front (a club's name) is kept whole.
    """
    for kind in _KINDS:
        if full.startswith(kind + " ") or full.lower().startswith(kind.lower() + " "):
            short = full[len(kind) + 1 :].strip()
            return Name(
                full=full, short=short, kind=kind.lower(), in_sentence=f"{kind.lower()} {short}"
            )
    return Name(full=full, short=full, kind="", in_sentence=full)


def province_name(name: str) -> Name:
    """The province's name, which the province file writes without its kind."""
    if name.lower().startswith("tỉnh "):
        return split_name(name)
    return Name(full=f"Tỉnh {name}", short=name, kind="tỉnh", in_sentence=f"tỉnh {name}")


_ORDER = {
    "district": ("huyện", "thành phố", "thị xã", "quận"),
    "commune": ("xã", "phường", "thị trấn"),
}
_ENGLISH = {
    "huyện": "district",
    "thành phố": "city",
    "thị xã": "town",
    "quận": "urban district",
    "xã": "commune",
    "phường": "ward",
    "thị trấn": "township",
}


def unit_words(level: str, names: list[str], language: str) -> str:
    """How the units of one level read as a heading, from the kinds their names carry.

    ``Huyện, thành phố`` for Lạng Sơn's districts; ``Xã, phường, thị trấn`` for its
    communes before 1 July 2025 and ``Xã, phường`` after it, when no thị trấn is left.
    English: ``District, city``; ``Commune, ward``.
    """
    present = {split_name(n).kind for n in names}
    order = _ORDER.get(level, ())
    kinds = [k for k in order if k in present] + sorted(present - set(order) - {""})
    if not kinds:
        kinds = list(order[:1]) or [level]
    if language == "en":
        kinds = [_ENGLISH.get(k, k) for k in kinds]
    text = ", ".join(kinds)
    return text[:1].upper() + text[1:]
