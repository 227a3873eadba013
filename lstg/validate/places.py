"""The club's commune: units of the province file, that can be placed in every era.

The rule on eras: a club records its commune in the era in force when it was founded,
or in a later era (records are brought up to date after a reform); an era whose units
were replaced before the club was founded is an error. Each record must name a unit of
its era. Then the club must be placeable in one unit of every era that its figures
can fall in, from its founding on (and in the last era with districts, for reviews by
district made after the reform): a split commune, a new unit made of communes of two
districts, or a commune whose successor is not known is a warning until the club
records its commune in the era concerned.
"""

from __future__ import annotations

from lstg.core.i18n import _
from lstg.core.problems import PathPart, Problem, error, warning
from lstg.domain.places import (
    Step,
    Translation,
    district_era,
    districts_of,
    place_club,
    translate_codes,
)
from lstg.schema import Club, Province
from lstg.schema.club import Place
from lstg.schema.province import Era
from lstg.validate.common import ClubView, shown_date


def check_commune(view: ClubView, province: Province | None) -> list[Problem]:
    """Each recorded commune is a unit of its era, in force by the founding date, and the
    club can be placed in one unit of every era it counts in."""
    club = view.club
    if club is None or province is None:
        return []
    problems: list[Problem] = []
    records: list[tuple[Place, tuple[PathPart, ...]]] = [(club.commune, ("commune",))]
    records += [(p, ("communes", i)) for i, p in enumerate(club.communes)]
    for place, where in records:
        problems.extend(_record(view, province, club, place, where))
    if any(p.is_error for p in problems):
        return problems
    problems.extend(_placement(view, province, club))
    return problems


def _record(
    view: ClubView, province: Province, club: Club, place: Place, where: tuple[PathPart, ...]
) -> list[Problem]:
    era = province.era(place.era)
    if era is None:
        return [
            error(
                view.club_file,
                "club.unknown-era",
                _("The era “{era}” is not one of the province file's eras.").format(era=place.era),
                hint=_("The eras are: {eras}.").format(eras=", ".join(e.id for e in province.eras)),
                where=(*where, "era"),
            )
        ]
    problems: list[Problem] = []
    if era.commune(place.code) is None:
        problems.append(
            error(
                view.club_file,
                "club.unknown-commune",
                _("No commune has the code {code} in the era “{era}”.").format(
                    code=place.code, era=era.id
                ),
                hint=_elsewhere(province, place.code, era.id)
                or _("Look up the commune's code with: lstg place search NAME."),
                where=(*where, "code"),
            )
        )
    if era.valid_to is not None and era.valid_to < club.founded:
        in_force = province.era_at(club.founded)
        problems.append(
            error(
                view.club_file,
                "club.commune-not-in-force",
                _(
                    "The club was founded on {day}, after the units of “{era}” were replaced"
                    " (they were in force until {end})."
                ).format(day=shown_date(club.founded), era=era.id, end=shown_date(era.valid_to)),
                hint=(
                    _("Use the commune's code in the era “{era}”.").format(era=in_force.id)
                    if in_force is not None
                    else None
                ),
                where=(*where, "era"),
            )
        )
    return problems


def _elsewhere(province: Province, code: str, era_id: str) -> str | None:
    """A hint when the code is a commune of another era: the eras reuse codes."""
    for other in province.eras:
        if other.names(era_id):
            continue
        unit = other.commune(code)
        if unit is not None:
            return _("{code} is {name} in the era “{era}”.").format(
                code=code, name=unit.name, era=other.id
            )
    return None


def _eras_to_place(province: Province, club: Club) -> list[tuple[Era, bool]]:
    """The eras the club's figures can fall in, and whether only its district matters there:
    the eras from its founding to its dissolution, and the last era with districts."""
    last_change = club.status_changes[-1] if club.status_changes else None
    dissolved = (
        last_change.date if last_change is not None and last_change.status == "dissolved" else None
    )
    wanted: list[tuple[Era, bool]] = []
    for era in province.eras:
        after_founding = era.valid_to is None or era.valid_to >= club.founded
        before_end = dissolved is None or era.valid_from is None or era.valid_from <= dissolved
        if after_founding and before_end:
            wanted.append((era, False))
    last = district_era(province)
    if last is not None and all(era.id != last.id for era, _district in wanted):
        wanted.append((last, True))
    return wanted


def _placement(view: ClubView, province: Province, club: Club) -> list[Problem]:
    for index, other in enumerate(club.communes):
        if other.code not in translate_codes(province, club.commune, other.era).codes:
            era = province.era(other.era)
            assert era is not None
            return [_unplaced(view, province, club, era, ("communes", index))]
    for era, district_only in _eras_to_place(province, club):
        found = place_club(province, club, era.id)
        if not found.codes:
            return [_unplaced(view, province, club, era)]
        if district_only and len(districts_of(era, found.codes)) <= 1:
            continue
        if len(found.codes) > 1:
            return [_ambiguous(view, province, era, found)]
    return []


def _names(province: Province, era_id: str, codes: tuple[str, ...] | frozenset[str]) -> str:
    era = province.era(era_id)
    names = []
    for code in sorted(codes):
        unit = None if era is None else era.commune(code)
        names.append(f"{unit.name} ({code})" if unit is not None else code)
    return ", ".join(names)


def _ambiguous(view: ClubView, province: Province, era: Era, found: Translation) -> Problem:
    step: Step | None = found.steps[0] if found.steps else None
    if step is not None and step.kind == "untraced":
        code = "club.commune-untraced"
        what = _(
            "The province file does not say which unit took (all of) {name} ({code}, era “{era}”)"
        ).format(name=step.name, code=step.code, era=step.era)
    elif step is not None:
        code = "club.split-commune"
        if step.kind == "split":
            text = _("{name} ({code}, era “{era}”) was divided between several units")
        else:
            text = _("{name} ({code}, era “{era}”) was made of several units")
        what = text.format(name=step.name, code=step.code, era=step.era)
    else:
        code = "club.split-commune"
        what = _("The club's records name several units")
    message = _(
        "{what}: the club may lie in any of {candidates} (era “{era}”) and cannot be counted"
        " in one of them."
    ).format(what=what, candidates=_names(province, era.id, found.codes), era=era.id)
    districts = districts_of(era, found.codes)
    if len(districts) > 1:
        names = sorted(d.name for d in era.districts if d.code in districts)
        message += " " + _("They lie in different districts: {names}.").format(
            names=", ".join(names)
        )
    hint = _(
        "Record in club.yaml the club's commune in the era “{era}”, for example:"
        ' communes: [{{code: "{code}", era: "{era}"}}].'
    ).format(era=era.id, code=sorted(found.codes)[0])
    return warning(view.club_file, code, message, hint=hint, where=("commune",))


def _unplaced(
    view: ClubView,
    province: Province,
    club: Club,
    era: Era,
    where: tuple[PathPart, ...] = ("communes",),
) -> Problem:
    if club.communes:
        return warning(
            view.club_file,
            "club.communes-disagree",
            _(
                "The club's communes in club.yaml lead to no common unit of the era “{era}”:"
                " the province file's links say they are different places."
            ).format(era=era.id),
            hint=_(
                "Check the codes and eras of commune and communes with: lstg place show CODE."
                " If the province file is wrong, correct its becomes lists."
            ),
            where=where,
        )
    return warning(
        view.club_file,
        "club.commune-untraced",
        _(
            "The province file's links lead from the club's commune to no unit of the era “{era}”."
        ).format(era=era.id),
        hint=_("Record in club.yaml the club's commune in the era “{era}” (communes).").format(
            era=era.id
        ),
        where=("commune",),
    )
