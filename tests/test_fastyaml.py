"""The fast parse path gives exactly what the careful path gives, or steps aside."""

from __future__ import annotations

import pytest

from lstg import fastyaml
from lstg.reader import _Builder, _compose, parse_text

SCALARS = [
    ("a: yes", {"a": "yes"}),
    ("a: no", {"a": "no"}),
    ("a: on", {"a": "on"}),
    ("a: 012", {"a": 12}),
    ("a: 07", {"a": 7}),
    ("a: 08", {"a": 8}),
    ("a: 0o17", {"a": 15}),
    ("a: 0x1F", {"a": 31}),
    ("a: 0b101", {"a": 5}),
    ("a: 1_000", {"a": 1000}),
    ("a: -0", {"a": 0}),
    ("a: +12", {"a": 12}),
    ("a: 1:20", {"a": "1:20"}),
    ("a: 2020-01-01", {"a": "2020-01-01"}),
    ("a: 2020-1-1 1:00:00", {"a": "2020-1-1 1:00:00"}),
    ("a: 1e5", {"a": 100000.0}),
    ("a: 1.", {"a": 1.0}),
    ("a: .5", {"a": 0.5}),
    ("a: 52.5", {"a": 52.5}),
    ("a: -.inf", {"a": float("-inf")}),
    ("a: ~", {"a": None}),
    ("a:", {"a": None}),
    ("a: Null", {"a": None}),
    ("a: TRUE", {"a": True}),
    ("a: false", {"a": False}),
    ("a: '12'", {"a": "12"}),
    ("a: '+.inf'", {"a": "+.inf"}),
    ('a: "true"', {"a": "true"}),
    ("a: !!str 12", {"a": "12"}),
    ("a: !!int '12'", {"a": 12}),
    ("1: a", {1: "a"}),
    ("bp: 130/85", {"bp": "130/85"}),
    ("k: [M001, 2.5, x]", {"k": ["M001", 2.5, "x"]}),
    ("name: Nguyễn Thị Lan", {"name": "Nguyễn Thị Lan"}),
    ("- id: M001\n  joined: 2020-05-01\n- id: M002\n",
     [{"id": "M001", "joined": "2020-05-01"}, {"id": "M002"}]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SCALARS)
def test_clean_text_reads_as_yaml_1_2(text: str, expected: object) -> None:
    clean, data = fastyaml.fast_parse(text)
    assert clean
    assert data == expected


@pytest.mark.parametrize(("text", "_expected"), SCALARS)
def test_fast_path_agrees_with_careful_path(text: str, _expected: object) -> None:
    builder = _Builder("x.yaml")
    careful = builder.build(_compose(text), 0)
    assert builder.problems == []
    assert fastyaml.fast_parse(text) == (True, careful)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a: 1\na: 2\n", "yaml.duplicate-key"),
        ("a: &x [1]\nb: *x\n", "yaml.alias"),
        ("a: !!python/object/apply:os.system ['true']\n", "yaml.tag"),
        ("a: <<\n", "yaml.tag"),
        ("a:\n\tb: 1\n", "yaml.tab"),
        ("a: [1, 2\n", "yaml.syntax"),
        ("a: cafe\u0301\n", "text.not-nfc"),
        ("a: " + "[" * 60 + "]" * 60 + "\n", "yaml.too-deep"),
    ],
)
def test_unclean_text_goes_to_the_careful_path(text: str, code: str) -> None:
    assert fastyaml.fast_parse(text) == (False, None)
    result = parse_text(text.encode("utf-8"), "x.yaml")
    assert code in [p.code for p in result.problems]
    assert all(p.line >= 1 for p in result.problems)


def test_alias_bomb_is_refused_without_expanding() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    text = "\n".join(lines) + "\n"
    assert fastyaml.fast_parse(text) == (False, None)
    assert [p.code for p in parse_text(text.encode(), "x.yaml").problems] == ["yaml.alias"]


def test_many_flow_brackets_are_left_to_the_careful_path() -> None:
    text = "a: [" + ", ".join(["[1]"] * (fastyaml.MAX_FLOW_BRACKETS + 1)) + "]\n"
    assert fastyaml.fast_parse(text) == (False, None)


def test_resolve_plain_follows_the_core_schema() -> None:
    assert fastyaml.resolve_plain("yes") == fastyaml.STR
    assert fastyaml.resolve_plain("012") == fastyaml.INT
    assert fastyaml.resolve_plain("1:20") == fastyaml.STR
    assert fastyaml.resolve_plain("2020-01-01") == fastyaml.TIMESTAMP
    assert fastyaml.resolve_plain("") == fastyaml.NULL
    assert fastyaml.resolve_plain(".nan") == fastyaml.FLOAT
