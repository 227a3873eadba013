"""Report templates are untrusted: the sandbox refuses Python's internals, errors are one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest_report import write_small_data
from docx import Document


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_small_data(tmp_path_factory.mktemp("sandbox") / "data")


def lstg(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed program, as a user runs it."""
    env = {**os.environ, "LSTG_TODAY": "2026-01-15", "LSTG_DATA": "", "LSTG_NO_CACHE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "lstg", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        check=False,
    )


HOSTILE = {
    "globals": "{{ cycler.__init__.__globals__.os.system('touch {marker}') }}",
    "subclasses": "{% for c in ''.__class__.__mro__[1].__subclasses__() %}"
    "{% if c.__name__ == 'Popen' %}{{ c(['touch', '{marker}']) }}{% endif %}{% endfor %}",
    "os-through-a-filter": "{{ (r | attr('__class__')).__init__.__globals__['os'] }}"
    "{{ lipsum.__globals__['os'].popen('touch {marker}').read() }}",
    "format-string": "{{ '{{0.__class__.__init__.__globals__}}'.format(r) }}"
    "{{ lipsum.__globals__.os.system('touch {marker}') }}",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_template_reaching_for_python_is_refused_and_nothing_runs(
    small: Path, tmp_path: Path, case: str
) -> None:
    marker = tmp_path / "ran"
    own = tmp_path / f"{case}.md.j2"
    own.write_text(
        "Báo cáo\n\n" + HOSTILE[case].replace("{marker}", str(marker)) + "\n", encoding="utf-8"
    )
    done = lstg(
        "report",
        "--province",
        "--plan",
        "2016-2020",
        "--template",
        str(own),
        "--data",
        str(small),
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(f"lstg: {own}:3: ")
    assert "unsafe" in line
    assert not marker.exists()


def test_an_exception_in_a_template_is_one_located_line(small: Path, tmp_path: Path) -> None:
    own = tmp_path / "divide.md.j2"
    own.write_text("{{ r.totals.members }}\n{{ r.totals.members / 0 }}\n", encoding="utf-8")
    done = lstg(
        "report",
        "--province",
        "--plan",
        "2016-2020",
        "--template",
        str(own),
        "--data",
        str(small),
        cwd=tmp_path,
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.splitlines() == [
        f"lstg: {own}:2: mẫu báo cáo có lỗi: division by zero",
    ]


def test_a_word_template_is_sandboxed_too(small: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    own = tmp_path / "mine.docx"
    document = Document()
    document.add_paragraph("{{ cycler.__init__.__globals__.os.system('touch MARK') }}")
    document.paragraphs[0].runs[0].text = document.paragraphs[0].text.replace("MARK", str(marker))
    document.save(str(own))
    done = lstg(
        "report", "--province", "--plan", "2016-2020", "--format", "docx",
        "--template", str(own), "-o", str(tmp_path / "out.docx"),
        "--data", str(small), cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(f"lstg: {own}: ")
    assert "unsafe" in line
    assert not marker.exists()
    assert not (tmp_path / "out.docx").exists()
