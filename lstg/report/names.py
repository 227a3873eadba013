"""Names of units as sentences use them: "Huyện Chi Lăng" → "huyện Chi Lăng", "Chi Lăng"."""

from __future__ import annotations

from lstg.domain.places import province_designation
from lstg.report.model import Name
from lstg.schema import Province

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


def province_name(province: Province) -> Name:
    """The province's name as sentences use it: "tỉnh Lạng Sơn", or "thành phố Hà Nội" for
    a centrally governed city (the province file's ``kind``)."""
    kind = province.kind
    return Name(
        full=province_designation(province, language="vi", capitalised=True),
        short=province.name,
        kind=kind,
        in_sentence=province_designation(province, language="vi"),
    )
