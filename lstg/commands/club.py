"""``lstg club``: start a club folder and set it up: funds, teams, groups, board."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from lstg.commands._edit_common import (
    DryRunOption,
    club_arg,
    coded,
    data_root,
    day,
    maybe_day,
    run_edit,
)
from lstg.commands._options import ClubArg, DataOption, LangOption
from lstg.edit.club_setup import (
    add_fund,
    add_unit,
    edit_fund,
    end_board,
    rename_unit,
    set_board,
    split_item,
)
from lstg.edit.clubs import new_club
from lstg.vocabulary import FUND, ROLE

app = typer.Typer(
    help="Create clubs and set them up: funds, teams, groups, board.", no_args_is_help=True
)
fund_app = typer.Typer(help="Open the club's funds and change them.", no_args_is_help=True)
team_app = typer.Typer(help="Add and rename the club's teams (tổ).", no_args_is_help=True)
group_app = typer.Typer(help="Add and rename the club's groups (nhóm).", no_args_is_help=True)
board_app = typer.Typer(help="Give board roles to members, end them.", no_args_is_help=True)
app.add_typer(fund_app, name="fund")
app.add_typer(team_app, name="team")
app.add_typer(group_app, name="group")
app.add_typer(board_app, name="board")

FundArg = Annotated[
    str,
    typer.Argument(metavar="FUND", help="income or activity (Quỹ tăng thu nhập, Quỹ hoạt động)."),
]
MemberArg = Annotated[str, typer.Argument(metavar="MEMBER", help="The member's id, such as M001.")]
IdArg = Annotated[str, typer.Argument(metavar="ID", help="Its id, which members name: T1.")]
NameArg = Annotated[str, typer.Argument(metavar="NAME", help="Its name: Tổ 1 (thôn Pò Mỏ).")]
RegulationsOpt = Annotated[
    str | None,
    typer.Option(
        "--regulations", help="Day the club adopted the regulations (quy chế) of its funds."
    ),
]


def _fund_option(values: list[str], default: date) -> dict[str, date]:
    """``--fund KIND`` or ``--fund KIND=DATE``, by fund: the day each was opened."""
    funds: dict[str, date] = {}
    for value in values:
        kind, _sep, when = value.partition("=")
        code = coded(FUND, kind, "--fund")
        funds[code] = day(when.strip(), "--fund") if when.strip() else default
    return funds


@app.command("new")
def new(
    club: Annotated[
        str,
        typer.Argument(metavar="CLUB", help="The club's id, its folder name: chi-lang-dong-mo."),
    ],
    name: Annotated[str, typer.Option("--name", help="The club's full name.")],
    commune: Annotated[
        str,
        typer.Option(
            "--commune", help='The commune code, such as "06463" (lstg place search NAME).'
        ),
    ],
    founded: Annotated[str, typer.Option("--founded", help="Founding date (dd/mm/yyyy).")],
    era: Annotated[
        str | None,
        typer.Option("--era", help="Era of the commune code (default: the era of --founded)."),
    ] = None,
    launched: Annotated[
        str | None, typer.Option("--launched", help="Launch date (lễ ra mắt), if held.")
    ] = None,
    fund: Annotated[
        list[str] | None,
        typer.Option(
            "--fund",
            help="A fund the club opens: income or activity, opened at the launch (or the "
            "founding), or on a day: --fund income=20/11/2018. Repeatable.",
        ),
    ] = None,
    regulations: RegulationsOpt = None,
    team: Annotated[
        list[str] | None,
        typer.Option(
            "--team",
            help='A team: "T1=Tổ 1 (thôn Pò Mỏ)", or its name alone (ids T1, T2 …). Repeatable.',
        ),
    ] = None,
    group: Annotated[
        list[str] | None,
        typer.Option(
            "--group",
            help='A group: "suc-khoe=Nhóm chăm sóc sức khỏe", or its name alone. Repeatable.',
        ),
    ] = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> int:
    """Create a club folder with its club.yaml (teams, groups, funds) and an empty members
    list; give board roles once members are added, with lstg club board set."""
    root = data_root(data, lang)
    club = club_arg(club, root, new=True)
    founded_on, launched_on = day(founded, "--founded"), maybe_day(launched, "--launched")
    funds = _fund_option(fund or [], launched_on or founded_on)
    teams: list[tuple[str, str]] = []
    for text in team or []:
        teams.append(split_item(text, prefix="T", taken=[t for t, _n in teams]))
    groups: list[tuple[str, str]] = []
    for text in group or []:
        groups.append(split_item(text, prefix="", taken=[g for g, _n in groups]))
    return run_edit(
        root,
        club,
        lambda: new_club(
            root,
            club,
            name=name,
            commune=commune.strip(),
            era=era,
            founded=founded_on,
            launched=launched_on,
            teams=teams,
            groups=groups,
            funds=funds,
            fund_regulations=maybe_day(regulations, "--regulations"),
        ),
        dry_run=dry_run,
    )


@fund_app.command("add")
def fund_add(
    club: ClubArg,
    fund: FundArg,
    opened: Annotated[str, typer.Option("--opened", help="Day the fund was opened.")],
    name: Annotated[
        str | None, typer.Option("--name", help="Its name (default: Quỹ tăng thu nhập …).")
    ] = None,
    regulations: RegulationsOpt = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> int:
    """Open one of the club's two funds."""
    root = data_root(data, lang)
    club = club_arg(club, root)
    code = coded(FUND, fund, "FUND")
    opened_on, adopted = day(opened, "--opened"), maybe_day(regulations, "--regulations")
    return run_edit(
        root,
        club,
        lambda: add_fund(root, club, code, opened=opened_on, name=name, regulations=adopted),
        dry_run=dry_run,
    )


@fund_app.command("edit")
def fund_edit(
    club: ClubArg,
    fund: FundArg,
    opened: Annotated[str | None, typer.Option("--opened", help="Day the fund was opened.")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Its name.")] = None,
    regulations: RegulationsOpt = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> int:
    """Change a fund's name or opening day, or the day of the funds' regulations."""
    root = data_root(data, lang)
    club = club_arg(club, root)
    code = coded(FUND, fund, "FUND")
    opened_on, adopted = maybe_day(opened, "--opened"), maybe_day(regulations, "--regulations")
    return run_edit(
        root,
        club,
        lambda: edit_fund(root, club, code, opened=opened_on, name=name, regulations=adopted),
        dry_run=dry_run,
    )


def _unit_commands(sub: typer.Typer, kind: str, add_help: str, rename_help: str) -> None:
    @sub.command("add", help=add_help)
    def add(
        club: ClubArg,
        item_id: IdArg,
        name: NameArg,
        dry_run: DryRunOption = False,
        data: DataOption = None,
        lang: LangOption = None,
    ) -> int:
        root = data_root(data, lang)
        club = club_arg(club, root)
        return run_edit(
            root, club, lambda: add_unit(root, club, kind, item_id, name), dry_run=dry_run
        )

    @sub.command("rename", help=rename_help)
    def rename(
        club: ClubArg,
        item_id: IdArg,
        name: NameArg,
        dry_run: DryRunOption = False,
        data: DataOption = None,
        lang: LangOption = None,
    ) -> int:
        root = data_root(data, lang)
        club = club_arg(club, root)
        return run_edit(
            root, club, lambda: rename_unit(root, club, kind, item_id, name), dry_run=dry_run
        )


_unit_commands(team_app, "teams", "Add a team to club.yaml.", "Rename a team; its id stays.")
_unit_commands(group_app, "groups", "Add a group to club.yaml.", "Rename a group; its id stays.")


@board_app.command("set")
def board_set(
    club: ClubArg,
    member: MemberArg,
    role: Annotated[
        str,
        typer.Argument(
            metavar="ROLE",
            help="chair, vice-chair, accountant, treasurer or member (Chủ nhiệm, "
            "Phó Chủ nhiệm, Kế toán, Thủ quỹ, Ủy viên).",
        ),
    ],
    start: Annotated[str, typer.Option("--start", help="Day the member takes the role.")],
    dry_run: DryRunOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> int:
    """Give a member a board role from a day; the member's earlier seat, and the seat of
    whoever was chair, accountant or treasurer before, end the day before."""
    root = data_root(data, lang)
    club = club_arg(club, root)
    code = coded(ROLE, role, "ROLE")
    when = day(start, "--start")
    return run_edit(root, club, lambda: set_board(root, club, member, code, when), dry_run=dry_run)


@board_app.command("end")
def board_end(
    club: ClubArg,
    member: MemberArg,
    date_: Annotated[str, typer.Option("--date", help="Last day on the board.")],
    dry_run: DryRunOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> int:
    """End a member's seat on the board."""
    root = data_root(data, lang)
    club = club_arg(club, root)
    when = day(date_, "--date")
    return run_edit(root, club, lambda: end_board(root, club, member, when), dry_run=dry_run)
