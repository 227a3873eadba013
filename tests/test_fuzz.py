"""A bounded fuzz of the loader and the editor: any exception but a located problem fails.

Mutations of the bundled club's files (``scripts/hostile.py``'s mutator, seeded,
so that a failure reproduces) are read by validation and opened by the editor in
this process. ``python scripts/hostile.py fuzz --cases 5000`` runs thousands,
some through the command line.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

from lstg.core.i18n import set_language

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "hostile.py"
CASES = 240


def _hostile() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hostile", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["hostile"] = module
    spec.loader.exec_module(module)
    return module


hostile = _hostile()


def test_the_mutator_is_seeded() -> None:
    text = "- id: M001\n  name: Lan\n"
    first = [hostile.mutate(text, random.Random(3)) for _ in range(5)]
    assert first == [hostile.mutate(text, random.Random(3)) for _ in range(5)]
    assert any(m != text for m in first)


@pytest.mark.parametrize("seed", range(4))
def test_mutated_files_give_located_problems_or_user_errors(tmp_path: Path, seed: int) -> None:
    set_language("vi")
    rng = random.Random(seed)
    root = hostile.copy_data(tmp_path / "data")
    files = hostile.data_files(root)
    originals = {p: p.read_bytes() for p in files}
    failures = hostile.Failures()
    for case in range(CASES // 4):
        path = rng.choice(files)
        rel = path.relative_to(root).as_posix()
        text = hostile.mutate(originals[path].decode("utf-8"), rng)
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        label = f"seed {seed} case {case} ({rel})"
        hostile.check_library(root, rel, failures, label)
        if rel.endswith(("members.yaml", "loans.yaml", "ledger.yaml")) or "/meetings/" in rel:
            hostile.check_editor(text, rel, failures, label)
        path.write_bytes(originals[path])
    assert failures.items == []


def test_the_crash_sites_once_found_by_fuzzing() -> None:
    failures = hostile.Failures()
    cases = [
        "- id: M001\n  name: Lan\n   gender: female\n",  # a mis-indented line
        "- id: M001\n  name: Lan\n\u0301gender: female\n",  # a line starting with a combining mark
        "- id: M001\n  name: Lan\n  \u0301: x\n",
        "- id: M001\n  birth_year: -_\n",
        "- id: M001\n  birth_year: 0x_\n",
        "- {id: M001, name: [a, {b: c}]}\n",
        "[]\n",
        "",
    ]
    for n, text in enumerate(cases):
        hostile.check_editor(text, "clubs/x/members.yaml", failures, f"case {n}")
    assert failures.items == []
