"""The layout of docs/architecture.md is the layout of lstg/, and its import contract holds."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "lstg"
ARCHITECTURE = (ROOT / "docs" / "architecture.md").read_text("utf-8")


def _layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    return [name.strip() for layer in layers for name in layer.split("|")]


def _packages() -> set[str]:
    return {
        p.parent.name
        for p in PACKAGE.glob("*/__init__.py")
        if p.parent.name not in {"locale", "mappings"}
    }


def test_nothing_but_the_package_itself_sits_flat_in_lstg() -> None:
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == ["__init__.py", "__main__.py"]


def test_every_package_is_a_layer_of_the_contract_and_a_stage_of_the_document() -> None:
    layers = _layers()
    assert sorted(name.removeprefix("lstg.") for name in layers) == sorted(_packages())
    for package in _packages():
        assert f"`lstg/{package}/`" in ARCHITECTURE, package


def test_the_places_the_document_names_exist() -> None:
    named = set(re.findall(r"`(lstg/[\w/]+\.py)`", ARCHITECTURE))
    assert "lstg/read/reader.py" in named
    assert "lstg/indicators/registry.py" in named
    for path in named:
        assert (ROOT / path).is_file(), path


def _defines(path: Path, name: str) -> bool:
    tree = ast.parse(path.read_text("utf-8"))
    return any(
        isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name == name
        for node in ast.walk(tree)
    )


def test_a_newcomer_finds_the_parse_and_the_borrower_share_in_one_step() -> None:
    where = dict(re.findall(r"^\| ([^|]+?) \| (.+) \|$", ARCHITECTURE, re.MULTILINE))
    assert where["a YAML file is parsed"].startswith("`lstg/read/reader.py`, `read_yaml`")
    assert _defines(PACKAGE / "read" / "reader.py", "read_yaml")
    assert where['"borrower share" is computed'].startswith(
        "`lstg/indicators/registry.py`, the entry `borrower_share`"
    )
    registry = (PACKAGE / "indicators" / "registry.py").read_text("utf-8")
    assert re.search(r'_ratio\(\s*"borrower_share",', registry)
    assert _defines(PACKAGE / "indicators" / "club.py", "borrowers")


@pytest.mark.skipif(
    shutil.which("lint-imports", path=str(Path(sys.executable).parent)) is None,
    reason="import-linter is a development dependency",
)
def test_the_import_contract_breaks_on_an_import_upwards(tmp_path: Path) -> None:
    copy = tmp_path / "tree"
    shutil.copytree(PACKAGE, copy / "lstg", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    lint = Path(sys.executable).parent / "lint-imports"
    env = {"PYTHONPATH": str(copy), "PATH": str(Path(sys.executable).parent)}
    kept = subprocess.run([lint], cwd=copy, env=env, capture_output=True, text=True)
    assert kept.returncode == 0, kept.stdout
    problems = copy / "lstg" / "core" / "problems.py"
    problems.write_text(
        problems.read_text("utf-8") + "\nfrom lstg.indicators import INDICATORS  # noqa\n",
        "utf-8",
    )
    broken = subprocess.run([lint], cwd=copy, env=env, capture_output=True, text=True)
    assert broken.returncode == 1
    assert "lstg.core is not allowed to import lstg.indicators" in broken.stdout
    assert "lstg.core.problems -> lstg.indicators" in broken.stdout
