"""``lstg template``: a data folder's own copies of the report templates, used by
``lstg report`` in place of the bundled ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import invoke
from conftest_report import write_small_data
from docx import Document

from lstg.core.resources import templates_dir

ENV = {"LSTG_TODAY": "2026-01-15", "LSTG_GENERATED_AT": "2020-12-01T08:15:00+00:00"}


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write_small_data(tmp_path / "data")


def report(root: Path, *args: str) -> str:
    ran = invoke(
        "report", "--province", "--as-of", "2020-11-30", "--data", str(root), *args, env=ENV
    )
    assert ran.code == 0, ran.stderr
    return ran.stdout


def test_list_names_every_bundled_template_and_the_own_copies(small: Path) -> None:
    bundled = sorted(p.name for p in templates_dir().iterdir() if p.suffix in (".j2", ".docx"))
    ran = invoke("template", "list", "--data", str(small), "--lang", "en")
    assert ran.stdout.splitlines() == bundled
    assert invoke("template", "copy", "report.vi.md.j2", "--data", str(small)).code == 0
    own = small / "templates" / "report.vi.md.j2"
    listed = invoke("template", "list", "--data", str(small), "--lang", "en").stdout.splitlines()
    assert f"report.vi.md.j2  (own copy: {own})" in listed


def test_an_own_copy_is_used_in_place_of_the_bundled_template(small: Path) -> None:
    before = report(small)
    ran = invoke("template", "copy", "report.vi.md.j2", "--data", str(small), "--lang", "en")
    own = small / "templates" / "report.vi.md.j2"
    assert ran.stderr == f"copied report.vi.md.j2 to {own}\n"
    assert own.read_bytes() == (templates_dir() / "report.vi.md.j2").read_bytes()
    assert report(small) == before
    own.write_text(
        own.read_text("utf-8").replace(
            '{% extends "report.base.md.j2" %}',
            '# BÁO CÁO CỦA HỘI\n\n{% include "report.base.md.j2" %}',
        ),
        "utf-8",
    )
    changed = report(small)
    assert changed.splitlines()[0] == "# BÁO CÁO CỦA HỘI"
    assert changed.splitlines()[2:] == before.splitlines()
    assert report(small, "--lang", "en") == report(small, "--lang", "en")
    assert "# BÁO CÁO CỦA HỘI" not in report(small, "--format", "html")
    own.unlink()
    assert report(small) == before


def test_an_own_word_template_is_used(small: Path, tmp_path: Path) -> None:
    assert invoke("template", "copy", "report.vi.docx", "--data", str(small)).code == 0
    own = small / "templates" / "report.vi.docx"
    document = Document(str(own))
    document.add_paragraph("Mẫu riêng của Hội")
    document.save(str(own))
    target = tmp_path / "r.docx"
    report(small, "--format", "docx", "-o", str(target))
    assert "Mẫu riêng của Hội" in [p.text for p in Document(str(target)).paragraphs]


def test_a_copy_is_not_replaced_without_force(small: Path) -> None:
    assert invoke("template", "copy", "report.vi.md.j2", "--data", str(small)).code == 0
    own = small / "templates" / "report.vi.md.j2"
    own.write_text("đã sửa", "utf-8")
    ran = invoke("template", "copy", "report.vi.md.j2", "--data", str(small), "--lang", "en")
    assert ran.code == 1
    assert ran.stderr == f"lstg: {own} exists already; give --force to replace it\n"
    assert own.read_text("utf-8") == "đã sửa"
    assert invoke("template", "copy", "report.vi.md.j2", "--force", "--data", str(small)).code == 0
    assert own.read_bytes() == (templates_dir() / "report.vi.md.j2").read_bytes()


def test_an_unknown_template_is_a_usage_error(small: Path) -> None:
    ran = invoke("template", "copy", "report.fr.md.j2", "--data", str(small), "--lang", "en")
    assert ran.code == 2
    assert ran.stderr.splitlines()[-1].startswith(
        "Error: Invalid value: no bundled template report.fr.md.j2; the templates are: "
    )
    assert not (small / "templates").exists()
