"""Rendering problems: the text layout with quoted lines and carets, JSON, the summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest_validate import isolated

from lstg.core.i18n import set_language
from lstg.core.problems import error, warning
from lstg.render.problems import Summary, heading, render_json, render_text, summary_line

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")


def _folder(tmp_path: Path, text: str) -> Path:
    (tmp_path / "clubs").mkdir()
    (tmp_path / "clubs" / "a.yaml").write_text(text, "utf-8")
    return tmp_path


def test_text_layout(tmp_path: Path) -> None:
    set_language("en")
    root = _folder(tmp_path, "- id: L1\n  member: M099\n")
    problems = [
        error(
            "clubs/a.yaml",
            "loan.unknown-member",
            "Member M099 is not in the list of members.",
            hint="Did you mean M009?",
            line=2,
            column=11,
        ),
        warning("clubs/b", "club.unknown-file", "This file is not read."),
    ]
    assert render_text(problems, root, clubs=3).splitlines() == [
        "clubs/a.yaml:2:11: error loan.unknown-member: Member M099 is not in the list of members.",
        "  2 |   member: M099",
        "    |           ^",
        "  hint: Did you mean M009?",
        "clubs/b: warning club.unknown-file: This file is not read.",
        "1 error, 1 warning in 2 files (3 clubs checked)",
    ]


def test_caret_under_wide_and_combining_characters(tmp_path: Path) -> None:
    root = _folder(tmp_path, "name: Lạng Sơn 中文 x\n")
    problem = error("clubs/a.yaml", "x.y", "m", line=1, column=19)
    lines = render_text([problem], root, clubs=1).splitlines()
    assert lines[1:3] == ["  1 | name: Lạng Sơn 中文 x", "    | " + " " * 20 + "^"]


def test_long_lines_are_cut_around_the_column(tmp_path: Path) -> None:
    root = _folder(tmp_path, "note: " + "a" * 300 + "X" + "b" * 300 + "\n")
    problem = error("clubs/a.yaml", "x.y", "m", line=1, column=307)
    quoted, caret = render_text([problem], root, clubs=1).splitlines()[1:3]
    assert quoted == "  1 | …" + "a" * 50 + "X" + "b" * 49 + "…"
    assert caret == "    | " + " " * 51 + "^"


def test_unlocated_problem_and_missing_file(tmp_path: Path) -> None:
    problem = error("clubs/gone.yaml", "x.y", "m", line=4, column=2)
    assert render_text([problem], tmp_path, clubs=0).splitlines() == [
        "clubs/gone.yaml:4:2: error x.y: m",
        "0 errors, 0 warnings in 0 files (0 clubs checked)"[:0]
        + "1 error, 0 warnings in 1 file (0 clubs checked)",
    ]


def test_heading() -> None:
    assert heading(error("f.yaml", "a.b", "msg", line=3, column=4)) == "f.yaml:3:4: error a.b: msg"
    assert heading(warning("clubs/x", "a.b", "msg")) == "clubs/x: warning a.b: msg"


def test_summary_lines_in_both_languages() -> None:
    set_language("en")
    assert summary_line(Summary(0, 0, 0, 18)) == "No problems found (18 clubs checked)."
    assert summary_line(Summary(1, 2, 1, 1)) == "1 error, 2 warnings in 1 file (1 club checked)"
    set_language("vi")
    assert summary_line(Summary(0, 0, 0, 18)) == "Không có vấn đề nào (đã kiểm tra 18 câu lạc bộ)."
    assert summary_line(Summary(2, 1, 3, 18)) == (
        "2 lỗi, 1 cảnh báo trong 3 tệp (đã kiểm tra 18 câu lạc bộ)"
    )


def test_json_document() -> None:
    problems = [
        error(
            "clubs/a.yaml", "loan.unknown-member", "Thành viên M099 không có.", line=2, column=11
        ),
        warning("clubs/b", "club.unknown-file", "Tệp này không được đọc.", hint="Xóa đi."),
    ]
    text = render_json(problems, clubs=2)
    assert "Thành viên" in text
    assert json.loads(text) == {
        "problems": [
            {
                "file": "clubs/a.yaml",
                "line": 2,
                "column": 11,
                "severity": "error",
                "code": "loan.unknown-member",
                "message": "Thành viên M099 không có.",
                "hint": None,
            },
            {
                "file": "clubs/b",
                "line": None,
                "column": None,
                "severity": "warning",
                "code": "club.unknown-file",
                "message": "Tệp này không được đọc.",
                "hint": "Xóa đi.",
            },
        ],
        "summary": {"errors": 1, "warnings": 1, "files": 2, "clubs": 2},
    }
