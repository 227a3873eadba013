"""The province file: the province and its administrative units in each era.

Units are identified by their code *and* era, since codes are reused across eras
(new Phường Đông Kinh has the code of old Phường Vĩnh Trại). An era lists the units
in force over a span of time; each unit of an era that was followed by another
lists in ``becomes`` the units of the next era that took its territory.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from itertools import pairwise
from typing import Literal

from pydantic import Field, model_validator

from lstg.core.i18n import _
from lstg.schema.common import Code, Ident, IsoDate, Model, Text
from lstg.schema.privacy import Privacy, default_privacy

ProvinceKind = Literal["tỉnh", "thành phố"]
"""A province (tỉnh) or a centrally governed city (thành phố trực thuộc trung ương)."""

DistrictKind = Literal["huyện", "thành phố", "thị xã", "quận"]
CommuneKind = Literal["xã", "phường", "thị trấn", "đặc khu"]
Zone = Literal["plains", "mountain", "border", "island"]
"""Where a commune lies, for targets that differ by zone (Decision 1648/QĐ-TTg): the
plains (đồng bằng), or the mountain, border and island areas (miền núi, biên giới, hải
đảo). A border commune of the mountains is ``border``."""


class District(Model):
    """A district-level unit (huyện, thành phố, thị xã, quận)."""

    code: Code
    name: Text
    kind: DistrictKind | None = None


class Commune(Model):
    """A commune-level unit (xã, phường, thị trấn, đặc khu).

    ``district`` is the code of its district, in eras that have districts.
    ``becomes`` lists the codes of the units of the next era that took its
    territory: one code for a unit kept or merged whole, several for a unit whose
    territory was divided (``split``). ``split`` may also be set with one code when
    the other parts' units are not known. An empty ``becomes`` in an era that was
    followed by another means that what the unit became is not known.
    """

    code: Code
    name: Text
    kind: CommuneKind | None = None
    district: Code | None = None
    zone: Zone | None = None
    becomes: list[Code] = Field(default_factory=list)
    split: bool = False
    note: Text | None = None

    @property
    def is_split(self) -> bool:
        """Whether the unit's territory went to more than one unit of the next era."""
        return self.split or len(set(self.becomes)) > 1


class Era(Model):
    """A span of time during which one set of administrative units was in force.

    ``aliases`` are other ids that name the era, kept when an era is renamed so that
    club files written with the old id stay valid. ``basis`` is the act that put the
    era's units in force.
    """

    id: Ident
    name: Text
    aliases: list[Ident] = Field(default_factory=list)
    valid_from: IsoDate | None = None
    valid_to: IsoDate | None = None
    basis: Text | None = None
    districts: list[District] = Field(default_factory=list)
    communes: list[Commune]

    @model_validator(mode="after")
    def _dates_in_order(self) -> Era:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError(_("an era cannot end before it starts"))
        return self

    def contains(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def names(self, era_id: str) -> bool:
        """Whether ``era_id`` is this era's id or one of its aliases."""
        return era_id == self.id or era_id in self.aliases

    @cached_property
    def _communes_by_code(self) -> dict[str, Commune]:
        found: dict[str, Commune] = {}
        for commune in self.communes:
            found.setdefault(commune.code, commune)
        return found

    @cached_property
    def _districts_by_code(self) -> dict[str, District]:
        found: dict[str, District] = {}
        for district in self.districts:
            found.setdefault(district.code, district)
        return found

    def commune(self, code: str) -> Commune | None:
        """The era's commune with this code (the first one, if the file repeats it)."""
        return self._communes_by_code.get(code)

    def district(self, code: str) -> District | None:
        """The era's district with this code."""
        return self._districts_by_code.get(code)


class Province(Model):
    """``province.yaml``: the province, its default language and its units, era by era.

    ``kind`` says whether it is a province (tỉnh) or a centrally governed city
    (thành phố trực thuộc trung ương), so that outputs can name it as one.
    ``privacy`` holds the purposes of personal data, retention periods and the free
    text fit to share (:mod:`lstg.schema.privacy`).
    """

    name: Text
    kind: ProvinceKind = "tỉnh"
    code: Code
    language: Literal["vi", "en"] = "vi"
    eras: list[Era] = Field(min_length=1)
    privacy: Privacy = Field(default_factory=default_privacy)

    @model_validator(mode="after")
    def _eras_in_order(self) -> Province:
        ids = [name for era in self.eras for name in (era.id, *era.aliases)]
        if len(set(ids)) != len(ids):
            raise ValueError(_("two eras have the same id"))
        for earlier, later in pairwise(self.eras):
            if earlier.valid_to is None or later.valid_from is None:
                raise ValueError(
                    _(
                        "eras follow one another: every era but the last has valid_to, "
                        "every era but the first valid_from"
                    )
                )
            if later.valid_from <= earlier.valid_to:
                raise ValueError(_("eras are listed in date order and do not overlap"))
        return self

    def era(self, era_id: str) -> Era | None:
        """The era with this id or alias."""
        return next((era for era in self.eras if era.names(era_id)), None)

    def era_at(self, day: date) -> Era | None:
        return next((era for era in self.eras if era.contains(day)), None)

    def index(self, era_id: str) -> int | None:
        """The position of the era with this id or alias, oldest first."""
        return next((i for i, era in enumerate(self.eras) if era.names(era_id)), None)
