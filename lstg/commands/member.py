"""``lstg member add|leave|edit|consent``: keep ``members.yaml``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from lstg.commands._edit_common import DryRunOption, club_arg, data_root, run_edit
from lstg.commands._options import DATE, NUMBER, TEXT, ClubArg, DataOption, checked
from lstg.core.i18n import _
from lstg.edit.members import add_member, edit_member, leave_member
from lstg.edit.values import parse_gender, parse_household

app = typer.Typer(
    help="Add members, record departures, correct member records.", no_args_is_help=True
)

MemberArg = Annotated[str, typer.Argument(metavar="MEMBER", help="The member's id, such as M012.")]


OPTIONS = {
    "id": "--id",
    "name": "--name",
    "gender": "--gender",
    "birth_year": "--birth-year",
    "birth_date": "--birth-date",
    "ethnicity": "--ethnicity",
    "household": "--household",
    "household_certified": "--household-certified",
    "living_alone": "--living-alone",
    "disability": "--disability",
    "joined": "--joined",
    "consent": "--consent",
    "team": "--team",
    "groups": "--group",
    "home_care_volunteer": "--home-care-volunteer",
}
"""What each field of a member is called on the command line, for messages."""


def _fields(
    *,
    name: str | None,
    gender: str | None,
    birth_year: int | None,
    birth_date: date | None,
    ethnicity: str | None,
    household: str | None,
    household_certified: int | None,
    living_alone: bool | None,
    disability: bool | None,
    joined: date | None,
    consent: date | None,
    team: str | None,
    group: list[str] | None,
    home_care_volunteer: bool | None,
) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "name": name,
        "gender": gender,
        "birth_year": birth_year,
        "birth_date": birth_date,
        "ethnicity": ethnicity,
        "household": household,
        "household_certified": household_certified,
        "living_alone": living_alone,
        "disability": disability,
        "joined": joined,
        "consent": consent,
        "team": team,
        "groups": group,
        "home_care_volunteer": home_care_volunteer,
    }
    return {k: v for k, v in fields.items() if v is not None}


NameOpt = Annotated[
    str | None,
    typer.Option("--name", help="Full name: Hoàng Thị Lan.", show_default=False, **TEXT),
]
GenderOpt = Annotated[
    str | None,
    typer.Option(
        "--gender",
        parser=checked(parse_gender),
        metavar="GENDER",
        help="female or male (nữ, nam).",
        show_default=False,
    ),
]
BirthYearOpt = Annotated[
    int | None,
    typer.Option("--birth-year", help="Year of birth.", show_default=False, **NUMBER),
]
BirthDateOpt = Annotated[
    date | None,
    typer.Option("--birth-date", help="Date of birth, if known.", show_default=False, **DATE),
]
EthnicityOpt = Annotated[
    str | None,
    typer.Option("--ethnicity", help="Ethnicity: Tày, Nùng, Kinh …", show_default=False, **TEXT),
]
HouseholdOpt = Annotated[
    str | None,
    typer.Option(
        "--household",
        parser=checked(parse_household),
        metavar="STATUS",
        help="poor, near-poor or none (nghèo, cận nghèo).",
        show_default=False,
    ),
]
CertifiedOpt = Annotated[
    int | None,
    typer.Option(
        "--household-certified",
        help="Year the household was certified.",
        show_default=False,
        **NUMBER,
    ),
]
AloneOpt = Annotated[
    bool | None, typer.Option("--living-alone/--not-living-alone", help="Lives alone.")
]
DisabilityOpt = Annotated[
    bool | None, typer.Option("--disability/--no-disability", help="Has a disability.")
]
JoinedOpt = Annotated[
    date | None, typer.Option("--joined", help="Date joined.", show_default=False, **DATE)
]
ConsentOpt = Annotated[
    date | None,
    typer.Option(
        "--consent", help="Date of consent to keep personal data.", show_default=False, **DATE
    ),
]
TeamOpt = Annotated[
    str | None,
    typer.Option("--team", metavar="ID", help="Team id, from club.yaml.", show_default=False),
]
GroupOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--group", metavar="ID", help="Group id, from club.yaml; repeatable.", show_default=False
    ),
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
        str | None,
        typer.Option(
            "--id",
            metavar="ID",
            help="The member's id (default: the next free one).",
            show_default=False,
        ),
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
) -> int:
    """Add a member at the end of members.yaml."""
    root = data_root(data)
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
        lambda: add_member(root, club, fields, different_person=different_person, labels=OPTIONS),
        dry_run=dry_run,
    )


@app.command("leave")
def leave(
    club: ClubArg,
    member: MemberArg,
    left: Annotated[date, typer.Option("--date", help="Date the member left.", **DATE)],
    reason: Annotated[str, typer.Option("--reason", help="Why: Chuyển nơi ở, Qua đời …", **TEXT)],
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> int:
    """Record that a member left the club."""
    root = data_root(data)
    club = club_arg(club, root)
    return run_edit(
        root, club, lambda: leave_member(root, club, member, left, reason), dry_run=dry_run
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
) -> int:
    """Change fields of a member; every other line stays as it is."""
    root = data_root(data)
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
    return run_edit(
        root, club, lambda: edit_member(root, club, member, fields, OPTIONS), dry_run=dry_run
    )


def _parse_kind(value: str) -> str:
    from lstg.edit.consent import parse_kind

    return parse_kind(value)


def _parse_method(value: str) -> str:
    from lstg.edit.consent import parse_method

    return parse_method(value)


@app.command("consent")
def consent_(
    club: ClubArg,
    member: MemberArg,
    on: Annotated[
        date,
        typer.Option(
            "--date",
            help="The day the consent was given, or withdrawn.",
            show_default=False,
            **DATE,
        ),
    ],
    purpose: Annotated[
        list[str] | None,
        typer.Option(
            "--purpose",
            metavar="PURPOSE",
            help="A purpose from the province file (management, health …); repeatable.",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            parser=checked(_parse_kind),
            metavar="KIND",
            help="Kind of data covered: basic, ethnicity, health, household; repeatable "
            "(default: the kinds of the purposes).",
            show_default=False,
        ),
    ] = None,
    method: Annotated[
        str | None,
        typer.Option(
            "--method",
            parser=checked(_parse_method),
            metavar="METHOD",
            help="How it was given: paper, recording, electronic.",
            show_default=False,
        ),
    ] = None,
    evidence: Annotated[
        str | None,
        typer.Option(
            "--evidence",
            help="The evidence: form number in the club's book, a file.",
            show_default=False,
            **TEXT,
        ),
    ] = None,
    recorded_by: Annotated[
        str | None,
        typer.Option(
            "--recorded-by",
            help="Who recorded it (a board member's id).",
            show_default=False,
            **TEXT,
        ),
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
) -> int:
    """Record a member's consent, with its purposes, kinds, method and evidence, or its
    withdrawal."""
    from lstg.dataset.loader import load_province
    from lstg.edit.consent import record_consent, withdraw_consent

    root = data_root(data)
    club = club_arg(club, root)
    kinds = list(dict.fromkeys(kind or []))
    purposes = list(dict.fromkeys(purpose or []))
    if withdraw:
        return run_edit(
            root,
            club,
            lambda: withdraw_consent(
                root,
                club,
                member,
                day=on,
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
        "date": on,
        "purposes": purposes,
        "kinds": kinds,
        "method": method,
        "evidence": evidence,
        "recorded_by": recorded_by,
    }
    return run_edit(root, club, lambda: record_consent(root, club, member, fields), dry_run=dry_run)
