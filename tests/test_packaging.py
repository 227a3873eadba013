"""What the wheel holds: every package, the templates, the catalogs, the mappings and the
sample, found through the import system; the version written once."""

from __future__ import annotations

import io
import os
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

import lstg
from lstg.cli import console
from lstg.core import pool, resources

ROOT = Path(__file__).resolve().parent.parent


def _project() -> dict:  # type: ignore[type-arg]
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def test_every_package_and_folder_of_package_data_is_listed() -> None:
    setuptools = _project()["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    mapped = setuptools["package-dir"]
    assert mapped == {"lstg.templates": "templates", "lstg.sample": "data"}
    found = {"lstg.templates", "lstg.sample", "lstg.sample.plans", "lstg.sample.clubs"}
    for folder, dirs, files in os.walk(ROOT / "lstg"):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        here = Path(folder)
        if "__init__.py" in files or any(f.endswith((".mo", ".yaml")) for f in files):
            found.add(".".join(here.relative_to(ROOT).parts))
    assert sorted(found) == sorted(listed), "list the package in pyproject.toml's packages"


def test_the_version_is_written_once() -> None:
    project = _project()["project"]
    assert "version" not in project and project["dynamic"] == ["version"]
    assert _project()["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "lstg.__version__"}
    assert metadata.version("lstg") == lstg.__version__


def test_the_resources_are_found_through_the_package() -> None:
    assert (resources.templates_dir() / "report.vi.md.j2").is_file()
    assert (resources.templates_dir() / "report.en.docx").is_file()
    assert (resources.sample_dir() / "province.yaml").is_file()
    assert sorted(p.name for p in (resources.sample_dir() / "plans").glob("*.yaml"))
    assert (resources.mappings_dir() / "members.yaml").is_file()
    assert (resources.locale_dir() / "vi" / "LC_MESSAGES" / "lstg.mo").is_file()
    assert resources.package_dir() == Path(lstg.__file__).parent


def test_nothing_in_the_package_reads_from_beside_it() -> None:
    offenders = []
    for path in (ROOT / "lstg").rglob("*.py"):
        text = path.read_text("utf-8")
        if "parent.parent" in text or "parents[" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_streams_are_made_utf8_whatever_the_code_page(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    legacy = io.TextIOWrapper(raw, encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", legacy)
    console.use_utf8()
    assert sys.stdout.encoding == "utf-8"
    sys.stdout.write("Câu lạc bộ Liên thế hệ")
    sys.stdout.flush()
    assert raw.getvalue().decode("utf-8") == "Câu lạc bộ Liên thế hệ"


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_the_pool_starts_workers_as_asked(monkeypatch: pytest.MonkeyPatch, method: str) -> None:
    monkeypatch.setenv(pool.START_METHOD_VAR, method)
    with pool.process_pool(1) as workers:
        assert workers._mp_context.get_start_method() == method  # type: ignore[attr-defined]
        assert workers.submit(abs, -3).result() == 3
