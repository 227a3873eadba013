"""The one Jinja2 environment that renders reports, set up for each kind of output.

Templates receive plain data (the report model) and format it with the filters
below, which read the language from the template's ``lang`` variable; they
compute nothing. ``StrictUndefined`` makes a misspelt name an error rather than
an empty cell in an official report.

Every value from the data is escaped for the output it goes into, where it is
written out, by the environment rather than by each template:

- ``environment("html")``: every template (the sentences of ``parts.*.j2`` and the
  labels included) is autoescaped, so a club named ``<script>…`` prints as text.
  A sentence macro returns markup built from escaped pieces, never raw text
  marked safe.
- ``environment("md")``: every ``{{ … }}`` that is not a macro's sentence is
  escaped for Markdown (:func:`markdown_escape`): a name cannot break a table
  row, start emphasis, a link or raw HTML.
- ``environment()`` (text): no escaping, for output that escapes on its own, such
  as the sentences a Word template receives (docxtpl escapes them for XML).

Templates are untrusted: a user may pass any file as ``--template``. Every
environment is Jinja's :class:`~jinja2.sandbox.SandboxedEnvironment`, so a template
cannot reach Python's internals (``__globals__``, ``__subclasses__``, ``os``) or call
unsafe methods; trying to raises :class:`~jinja2.sandbox.SecurityError`, which the
report writers turn into one located line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import (
    FileSystemLoader,
    StrictUndefined,
    Template,
    pass_context,
    select_autoescape,
)
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from lstg.core import format as fmt
from lstg.core.resources import templates_dir

TEMPLATES_DIR = templates_dir()
"""The bundled templates (``templates/`` in the repository), which users may copy and edit."""


def _with_language(
    function: Callable[..., str],
) -> Callable[..., str]:
    @pass_context
    def the_filter(context: Context, value: Any, *args: Any) -> str:
        return function(value, *args, str(context["lang"]))

    the_filter.__name__ = function.__name__
    the_filter.__doc__ = function.__doc__
    return the_filter


FILTERS: dict[str, Callable[..., str]] = {
    "number": fmt.number,
    "count": fmt.count,
    "money": fmt.money,
    "percent": fmt.percent,
    "date": fmt.short_date,
    "long_date": fmt.long_date,
    "month": fmt.month,
    "moment": fmt.moment,
    "signed": fmt.signed,
    "and_list": fmt.and_list,
    "figure": fmt.figure,
    "money_in": fmt.money_in,
}
"""Filters available in every template, as ``{{ value | money }}``."""


_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>|~#]|&(?=#?[A-Za-z0-9]+;)")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85]+")


def markdown_escape(text: str) -> str:
    """``text`` as Markdown that shows exactly ``text``: ``\\`` before every character
    that could start emphasis, code, a link, raw HTML, a heading or end a table
    cell (``|``), and line breaks as spaces, so that a value stays in its cell."""
    return _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(0), _LINE_BREAKS.sub(" ", text))


def _markdown_finalize(value: Any) -> Any:
    if hasattr(value, "__html__"):
        return value
    return Markup(markdown_escape(str(value)))


FLAVOURS = ("text", "html", "md")


@cache
def environment(flavour: str = "text") -> SandboxedEnvironment:
    """The environment over the bundled templates for ``flavour`` (see above), built once."""
    if flavour not in FLAVOURS:
        raise ValueError(f"unknown flavour {flavour!r}")
    autoescape: Any = (
        True
        if flavour in ("html", "md")
        else select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False)
    )
    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        undefined=StrictUndefined,
        autoescape=autoescape,
        finalize=_markdown_finalize if flavour == "md" else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    for name, function in FILTERS.items():
        env.filters[name] = _with_language(function)
    return env


def template(path: Path | None, default: str, flavour: str = "text") -> Template:
    """The user's template at ``path``, else the bundled template named ``default``.

    A user's template is read from its own folder, so that it can include or
    extend templates that sit beside it.
    """
    env = environment(flavour)
    if path is None:
        return env.get_template(default)
    own = env.overlay(loader=FileSystemLoader([str(path.parent), str(TEMPLATES_DIR)]))
    return own.get_template(path.name)


def render(path: Path | None, default: str, context: dict[str, Any], flavour: str = "text") -> str:
    """Render a template with ``context``, which must hold ``lang``, escaping values for
    ``flavour`` (``html``, ``md``, or ``text`` for none)."""
    return template(path, default, flavour).render(context)


__all__ = ["FILTERS", "TEMPLATES_DIR", "environment", "markdown_escape", "render", "template"]
