"""``lstg member add|leave|edit|consent``: keep ``members.yaml``."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from lstg.commands._edit_common import (
    DryRunOption,
    club_arg,
    data_root,
    day,
    maybe_day,
    parsed,
    run_edit,
)
from lstg.commands._options import ClubArg, DataOption, LangOption
from lstg.edit.members import add_member, edit_member, leave_member
from lstg.edit.values import parse_gender, parse_household
from lstg.i18n import _

app = typer.Typer(
    help="Add members, record departures, correct member records.", no_args_is_help=True
)

MemberArg = Annotated[str, typer.Argument(metavar="MEMBER", help="The member's id, such as M012.")]


def _fields(
    *,
    name: str | None,
    gender: str | None,
    birth_year: int | None,
    birth_date: str | None,
    ethnicity: str | None,
    household: str | None,
    household_certified: int | None,
    living_alone: bool | None,
    disability: bool | None,
    joined: str | None,
    consent: str | None,
    team: str | None,
    group: list[str] | None,
    home_care_volunteer: bool | None,
) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "name": name,
        "gender": None if gender is None else parsed(parse_gender, gender, "--gender"),
        "birth_year": birth_year,
        "birth_date": maybe_day(birth_date, "--birth-date"),
        "ethnicity": ethnicity,
        "household": None
        if household is None
        else parsed(parse_household, household, "--household"),
        "household_certified": household_certified,
        "living_alone": living_alone,
        "disability": disability,
        "joined": maybe_day(joined, "--joined"),
        "consent": maybe_day(consent, "--consent"),
        "team": team,
        "groups": group,
        "home_care_volunteer": home_care_volunteer,
    }
    return {k: v for k, v in fields.items() if v is not None}


NameOpt = Annotated[str | None, typer.Option("--name", help="Full name: Hoàng Thị Lan.")]
GenderOpt = Annotated[str | None, typer.Option("--gender", help="female or male (nữ, nam).")]
BirthYearOpt = Annotated[int | None, typer.Option("--birth-year", help="Year of birth.")]
BirthDateOpt = Annotated[str | None, typer.Option("--birth-date", help="Date of birth, if known.")]
EthnicityOpt = Annotated[
    str | None, typer.Option("--ethnicity", help="Ethnicity: Tày, Nùng, Kinh …")
]
HouseholdOpt = Annotated[
    str | None, typer.Option("--household", help="poor, near-poor or none (nghèo, cận nghèo).")
]
CertifiedOpt = Annotated[
    int | None, typer.Option("--household-certified", help="Year the household was certified.")
]
AloneOpt = Annotated[
    bool | None, typer.Option("--living-alone/--not-living-alone", help="Lives alone.")
]
DisabilityOpt = Annotated[
    bool | None, typer.Option("--disability/--no-disability", help="Has a disability.")
]
JoinedOpt = Annotated[str | None, typer.Option("--joined", help="Date joined (dd/mm/yyyy).")]
ConsentOpt = Annotated[
    str | None, typer.Option("--consent", help="Date of consent to keep personal data.")
]
TeamOpt = Annotated[str | None, typer.Option("--team", help="Team id, from club.yaml.")]
GroupOpt = Annotated[
    list[str] | None, typer.Option("--group", help="Group id, from club.yaml; repeatable.")
]
VolunteerOpt = Annotated[
    bool | None,
    typer.Option("--home-care-volunteer/--not-home-care-volunteer", help="Home-care volunteer."),
]


@app.command("add")
def add(
    club: ClubArg,
    name: NameOpt = None,
    gender: GenderOpt = None,
    birth_year: BirthYearOpt = None,
    birth_date: BirthDateOpt = None,
    ethnicity: EthnicityOpt = None,
    household: HouseholdOpt = None,
    household_certified: CertifiedOpt = None,
    living_alone: AloneOpt = None,
    disability: DisabilityOpt = None,
    joined: JoinedOpt = None,
    consent: ConsentOpt = None,
    team: TeamOpt = None,
    group: GroupOpt = None,
    home_care_volunteer: VolunteerOpt = None,
    member_id: Annotated[
        str | None, typer.Option("--id", help="The member's id (default: the next free one).")
    ] = None,
    different_person: Annotated[
        bool,
        typer.Option(
            "--different-person",
            help="Add the member although one with the same name and year of birth is "
            "already in the club: they are two people.",
        ),
    ] = False,
    dry_run: DryRunOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> int:
    """Add a member at the end of members.yaml."""
    root = data_root(data, lang)
    club = club_arg(club, root)
    fields = _fields(
        name=name,
        gender=gender,
        birth_year=birth_year,
        birth_date=birth_date,
        ethnicity=ethnicity,
        household=household,
        household_certified=household_certified,
        living_alone=living_alone,
        disability=disability,
        joined=joined,
        consent=consent,
        team=team,
        group=group,
        home_care_volunteer=home_care_volunteer,
    )
    if member_id is not None:
        fields["id"] = member_id
    return run_edit(
        root,
        club,
        lambda: add_member(root, club, fields, different_person=different_person),
        dry_run=dry_run,
    )


@app.command("leave")
def leave(
    club: ClubArg,
    member: MemberArg,
    date: Annotated[str, typer.Option("--date", help="Date the member left (dd/mm/yyyy).")],
    reason: Annotated[str, typer.Option("--reason", help="Why: Chuyển nơi ở, Qua đời …")],
    dry_run: DryRunOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> int:
    """Record that a member left the club."""
    root = data_root(data, lang)
    club = club_arg(club, root)
    when = day(date, "--date")
    return run_edit(
        root, club, lambda: leave_member(root, club, member, when, reason), dry_run=dry_run
    )


@app.command("edit")
def edit(
    club: ClubArg,
    member: MemberArg,
    name: NameOpt = None,
    gender: GenderOpt = None,
    birth_year: BirthYearOpt = None,
    birth_date: BirthDateOpt = None,
    ethnicity: EthnicityOpt = None,
    household: HouseholdOpt = None,
    household_certified: CertifiedOpt = None,
    living_alone: AloneOpt = None,
    disability: DisabilityOpt = None,
    joined: JoinedOpt = None,
    consent: ConsentOpt = None,
    team: TeamOpt = None,
    group: GroupOpt = None,
    home_care_volunteer: VolunteerOpt = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> int:
    """Change fields of a member; every other line stays as it is."""
    root = data_root(data, lang)
    club = club_arg(club, root)
    fields = _fields(
        name=name,
        gender=gender,
        birth_year=birth_year,
        birth_date=birth_date,
        ethnicity=ethnicity,
        household=household,
        household_certified=household_certified,
        living_alone=living_alone,
        disability=disability,
        joined=joined,
        consent=consent,
        team=team,
        group=group,
        home_care_volunteer=home_care_volunteer,
    )
    return run_edit(root, club, lambda: edit_member(root, club, member, fields), dry_run=dry_run)


@app.command("consent")
def consent_(
    club: ClubArg,
    member: MemberArg,
    date: Annotated[
        str, typer.Option("--date", help="Day the consent was given, or withdrawn (dd/mm/yyyy).")
    ],
    purpose: Annotated[
        list[str] | None,
        typer.Option(
            "--purpose", help="A purpose from the province file (management, health …); repeatable."
        ),
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            help="Kind of data covered: basic, ethnicity, health, household; repeatable "
            "(default: the kinds of the purposes).",
        ),
    ] = None,
    method: Annotated[
        str | None,
        typer.Option("--method", help="How it was given: paper, recording, electronic."),
    ] = None,
    evidence: Annotated[
        str | None,
        typer.Option("--evidence", help="The evidence: form number in the club's book, a file."),
    ] = None,
    recorded_by: Annotated[
        str | None, typer.Option("--recorded-by", help="Who recorded it (a board member's id).")
    ] = None,
    withdraw: Annotated[
        bool,
        typer.Option(
            "--withdraw",
            help="Record a withdrawal (of the given --kind and --purpose, else of everything).",
        ),
    ] = False,
    dry_run: DryRunOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> int:
    """Record a member's consent, with its purposes, kinds, method and evidence, or its
    withdrawal."""
    from lstg.edit.consent import parse_kind, parse_method, record_consent, withdraw_consent
    from lstg.loader import load_province

    root = data_root(data, lang)
    club = club_arg(club, root)
    when = day(date, "--date")
    kinds = [parsed(parse_kind, k, "--kind") for k in kind or []]
    purposes = list(dict.fromkeys(purpose or []))
    if withdraw:
        return run_edit(
            root,
            club,
            lambda: withdraw_consent(
                root,
                club,
                member,
                day=when,
                kinds=kinds,
                purposes=purposes,
                evidence=evidence,
                recorded_by=recorded_by,
            ),
            dry_run=dry_run,
        )
    missing = [
        option
        for option, value in (
            ("--purpose", purposes),
            ("--method", method),
            ("--evidence", evidence),
            ("--recorded-by", recorded_by),
        )
        if not value
    ]
    if missing:
        raise typer.BadParameter(
            _("a consent states {options}").format(options=", ".join(missing)),
            param_hint=missing[0],
        )
    if not kinds:
        privacy = load_province(root).privacy
        for purpose_id in purposes:
            found = privacy.purpose(purpose_id)
            kinds += [k for k in (found.kinds if found else []) if k not in kinds]
    fields = {
        "date": when,
        "purposes": purposes,
        "kinds": kinds,
        "method": parsed(parse_method, method or "", "--method"),
        "evidence": evidence,
        "recorded_by": recorded_by,
    }
    return run_edit(root, club, lambda: record_consent(root, club, member, fields), dry_run=dry_run)
