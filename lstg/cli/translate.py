"""The command line in the user's language: help, usage lines and usage errors.

Typer and Click write their own words in English ("Usage:", "Options", "Missing
option", "No such option", "Show this message and exit."), whichever version is
installed: Click passes them through :func:`gettext.gettext` of no catalog, and
newer Typer keeps a copy of Click without it. So lstg translates them itself,
through its own catalog, in the places every version shares:

- :func:`localize` walks the built command tree once, before it runs, and puts
  the help of every command and option, and every placeholder, into the active
  language; it makes each command's short help its whole first paragraph (Click
  cuts it with "…" otherwise), and gives each command a context whose help
  formatter translates the section titles, the usage prefix and the notes
  Click adds to an option's help ("[default: …]", "[required]");
- :func:`translate` turns one of Click's messages, as it was formatted in
  English, into the active language: each message Click writes is a pattern of
  :data:`CLICK_MESSAGES`, whose translation takes the same values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from functools import cache
from typing import Any

from lstg.core.i18n import N_, _

CLICK_MESSAGES: tuple[str, ...] = (
    N_("Usage:"),
    N_("Options"),
    N_("Arguments"),
    N_("Positional arguments"),
    N_("Commands"),
    N_("[OPTIONS]"),
    N_("COMMAND [ARGS]..."),
    N_("Show this message and exit."),
    N_("required"),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("Missing option {name}."),
    N_("Missing argument {name}."),
    N_("Missing parameter {name}."),
    N_("Missing parameter: {name}"),
    N_("Missing command."),
    N_("No such option: {name}"),
    N_("No such option: {name} (Possible options: {names})"),
    N_("No such option: {name} Did you mean {names}?"),
    N_("No such option {name}."),
    N_("No such option {name}. Did you mean {names}?"),
    N_("No such option {name}. (Did you mean one of: {names}?)"),
    N_("No such command {name}."),
    N_("No such command {name}. Did you mean {names}?"),
    N_("Got unexpected extra argument ({args})"),
    N_("Got unexpected extra arguments ({args})"),
    N_("Got unexpected extra argument(s) ({args})"),
    N_("Option {name} requires an argument."),
    N_("Option {name} requires {count} arguments."),
    N_("Option {name} does not take a value."),
    N_("Invalid value for {name}: {message}"),
    N_("Invalid value: {message}"),
    N_("Value must be an iterable."),
    N_("Aborted!"),
)
"""Click's and Typer's own messages, with the values they format in braces."""

_FIELD = re.compile(r"\{(\w+)\}")


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each message of :data:`CLICK_MESSAGES` as a pattern, the most literal ones first."""
    patterns = []
    for message in CLICK_MESSAGES:
        parts = _FIELD.split(message)
        regex = "".join(
            re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
            for index, part in enumerate(parts)
        )
        patterns.append((re.compile(f"^{regex}$", re.DOTALL), message))
    patterns.sort(key=lambda item: -len(_FIELD.sub("", item[1])))
    return patterns


def translate(text: str) -> str:
    """``text``, one of Click's messages in English, in the active language.

    A message that is none of Click's (lstg's own, already translated) is
    returned as it is. A ``message`` inside a message is translated in turn.
    """
    for pattern, message in _patterns():
        found = pattern.match(text)
        if found is None:
            continue
        values = found.groupdict()
        if "message" in values:
            values["message"] = translate(values["message"])
        return _(message).format(**values)
    return text


_EXTRA = re.compile(r"^(?P<help>.*?)(?P<gap>\s*)\[(?P<extra>[^\[\]]*)\]$", re.DOTALL)


def translate_help(text: str) -> str:
    """An option's help as Click shows it, with the notes it adds in brackets translated."""
    text = translate(text)
    found = _EXTRA.match(text)
    if found is None:
        return text
    notes = "; ".join(translate(note) for note in found["extra"].split("; "))
    return f"{found['help']}{found['gap']}[{notes}]"


_ARGUMENT_TYPE = re.compile(r"^(?P<name>[^\s<-][^\s<]*) <[^>]*>$")


@cache
def _formatter_class(base: type) -> type:
    """A help formatter like ``base`` that writes Click's words in the active language."""

    class Formatter(base):  # type: ignore[misc]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, prefix=_("Usage:") + " ")

        def section(self, name: str) -> AbstractContextManager[None]:
            return super().section(_(name))  # type: ignore[no-any-return]

        def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
            shown = []
            for first, second in rows:
                plain = _ARGUMENT_TYPE.match(first)
                shown.append((plain["name"] if plain else first, translate_help(second)))
            super().write_dl(shown, *args, **kwargs)

    Formatter.__name__ = Formatter.__qualname__ = f"Localized{base.__name__}"
    return Formatter


@cache
def _context_class(base: Any) -> type:
    """A context like ``base`` whose help formatter speaks the active language."""
    formatter = _formatter_class(base.formatter_class)
    return type(f"Localized{base.__name__}", (base,), {"formatter_class": formatter})


def walk(command: Any) -> Iterator[Any]:
    """``command`` and every command under it, depth first."""
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from walk(sub)


def first_paragraph(text: str) -> str:
    """The first paragraph of a help text, on one line: the command's line in a list."""
    return " ".join(text.strip().split("\n\n")[0].split())


def localize(root: Any, *, shared: Sequence[Any] = ()) -> None:
    """Put the command tree under ``root`` into the active language, in place.

    Args:
        root: the Click command (group) that Typer built.
        shared: options of ``root`` that every command accepts as well, before or
            after its name (such as ``--debug``); they are added to each command.
    """
    for command in walk(root):
        command.context_class = _context_class(command.context_class)
        if hasattr(command, "rich_markup_mode"):
            command.rich_markup_mode = None
        if command.help:
            command.help = _(command.help.strip())
        if command.help or command.short_help:
            command.short_help = first_paragraph(
                _(command.short_help) if command.short_help else command.help
            )
        if getattr(command, "options_metavar", None):
            command.options_metavar = _(command.options_metavar)
        if getattr(command, "subcommand_metavar", None):
            command.subcommand_metavar = _(command.subcommand_metavar)
        for param in command.params:
            if getattr(param, "help", None):
                param.help = _(param.help)
            if param.metavar:
                param.metavar = _(param.metavar)
        if command is not root:
            command.params.extend(p for p in shared if p not in command.params)


def help_texts(root: Any) -> Iterator[str]:
    """Every help text and placeholder of the tree under ``root``, as the sources give them."""
    for command in walk(root):
        for text in (command.help, command.short_help):
            if text:
                yield text.strip()
        for name in ("options_metavar", "subcommand_metavar"):
            if getattr(command, name, None):
                yield getattr(command, name)
        for param in command.params:
            for text in (getattr(param, "help", None), param.metavar):
                if text:
                    yield text
