"""One set of options: each shared option has one name, placeholder, help and parser in every
command; every date takes dd/mm/yyyy and YYYY-MM-DD, every amount 1.000.000."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import typer
from cli_run import invoke
from conftest_edit import CLUB, TODAY, make_data
from conftest_report import write_small_data

from lstg.cli import app as cli
from lstg.cli.translate import walk
from lstg.commands import _options

SHARED = {
    "--data",
    "--format",
    "--as-of",
    "--period",
    "--plan",
    "--province",
    "--district",
    "--commune",
    "--club",
    "--output",
}


def _parser(param: Any) -> Any:
    """The function that parses the option's text, whichever Typer built it."""
    info = getattr(getattr(param, "type_descriptor", None), "parameter_info", None)
    if info is not None:
        return info.parser
    return getattr(param.type, "func", None)


def _options_by_name() -> dict[str, list[tuple[str, Any]]]:
    app = cli._app()
    cli._register(app)
    found: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for command in walk(typer.main.get_command(app)):
        for param in command.params:
            long = [o for o in getattr(param, "opts", []) if o.startswith("--")]
            if long and not param.hidden:
                found[long[0]].append((command.name, param))
    return found


def test_each_shared_option_is_declared_once() -> None:
    options = _options_by_name()
    for name in SHARED:
        # club new's --commune is a field of the new club (its code), not a scope.
        uses = [(c, p) for c, p in options[name] if (c, name) != ("new", "--commune")]
        assert len(uses) >= 2, name
        helps = {p.help for _c, p in uses}
        assert len(helps) == 1, (name, helps)
        if name != "--format":
            assert len({p.metavar for _c, p in uses}) == 1, name
            assert len({_parser(p) for _c, p in uses}) == 1, name
    for _command, param in options["--format"]:
        assert param.metavar and "|" in param.metavar


def test_the_options_of_the_program_are_declared_once_for_every_command() -> None:
    options = _options_by_name()
    for name in ("--lang", "--debug", "--no-cache"):
        assert [command for command, _param in options[name]] == ["lstg"], name


def test_every_option_with_a_value_names_its_placeholder() -> None:
    for name, uses in _options_by_name().items():
        for command, param in uses:
            if not param.is_flag and not param.count:
                assert param.metavar, (command, name)


def test_every_date_and_amount_option_has_the_one_parser() -> None:
    for name, uses in _options_by_name().items():
        for command, param in uses:
            if param.metavar == "DATE":
                assert _parser(param) is _options.date_value, (command, name)
            if param.metavar == "AMOUNT":
                assert _parser(param) is _options.amount_value, (command, name)
    assert _options.date_value("30/11/2020") == _options.date_value("2020-11-30")
    assert _options.date_value("30/11/2020") == date(2020, 11, 30)
    assert _options.amount_value("1.000.000") == 1_000_000


def test_as_of_takes_either_way_of_writing_a_date(tmp_path: Path) -> None:
    root = write_small_data(tmp_path / "data")
    env = {"LSTG_TODAY": "2026-01-15", "LSTG_GENERATED_AT": "2020-12-01T08:15:00+00:00"}
    for command in (["report", "--province"], ["check"]):
        iso = invoke(*command, "--as-of", "2020-11-30", "--data", str(root), env=env)
        vietnamese = invoke(*command, "--as-of", "30/11/2020", "--data", str(root), env=env)
        assert iso.code == 0, iso.stderr
        assert vietnamese.stdout == iso.stdout


def test_editing_takes_vietnamese_dates_and_amounts(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    ran = invoke(
        "loan",
        "repay",
        CLUB,
        "L001",
        "--date",
        "15/09/2019",
        "--principal",
        "1.500.000",
        "--interest",
        "45.000",
        "--data",
        str(root),
        "--dry-run",
        "--lang",
        "en",
        env={"LSTG_TODAY": TODAY},
    )
    assert ran.code == 0, ran.stderr
    assert "+    - {date: 2019-09-15, principal: 1500000, interest: 45000}" in ran.stdout


def test_messages_go_to_stderr_and_results_to_stdout(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    env = {"LSTG_TODAY": TODAY}
    added = invoke(
        "member",
        "add",
        CLUB,
        "--name",
        "Lò Văn Tâm",
        "--gender",
        "nam",
        "--birth-year",
        "1950",
        "--joined",
        "01/02/2020",
        "--data",
        str(root),
        "--lang",
        "en",
        env=env,
    )
    assert added.code == 0, added.stderr
    assert added.stdout == ""
    assert "added member" in added.stderr
    dry = invoke(
        "member",
        "edit",
        CLUB,
        "M001",
        "--name",
        "Hoàng Thị Lành",
        "--dry-run",
        "--data",
        str(root),
        "--lang",
        "en",
        env=env,
    )
    assert dry.stdout.startswith("--- ")
    assert "Dry run: nothing was written." in dry.stderr
    out = tmp_path / "m.csv"
    exported = invoke(
        "export",
        "members",
        "--club",
        CLUB,
        "-o",
        str(out),
        "--data",
        str(root),
        "--lang",
        "en",
        env=env,
    )
    assert (exported.stdout, exported.stderr) == (
        "",
        f"Wrote 4 rows to {out}.\n{out} holds personal data: only its owner may read it "
        "(permissions 600); delete it when it has served.\n",
    )


@pytest.mark.parametrize("club_first", [True, False])
def test_export_takes_club_like_every_other_command(tmp_path: Path, club_first: bool) -> None:
    root = make_data(tmp_path)
    args = (
        ["--club", CLUB, "--data", str(root)]
        if club_first
        else ["--data", str(root), "--club", CLUB]
    )
    assert invoke("export", "members", *args, env={"LSTG_TODAY": TODAY}).code == 0
    both = invoke("export", "members", "--province", "--club", CLUB, "--data", str(root))
    assert both.code == 2
