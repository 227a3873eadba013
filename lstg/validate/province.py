"""The province file's units hold together: codes, districts and links between eras."""

from __future__ import annotations

from itertools import pairwise

from lstg.core.i18n import _
from lstg.core.problems import Problem, error, warning
from lstg.dataset import PROVINCE_FILE, DataSet
from lstg.schema.province import Era


def check_province(dataset: DataSet) -> list[Problem]:
    """Each era's codes are unique, its communes' districts are its own, and every
    ``becomes`` names a unit of the next era; the last era has no ``becomes``."""
    province = dataset.province
    if province is None:
        return []
    problems: list[Problem] = []
    for index, era in enumerate(province.eras):
        problems.extend(_codes(index, era))
    for index, (era, following) in enumerate(pairwise(province.eras)):
        problems.extend(_links(index, era, following))
    last = len(province.eras) - 1
    for row, commune in enumerate(province.eras[-1].communes):
        if commune.becomes:
            problems.append(
                error(
                    PROVINCE_FILE,
                    "province.becomes-in-last-era",
                    _("{name} ({code}) is in the last era, which no era follows.").format(
                        name=commune.name, code=commune.code
                    ),
                    hint=_("Add the era that it became part of, or remove becomes."),
                    where=("eras", last, "communes", row, "becomes"),
                )
            )
    return problems


def _codes(index: int, era: Era) -> list[Problem]:
    problems: list[Problem] = []
    districts = {d.code for d in era.districts}
    seen: set[str] = set()
    for row, district in enumerate(era.districts):
        if district.code in seen:
            problems.append(_duplicate(era, district.code, ("eras", index, "districts", row)))
        seen.add(district.code)
    seen = set()
    for row, commune in enumerate(era.communes):
        where = ("eras", index, "communes", row)
        if commune.code in seen:
            problems.append(_duplicate(era, commune.code, where))
        seen.add(commune.code)
        if era.districts and commune.district not in districts:
            problems.append(
                error(
                    PROVINCE_FILE,
                    "province.unknown-district",
                    _(
                        "{name} ({code}) names the district {district}, not a district of “{era}”."
                    ).format(
                        name=commune.name,
                        code=commune.code,
                        district=commune.district or "—",
                        era=era.id,
                    ),
                    where=(*where, "district"),
                )
            )
    return problems


def _duplicate(era: Era, code: str, where: tuple[str | int, ...]) -> Problem:
    return error(
        PROVINCE_FILE,
        "province.duplicate-code",
        _("Two units of the era “{era}” have the code {code}.").format(era=era.id, code=code),
        where=(*where, "code"),
    )


def _links(index: int, era: Era, following: Era) -> list[Problem]:
    problems: list[Problem] = []
    for row, commune in enumerate(era.communes):
        where = ("eras", index, "communes", row, "becomes")
        for position, code in enumerate(commune.becomes):
            if following.commune(code) is None:
                problems.append(
                    error(
                        PROVINCE_FILE,
                        "province.unknown-successor",
                        _(
                            "{name} ({code}) becomes {target}, which is not a unit of “{era}”."
                        ).format(
                            name=commune.name, code=commune.code, target=code, era=following.id
                        ),
                        where=(*where, position),
                    )
                )
        if not commune.becomes and commune.note is None:
            problems.append(
                warning(
                    PROVINCE_FILE,
                    "province.no-successor",
                    _(
                        "{name} ({code}) has no becomes: clubs there cannot be placed in the"
                        " units of “{era}”."
                    ).format(name=commune.name, code=commune.code, era=following.id),
                    hint=_(
                        "List the units it became, or write a note saying why they are not known."
                    ),
                    where=where[:-1],
                )
            )
    return problems
