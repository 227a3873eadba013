"""The native parser reads exactly what the event path reads, or leaves the text to it.

A differential test: every bundled data file, a generated corpus, generated
scalars and mutated files are read both ways. Where the native parser reads a
text, its data must be the event path's, value for value and type for type;
and a club loaded with the fast path must give the same records and the same
problems, at the same lines and columns, as one loaded the careful way.
"""

from __future__ import annotations

import importlib.util
import math
import random
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from lstg.dataset.loader import load_club, load_document
from lstg.read import yamlnative
from lstg.read.reader import locate_problems, parse_text, read_yaml
from lstg.read.yamlevents import build
from lstg.read.yamlnative import NOT_READ, native_load, plain
from lstg.schema import Province

pytest.importorskip("yaml_rs")

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


hostile = _script("hostile")


def typed(value: Any) -> Any:
    """``value`` with the type of every part spelled out: ``1``, ``1.0`` and ``True`` differ."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    return (type(value).__name__, value)


def refused_by_every_schema(data: Any) -> bool:
    """Whether ``data`` holds what no model accepts: a key that is not text or a number
    (``None``, a list or a mapping), or a number that is not finite."""
    if isinstance(data, dict):
        return any(
            key is None or isinstance(key, (tuple, frozenset)) or refused_by_every_schema(key)
            for key in data
        ) or any(refused_by_every_schema(v) for v in data.values())
    if isinstance(data, list):
        return any(refused_by_every_schema(v) for v in data)
    return isinstance(data, float) and not math.isfinite(data)


def same_or_declined(text: str) -> bool:
    """Whether the native parser reads ``text``, as the event path does; raises if it reads
    it otherwise.

    The one exception is a text that the event path refuses and whose native data no
    schema accepts (an empty key, a list as a key, ``1e400``): the loader reads such
    a file again the careful way (see the loader tests below).
    """
    native = native_load(text, text.encode("utf-8", errors="surrogatepass"))
    if native is NOT_READ:
        return False
    built = build(text, "x.yaml")
    if built.problems and refused_by_every_schema(native):
        assert any(p.is_error for p in built.problems)
        return False
    assert built.problems == [], (text, built.problems, native)
    assert typed(native) == typed(built.data), text
    return True


def _yaml_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.yaml") if ".lstg-cache" not in p.parts)


def test_every_bundled_file_reads_the_same() -> None:
    files = _yaml_files(DATA)
    read = [p for p in files if same_or_declined(p.read_text(encoding="utf-8"))]
    # The bundled files hold nothing unusual: the native parser reads them all.
    assert len(files) > 400
    assert read == files


def test_a_generated_corpus_reads_the_same(tmp_path: Path) -> None:
    corpus = _script("make_corpus").make_corpus(3, tmp_path / "corpus", DATA)
    files = _yaml_files(corpus)
    read = [p for p in files if same_or_declined(p.read_text(encoding="utf-8"))]
    assert len([p for p in files if "clubs" in p.parts]) == 3 * 9
    assert read == files


SCALAR_CHARACTERS = "0123456789.+-eExXoObB_:aIfnNTtrule~ "
SYNTAX_CHARACTERS = "ab1.:-, []{}#'\"?\n  ~\\|>%@`"


@pytest.mark.parametrize(
    ("characters", "length", "least"),
    [(SCALAR_CHARACTERS, 7, 9000), (SYNTAX_CHARACTERS, 12, 2000)],
)
def test_generated_texts_read_the_same(characters: str, length: int, least: int) -> None:
    """Random scalars, and random bits of syntax, as values, keys and whole documents."""
    rng = random.Random(15)
    read = 0
    for _ in range(6000):
        token = "".join(rng.choice(characters) for _ in range(rng.randint(1, length)))
        for text in (f"a: {token}\n", f"- {token}: 1\n", f"- [{token}, x]\n", token + "\n"):
            read += same_or_declined(text)
    # Many of them are plain enough for the native parser: the comparison is not empty.
    assert read > least


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("a: 0b101\nb: 0o17\nc: 0x1f\nd: 012\ne: +12\nf: -0\n", True),
        ("a: 1.\nb: .5\nc: -.5\nd: 1.5e3\ne: 1e-3\nf: 1.e3\n", True),
        ("a: yes\nb: no\nc: on\nd: True\ne: FALSE\nf: ~\ng: Null\nh:\n", True),
        ("a: 2020-11-30\nb: 2020-11-30T10:00:00\nc: 1:20\nd: 190:20:30\n", True),
        ("c: 'it''s'\nd: \"x\n  y\"\ne: 'x\n\n  y'\nf: x\n  y\n", True),
        ("a: {b: 1, c: [2, 3]}\nb: [x, 'y', \"z\"]\nc: b # c\nd: 'b # c'\n", True),
        ("a: 1\r\nb: 2\r\n", True),
        ("a: .5e3\n", False),  # text for lstg (as for ruamel.yaml), a number for yaml-rs
        ("a: 9e_3\n", False),
        ("a: 1_000\n", False),
        ("a: 0X1F\n", False),
        ("a: 0B101\n", False),
        ("a: .inf\n", False),
        ("a: .NaN\n", False),
        ("a: 1e400\n", False),  # an infinity for both: the event path reports it
        ("a: :x\n: y\n", False),  # an empty key: every schema refuses it
        ("[a]: 1\n", False),  # a list as a key: every schema refuses it
        ("a: 1234567890123\n", False),
        ("- : b: 1\n", False),  # an empty key: a syntax error for libyaml
        ("a: [:x]\n", False),  # text for YAML 1.2, a syntax error for libyaml
        ("a: [- x]\n", False),
        ("a: [b:]\n", False),
        ("a: [?b]\n", False),
        ("a: |\n  x\n", False),  # block scalars: libyaml and yaml-rs differ at their edges
        ("a: [M001,\n  M002]\n", True),  # brackets over two lines, as the editor wraps them
        ("a: &x 1\nb: *x\n", False),
        ("a: !!str 1\n", False),
        ("<<: {a: 1}\n", False),
        ("? a\n: b\n", False),
        ("%YAML 1.2\n---\na: 1\n", False),
        ("a: 1\n---\nb: 2\n", False),
        ('a: "x\\ty"\n', False),
        ("a:\tb\n", False),
        ('a: "\u2028"\n', False),
        ("a: Nguye\u0302\u0303n\n", False),  # not NFC: read as NFC with a warning
        ("a: 1\na: 2\n", False),  # refused by the native parser: a duplicate key
        ("a: [1, 2\n", False),
    ],
)
def test_what_is_read_natively(text: str, read: bool) -> None:
    assert same_or_declined(text) is read


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n...\nb: 2\n",  # two documents for yaml-rs, a syntax error for libyaml
        "...\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n: x\n",  # an empty key
        "a: 1\n  : x\n",
        "a: [:x]\n",
        "a: [b, :x]\n",
        "a: [- x]\n",
    ],
)
def test_plain_declines_what_the_two_parsers_read_apart(text: str) -> None:
    """Each of these texts the loader would read again carefully, as its data has a
    problem; the scan leaves them to the event path at once."""
    assert not plain(text, text.encode())


def test_plain_looks_at_the_bytes_and_the_text() -> None:
    text = "a: Lạng Sơn\n"
    assert plain(text, text.encode())
    assert plain(text, b"\xef\xbb\xbf" + text.encode())  # a byte order mark at the start
    assert not plain(text + "b: \ufeffx\n", (text + "b: \ufeffx\n").encode())


def test_without_the_native_parser_every_text_takes_the_event_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yamlnative, "yaml_rs", None)
    assert native_load("a: 1\n", b"a: 1\n") is NOT_READ
    result = parse_text(b"a: 1\n", "x.yaml", fast=True)
    assert result.data == {"a": 1}
    assert not result.fast


def test_the_fast_path_keeps_the_bytes_for_a_careful_reading(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"- id: M001\n")
    assert read_yaml(path, "x.yaml", fast=True).fast
    assert not read_yaml(path, "x.yaml").fast
    path.write_bytes(b"- id: &a M001\n")
    assert not read_yaml(path, "x.yaml", fast=True).fast


def _loaded_both_ways(
    monkeypatch: pytest.MonkeyPatch, root: Path, folder: Path
) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    def load() -> tuple[Any, ...]:
        club, problems = load_club(root, folder)
        located = locate_problems(root, problems)
        return (
            club.club,
            club.members,
            club.member_rows,
            club.loans,
            club.loan_rows,
            club.ledger,
            club.ledger_rows,
            club.meetings,
            club.meeting_rows,
            club.invalid_ids,
            club.unidentified,
            club.files,
            [(p.file, p.code, p.message, p.severity, p.line, p.column) for p in located],
        )

    fast = load()
    with monkeypatch.context() as careful:
        careful.setattr(yamlnative, "yaml_rs", None)
        return fast, load()


@pytest.mark.parametrize("seed", range(3))
def test_mutated_files_load_the_same_both_ways(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seed: int
) -> None:
    """A mutated file loads to the same records and the same located problems."""
    rng = random.Random(seed)
    root = hostile.copy_data(tmp_path / "data")
    folder = root / "clubs" / hostile.CLUB
    files = [p for p in _yaml_files(folder)]
    originals = {p: p.read_text(encoding="utf-8") for p in files}
    with_problems = 0
    for case in range(40):
        path = rng.choice(files)
        text = hostile.mutate(originals[path], rng)
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        fast, careful = _loaded_both_ways(monkeypatch, root, folder)
        assert fast == careful, f"seed {seed} case {case}: {path.name}"
        with_problems += bool(careful[-1])
        path.write_text(originals[path], encoding="utf-8")
    assert with_problems > 10


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("members.yaml", "- id: M001\n  name: Lan\n  born: 1950-02-30\n"),
        ("members.yaml", "- id: M001\n  name: Lan\n  sex: nữ\n  born: 1950-01-01\n"),
        ("loans.yaml", "- id: L1\n  member: M001\n  amount: .inf\n"),
        ("loans.yaml", "- id: L1\n  member: M001\n  amount: 1e3\n"),
        ("ledger.yaml", "- date: 2021-01-01\n  fund: revolving\n  amount: 12.5\n"),
        ("ledger.yaml", "- date: 2021-01-01\n  : revolving\n  amount: 1e400\n"),
        ("loans.yaml", "- id: L1\n  [member]: M001\n"),
        ("meetings/2021.yaml", "- date: 2021-01-05\n  health_checks:\n  - member: M001\n"),
        ("meetings/2021.yaml", "- date: 2021-01-05\n  attendance: [M001, 12]\n"),
        ("meetings/2021.yaml", "- date: 2021-01-05\n  health_checks: [{member: M001, bp: 130}]\n"),
        ("meetings/2021.yaml", "- date: 2021-01-05\n  health_checks: [{member: M1, bp: 1/8}]\n"),
    ],
)
def test_files_with_problems_keep_their_located_messages(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, text: str
) -> None:
    root = hostile.copy_data(tmp_path / "data")
    folder = root / "clubs" / hostile.CLUB
    (folder / name).write_text(text, encoding="utf-8")
    fast, careful = _loaded_both_ways(monkeypatch, root, folder)
    assert fast == careful
    assert any(line > 0 for _f, _c, _m, _s, line, _col in careful[-1])


def test_a_document_with_a_problem_is_read_again_carefully(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = hostile.copy_data(tmp_path / "data")
    path = root / "province.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "extra: 1\n", encoding="utf-8")
    fast = load_document(root, path, Province)
    monkeypatch.setattr(yamlnative, "yaml_rs", None)
    assert fast == load_document(root, path, Province)
    assert fast[0] is None
    assert [p.code for p in fast[1]] == ["schema.unknown-field"]


@pytest.mark.parametrize("written", ["130-85", "1/85", "130/85/60", 130, [130, 85], True])
def test_a_blood_pressure_not_written_as_one_is_one_problem(written: object) -> None:
    """The reading is validated by pydantic's core and a remembered conversion; any value
    that is not one still gives the one message, at the field."""
    from pydantic import ValidationError

    from lstg.core.i18n import set_language
    from lstg.dataset.modelerrors import problems_from
    from lstg.schema.meeting import HealthCheck

    set_language("en")
    with pytest.raises(ValidationError) as caught:
        HealthCheck.model_validate({"member": "M001", "bp": written})
    problems = problems_from(caught.value, file="x.yaml", prefix=(0,), model=HealthCheck)
    assert [(p.code, p.message, p.where) for p in problems] == [
        (
            "schema.value",
            "“bp”: blood pressure is written systolic/diastolic, such as 130/85.",
            (0, "bp"),
        )
    ]


def test_a_blood_pressure_is_read_as_two_numbers() -> None:
    from lstg.schema.meeting import HealthCheck

    assert HealthCheck.model_validate({"member": "M001", "bp": " 130 / 85 "}).bp == (130, 85)
    assert HealthCheck.model_validate({"member": "M001", "bp": "90/60"}).bp == (90, 60)
