"""Positions in a list of records are found by reading the records asked about alone;
they are those of a reading of the whole text.

:func:`lstg.read.positions.find_positions` reads only the records a problem is in when
a file is a top-level list written plainly; these tests compare it with the reading of
every event (``_read_positions``) on every bundled file, a generated corpus, and texts
made to be written otherwise (quotes, brackets over lines, markers, comments).
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from lstg.core.problems import PathPart
from lstg.read import positions
from lstg.read.positions import find_positions

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


def _paths(data: Any, rng: random.Random) -> list[tuple[PathPart, ...]]:
    """Paths into the records of ``data``: values that are there, and some that are not."""
    if not isinstance(data, list):
        return [(row, "id") for row in range(6)]
    paths: list[tuple[PathPart, ...]] = [(len(data),), (len(data) + 3, "name")]
    for row, record in enumerate(data):
        paths.append((row,))
        if isinstance(record, dict):
            for key, value in record.items():
                paths.append((row, str(key)))
                if isinstance(value, list) and value:
                    paths.append((row, str(key), rng.randrange(len(value) + 1)))
                    if isinstance(value[0], dict):
                        paths.append((row, str(key), 0, next(iter(value[0]))))
            paths.append((row, "not-a-key"))
        elif isinstance(record, list):
            paths.append((row, 0))
    return paths


def _same(text: str, wanted: list[tuple[PathPart, ...]], *, valid: bool = True) -> bool:
    """The two readings agree on every position; whether the quick one was taken.

    In a text that is not ``valid`` YAML, the quick reading may find a record's
    positions where the whole one stops at an error before it.
    """
    quick = find_positions(text, wanted)
    whole = positions._read_positions(text, wanted)
    assert quick is not None or whole is None, wanted
    assert (quick is None) == (whole is None) or not valid, wanted
    if quick is None or whole is None:
        return False
    assert quick.values == whole.values, wanted
    assert quick.keys == whole.keys, wanted
    for where in wanted:
        for key in (False, True):
            assert quick.locate(where, key) == whole.locate(where, key), where
    rows = positions._rows_asked(wanted)
    starts = positions._entries(text)
    return rows is not None and starts is not None and max(rows) < len(starts) - 1


def _check_files(files: list[Path], rng: random.Random) -> int:
    quick = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        paths = _paths(data, rng)
        # One path at a time, a few together, and all of them at once.
        sets = [[p] for p in rng.sample(paths, min(6, len(paths)))]
        sets += [rng.sample(paths, min(4, len(paths))), paths]
        quick += sum(_same(text, wanted) for wanted in sets)
    return quick


def test_every_bundled_file_gives_the_positions_of_a_whole_reading() -> None:
    files = sorted(p for p in DATA.rglob("*.yaml") if ".lstg-cache" not in p.parts)
    assert len(files) > 400
    # Most of the bundled files are lists written plainly: the quick reading is taken.
    assert _check_files(files, random.Random(7)) > 1500


def test_a_generated_corpus_gives_the_positions_of_a_whole_reading(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_corpus", REPO / "scripts/make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    spec.loader.exec_module(module)
    corpus = module.make_corpus(2, tmp_path / "corpus", DATA)
    files = sorted(p for p in corpus.rglob("*.yaml") if "clubs" in p.parts)
    assert _check_files(files, random.Random(8)) > 100


RECORD_LINES = [
    "- id: M00{n}\n  name: Nguyễn Văn {n}\n",
    "- id: M00{n}\n  groups: [a, b]\n  note: x\n",
    "- {{id: M00{n}, name: A}}\n",
    "- id: M00{n}\n  groups: [a,\n    b]\n",
    "- id: M00{n}\n  groups: [a,\n- b]\n",
    "- id: M00{n}\n  name: 'it''s'\n",
    '- id: M00{n}\n  name: "two\n- lines"\n',
    "# a comment\n- id: M00{n}\n",
    "- id: M00{n}\n# - not a record\n  name: B\n",
    "-\n  id: M00{n}\n",
    "- - M00{n}\n  - x\n",
    "\n- id: M00{n}\n\n",
    "- id: M00{n}\n  visits:\n  - {{date: 2021-01-01, n: 1}}\n  - {{date: 2021-02-01, n: 2}}\n",
    "- id: M00{n}\n  note: a\n    b\n",
    "- id: M00{n}\n  x: {{a: [1, {{b: 2}}]}}\n",
    "---\n- id: M00{n}\n",
    "- id: M00{n}\n...\n",
    "- id: M00{n}\n\tname: tab\n",
    "- id: M00{n}\r\n  name: cr\r\n",
    "key: value\n",
    "  - indented: M00{n}\n",
    "- id: M00{n}\n  id: again\n",
    "- id: M00{n}\n  : empty key\n",
]


@pytest.mark.parametrize("seed", range(4))
def test_texts_written_otherwise_give_the_positions_of_a_whole_reading(seed: int) -> None:
    rng = random.Random(seed)
    quick = 0
    for _ in range(400):
        text = "".join(
            rng.choice(RECORD_LINES[:3] * 6 + RECORD_LINES).format(n=n)
            for n in range(rng.randint(1, 6))
        )
        try:
            data, valid = yaml.safe_load(text), True
        except yaml.YAMLError:
            data, valid = None, False
        paths = _paths(data, rng)
        quick += sum(_same(text, [p], valid=valid) for p in paths)
        quick += _same(text, paths, valid=valid)
    # Both ways are met: texts read by record, and texts read whole.
    assert quick > 300
