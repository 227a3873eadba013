"""Writing a report in a format, and saving it safely."""

from __future__ import annotations

from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError

from lstg.atomicfile import write_atomic
from lstg.errors import UserError
from lstg.i18n import _
from lstg.report.json_out import render_json
from lstg.report.model import Report
from lstg.report.text import render_text

FORMATS = ("md", "html", "docx", "xlsx", "json")
BINARY_FORMATS = ("docx", "xlsx")


TEMPLATED_FORMATS = ("md", "html", "docx")


def render(report: Report, fmt: str, *, template: Path | None = None) -> bytes:
    """The report in format ``fmt``, as the bytes of the file (UTF-8 for text formats).

    ``template`` replaces the bundled template of Markdown, HTML and Word.

    Raises:
        UserError: the template has an error (a misspelt name, a tag left open);
            the message says where.
    """
    try:
        return _render(report, fmt, template)
    except TemplateError as exc:
        where = f" ({exc.name}, line {exc.lineno})" if isinstance(exc, TemplateSyntaxError) else ""
        raise UserError(
            _("the report template has an error{where}: {error}").format(where=where, error=exc)
        ) from None


def _render(report: Report, fmt: str, template: Path | None) -> bytes:
    if fmt in ("md", "html"):
        return render_text(report, fmt, template).encode("utf-8")
    if fmt == "json":
        return render_json(report).encode("utf-8")
    if fmt == "xlsx":
        from lstg.report.xlsx import render_xlsx

        return render_xlsx(report)
    if fmt == "docx":
        from lstg.report.docx import render_docx

        return render_docx(report, template)
    raise ValueError(f"unknown format {fmt!r}")


def default_file_name(report: Report, fmt: str) -> str:
    """A file name that says what the report is: ``bao-cao-province-20-2021-2025.docx``."""
    period = report.period_label.replace("..", "-")
    return f"bao-cao-{report.scope.level}-{report.scope.code}-{period}.{fmt}"


def write_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` whole or not at all (:func:`lstg.atomicfile.write_atomic`)."""
    write_atomic(path, content)
