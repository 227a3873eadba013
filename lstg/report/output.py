"""Writing a report in a format, and saving it safely."""

from __future__ import annotations

from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError

from lstg.core.atomicfile import write_atomic
from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.report.json_out import render_json
from lstg.report.model import Report
from lstg.report.text import render_text

FORMATS = ("md", "html", "docx", "xlsx", "json")
BINARY_FORMATS = ("docx", "xlsx")


TEMPLATED_FORMATS = ("md", "html", "docx")

OWN_TEMPLATES = "templates"
"""The folder of a data folder that holds its own copies of the report templates; a copy
there is used instead of the bundled template of the same name (``lstg template copy``)."""


def template_name(lang: str, fmt: str) -> str | None:
    """The name of the template of a report in ``lang`` and ``fmt``: ``report.vi.md.j2``."""
    if fmt == "docx":
        return f"report.{lang}.docx"
    if fmt in TEMPLATED_FORMATS:
        return f"report.{lang}.{fmt}.j2"
    return None


def own_template(root: Path, lang: str, fmt: str) -> Path | None:
    """The data folder's own copy of the template of a report in ``lang`` and ``fmt``."""
    name = template_name(lang, fmt)
    if name is None:
        return None
    path = root / OWN_TEMPLATES / name
    return path if path.is_file() else None


def render(report: Report, fmt: str, *, template: Path | None = None) -> bytes:
    """The report in format ``fmt``, as the bytes of the file (UTF-8 for text formats).

    ``template`` replaces the bundled template of Markdown, HTML and Word. It is
    rendered in the sandbox of :mod:`lstg.report.env`: it can format the report,
    nothing else.

    Raises:
        UserError: the template has an error (a misspelt name, a tag left open, a
            reach for Python's internals that the sandbox refuses, any exception its
            code raises); the message is one line that says where.
    """
    try:
        return _render(report, fmt, template)
    except TemplateError as exc:
        raise UserError(_template_error(exc, template)) from None
    except Exception as exc:
        if template is None:
            raise
        raise UserError(_template_error(exc, template)) from None


def _template_error(exc: BaseException, template: Path | None) -> str:
    """``FILE:LINE: the report template has an error: …``, for an error raised while
    rendering a template (a bundled one if ``template`` is ``None``)."""
    file, line = _where(exc, template)
    place = file if line is None else f"{file}:{line}"
    message = " ".join(str(exc).split()) or type(exc).__name__
    return _("{place}: the report template has an error: {error}").format(
        place=place, error=message
    )


def _where(exc: BaseException, template: Path | None) -> tuple[str, int | None]:
    """The template file and line where ``exc`` was raised.

    Jinja gives a syntax error its file and line; for an error raised while rendering
    it rewrites the traceback so that the frames of template code carry the template's
    file name and line, and the innermost such frame is where the template failed. A
    Word template is one document, not lines: only its file is given.
    """
    if template is not None and template.suffix.lower() == ".docx":
        return str(template), None
    if isinstance(exc, TemplateSyntaxError) and exc.lineno:
        return _shown(exc.filename or exc.name or "", template), exc.lineno
    found: tuple[str, int | None] = (str(template) if template else "", None)
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2") or (template is not None and Path(name).name == template.name):
            found = (_shown(name, template), tb.tb_lineno)
        tb = tb.tb_next
    return found


def _shown(name: str, template: Path | None) -> str:
    """A template's file as the user knows it: as given with ``--template``, else the
    bundled template's name."""
    path = Path(name)
    if template is not None and path.name == template.name:
        return str(template)
    return path.name


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
    """Write ``content`` to ``path`` whole or not at all (by :mod:`lstg.core.atomicfile`)."""
    write_atomic(path, content)
