"""The one Jinja2 environment that renders reports.

Templates receive plain data (the report model) and format it with the filters
below, which read the language from the template's ``lang`` variable; they
compute nothing. ``StrictUndefined`` makes a misspelt name an error rather than
an empty cell in an official report.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    Template,
    pass_context,
    select_autoescape,
)
from jinja2.runtime import Context

from lstg.render import format as fmt
from lstg.resources import templates_dir

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
}
"""Filters available in every template, as ``{{ value | money }}``."""


@cache
def environment() -> Environment:
    """The environment over the bundled templates, built once."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        undefined=StrictUndefined,
        autoescape=select_autoescape(
            enabled_extensions=("html", "html.j2"), default_for_string=False
        ),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    for name, function in FILTERS.items():
        env.filters[name] = _with_language(function)
    return env


def template(path: Path | None, default: str) -> Template:
    """The user's template at ``path``, else the bundled template named ``default``.

    A user's template is read from its own folder, so that it can include or
    extend templates that sit beside it.
    """
    env = environment()
    if path is None:
        return env.get_template(default)
    own = env.overlay(loader=FileSystemLoader([str(path.parent), str(TEMPLATES_DIR)]))
    return own.get_template(path.name)


def render(path: Path | None, default: str, context: dict[str, Any]) -> str:
    """Render a template with ``context``, which must hold ``lang``."""
    return template(path, default).render(context)


__all__ = ["FILTERS", "TEMPLATES_DIR", "environment", "render", "template"]
