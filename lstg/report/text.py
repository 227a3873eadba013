"""Markdown and HTML reports, from the Jinja2 templates in ``templates/``."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

from lstg.core import format as fmt
from lstg.report.chart import chart
from lstg.report.env import environment, render
from lstg.report.model import FIGURE_KINDS, TABLES, Report


def money_unit(report: Report) -> fmt.MoneyUnit:
    """The unit of the amounts in the table of loans and funds (``nghìn đồng`` unless every
    amount is whole millions), so that its cells hold numbers without ``đ``."""
    keys = [k for k in TABLES["loans"] if FIGURE_KINDS[k] == "money"]
    figures = [report.totals, *(row.figures for row in report.rows)]
    amounts = [getattr(f, k) for f in figures for k in keys]
    return fmt.money_unit(amounts, report.lang)


def context(report: Report) -> dict[str, Any]:
    """What every template receives: the report ``r``, its language, the table layout,
    the unit of the amounts in tables, and the chart's geometry."""
    return {
        "r": report,
        "lang": report.lang,
        "tables": TABLES,
        "kinds": FIGURE_KINDS,
        "money_unit": money_unit(report),
        "chart": chart(report),
    }


def default_template(report: Report, fmt: str) -> str:
    """The bundled template's name for a format (``md``, ``html``) in the report's language."""
    return f"report.{report.lang}.{fmt}.j2"


def render_text(report: Report, fmt: str, template: Path | None = None) -> str:
    """The report as Markdown or HTML, from ``template`` or the bundled one; a report of
    fictional data says so on its first line, whatever the template."""
    text = render(template, default_template(report, fmt), context(report), flavour=fmt)
    notice = report.notice
    if notice is None:
        return text
    if fmt == "md":
        return f"**{notice}**\n\n{text}"
    banner = f'<p class="fictional"><strong>{escape(notice)}</strong></p>\n'
    body = re.search(r"<body[^>]*>\n?", text)
    if body is None:
        return banner + text
    return text[: body.end()] + banner + text[body.end() :]


def labels(language: str) -> Any:
    """The wording of ``templates/labels.<language>.j2``: figures, statuses, sheets, columns."""
    return environment().get_template(f"labels.{language}.j2").make_module({"lang": language})
