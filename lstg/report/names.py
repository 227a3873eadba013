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
