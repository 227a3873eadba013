"""The club's commune: a unit of the province file that existed when the club was founded."""

from __future__ import annotations

from lstg.checks.common import ClubView, iso
from lstg.i18n import _
from lstg.problems import Problem, error
from lstg.schema import Province


def check_commune(view: ClubView, province: Province | None) -> list[Problem]:
    """The commune's era is known and in force on the founding date, and has the code."""
    club = view.club
    if club is None or province is None:
        return []
    place = club.commune
    era = province.era(place.era)
    if era is None:
        return [
            error(
                view.club_file,
                "club.unknown-era",
                _("The era “{era}” is not one of the province file's eras.").format(era=place.era),
                hint=_("The eras are: {eras}.").format(eras=", ".join(e.id for e in province.eras)),
                where=("commune", "era"),
            )
        ]
    problems: list[Problem] = []
    unit = next((c for c in era.communes if c.code == place.code), None)
    if unit is None:
        problems.append(
            error(
                view.club_file,
                "club.unknown-commune",
                _("No commune has the code {code} in the era “{era}”.").format(
                    code=place.code, era=era.id
                ),
                hint=_elsewhere(province, place.code, era.id)
                or _("Look up the commune's code in {file}.").format(file="province.yaml"),
                where=("commune", "code"),
            )
        )
    if not era.contains(club.founded):
        in_force = province.era_at(club.founded)
        problems.append(
            error(
                view.club_file,
                "club.commune-not-in-force",
                _(
                    "The club was founded on {day}, when the units of “{era}” were not in force."
                ).format(day=iso(club.founded), era=era.id),
                hint=(
                    _("Use the commune's code in the era “{era}”.").format(era=in_force.id)
                    if in_force is not None
                    else None
                ),
                where=("commune", "era"),
            )
        )
    return problems


def _elsewhere(province: Province, code: str, era_id: str) -> str | None:
    """A hint when the code is a commune of another era: the eras reuse codes."""
    for other in province.eras:
        if other.id == era_id:
            continue
        unit = next((c for c in other.communes if c.code == code), None)
        if unit is not None:
            return _("{code} is {name} in the era “{era}”.").format(
                code=code, name=unit.name, era=other.id
            )
    return None
