"""Reading YAML from libyaml's events: YAML 1.2 data, and every problem at its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from lstg.core.i18n import set_language
from lstg.read import yamlscalars
from lstg.read.reader import parse_text
from lstg.read.yamlevents import build

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
    built = build(text, "x.yaml")
    assert built.problems == []
    assert built.data == expected


def _ruamel(text: str) -> object:
    """An independent reading: ruamel.yaml's YAML 1.2 safe loader, dates kept as text."""
    yaml = YAML(typ="safe", pure=True)
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
    )
    return yaml.load(text)


@pytest.mark.parametrize(("text", "_expected"), SCALARS)
def test_reading_agrees_with_ruamel_yaml(text: str, _expected: object) -> None:
    assert build(text, "x.yaml").data == _ruamel(text)


def test_bundled_data_reads_as_ruamel_reads_it() -> None:
    bundled = Path(__file__).resolve().parent.parent / "data"
    files = sorted(bundled.rglob("*.yaml"))[:40]
    assert files
    for path in files:
        text = path.read_text("utf-8")
        assert build(text, path.name).data == _ruamel(text), path


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("a: 1\na: 2\n", "yaml.duplicate-key", 2, 1),
        ("a: &x [1]\nb: *x\n", "yaml.alias", 2, 4),
        ("team: &t T4\nother: *t\n", "yaml.alias", 2, 8),
        ("team: &t T4\n", "yaml.alias", 1, 7),
        ("<<: {a: 1}\n", "yaml.alias", 1, 1),
        ("a: !!python/object/apply:os.system ['true']\n", "yaml.tag", 1, 4),
        ("a: !!str [1]\n", "yaml.tag", 1, 4),
        ("a: !!map x\n", "yaml.tag", 1, 4),
        ("living_alone: !!bool maybe\n", "yaml.tag", 1, 15),
        ("term_months: !!int six\n", "yaml.tag", 1, 14),
        ("bp: !!float x\n", "yaml.tag", 1, 5),
        ("birth_year: -_\n", "yaml.number", 1, 13),
        ("kind: 0x_\n", "yaml.number", 1, 7),
        ("kind: 0o_\n", "yaml.number", 1, 7),
        ("founded: 0b_\n", "yaml.number", 1, 10),
        ("weight: ._\n", "yaml.number", 1, 9),
        ("n: " + "9" * 4400 + "\n", "yaml.number", 1, 4),
        ("weight: .inf\n", "yaml.not-finite", 1, 9),
        ("weight: -.Inf\n", "yaml.not-finite", 1, 9),
        ("weight: .nan\n", "yaml.not-finite", 1, 9),
        ("weight: 1e999\n", "yaml.not-finite", 1, 9),
        ("a:\n\tb: 1\n", "yaml.tab", 2, 1),
        ("a: [1, 2\n", "yaml.syntax", 1, 4),
        ("a: 1\n---\nb: 2\n", "yaml.syntax", 2, 1),
        ("a: cafe\u0301\n", "text.not-nfc", 1, 4),
        ("a: " + "[" * 60 + "]" * 60 + "\n", "yaml.too-deep", 1, 44),
        ("~\n", "file.null", 1, 1),
        ("null\n", "file.null", 1, 1),
        ("---\n", "file.null", 1, 1),
        ("--- ~\n...\n", "file.null", 1, 1),
    ],
)
def test_what_data_must_not_hold_is_a_located_problem(
    text: str, code: str, line: int, column: int
) -> None:
    set_language("en")
    result = parse_text(text.encode("utf-8"), "x.yaml")
    assert [(p.code, p.line, p.column) for p in result.problems] == [(code, line, column)]


def test_a_number_that_is_not_one_is_read_as_missing_and_the_rest_is_read() -> None:
    result = parse_text(b"- id: M1\n  birth_year: -_\n- id: M2\n  weight: .inf\n", "x.yaml")
    assert result.data == [{"id": "M1", "birth_year": None}, {"id": "M2", "weight": None}]
    assert result.bad == ((0, "birth_year"), (1, "weight"))
    assert [p.code for p in result.problems] == ["yaml.number", "yaml.not-finite"]


def test_alias_bomb_is_refused_without_expanding() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    text = "\n".join(lines) + "\n"
    assert [p.code for p in parse_text(text.encode(), "x.yaml").problems] == ["yaml.alias"]


def test_a_million_aliases_stop_at_the_first() -> None:
    text = "a: &x [1]\nb:\n" + "  - *x\n" * 1_000_000
    result = parse_text(text.encode(), "x.yaml")
    assert [(p.code, p.line, p.column) for p in result.problems] == [("yaml.alias", 3, 5)]


def test_deep_flow_nesting_does_not_overflow() -> None:
    text = "a: " + "[" * 200_000 + "]" * 200_000 + "\n"
    assert [p.code for p in parse_text(text.encode(), "x.yaml").problems] == ["yaml.too-deep"]


def test_resolve_plain_follows_the_core_schema() -> None:
    assert yamlscalars.resolve_plain("yes") == yamlscalars.STR
    assert yamlscalars.resolve_plain("012") == yamlscalars.INT
    assert yamlscalars.resolve_plain("1:20") == yamlscalars.STR
    assert yamlscalars.resolve_plain("2020-01-01") == yamlscalars.TIMESTAMP
    assert yamlscalars.resolve_plain("") == yamlscalars.NULL
    assert yamlscalars.resolve_plain(".nan") == yamlscalars.FLOAT


@pytest.mark.parametrize(
    "text",
    ["-_", "_", "0x_", "0o_", "0b_", "._", "+_", "-0x", "0x", "1_e5", ".inf", "-.nan", "1e99999"],
)
def test_every_number_text_the_resolver_accepts_converts_or_is_refused(text: str) -> None:
    tag = yamlscalars.resolve_plain(text)
    value = yamlscalars.convert(tag, text)
    assert isinstance(value, (int, float, str, yamlscalars.BadScalar))
