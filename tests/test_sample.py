"""The bundled sample: used only when named, never changed, and every output made from it
says on its first line, and in the document, that its data are fictional."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from cli_run import invoke
from docx import Document
from openpyxl import load_workbook

from lstg.core.resources import FICTIONAL_MARKER, is_fictional, sample_dir

VI = (
    "DỮ LIỆU HƯ CẤU: bộ dữ liệu mẫu đi kèm; mọi tên người và số liệu trong đó đều là bịa đặt. "
    "Không dùng để báo cáo."
)
EN = (
    "FICTIONAL DATA: the bundled sample; every name and figure in it is invented. Do not report it."
)
AS_OF = ("--as-of", "30/11/2020")


def test_the_sample_is_in_the_package_and_marked() -> None:
    root = sample_dir()
    assert (root / "province.yaml").is_file()
    assert (root / FICTIONAL_MARKER).is_file()
    assert is_fictional(root)


def test_validate_and_check_say_it_first() -> None:
    ran = invoke("validate", "--data", "sample")
    assert ran.code == 0
    assert ran.stdout.splitlines()[0] == VI
    document = json.loads(invoke("validate", "--data", "sample", "--format", "json").stdout)
    assert next(iter(document)) == "notice" and document["notice"] == VI
    ran = invoke("check", "--data", "sample", "--plan", "2016-2020", *AS_OF, "--lang", "en")
    assert ran.stdout.splitlines()[0] == EN
    document = json.loads(
        invoke("check", "--data", "sample", "--format", "json", *AS_OF, "--lang", "en").stdout
    )
    assert next(iter(document)) == "notice" and document["notice"] == EN


def test_the_sample_named_in_lstg_data_too() -> None:
    ran = invoke("validate", env={"LSTG_DATA": "sample"})
    assert ran.stdout.splitlines()[0] == VI


def test_a_copy_of_the_sample_is_fictional_too(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(sample_dir(), copy, ignore=shutil.ignore_patterns(".lstg-cache"))
    ran = invoke("validate", "--data", str(copy), "--lang", "en")
    assert ran.stdout.splitlines()[0] == EN
    (copy / FICTIONAL_MARKER).unlink()
    # The sample's consent and retention warnings (data/README.md) are dated: on its own day.
    ran = invoke("validate", "--data", str(copy), "--lang", "en", env={"LSTG_TODAY": "2026-12-01"})
    lines = ran.stdout.splitlines()
    assert ran.code == 0 and EN not in lines
    assert lines[0].startswith("clubs/cao-loc-yen-trach/members.yaml:138:3: warning")
    assert lines[-1] == "0 errors, 5 warnings in 5 files (42 clubs checked)"


def report(fmt: str, tmp_path: Path, *more: str) -> tuple[str, Path]:
    target = tmp_path / f"r.{fmt}"
    ran = invoke(
        "report",
        "--province",
        *AS_OF,
        "--data",
        "sample",
        "--format",
        fmt,
        "-o",
        str(target),
        *more,
    )
    assert ran.code == 0, ran.stderr
    return ran.stderr, target


def test_every_report_format_says_it_at_the_top(tmp_path: Path) -> None:
    stderr, md = report("md", tmp_path)
    assert stderr.splitlines()[0] == VI
    assert md.read_text("utf-8").splitlines()[0] == f"**{VI}**"
    _, html = report("html", tmp_path, "--lang", "en")
    text = html.read_text("utf-8")
    body = text.index("<body>")
    assert text.index('<p class="fictional"><strong>' + EN) > body
    assert text.index(EN) < text.index("<h1")
    _, docx = report("docx", tmp_path)
    paragraphs = [p.text for p in Document(str(docx)).paragraphs if p.text.strip()]
    assert paragraphs[0] == VI
    _, xlsx = report("xlsx", tmp_path)
    book = load_workbook(xlsx)
    assert book.worksheets[0]["A1"].value == VI
    _, data = report("json", tmp_path)
    document = json.loads(data.read_text("utf-8"))
    assert (document["fictional"], document["notice"]) == (True, VI)
    assert list(document)[:2] == ["fictional", "notice"]


def test_a_report_to_the_screen_says_it_on_its_first_line() -> None:
    ran = invoke("report", "--province", *AS_OF, "--data", "sample", "--lang", "en")
    assert ran.stdout.splitlines()[0] == f"**{EN}**"


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_exports_say_it_first(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"m.{fmt}"
    ran = invoke(
        "export",
        "members",
        "--province",
        "--redact",
        "--data",
        "sample",
        "--format",
        fmt,
        "-o",
        str(target),
        "--lang",
        "en",
    )
    assert ran.code == 0, ran.stderr
    assert ran.stderr.splitlines()[0] == EN
    if fmt == "csv":
        assert target.read_text("utf-8-sig").splitlines()[:2] == ["notice", EN]
    elif fmt == "json":
        assert json.loads(target.read_text("utf-8"))["notice"] == [{"notice": EN}]
    else:
        with zipfile.ZipFile(target):
            pass
        book = load_workbook(io.BytesIO(target.read_bytes()))
        assert book.sheetnames[0] == "notice"
        assert book["notice"]["A2"].value == EN
