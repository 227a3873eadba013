"""Options and arguments that several commands share, each declared once here.

Each shared option has one name, one placeholder, one help text and one parser,
and means the same in every command. Values are parsed here, with lstg's own
parsers (dates as dd/mm/yyyy or YYYY-MM-DD, amounts as 1.000.000), so that a bad
value gets lstg's message in the user's language, whichever version of Typer is
installed. Help texts are English source strings; :mod:`lstg.cli.translate`
translates them when the command line is built.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from lstg.core import clock
from lstg.core.i18n import _, requested_language, set_language

if TYPE_CHECKING:
    from lstg.domain.periods import Period
else:
    # The parser gives a lstg.domain.periods.Period; that module loads the models, which
    # listing the commands need not load.
    Period = object

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


class Language(StrEnum):
    VI = "vi"
    EN = "en"


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def checked(parse: Callable[[Any], T]) -> Callable[[Any], T]:
    """``parse``, its ``ValueError`` turned into a usage error of the option it parses."""

    def parser(value: Any) -> T:
        try:
            return parse(value)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None

    parser.__name__ = getattr(parse, "__name__", "parser")
    return parser


def choice(kind: type[E]) -> Callable[[Any], E]:
    """A parser of one of ``kind``'s values, written in any case."""

    def parser(value: Any) -> E:
        if isinstance(value, kind):
            return value
        text = str(value).strip().lower()
        for item in kind:
            if item.value == text:
                return item
        raise typer.BadParameter(
            _("“{value}” is not one of: {choices}.").format(
                value=value, choices=", ".join(item.value for item in kind)
            )
        )

    return parser


# The parsers import what they use when first called, so that listing the commands
# (``lstg --help``) loads neither the models nor the editor.


@checked
def date_value(value: Any) -> date:
    """A date, written dd/mm/yyyy or YYYY-MM-DD: the one parser of every date option."""
    from lstg.edit.values import parse_date

    return parse_date(value)


@checked
def amount_value(value: Any) -> int:
    """An amount of đồng, written 1.000.000 or 1000000: the one parser of every amount option."""
    from lstg.edit.values import parse_amount

    return parse_amount(value)


@checked
def whole_number(value: Any) -> int:
    """A whole number, such as a year."""
    from lstg.edit.values import parse_int

    return parse_int(value)


@checked
def period_value(value: Any) -> Period:
    """A period: 2024, 2024-Q3, 2024-H1, 2024-05 or 2021..2025."""
    from lstg.domain.periods import parse_period

    return parse_period(str(value))


def data_value(value: Any) -> Path:
    """A data folder: the bundled sample for ``sample`` (:func:`lstg.dataset.folder.data_path`)."""
    from lstg.dataset.folder import data_path

    return data_path(str(value))


def coded(name: str, metavar: str) -> dict[str, Any]:
    """How an option is declared whose value is a code of the list ``name`` of
    :data:`lstg.domain.vocabulary.VOCABULARIES`, given as the code or in the words people use
    (``--fund "Quỹ tăng thu nhập"``, ``--activity "Chăm sóc sức khỏe"``)."""

    @checked
    def parser(value: Any) -> str:
        from lstg.domain.vocabulary import VOCABULARIES

        return VOCABULARIES[name].parse(value)

    return {"parser": parser, "metavar": metavar}


DATE: dict[str, Any] = {"parser": date_value, "metavar": "DATE"}
"""How a date option is declared: ``typer.Option("--joined", help=…, **DATE)``."""
AMOUNT: dict[str, Any] = {"parser": amount_value, "metavar": "AMOUNT"}
"""How an amount option is declared."""
NUMBER: dict[str, Any] = {"parser": whole_number, "metavar": "NUMBER"}
"""How a whole-number option is declared."""
TEXT: dict[str, Any] = {"metavar": "TEXT"}
"""How a free-text option is declared."""


def format_option(kind: type[E]) -> Any:
    """The ``--format`` option of a command whose formats are ``kind``'s values, which are
    its placeholder (as ``vi|en`` is ``--lang``'s)."""
    return typer.Option(
        "--format",
        parser=choice(kind),
        metavar="|".join(item.value for item in kind),
        help="The format of the output.",
    )


FormatOption = Annotated[OutputFormat, format_option(OutputFormat)]
DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        parser=data_value,
        metavar="DIR",
        help="The data folder; “sample” for the bundled fictional data (default: "
        "$LSTG_DATA, else the nearest folder above holding province.yaml).",
        show_default=False,
    ),
]
LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        parser=choice(Language),
        metavar="vi|en",
        envvar="LSTG_LANG",
        help="The language of messages and outputs (default: the province file's, else vi).",
        show_default=False,
    ),
]
AsOfOption = Annotated[
    date | None,
    typer.Option(
        "--as-of",
        parser=date_value,
        metavar="DATE",
        help="The day the figures are taken at: dd/mm/yyyy or YYYY-MM-DD.",
        show_default=False,
    ),
]
PeriodOption = Annotated[
    Period | None,
    typer.Option(
        "--period",
        parser=period_value,
        metavar="PERIOD",
        help="The period: 2024, 2024-Q3, 2024-H1, 2024-05 or 2021..2025.",
        show_default=False,
    ),
]
PlanOption = Annotated[
    str | None,
    typer.Option(
        "--plan",
        metavar="PLAN",
        help="The plan whose criteria and targets apply, such as 2021-2025.",
        show_default=False,
    ),
]
ProvinceOption = Annotated[bool, typer.Option("--province", help="The whole province.")]
DistrictOption = Annotated[
    str | None,
    typer.Option(
        "--district", metavar="NAME", help="One district, by name or code.", show_default=False
    ),
]
CommuneOption = Annotated[
    str | None,
    typer.Option(
        "--commune", metavar="NAME", help="One commune, by name or code.", show_default=False
    ),
]
ClubOption = Annotated[
    str | None,
    typer.Option(
        "--club", metavar="CLUB", help="One club, by its id (its folder name).", show_default=False
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "-o",
        "--output",
        metavar="FILE",
        help="The file to write, rather than the standard output.",
        show_default=False,
    ),
]
TodayOption = Annotated[
    date | None,
    typer.Option("--today", parser=date_value, envvar="LSTG_TODAY", hidden=True),
]
ClubArg = Annotated[str, typer.Argument(metavar="CLUB", help="The club's id (its folder name).")]


def data_and_language(data: Path | None) -> tuple[Path, str]:
    """The data folder (``--data``, else found from the working directory) and the
    language of the output, which is set for the messages: ``--lang`` (or
    ``LSTG_LANG``), else the province file's, else Vietnamese.

    Raises:
        NoDataFolder: no data folder was given and none holds the working directory.
    """
    from lstg.dataset.folder import find_data_dir

    root = find_data_dir(data)
    language = requested_language()
    if language is None:
        from lstg.validate.run import data_language

        language = data_language(root) if (root / "province.yaml").is_file() else "vi"
    set_language(language)
    return root, language


def data_root(data: Path | None) -> Path:
    """The data folder, with the language of messages set (see :func:`data_and_language`)."""
    return data_and_language(data)[0]


def day_or_today(value: date | None) -> date:
    """The day of a ``--today`` option, else today in Vietnam (Asia/Ho_Chi_Minh), whatever
    the computer's time zone."""
    return value if value is not None else clock.today()


def fictional_notice(root: Path) -> str | None:
    """The line that starts every output made from fictional data (the bundled sample)."""
    from lstg.core.resources import is_fictional

    if not is_fictional(root):
        return None
    from lstg.report.provenance import FICTIONAL_NOTICE

    return _(FICTIONAL_NOTICE)


def write_output(path: Path, content: bytes) -> None:
    """Write a command's result to the file ``path``, atomically.

    ``path`` is checked first by :func:`lstg.dataset.userpaths.output_path` (the command does
    so before computing anything); a write that fails (permission, full or read-only
    disk) is one line.

    Raises:
        UserError: the file cannot be written.
    """
    from lstg.core.atomicfile import write_atomic
    from lstg.core.errors import UserError, os_reason

    try:
        write_atomic(path, content)
    except OSError as exc:
        raise UserError(
            _("Cannot write {path}: {reason}.").format(path=path, reason=os_reason(exc))
        ) from None
