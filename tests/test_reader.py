"""Reading YAML files: plain data, every hostile input reported as a located problem."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest_validate import isolated

from lstg.core.i18n import set_language
from lstg.core.problems import PathPart, error
from lstg.read.reader import locate_problems, parse_text, read_yaml, source_line, source_lines

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")


def _problems(raw: bytes) -> list[tuple[str, int, int]]:
    set_language("en")
    result = parse_text(raw, "f.yaml")
    return [(p.code, p.line, p.column) for p in result.problems]


def test_yaml_1_2_scalars_and_dates_kept_as_text() -> None:
    result = parse_text(b"a: yes\nb: 012\nc: 2020-02-30\nd: 1.5\ne: null\nf: true\n", "f.yaml")
    assert result.data == {"a": "yes", "b": 12, "c": "2020-02-30", "d": 1.5, "e": None, "f": True}
    assert result.problems == []
    assert result.ok


def test_byte_order_mark_is_accepted() -> None:
    assert parse_text("\ufeffname: Lạng Sơn\n".encode(), "f.yaml").data == {"name": "Lạng Sơn"}


def test_legacy_vietnamese_encoding() -> None:
    raw = "name: Hoa\nnote: Vi Thi\u0300 Hoa\n".encode("cp1258")
    set_language("en")
    result = parse_text(raw, "f.yaml")
    assert result.data is None
    assert [(p.code, p.line, p.column) for p in result.problems] == [("file.encoding", 2, 13)]
    assert result.problems[0].hint is not None
    assert "Windows-1258" in result.problems[0].hint


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", [("file.empty", 1, 1)]),
        (b"# only a comment\n\n", [("file.empty", 1, 1)]),
        (b"a: 1\n\x00\x01\x02", [("file.binary", 2, 1)]),
        (b"a: 1\na: 2\n", [("yaml.duplicate-key", 2, 1)]),
        (b"a: &x [1]\nb: *x\n", [("yaml.alias", 2, 4)]),
        (b"a: *x\n", [("yaml.alias", 1, 4)]),
        (b"a: !!python/object/apply:os.system [ls]\n", [("yaml.tag", 1, 4)]),
        (b"a: !custom 1\n", [("yaml.tag", 1, 4)]),
        (b"a:\n\tb: 1\n", [("yaml.tab", 2, 1)]),
        (b"a:\n  b: 1\n   c: 2\n", [("yaml.syntax", 3, 5)]),
        (b'a: "open\n', [("yaml.syntax", 1, 4)]),
        (b"[" * 100 + b"]" * 100, [("yaml.too-deep", 1, 42)]),
        (b"? [a]\n: 1\n", [("yaml.complex-key", 1, 3)]),
    ],
)
def test_hostile_inputs_are_problems(raw: bytes, expected: list[tuple[str, int, int]]) -> None:
    assert _problems(raw) == expected


def test_python_tag_is_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    raw = f'a: !!python/object/apply:os.system ["touch {marker}"]\n'.encode()
    assert parse_text(raw, "f.yaml").data is None
    assert not marker.exists()


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    assert _problems("\n".join(lines).encode()) == [("yaml.alias", 2, 8)]


def test_decomposed_text_is_read_as_nfc_with_a_warning() -> None:
    decomposed = unicodedata.normalize("NFD", "Lạng Sơn")
    set_language("en")
    result = parse_text(f"name: {decomposed}\n".encode(), "f.yaml")
    assert result.data == {"name": "Lạng Sơn"}
    assert [(p.code, p.severity, p.line, p.column) for p in result.problems] == [
        ("text.not-nfc", "warning", 1, 7)
    ]
    assert result.ok


def test_unreadable_file(tmp_path: Path) -> None:
    result = read_yaml(tmp_path / "missing.yaml", "missing.yaml")
    assert result.data is None
    assert [p.code for p in result.problems] == ["file.unreadable"]


def test_locate_problems_follows_the_path(tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text(
        "- id: L1\n  repayments:\n    - date: 2020-01-01\n      principal: 5\n", "utf-8"
    )
    problems = [
        error("f.yaml", "a", "m", where=(0, "repayments", 0, "principal")),
        error("f.yaml", "b", "m", where=(0, "repayments", 0, "principal"), key=True),
        error("f.yaml", "c", "m", where=(0, "missing")),
        error("f.yaml", "d", "m", where=(3,)),
        error("f.yaml", "e", "m", line=9, column=9),
    ]
    located = locate_problems(tmp_path, problems)
    assert [(p.code, p.line, p.column) for p in located] == [
        ("a", 4, 18),
        ("b", 4, 7),
        ("c", 1, 3),
        ("d", 1, 1),
        ("e", 9, 9),
    ]


def test_positions_are_read_only_as_far_as_the_last_path_asked() -> None:
    """What follows the paths asked for is not read, so a slip there does not matter: a
    path is settled once found, once the collection it would be in has ended, or where a
    scalar stands in its way; a path that may still come is looked for to the end."""
    from lstg.read.positions import find_positions

    text = "- id: M001\n  consent: 2020-01-01\n- id: M002\n  name: [\n"
    found = find_positions(text, [(0, "consent"), (0, "consent", 0), (0, "name")])
    assert found is not None
    assert [
        found.locate((0, "consent"), key=True),
        found.locate((0, "consent", 0), key=False),
        found.locate((0, "name"), key=False),
    ] == [(2, 3), (2, 12), (1, 3)]
    broken = find_positions(text, [(1, "name")])
    assert broken is not None and broken.locate((1, "name"), key=False) == (4, 9)
    assert find_positions(text, [(2,)]) is None
    assert find_positions(text, [(1, "team")]) is None


def test_source_lines_split_as_the_parser_counts(tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_bytes("a: 1\r\nb: x\u2028y\nc: \x0cz\n".encode())
    assert source_lines(tmp_path, "f.yaml") == ["a: 1", "b: x", "y", "c: \x0cz", ""]
    assert source_line(tmp_path, error("f.yaml", "x", "m", line=4, column=1)) == "c: \x0cz"
    (tmp_path / "g.yaml").write_bytes(b"\x00")
    assert source_lines(tmp_path, "g.yaml") is None


def test_garbage_without_nul_bytes_is_binary() -> None:
    noise = bytes((i * 73 + 11) % 255 + 1 for i in range(600))
    assert _problems(noise)[0][0] == "file.binary"


def test_text_in_another_legacy_encoding_gets_a_hint() -> None:
    set_language("en")
    result = parse_text(b"name: Ho\x81ng\n", "f.yaml")
    assert [(p.code, p.line, p.column) for p in result.problems] == [("file.encoding", 1, 9)]
    assert result.problems[0].hint == (
        "It may be in a legacy Vietnamese encoding (TCVN3 or VNI): open it in an editor "
        "and save it as UTF-8."
    )


def test_reading_less_gives_the_positions_a_whole_read_gives() -> None:
    """On every bundled club file, positions of paths that exist, paths that do not and
    paths below scalars are those found when the whole text is read (a path that is
    never settled keeps the read going to the end)."""
    import random

    from lstg.read.positions import find_positions
    from lstg.read.yamlnative import native_load

    bundled = Path(__file__).resolve().parent.parent / "data" / "clubs"
    rng = random.Random(7)
    files = sorted(bundled.rglob("*.yaml"))
    assert len(files) > 100
    for path in files[::3]:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        data = native_load(text, raw)
        paths = list(_paths(data, ()))
        asked = rng.sample(paths, min(4, len(paths)))
        asked += [(*rng.choice(paths), "absent"), (*rng.choice(paths), 0)]
        whole = find_positions(text, [*asked, (10**9,)])
        part = find_positions(text, asked)
        assert whole is not None and part is not None
        for where in asked:
            for key in (False, True):
                assert part.locate(where, key) == whole.locate(where, key), (path, where)


def _paths(node: object, at: tuple[PathPart, ...]) -> Iterator[tuple[PathPart, ...]]:
    """Every path in ``node``, itself first."""
    yield at
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _paths(child, (*at, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _paths(child, (*at, index))


def test_the_lines_quoted_are_split_at_every_line_break_yaml_counts(tmp_path: Path) -> None:
    """A text with only ``\\n`` is split in one pass; any other break takes the expression.
    Both give the lines the expression gives, on random texts of every kind of break."""
    import random

    from lstg.read.positions import LINE_BREAK

    rng = random.Random(7)
    pieces = ["a", "ế", " ", "\n", "\r", "\r\n", "\x85", "\u2028", "\u2029"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        (tmp_path / "f.yaml").write_bytes(text.encode("utf-8"))
        assert source_lines(tmp_path, "f.yaml") == LINE_BREAK.split(text), repr(text)
