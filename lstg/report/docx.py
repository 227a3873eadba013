"""The report as a Word document, from a docxtpl template that users can edit in Word."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate

from lstg.report.docx_layout import lay_out
from lstg.report.env import TEMPLATES_DIR, environment
from lstg.report.model import Report
from lstg.report.text import context, labels

_DOCUMENT_PARTS = (
    "doc_superior",
    "doc_body",
    "doc_number",
    "doc_place_date",
    "doc_to_word",
    "doc_closing",
    "annex_ref",
    "doc_recipients_word",
    "doc_archive",
    "doc_authority",
    "doc_position",
    "doc_signer",
    "money_unit_line",
    "period_line",
)
"""The macros of ``parts.<lang>.j2`` that write the particulars of the document."""


def _sentences(report: Report) -> dict[str, str]:
    """The sentences of ``templates/parts.<lang>.j2``, rendered for this report."""
    env = environment()
    parts: Any = env.get_template(f"parts.{report.lang}.j2").make_module(context(report))
    return {
        "period": str(parts.period_words()),
        "scope": str(parts.scope_words()),
        "subtitle": str(parts.subtitle()),
        "results": str(parts.results()),
        "activities": str(parts.activities()),
        "targets_sentence": str(parts.targets_sentence()),
        "completeness": str(parts.completeness_notice()),
        "criteria_basis": str(parts.criteria_basis()),
        "source": str(parts.source()),
        "dirty_warning": str(parts.dirty_warning()) if report.provenance.commit else "",
        "errors_warning": str(parts.errors_warning()),
        **{name: str(getattr(parts, name)()) for name in _DOCUMENT_PARTS},
        "blank": str(parts.blank),
        "long_blank": str(parts.long_blank),
    }


def render_docx(report: Report, template: Path | None = None) -> bytes:
    """The Word document's bytes, from ``template`` or ``templates/report.<lang>.docx``."""
    path = template or TEMPLATES_DIR / f"report.{report.lang}.docx"
    document = DocxTemplate(str(path))
    env = environment()
    parts: Any = env.get_template(f"parts.{report.lang}.j2").make_module(context(report))
    words = labels(report.lang)
    values: dict[str, Any] = {
        **context(report),
        "text": _sentences(report),
        "figures": words.figures,
        "status": words.status,
        "roles": words.roles,
        "total": words.total,
        "unit_word": report.unit_words[report.row_level],
        "bound": parts.bound,
    }
    document.render(values, jinja_env=env.overlay(autoescape=True))
    lay_out(document.docx)
    if report.notice:
        # The first thing in the document, above the header's table.
        notice = document.docx.add_paragraph()
        notice.add_run(report.notice).bold = True
        body = document.docx.element.body
        body.remove(notice._p)
        body.insert(0, notice._p)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
