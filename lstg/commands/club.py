"""``lstg club``: start a club folder and set it up: funds, teams, groups, board."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from lstg.commands._edit_common import DryRunOption, club_arg, data_root, run_edit
from lstg.commands._options import DATE, TEXT, ClubArg, DataOption, coded, date_value
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
    typer.Argument(
        help="income or activity (Quỹ tăng thu nhập, Quỹ hoạt động).", **coded("fund", "FUND")
    ),
]
MemberArg = Annotated[str, typer.Argument(metavar="MEMBER", help="The member's id, such as M001.")]
IdArg = Annotated[str, typer.Argument(metavar="ID", help="Its id, which members name: T1.")]
NameArg = Annotated[str, typer.Argument(metavar="NAME", help="Its name: Tổ 1 (thôn Pò Mỏ).")]
RegulationsOpt = Annotated[
    date | None,
    typer.Option(
        "--regulations",
        help="The day the club adopted the regulations (quy chế) of its funds.",
        show_default=False,
        **DATE,
    ),
]


def _fund_option(values: list[str], default: date) -> dict[str, date]:
    """``--fund KIND`` or ``--fund KIND=DATE``, by fund: the day each was opened."""
    fund = coded("fund", "FUND")["parser"]
    funds: dict[str, date] = {}
    for value in values:
        kind, _sep, when = value.partition("=")
        funds[fund(kind)] = date_value(when.strip()) if when.strip() else default
    return funds


@app.command("new")
def new(
    club: Annotated[
        str,
        typer.Argument(metavar="CLUB", help="The club's id, its folder name: chi-lang-dong-mo."),
    ],
    name: Annotated[str, typer.Option("--name", help="The club's full name.", **TEXT)],
    commune: Annotated[
        str,
        typer.Option(
            "--commune",
            metavar="CODE",
            help='The commune code, such as "06463" (lstg place search NAME finds it).',
        ),
    ],
    founded: Annotated[date, typer.Option("--founded", help="The founding date.", **DATE)],
    era: Annotated[
        str | None,
        typer.Option(
            "--era",
            metavar="ERA",
            help="The era of the commune code (default: the era of --founded).",
            show_default=False,
        ),
    ] = None,
    launched: Annotated[
        date | None,
        typer.Option(
            "--launched", help="The launch date (lễ ra mắt), if held.", show_default=False, **DATE
        ),
    ] = None,
    fund: Annotated[
        list[str] | None,
        typer.Option(
            "--fund",
            metavar="FUND[=DATE]",
            help="A fund the club opens: income or activity, opened at the launch (or the "
            "founding), or on a day: --fund income=20/11/2018. Repeatable.",
            show_default=False,
        ),
    ] = None,
    regulations: RegulationsOpt = None,
    team: Annotated[
        list[str] | None,
        typer.Option(
            "--team",
            metavar="[ID=]NAME",
            help='A team: "T1=Tổ 1 (thôn Pò Mỏ)", or its name alone (ids T1, T2 …). Repeatable.',
            show_default=False,
        ),
    ] = None,
    group: Annotated[
        list[str] | None,
        typer.Option(
            "--group",
            metavar="[ID=]NAME",
            help='A group: "suc-khoe=Nhóm chăm sóc sức khỏe", or its name alone. Repeatable.',
            show_default=False,
        ),
    ] = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> int:
    """Create a club folder with its club.yaml (teams, groups, funds) and an empty members
    list; give board roles once members are added, with lstg club board set."""
    root = data_root(data)
    club = club_arg(club, root, new=True)
    funds = _fund_option(fund or [], launched or founded)
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
            founded=founded,
            launched=launched,
            teams=teams,
            groups=groups,
            funds=funds,
            fund_regulations=regulations,
        ),
        dry_run=dry_run,
    )


@fund_app.command("add")
def fund_add(
    club: ClubArg,
    fund: FundArg,
    opened: Annotated[date, typer.Option("--opened", help="The day the fund opened.", **DATE)],
    name: Annotated[
        str | None,
        typer.Option(
            "--name", help="Its name (default: Quỹ tăng thu nhập …).", show_default=False, **TEXT
        ),
    ] = None,
    regulations: RegulationsOpt = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> int:
    """Open one of the club's two funds."""
    root = data_root(data)
    club = club_arg(club, root)
    return run_edit(
        root,
        club,
        lambda: add_fund(root, club, fund, opened=opened, name=name, regulations=regulations),
        dry_run=dry_run,
    )


@fund_app.command("edit")
def fund_edit(
    club: ClubArg,
    fund: FundArg,
    opened: Annotated[
        date | None,
        typer.Option("--opened", help="The day the fund opened.", show_default=False, **DATE),
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", help="Its name.", show_default=False, **TEXT)
    ] = None,
    regulations: RegulationsOpt = None,
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> int:
    """Change a fund's name or opening day, or the day of the funds' regulations."""
    root = data_root(data)
    club = club_arg(club, root)
    return run_edit(
        root,
        club,
        lambda: edit_fund(root, club, fund, opened=opened, name=name, regulations=regulations),
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
    ) -> int:
        root = data_root(data)
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
    ) -> int:
        root = data_root(data)
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
            help="chair, vice-chair, accountant, treasurer or member (Chủ nhiệm, "
            "Phó Chủ nhiệm, Kế toán, Thủ quỹ, Ủy viên).",
            **coded("role", "ROLE"),
        ),
    ],
    start: Annotated[date, typer.Option("--start", help="The day the role starts.", **DATE)],
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> int:
    """Give a member a board role from a day; the member's earlier seat, and the seat of
    whoever was chair, accountant or treasurer before, end the day before."""
    root = data_root(data)
    club = club_arg(club, root)
    return run_edit(root, club, lambda: set_board(root, club, member, role, start), dry_run=dry_run)


@board_app.command("end")
def board_end(
    club: ClubArg,
    member: MemberArg,
    last: Annotated[date, typer.Option("--date", help="The last day on the board.", **DATE)],
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> int:
    """End a member's seat on the board."""
    root = data_root(data)
    club = club_arg(club, root)
    return run_edit(root, club, lambda: end_board(root, club, member, last), dry_run=dry_run)
